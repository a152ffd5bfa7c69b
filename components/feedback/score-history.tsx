import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { ScoreHistoryEntry } from "@/lib/db/scores";

/** A stored score (lib/db/scores) with its time formatted for display on the server. */
export interface ScoreHistoryRow extends Omit<ScoreHistoryEntry, "createdAt"> {
  when: string;
  isoTime: string;
}

/** Why a score exists, in a few words. */
export function scoreReason(entry: Pick<ScoreHistoryRow, "reason" | "scorer" | "versionNumber" | "actorName">): string {
  switch (entry.reason) {
    case "initial":
      return entry.scorer === "llm" ? "First score (AI scorer)" : "First score (rules scorer)";
    case "llm_refinement":
      return "Refined by the AI scorer";
    case "rescore":
      return entry.versionNumber !== null ? `Re-scored under rubric v${entry.versionNumber}` : "Re-scored under a new rubric";
    case "override":
      return entry.actorName ? `Adjusted by ${entry.actorName} (instructor)` : "Adjusted by an instructor";
  }
}

/**
 * Every score the attempt has had, oldest first, in a disclosure. Earlier scores open read-only
 * (`?score=<id>`); the current one is marked.
 */
export function ScoreHistory({ attemptId, entries, viewingId }: { attemptId: string; entries: ScoreHistoryRow[]; viewingId?: string | null }) {
  return (
    <details className="rounded-2xl border border-border bg-surface p-5" data-testid="score-history" open={Boolean(viewingId)}>
      <summary className="cursor-pointer text-lg font-semibold">
        Score history <span className="text-sm font-normal text-muted">({entries.length} scores, oldest first)</span>
      </summary>
      <p className="mt-2 text-sm text-muted">Nothing is overwritten: when an answer is scored again, the earlier scores stay here and can be opened as they were.</p>
      <ol className="mt-3 flex flex-col gap-2">
        {entries.map((entry) => {
          const viewing = viewingId === entry.id || (!viewingId && entry.isCurrent);
          return (
            <li
              key={entry.id}
              className={cn("flex flex-wrap items-start justify-between gap-3 rounded-xl border p-3", viewing ? "border-accent bg-accent-soft/30" : "border-border")}
              data-testid="score-history-entry"
              data-reason={entry.reason}
              data-current={entry.isCurrent}
              aria-current={viewing ? "true" : undefined}
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <span className="text-lg font-semibold tabular-nums">{entry.score.toFixed(1)}</span>
                  <span className="font-medium">{scoreReason(entry)}</span>
                  {entry.isCurrent ? <span className="rounded-full bg-good-soft px-2 py-0.5 text-xs font-medium text-good">Current</span> : null}
                  {entry.isOriginal ? <span className="rounded-full bg-surface-2 px-2 py-0.5 text-xs font-medium text-muted">Original</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-muted">
                  <time dateTime={entry.isoTime}>{entry.when}</time>
                  {entry.versionNumber !== null && entry.reason !== "rescore" ? ` · rubric v${entry.versionNumber}` : ""}
                </p>
                {entry.comment ? <p className="mt-1.5 border-l-2 border-warn pl-3 text-sm">&ldquo;{entry.comment}&rdquo;</p> : null}
              </div>
              {viewing ? (
                <span className="text-sm text-muted">{viewingId ? "Showing now" : "Shown above"}</span>
              ) : entry.isCurrent ? (
                <Link href={`/attempts/${attemptId}`} className="text-sm font-medium text-accent hover:underline">
                  Back to the current score
                </Link>
              ) : (
                <Link
                  href={`/attempts/${attemptId}?score=${entry.id}`}
                  className="text-sm font-medium text-accent hover:underline"
                  data-testid={entry.isOriginal ? "original-score-link" : "earlier-score-link"}
                >
                  {entry.isOriginal ? "Open the original" : "Open this score"}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
