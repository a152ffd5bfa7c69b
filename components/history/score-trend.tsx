import type { TrendSeries } from "@/lib/db/history";
import { formatDateTime, formatScore } from "./format";
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

/** The chart, plus the same numbers as a table for anyone who cannot see it. */
export function ScoreTrend({ series, height }: { series: TrendSeries[]; height?: number }) {
  if (series.length === 0) return <p className="text-sm text-muted">No scored attempts to chart yet.</p>;
  const chartSeries = series.map(({ slug, title, points }) => ({ slug, title, points: points.map(({ t, score }) => ({ t, score })) }));
  return (
    <div>
      <ScoreTrendChart series={chartSeries} summary={describe(series)} height={height} />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-muted hover:text-text">Show the numbers</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Scores in the chart, by question and date</caption>
            <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Question
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Date
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {series.flatMap((line) =>
                line.points.map((point) => (
                  <tr key={point.attemptId} className="border-t border-border">
                    <td className="px-3 py-1.5">{line.title}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap text-muted">{formatDateTime(point.t)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatScore(point.score)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
