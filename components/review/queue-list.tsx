import Link from "next/link";
import { LevelBadge } from "@/components/questions/level-badge";
import { cn } from "@/components/ui/cn";
import { describeDue, type QueueEntry } from "@/lib/practice/review-queue";
import { ExpandableList } from "./expandable-list";

const LIST_CLASSES = "divide-y divide-border overflow-hidden rounded-2xl border border-border bg-surface";

function scoreTone(score: number | null) {
  if (score === null) return "text-muted";
  if (score >= 8) return "text-good";
  if (score >= 5) return "text-accent-strong";
  return "text-warn";
}

/**
 * One row per question in the review queue: what it is, how it went last time and when it is due.
 * With `collapse`, only the first `shown` rows show until asked, and the list says how many more of
 * `total` there are; without it every entry shows.
 */
export function QueueList({
  entries,
  now,
  trackTitles,
  testId,
  collapse,
}: {
  entries: QueueEntry[];
  now: Date;
  trackTitles: Record<string, string>;
  testId?: string;
  collapse?: { shown: number; total: number; what: string };
}) {
  const rows = entries.map((entry) => {
    const due = describeDue(entry.dueAt, now);
    return (
      <li key={entry.slug}>
        <Link href={`/review/${entry.slug}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-5 py-4 hover:bg-surface-2/60" data-testid="queue-entry">
          {/* Wide enough to hold a title; on a phone the score and due date wrap beneath it. */}
          <span className="min-w-0 flex-[1_1_16rem]">
            <span className="block font-medium">{entry.title}</span>
            <span className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
              <LevelBadge level={entry.level} />
              <span>{trackTitles[entry.track] ?? entry.track}</span>
              {entry.missedCount > 0 ? (
                <span>
                  · {entry.missedCount} required {entry.missedCount === 1 ? "point" : "points"} missed last time
                </span>
              ) : null}
            </span>
          </span>
          <span className="flex shrink-0 items-baseline gap-4 text-sm">
            <span className="text-muted">
              Last{" "}
              <span className={cn("font-semibold tabular-nums", scoreTone(entry.lastScore))}>{entry.lastScore === null ? "—" : entry.lastScore.toFixed(1)}</span>
            </span>
            <span className={cn("sm:min-w-[7.5rem] sm:text-right", due.startsWith("overdue") ? "font-medium text-warn" : "text-muted")} data-testid="queue-due">
              {due}
            </span>
          </span>
        </Link>
      </li>
    );
  });
  if (collapse && (entries.length > collapse.shown || collapse.total > entries.length)) {
    return (
      <ExpandableList shown={collapse.shown} total={collapse.total} what={collapse.what} className={LIST_CLASSES} testId={testId}>
        {rows}
      </ExpandableList>
    );
  }
  return (
    <ul className={LIST_CLASSES} data-testid={testId}>
      {rows}
    </ul>
  );
}
