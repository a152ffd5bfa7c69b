import { pluralGrouped } from "@/lib/format/text";

const WIDTH = 320;
const HEIGHT = 170;
const PAD = { top: 14, right: 6, bottom: 24, left: 6 };

/**
 * How many attempts landed on each whole score, 0 to 10: an SVG bar chart for the glance and the
 * same numbers as a table (for screen readers, and for anyone who wants the exact counts).
 */
export function ScoreDistribution({ distribution, attempts }: { distribution: number[]; attempts: number }) {
  const counts = Array.from({ length: 11 }, (_, score) => distribution[score] ?? 0);
  const max = Math.max(1, ...counts);
  const slot = (WIDTH - PAD.left - PAD.right) / 11;
  const barWidth = slot * 0.7;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const busiest = counts.indexOf(Math.max(...counts));

  if (attempts === 0) {
    return <p className="rounded-xl bg-surface-2 p-6 text-center text-sm text-muted">No scored answers yet, so there is nothing to chart.</p>;
  }

  return (
    <figure data-testid="score-distribution">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-lg"
        role="img"
        aria-label={`Score distribution over ${pluralGrouped(attempts, "attempt")}; the most common score is ${busiest} (${pluralGrouped(counts[busiest]!, "attempt")}). The table below has every count.`}
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="stroke-border" strokeWidth={1} />
        {counts.map((count, score) => {
          const height = count === 0 ? 0 : Math.max(2, (count / max) * plotHeight);
          const x = PAD.left + score * slot + (slot - barWidth) / 2;
          const y = HEIGHT - PAD.bottom - height;
          const tone = score >= 8 ? "fill-good" : score >= 5 ? "fill-accent" : "fill-warn";
          return (
            <g key={score}>
              <rect x={x} y={y} width={barWidth} height={height} rx={2} className={tone} />
              {count > 0 ? (
                <text x={x + barWidth / 2} y={y - 3} textAnchor="middle" className="fill-muted text-[11px] tabular-nums">
                  {count}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-muted text-[11px] tabular-nums">
                {score}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs text-muted">Attempts by current score, rounded to the nearest whole point.</figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer rounded font-medium text-accent hover:underline">Show the counts as a table</summary>
        <table className="mt-2 w-full max-w-xl text-left text-sm tabular-nums">
          <caption className="sr-only">Attempts per score</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="row" className="py-1 pr-2 font-medium">
                Score
              </th>
              {counts.map((_, score) => (
                <th key={score} scope="col" className="px-1 py-1 text-right font-medium">
                  {score}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="py-1 pr-2 text-xs font-medium text-muted">
                Attempts
              </th>
              {counts.map((count, score) => (
                <td key={score} className="px-1 py-1 text-right">
                  {count}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
