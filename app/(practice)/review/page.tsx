import type { Metadata } from "next";
import { QueueList } from "@/components/review/queue-list";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { db } from "@/lib/db/prisma";
import { reviewQueue } from "@/lib/practice/review-queue";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

export default async function ReviewQueuePage() {
  const user = await requireUserForPage("/review");
  const now = new Date();
  const queue = await reviewQueue(db(), user.id, now);
  const trackTitles = Object.fromEntries(getContentBank().tracks.map((track) => [track.id, track.title]));
  const first = queue.due[0];

  return (
    <>
      <PageHeader
        eyebrow="Review"
        title="Review queue"
        description="Every question you answer comes back on a spaced-repetition schedule. A weak answer returns tomorrow; each strong one pushes the next review further out, so your time goes where the gaps are."
        actions={
          first ? (
            <LinkButton href={`/review/${first.slug}`} data-testid="start-review">
              Start review ({queue.due.length})
            </LinkButton>
          ) : undefined
        }
      />

      <section aria-labelledby="due-heading" className="flex flex-col gap-3">
        <h2 id="due-heading" className="text-xl font-semibold tracking-tight">
          Due today <span className="text-muted tabular-nums">· {queue.due.length}</span>
        </h2>
        {queue.due.length > 0 ? (
          <QueueList entries={queue.due} now={now} trackTitles={trackTitles} testId="due-list" />
        ) : (
          <div className="rounded-2xl border border-dashed border-border bg-surface p-8 text-center" data-testid="queue-empty">
            <p className="font-medium">{queue.total === 0 ? "Your queue is empty" : "Nothing is due today"}</p>
            <p className="mt-1 text-sm text-muted">
              {queue.total === 0
                ? "Answer a question while signed in and it joins the queue, scheduled by how well it went."
                : "Come back when the next question is due — or practise something new in the meantime."}
            </p>
            <LinkButton href="/questions" variant="secondary" className="mt-5">
              Browse questions
            </LinkButton>
          </div>
        )}
      </section>

      {queue.upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading" className="mt-10 flex flex-col gap-3">
          <div>
            <h2 id="upcoming-heading" className="text-xl font-semibold tracking-tight">
              Coming back later
            </h2>
            <p className="text-sm text-muted">When each of your other questions returns. You can review one early from here.</p>
          </div>
          <QueueList entries={queue.upcoming} now={now} trackTitles={trackTitles} testId="upcoming-list" />
        </section>
      ) : null}
    </>
  );
}
