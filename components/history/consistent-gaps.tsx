import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { gapSummary } from "@/lib/history/gap-summary";
import type { HeatMap } from "@/lib/history/heat-map";
import type { QuestionSummary } from "@/lib/history/summary";
import { DeltaBadge } from "./score-badge";
import { formatPercent, formatScore } from "./format";

/**
 * In the spirit of a mock interview's overall assessment: the points you keep leaving out, how to
 * say them, and where you have improved most. Every sentence is read off the heat map beside it
 * (gapSummary), so the two describe the same answers.
 */
export function ConsistentGaps({ map, hints, summaries }: { map: HeatMap; hints: ReadonlyMap<string, string>; summaries: QuestionSummary[] }) {
  const summary = gapSummary(map);
  const improved = summaries
    .filter((row) => row.scored >= 2 && row.firstScore !== null && row.latestScore !== null)
    .map((row) => ({ row, change: Math.round((row.latestScore! - row.firstScore!) * 10) / 10 }))
    .sort((a, b) => b.change - a.change)[0];

  return (
    <div className="flex flex-col gap-4" data-testid="consistent-gaps" data-summary={summary.kind}>
      {summary.kind === "gaps" ? (
        <>
          <p className="leading-relaxed" data-testid="gaps-headline">
            {summary.headline}
          </p>
          <ol className="flex flex-col gap-3">
            {summary.named.map((gap) => {
              const hint = hints.get(gap.key);
              return (
                <li key={gap.key} className="rounded-xl border border-border p-3.5" data-testid="consistent-gap" data-key={gap.key}>
                  <div className="flex items-start justify-between gap-3">
                    <p className="font-medium leading-snug">{gap.label}</p>
                    <span className="shrink-0 rounded-full bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad tabular-nums" data-testid="gap-rate">
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
                  {hint ? (
                    <p className="mt-2 text-sm leading-relaxed text-muted">
                      <span className="font-medium text-text">{gap.kind === "misconception" ? "What is true: " : "Say it like this: "}</span>
                      {hint}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {summary.footnote ? <p className="text-sm text-muted">{summary.footnote}</p> : null}
        </>
      ) : summary.kind === "tentative" ? (
        <div className="rounded-xl bg-warn-soft px-4 py-3 text-sm leading-relaxed" data-testid="gaps-headline">
          <p className="font-medium">{summary.headline}</p>
          <p className="mt-1 text-text">{summary.detail}</p>
        </div>
      ) : (
        <p className={cn("rounded-xl px-4 py-3 text-sm leading-relaxed", summary.kind === "empty" ? "bg-surface-2 text-muted" : "bg-good-soft text-good")} data-testid="gaps-headline">
          {summary.headline}
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
