import Link from "next/link";
import type { HeatRow } from "@/lib/history/heat-map";
import type { QuestionSummary } from "@/lib/history/summary";
import { DeltaBadge } from "./score-badge";
import { formatPercent, formatScore } from "./format";

export interface GapWithHint extends HeatRow {
  hint?: string;
}

/**
 * In the spirit of a mock interview's overall assessment: the points you keep leaving out, how to
 * say them, and where you have improved most.
 */
export function ConsistentGaps({ gaps, summaries, basedOn }: { gaps: GapWithHint[]; summaries: QuestionSummary[]; basedOn: number }) {
  const improved = summaries
    .filter((row) => row.scored >= 2 && row.firstScore !== null && row.latestScore !== null)
    .map((row) => ({ row, change: Math.round((row.latestScore! - row.firstScore!) * 10) / 10 }))
    .sort((a, b) => b.change - a.change)[0];

  return (
    <div className="flex flex-col gap-4" data-testid="consistent-gaps">
      {gaps.length > 0 ? (
        <>
          <p className="leading-relaxed">
            The consistent gap across your {basedOn > 1 ? `last ${basedOn.toLocaleString("en")} answers` : "answers"}{" "}
            {gaps.length === 1 ? "is one point" : `is ${gaps.length} points`} you leave out more often than not. Work {gaps.length === 1 ? "it" : "them"} into your next answers.
          </p>
          <ol className="flex flex-col gap-3">
            {gaps.map((gap) => (
              <li key={gap.key} className="rounded-xl border border-border p-3.5">
                <div className="flex items-start justify-between gap-3">
                  <p className="font-medium leading-snug">{gap.label}</p>
                  <span className="shrink-0 rounded-full bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad tabular-nums">
                    {formatPercent(gap.rate)} <span className="sr-only">of the time,</span>
                    <span className="font-normal">
                      {" "}
                      ({gap.missed}/{gap.asked})
                    </span>
                  </span>
                </div>
                <p className="mt-0.5 text-xs text-muted">
                  <Link href={`/history/questions/${gap.questionSlug}`} className="hover:text-text hover:underline">
                    {gap.questionTitle}
                  </Link>
                  {gap.kind === "misconception" ? " · a misconception you claimed" : ""}
                </p>
                {gap.hint ? (
                  <p className="mt-2 text-sm leading-relaxed text-muted">
                    <span className="font-medium text-text">{gap.kind === "misconception" ? "What is true: " : "Say it like this: "}</span>
                    {gap.hint}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="rounded-xl bg-good-soft px-4 py-3 text-sm leading-relaxed text-good">
          No point is missed more than half the time across these answers. Keep the streak going; the heat map below shows what slips now and then.
        </p>
      )}
      {improved && improved.change > 0 ? (
        <p className="border-t border-border pt-4 text-sm leading-relaxed text-muted">
          <span className="font-medium text-text">Most improved: </span>
          <Link href={`/history/questions/${improved.row.slug}`} className="font-medium text-accent hover:underline">
            {improved.row.title}
          </Link>
          , from {formatScore(improved.row.firstScore)} to {formatScore(improved.row.latestScore)} <DeltaBadge delta={improved.change} />
        </p>
      ) : null}
    </div>
  );
}
