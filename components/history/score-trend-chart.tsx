"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { cn } from "@/components/ui/cn";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import { timeAxis } from "@/lib/history/time-axis";
import { formatDateTime, formatScore } from "./format";

export interface ChartSeries {
  slug: string;
  title: string;
  points: { t: number; score: number }[];
}

// Five series colours that read on both themes; the first is the accent.
export const SERIES_COLOURS = ["var(--series-1)", "var(--series-2)", "var(--series-3)", "var(--series-4)", "var(--series-5)"] as const;
export const SERIES_PALETTE =
  "[--series-1:var(--accent)] [--series-2:#7048e8] [--series-3:var(--warn)] [--series-4:#c2255c] [--series-5:#3b5bdb] " +
  "dark:[--series-2:#b197fc] dark:[--series-4:#f783ac] dark:[--series-5:#91a7ff]";

const tipDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

type Row = { t: number } & Record<string, number>;

// Scores run 0–10 and both ends are real scores: the axis keeps room beyond them, so a line at 0
// does not sink into the x axis and one at 10 does not merge with the top grid line.
const SCORE_DOMAIN: [number, number] = [0, 10];
const SCORE_TICKS = [0, 2, 4, 6, 8, 10];
const SCORE_PADDING = { top: 12, bottom: 12 };

const noSubscription = () => () => {};
/** True once in the browser: tick labels follow the viewer's time zone, which the server cannot know. */
const useInBrowser = () => useSyncExternalStore(noSubscription, () => true, () => false);

function TrendTooltip({ active, payload, label }: TooltipContentProps<ValueType, NameType>) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-xl border border-border bg-surface px-3 py-2 text-sm shadow-lg">
      <p className="text-xs text-muted">{tipDate.format(new Date(Number(label)))}</p>
      <ul className="mt-1 space-y-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2">
            <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: entry.color }} aria-hidden="true" />
            <span className="max-w-[16rem] truncate">{entry.name}</span>
            <span className="ml-auto pl-3 font-semibold tabular-nums">{Number(entry.value).toFixed(1)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Score over time, one line per question. The lines can be switched off from the legend; the
 * numbers behind the chart are in the table next to it (rendered by the server), and the figure
 * carries a one-sentence summary for screen readers.
 */
export function ScoreTrendChart({ series, summary, height = 260, initiallyShown = 3 }: { series: ChartSeries[]; summary: string; height?: number; initiallyShown?: number }) {
  // More than three lines of up to 40 points is a tangle: the rest start switched off.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(series.slice(initiallyShown).map((line) => line.slug)));
  const rows = useMemo(() => {
    const byTime = new Map<number, Row>();
    for (const line of series) {
      for (const point of line.points) {
        const row = byTime.get(point.t) ?? ({ t: point.t } as Row);
        row[line.slug] = point.score;
        byTime.set(point.t, row);
      }
    }
    return [...byTime.values()].sort((a, b) => a.t - b.t);
  }, [series]);
  const inBrowser = useInBrowser();
  const axis = useMemo(() => (inBrowser ? timeAxis(rows.map((row) => row.t)) : null), [inBrowser, rows]);
  const tickLabels = useMemo(() => new Map(axis?.ticks.map((tick) => [tick.value, tick.label])), [axis]);
  const toggle = (slug: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(slug)) next.delete(slug);
      else next.add(slug);
      return next;
    });
  const single = series.length === 1;

  return (
    <figure className={cn("m-0", SERIES_PALETTE)} data-testid="score-trend">
      <div role="img" aria-label={summary} className="text-muted">
        <LineChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 12, bottom: 0, left: -18 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={axis?.domain ?? ["dataMin", "dataMax"]}
            ticks={axis?.ticks.map((tick) => tick.value) ?? []}
            tickFormatter={(value: number) => tickLabels.get(value) ?? ""}
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            stroke="var(--border)"
            tickMargin={8}
            minTickGap={16}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis domain={SCORE_DOMAIN} ticks={SCORE_TICKS} padding={SCORE_PADDING} tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--border)" width={44} />
          <Tooltip content={TrendTooltip} cursor={{ stroke: "var(--muted)", strokeDasharray: "3 3" }} />
          {series.map((line, index) =>
            hidden.has(line.slug) ? null : (
              <Line
                key={line.slug}
                type="monotone"
                dataKey={line.slug}
                name={line.title}
                stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
                strokeWidth={2}
                dot={{ r: single ? 3.5 : 2.5, strokeWidth: 0, fill: SERIES_COLOURS[index % SERIES_COLOURS.length] }}
                activeDot={{ r: 5 }}
                connectNulls
                isAnimationActive={false}
              />
            ),
          )}
        </LineChart>
      </div>
      {axis?.caption ? (
        <p className="mt-1 text-center text-xs text-muted" data-testid="trend-axis-caption">
          {axis.caption}
        </p>
      ) : null}
      {single ? null : (
        <figcaption className="mt-3">
          <ul className="flex flex-wrap gap-2" aria-label="Questions in the chart">
            {series.map((line, index) => {
              const shown = !hidden.has(line.slug);
              return (
                <li key={line.slug}>
                  <button
                    type="button"
                    aria-pressed={shown}
                    onClick={() => toggle(line.slug)}
                    className={cn(
                      "inline-flex max-w-[18rem] items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium transition-colors",
                      shown ? "border-border bg-surface-2 text-text" : "border-dashed border-border bg-transparent text-muted line-through",
                    )}
                    title={shown ? `Hide ${line.title}` : `Show ${line.title}`}
                  >
                    <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: SERIES_COLOURS[index % SERIES_COLOURS.length] }} aria-hidden="true" />
                    <span className="truncate">{line.title}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </figcaption>
      )}
      <TrendNumbers series={series} />
    </figure>
  );
}

const NUMBERS_COLUMNS: readonly TableColumn[] = [
  ["Question", "px-3 py-2 font-medium"],
  ["Date", "px-3 py-2 font-medium"],
  ["Score", "px-3 py-2 text-right font-medium"],
];

/**
 * The chart's numbers as a table, for anyone who cannot see the chart. Drawn only once opened: at
 * 200 points it would otherwise double the size of every history page for a table few people open.
 */
function TrendNumbers({ series }: { series: ChartSeries[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-muted hover:text-text">Show the numbers</summary>
      {open ? (
        <div className="mt-2 max-h-72 overflow-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Scores in the chart, by question and date</caption>
            <TableHead className="sticky top-0 bg-surface-2 text-xs text-muted" columns={NUMBERS_COLUMNS} />
            <tbody>
              {series.flatMap((line) =>
                line.points.map((point, index) => (
                  <tr key={`${line.slug}-${index}`} className="border-t border-border">
                    <td className="px-3 py-1.5">{line.title}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap text-muted">{formatDateTime(point.t)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatScore(point.score)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
