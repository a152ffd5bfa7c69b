import type { TrendSeries } from "@/lib/history/trend";
import { formatScore } from "./format";
import { ScoreTrendChart } from "./score-trend-chart";

function describe(series: TrendSeries[]) {
  const parts = series.map((line) => {
    const first = line.points[0];
    const last = line.points[line.points.length - 1];
    if (!first || !last) return `${line.title}: no scores`;
    if (line.points.length === 1) return `${line.title}: one attempt, ${formatScore(first.score)}`;
    return `${line.title}: from ${formatScore(first.score)} to ${formatScore(last.score)} over ${line.points.length} attempts`;
  });
  return `Score trend, out of 10. ${parts.join("; ")}.`;
}

/** The chart, with a spoken summary; the chart offers the same numbers as a table on request. */
export function ScoreTrend({ series, height }: { series: TrendSeries[]; height?: number }) {
  if (series.length === 0) return <p className="text-sm text-muted">No scored attempts to chart yet.</p>;
  const chartSeries = series.map(({ slug, title, points }) => ({ slug, title, points: points.map(({ t, score }) => ({ t, score })) }));
  return (
    <div>
      <ScoreTrendChart series={chartSeries} summary={describe(series)} height={height} />
    </div>
  );
}
