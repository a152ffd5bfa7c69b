import Link from "next/link";
import { LevelBadge } from "@/components/questions/level-badge";
import { cn } from "@/components/ui/cn";
import { describeDue, type QueueEntry } from "@/lib/practice/review-queue";

function scoreTone(score: number | null) {
  if (score === null) return "text-muted";
  if (score >= 8) return "text-good";
  if (score >= 5) return "text-accent-strong";
  return "text-warn";
}

// One row per question in the review queue: what it is, how it went last time and when it is due.
export function QueueList({ entries, now, trackTitles, testId }: { entries: QueueEntry[]; now: Date; trackTitles: Record<string, string>; testId?: string }) {
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-2xl border border-border bg-surface" data-testid={testId}>
      {entries.map((entry) => {
        const due = describeDue(entry.dueAt, now);
        return (
          <li key={entry.slug}>
            <Link href={`/review/${entry.slug}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-5 py-4 hover:bg-surface-2/60" data-testid="queue-entry">
              <span className="min-w-0 flex-1">
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
                <span className={cn("min-w-[7.5rem] text-right", due.startsWith("overdue") ? "font-medium text-warn" : "text-muted")}>{due}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
