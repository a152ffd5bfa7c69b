import Link from "next/link";
import type { HeatCell, HeatMap } from "@/lib/history/heat-map";
import { cn } from "@/components/ui/cn";
import { formatPercent, KIND_LABELS } from "./format";
import { PointGridHead } from "./point-grid-head";

// Five steps of "how often missed", from the design tokens so both themes keep their contrast.
const STEPS = [
  { max: 0, label: "0%", className: "bg-good-soft text-good" },
  { max: 0.25, label: "1–25%", className: "bg-surface-2 text-text" },
  { max: 0.5, label: "26–50%", className: "bg-warn-soft text-warn" },
  { max: 0.75, label: "51–75%", className: "bg-bad-soft text-bad" },
  { max: 1, label: "76–100%", className: "bg-bad text-bg" },
] as const;

export function stepFor(rate: number) {
  return STEPS.find((step) => rate <= step.max + 1e-9) ?? STEPS[STEPS.length - 1]!;
}

function Cell({ cell, period, label }: { cell: HeatCell | null; period: string; label: string }) {
  if (!cell) {
    return (
      <td className="p-0.5">
        <span className="flex h-9 min-w-12 items-center justify-center rounded-md border border-dashed border-border text-xs text-muted" title={`Not practised in ${period}`}>
          <span aria-hidden="true">·</span>
          <span className="sr-only">not practised</span>
        </span>
      </td>
    );
  }
  const rate = cell.missed / cell.asked;
  return (
    <td className="p-0.5">
      <span
        className={cn("flex h-9 min-w-12 items-center justify-center rounded-md text-xs font-semibold tabular-nums", stepFor(rate).className)}
        title={`${label}: missed ${cell.missed} of ${cell.asked} in ${period}`}
      >
        <span aria-hidden="true">{formatPercent(rate)}</span>
        <span className="sr-only">
          missed {cell.missed} of {cell.asked}
        </span>
      </span>
    </td>
  );
}

/** Rubric points × periods: how often each point was missed (or, for misconceptions, claimed). */
export function MissHeatMap({ map }: { map: HeatMap }) {
  if (map.rows.length === 0) {
    return (
      <p className="rounded-xl bg-good-soft px-4 py-3 text-sm text-good" data-testid="heat-map-empty">
        {map.itemCount > 0 ? "No gaps: every required point was covered and no misconception was claimed in these attempts." : "No scored attempts here yet."}
      </p>
    );
  }
  const period = map.unit === "week" ? "Week of" : map.unit === "month" ? "Month" : "Quarter";
  return (
    <div data-testid="heat-map">
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <table className="w-full border-separate border-spacing-0 text-left text-sm">
          <caption className="sr-only">
            Rubric points you missed most, by {map.unit}: each cell is the share of answers in that {map.unit} that missed the point; the last column counts every
            period shown.
          </caption>
          <PointGridHead missedClassName="pb-2 pl-3 text-right font-medium whitespace-nowrap">
            {map.columns.map((column) => (
              <th key={column.start.toISOString()} scope="col" className="px-0.5 pb-2 text-center font-medium whitespace-nowrap">
                <span className="sr-only">{period} </span>
                {column.label}
              </th>
            ))}
          </PointGridHead>
          <tbody>
            {map.rows.map((row) => (
              <tr key={row.key} data-testid="heat-row" data-key={row.key} data-consistent={row.consistent}>
                <th scope="row" className="sticky left-0 z-10 max-w-[11rem] min-w-[11rem] bg-surface py-1 pr-3 align-middle font-normal sm:max-w-[20rem] sm:min-w-[16rem]">
                  <span className="line-clamp-2 font-medium leading-snug">{row.label}</span>
                  <span className="mt-0.5 block truncate text-xs text-muted">
                    {row.consistent ? (
                      <span className="mr-1.5 inline-block rounded-full bg-bad-soft px-1.5 font-semibold text-bad" data-testid="heat-row-consistent">
                        Consistent gap
                      </span>
                    ) : null}
                    <Link href={`/history/questions/${row.questionSlug}`} className="hover:text-text hover:underline">
                      {row.questionTitle}
                    </Link>
                    {row.kind === "misconception" ? <> · {KIND_LABELS.misconception.toLowerCase()} claimed</> : null}
                  </span>
                </th>
                {row.cells.map((cell, index) => (
                  <Cell key={map.columns[index]!.start.toISOString()} cell={cell} period={map.columns[index]!.longLabel} label={row.label} />
                ))}
                <td className="py-1 pl-3 text-right align-middle whitespace-nowrap tabular-nums" data-testid="heat-row-total">
                  <span className="font-semibold">{formatPercent(row.rate)}</span>
                  <span className="block text-xs text-muted">
                    {row.missed} of {row.asked}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted" aria-hidden="true">
        <span>Missed:</span>
        {STEPS.map((step) => (
          <span key={step.label} className="inline-flex items-center gap-1.5">
            <span className={cn("h-3.5 w-5 rounded", step.className)} />
            {step.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3.5 w-5 rounded border border-dashed border-border" />
          not practised
        </span>
      </div>
    </div>
  );
}
