"use client";

// Consumer lag over (virtual) time as a light SVG chart: the group's total and, thinner, the
// partition lagging most. Small on purpose — no chart library on the demo page.
import { memo, useId } from "react";
import type { LagPoint } from "@/lib/demos/lab";
import { formatCount, formatVirtualTime } from "./format";
import { niceCeiling } from "./layout";

const W = 520;
const H = 170;
/** Room around the plot: the value labels on the left, the time labels below. */
const MARGIN = { left: 44, right: 12, top: 12, bottom: 26 };

export interface LagSummary {
  now: number;
  max: number;
  worstPartition: string | null;
  worstLag: number;
}

export function summariseLag(series: readonly LagPoint[]): LagSummary {
  const last = series.at(-1);
  let worstPartition: string | null = null;
  let worstLag = 0;
  for (const [tp, lag] of Object.entries(last?.byPartition ?? {})) {
    if (lag > worstLag) {
      worstLag = lag;
      worstPartition = tp;
    }
  }
  return { now: last?.total ?? 0, max: Math.max(0, ...series.map((p) => p.total)), worstPartition, worstLag };
}

function path(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
}

export const LagChart = memo(function LagChart({ series, group }: { series: readonly LagPoint[]; group: string | null }) {
  const id = useId();
  const summary = summariseLag(series);
  const t0 = series[0]?.t ?? 0;
  const t1 = Math.max(t0 + 1000, series.at(-1)?.t ?? 0);
  const top = niceCeiling(Math.max(summary.max, 10));
  const x = (t: number) => MARGIN.left + ((t - t0) / (t1 - t0)) * (W - MARGIN.left - MARGIN.right);
  const y = (v: number) => MARGIN.top + (1 - v / top) * (H - MARGIN.top - MARGIN.bottom);
  const total = series.map((p) => ({ x: x(p.t), y: y(p.total) }));
  const worst = summary.worstPartition ? series.map((p) => ({ x: x(p.t), y: y(p.byPartition[summary.worstPartition!] ?? 0) })) : [];
  const label =
    series.length === 0
      ? "No lag measured yet."
      : `Lag of group ${group ?? ""} now ${formatCount(summary.now)} records, at most ${formatCount(summary.max)} over the last ${formatVirtualTime(t1 - t0)}${
          summary.worstPartition && summary.worstLag > 0 ? `; ${summary.worstPartition} lags most (${formatCount(summary.worstLag)})` : ""
        }.`;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-border bg-surface">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-border px-4 py-3">
        <div>
          <h3 id={`${id}-title`} className="font-semibold">
            Consumer lag over time
          </h3>
          <p className="text-xs text-muted">Records below the high watermark the group has not read yet.</p>
        </div>
        <p className="text-sm text-muted tabular-nums" data-testid="lag-now">
          now <span className="font-semibold text-text">{formatCount(summary.now)}</span> records
        </p>
      </div>
      <figure className="p-3">
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={MARGIN.left} x2={W - MARGIN.right} y1={y(top * f)} y2={y(top * f)} className="stroke-border" strokeDasharray={f === 0 ? undefined : "3 4"} />
              <text x={MARGIN.left - 6} y={y(top * f) + 4} textAnchor="end" className="fill-muted text-[10px] tabular-nums">
                {formatCount(top * f, true)}
              </text>
            </g>
          ))}
          <text x={MARGIN.left} y={H - 8} className="fill-muted text-[10px]">
            {formatVirtualTime(t0)}
          </text>
          <text x={W - MARGIN.right} y={H - 8} textAnchor="end" className="fill-muted text-[10px]">
            {formatVirtualTime(t1)}
          </text>
          {total.length > 1 ? (
            <>
              <path d={`${path(total)} L${total.at(-1)!.x.toFixed(1)},${y(0)} L${total[0]!.x.toFixed(1)},${y(0)} Z`} className="fill-accent/15" />
              <path d={path(total)} className="fill-none stroke-accent" strokeWidth={2} strokeLinejoin="round" />
            </>
          ) : null}
          {worst.length > 1 && summary.worstLag > 0 ? <path d={path(worst)} className="fill-none stroke-warn" strokeWidth={1.4} strokeDasharray="4 3" /> : null}
        </svg>
        <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          <span className="flex items-center gap-1.5">
            <span aria-hidden="true" className="h-0.5 w-4 bg-accent" /> total lag
          </span>
          {summary.worstPartition && summary.worstLag > 0 ? (
            <span className="flex items-center gap-1.5">
              <span aria-hidden="true" className="h-0.5 w-4 border-t-2 border-dashed border-warn" /> {summary.worstPartition}, the partition lagging most
            </span>
          ) : null}
          <span className="sr-only">{label}</span>
        </figcaption>
      </figure>
    </section>
  );
});
