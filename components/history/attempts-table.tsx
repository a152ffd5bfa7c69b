import Link from "next/link";
import type { HistoryPage } from "@/lib/db/history";
import { Badge } from "@/components/ui/badge";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import { CompareSelection } from "./compare-selection";
import { formatDateTime, formatDuration, formatScore } from "./format";
import { PreviousScore, scoreChange, type ListedScore } from "./previous-score";
import { ScoreBadge } from "./score-badge";

const STATUS = { pending: "Scoring…", failed: "Scoring failed", unscored: "Not scored" } as const;

// The tick box's column is named for screen readers only; narrower screens drop the date, scorer and time.
const COLUMNS: readonly TableColumn[] = [
  [<span key="compare" className="sr-only">Compare</span>, "w-10 py-2 pr-1 pl-5 font-medium sm:pl-6"],
  ["Question", "py-2 pr-3 font-medium"],
  ["Date", "hidden py-2 pr-3 font-medium md:table-cell"],
  ["Scorer", "hidden py-2 pr-3 font-medium lg:table-cell"],
  ["Time", "hidden py-2 pr-3 font-medium sm:table-cell"],
  ["Score", "py-2 pr-5 text-right font-medium sm:pr-6"],
];

/** One page of attempts; each row links to its feedback and can be ticked for comparison. */
export function AttemptsTable({ rows, trackTitles }: { rows: HistoryPage["rows"]; trackTitles: Record<string, string> }) {
  return (
    <CompareSelection>
      <div className="-mx-5 overflow-x-auto sm:-mx-6">
        <table className="w-full min-w-[20rem] text-left text-sm" data-testid="attempts-table">
          <caption className="sr-only">Your attempts, newest first. Tick two to compare them.</caption>
          <TableHead className="border-y border-border bg-surface-2 text-xs text-muted" columns={COLUMNS} />
          <tbody>
            {rows.map((row) => {
              const score = row.scores[0] ?? null;
              const change = scoreChange(row.scores as readonly ListedScore[]);
              const when = formatDateTime(row.createdAt);
              return (
                <tr key={row.id} className="border-b border-border last:border-b-0 hover:bg-surface-2/60">
                  <td className="py-3 pr-1 pl-5 align-top sm:pl-6">
                    <input
                      type="checkbox"
                      name="pick"
                      value={row.id}
                      className="mt-0.5 h-5 w-5 accent-[var(--accent)] sm:h-4 sm:w-4"
                      aria-label={`Compare: ${row.question.title}, ${when}, ${score ? `score ${formatScore(score.score)}${change ? ` (was ${formatScore(change.previous.score)}, ${change.why})` : ""}` : "not scored"}`}
                    />
                  </td>
                  <td className="py-3 pr-3 align-top">
                    <Link href={`/attempts/${row.id}`} className="font-medium text-text hover:text-accent hover:underline">
                      {row.question.title}
                    </Link>
                    <p className="mt-0.5 text-xs text-muted">
                      <span className="md:hidden">{when} · </span>
                      {trackTitles[row.question.track] ?? row.question.track}
                      {row.mockSessionId ? " · mock interview" : ""}
                    </p>
                  </td>
                  <td className="hidden py-3 pr-3 align-top whitespace-nowrap text-muted md:table-cell">{when}</td>
                  <td className="hidden py-3 pr-3 align-top lg:table-cell">
                    {score ? (
                      <Badge tone={score.scorer === "llm" ? "accent" : score.scorer === "instructor" ? "warn" : "neutral"}>
                        {score.scorer === "llm" ? "AI" : score.scorer === "instructor" ? "Instructor" : "Rules"}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="hidden py-3 pr-3 align-top whitespace-nowrap text-muted tabular-nums sm:table-cell">{formatDuration(row.timeSpentMs)}</td>
                  <td className="py-3 pr-5 text-right align-top sm:pr-6">
                    {score ? (
                      <>
                        <ScoreBadge score={score.score} />
                        <PreviousScore change={change} />
                      </>
                    ) : (
                      <span className="text-xs whitespace-nowrap text-muted">{STATUS[row.status as keyof typeof STATUS] ?? "—"}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </CompareSelection>
  );
}
