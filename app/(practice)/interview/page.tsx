import type { Metadata } from "next";
import Link from "next/link";
import { AbandonButton } from "@/components/interview/stage-buttons";
import { StartInterviewForm } from "@/components/interview/start-form";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { LEVELS } from "@/lib/content/levels";
import { db } from "@/lib/db/prisma";
import { inProgressInterview, interviewTracks, listInterviews } from "@/lib/practice/interview";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function InterviewPage() {
  const user = await requireUserForPage("/interview");
  const [open, past] = await Promise.all([inProgressInterview(db(), user.id), listInterviews(db(), user.id, 12)]);
  const tracks = interviewTracks();
  const finished = past.filter((session) => session.status !== "in_progress");

  return (
    <>
      <PageHeader
        eyebrow="Mock interview"
        title="Five questions, warm-up to final boss"
        description="One track, five questions that climb in difficulty, each against its own clock. At the end you get a score table and an assessment written from what your answers actually covered."
      />

      <ol className="mb-10 flex flex-wrap gap-2" aria-label="The five levels, in order">
        {LEVELS.map((level) => (
          <li key={level.id}>
            <LevelBadge level={level.id} />
          </li>
        ))}
      </ol>

      {open ? (
        <section aria-labelledby="in-progress" className="mb-10 rounded-2xl border border-accent/40 bg-accent-soft/40 p-6" data-testid="interview-in-progress">
          <p className="text-sm font-medium text-accent-strong">In progress</p>
          <h2 id="in-progress" className="mt-1 text-xl font-semibold">
            {open.trackTitle} interview — {open.answered} of {open.total} answered{open.skipped > 0 ? `, ${open.skipped} skipped` : ""}
          </h2>
          <p className="mt-1 text-sm text-muted">Started {dateFormat.format(open.startedAt)}. Everything you submitted is saved; pick up where you left off.</p>
          <div className="mt-5 flex flex-wrap items-center gap-3">
            <LinkButton href={`/interview/${open.id}`} data-testid="resume-interview">
              Resume
            </LinkButton>
            <AbandonButton sessionId={open.id} size="md" />
          </div>
        </section>
      ) : tracks.length > 0 ? (
        <section aria-labelledby="start-heading" className="mb-10">
          <h2 id="start-heading" className="sr-only">
            Start an interview
          </h2>
          <StartInterviewForm tracks={tracks} />
        </section>
      ) : (
        <p className="mb-10 rounded-2xl border border-dashed border-border bg-surface p-6 text-muted">
          No track has a question at every level yet, so there is no interview to run. The question bank is still open for practice.
        </p>
      )}

      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="text-xl font-semibold tracking-tight">
          Your interviews
        </h2>
        {finished.length === 0 ? (
          <p className="mt-3 text-sm text-muted">Finished interviews appear here with their average and assessment.</p>
        ) : (
          <ul className="mt-4 divide-y divide-border overflow-hidden rounded-2xl border border-border bg-surface" data-testid="past-interviews">
            {finished.map((session) => (
              <li key={session.id}>
                <Link href={`/interview/${session.id}`} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 hover:bg-surface-2/60">
                  <span className="min-w-0">
                    <span className="block font-medium">{session.trackTitle}</span>
                    <span className="block text-sm text-muted">
                      {dateFormat.format(session.startedAt)} · feedback {session.feedbackTiming === "after_each" ? "after each answer" : "at the end"}
                    </span>
                  </span>
                  <span className="flex items-center gap-3">
                    {session.status === "completed" ? (
                      <span className="text-lg font-semibold tabular-nums">
                        {session.average === null ? "—" : session.average.toFixed(1)}
                        <span className="text-sm font-normal text-muted"> / 10</span>
                      </span>
                    ) : (
                      <Badge>Abandoned</Badge>
                    )}
                    <span aria-hidden="true" className="text-muted">
                      →
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
