import type { Metadata } from "next";
import Link from "next/link";
import { parseTableQuery, sortQuestions, tableHref } from "@/components/instructor/question-sort";
import { QuestionsTable } from "@/components/instructor/questions-table";
import { cn } from "@/components/ui/cn";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { db } from "@/lib/db/prisma";
import { listInstructorQuestions } from "@/lib/db/rubrics";
import { pluralGrouped } from "@/lib/format/text";

export const metadata: Metadata = { title: "Rubric studio" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_NAMES = { missed: "items most often missed", attempts: "number of attempts", mean: "mean score", title: "title" } as const;

export default async function InstructorHomePage({ searchParams }: Props) {
  await requireUserForPage("/instructor", "instructor");
  const [raw, rows] = await Promise.all([searchParams, listInstructorQuestions(db())]);
  const trackTitles = Object.fromEntries(getContentBank().tracks.map((track) => [track.id, track.title]));
  const tracks = [...new Set(rows.map((row) => row.track))].sort();
  const query = parseTableQuery(raw, tracks);
  const visible = sortQuestions(rows, query);
  const unpublished = rows.filter((row) => row.unpublishedCount > 0).length;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow="Instructors"
        title="Rubric studio"
        description="Every question's rubric, how answers score against it, and which points candidates miss most. Edits become new versions; nothing changes for candidates until you publish one."
        actions={
          <LinkButton href="/instructor/audit" variant="secondary">
            Audit log
          </LinkButton>
        }
      />

      {rows.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-border bg-surface p-10 text-center" data-testid="instructor-empty">
          <h2 className="text-lg font-semibold">No questions yet</h2>
          <p className="mx-auto mt-2 max-w-md text-muted">
            The question bank is empty. Add markdown files under <code className="font-mono text-sm">content/questions/</code> and restart Offset; each one
            arrives here with its rubric as version 1.
          </p>
        </div>
      ) : (
        <section aria-labelledby="questions-title" className="rounded-2xl border border-border bg-surface p-5 sm:p-6">
          <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="questions-title" className="text-lg font-semibold tracking-tight">
                Questions
              </h2>
              <p className="mt-1 text-sm text-muted" aria-live="polite">
                {pluralGrouped(visible.length, "question")}
                {query.track ? ` in ${trackTitles[query.track] ?? query.track}` : ""}, sorted by {SORT_NAMES[query.sort]}
                {query.dir === "asc" ? "" : " (descending)"}.
                {unpublished > 0 ? ` ${pluralGrouped(unpublished, "question has", "questions have")} unpublished versions.` : ""}
              </p>
            </div>
            <nav aria-label="Filter by track" className="flex flex-wrap gap-1.5">
              {[null, ...tracks].map((track) => {
                const active = query.track === track;
                return (
                  <Link
                    key={track ?? "all"}
                    href={tableHref(query, { track })}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "rounded-full border px-3 py-1 text-sm font-medium transition-colors",
                      active ? "border-transparent bg-accent-soft text-accent-strong" : "border-border text-muted hover:bg-surface-2 hover:text-text",
                    )}
                    data-testid={`track-filter-${track ?? "all"}`}
                  >
                    {track ? (trackTitles[track] ?? track) : "All tracks"}
                  </Link>
                );
              })}
            </nav>
          </div>
          {visible.length > 0 ? (
            <QuestionsTable rows={visible} query={query} trackTitles={trackTitles} />
          ) : (
            <p className="rounded-xl bg-surface-2 p-6 text-center text-muted">
              No questions in this track. <Link href={tableHref(query, { track: null })} className="font-medium text-accent hover:underline">Show all tracks</Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
