import Link from "next/link";
import type { ItemMatrix as Matrix } from "@/lib/history/timeline";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatScore, formatShortDate } from "./format";
import { PointGridHead } from "./point-grid-head";

/** Rubric points × the latest attempts at one question: covered, missed, or a misconception claimed. */
export function ItemMatrix({ matrix }: { matrix: Matrix }) {
  if (matrix.attempts.length === 0) return <p className="text-sm text-muted">No scored attempts yet.</p>;
  return (
    <div data-testid="item-matrix">
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <table className="w-full border-separate border-spacing-0 text-left text-sm">
          <caption className="sr-only">Each rubric point in your latest {matrix.attempts.length} scored attempts, oldest first. Points missed most are listed first.</caption>
          <PointGridHead missedClassName="pb-2 pl-3 text-right font-medium">
            {matrix.attempts.map((attempt) => (
              <th key={attempt.id} scope="col" className="px-0.5 pb-2 text-center font-medium">
                <Link href={`/attempts/${attempt.id}`} className="block rounded hover:text-text hover:underline" title={`Attempt of ${formatDateTime(attempt.createdAt)}`}>
                  <span className="block whitespace-nowrap">{formatShortDate(attempt.createdAt)}</span>
                  <span className="block font-semibold text-text tabular-nums">{formatScore(attempt.score)}</span>
                </Link>
              </th>
            ))}
          </PointGridHead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.itemId}>
                <th scope="row" className="sticky left-0 z-10 max-w-[11rem] min-w-[11rem] bg-surface py-1 pr-3 font-normal sm:max-w-[22rem] sm:min-w-[16rem]">
                  <span className="line-clamp-2 leading-snug">{row.label}</span>
                  {row.kind === "misconception" ? <span className="block text-xs text-muted">misconception</span> : null}
                </th>
                {row.cells.map((gap, index) => {
                  const text = gap === null ? "not checked" : row.kind === "misconception" ? (gap ? "claimed" : "avoided") : gap ? "missed" : "covered";
                  return (
                    <td key={matrix.attempts[index]!.id} className="p-0.5 text-center">
                      <span
                        className={cn(
                          "inline-flex h-8 w-full min-w-10 items-center justify-center rounded-md text-sm font-semibold",
                          gap === null ? "border border-dashed border-border text-muted" : gap ? "bg-bad-soft text-bad" : "bg-good-soft text-good",
                        )}
                        title={text}
                      >
                        <span aria-hidden="true">{gap === null ? "·" : gap ? "✕" : "✓"}</span>
                        <span className="sr-only">{text}</span>
                      </span>
                    </td>
                  );
                })}
                <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                  {row.missed} <span className="text-muted">of {row.asked}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden="true">
        <span>
          <span className="font-semibold text-good">✓</span> covered (or misconception avoided)
        </span>
        <span>
          <span className="font-semibold text-bad">✕</span> missed (or misconception claimed)
        </span>
      </p>
    </div>
  );
}
