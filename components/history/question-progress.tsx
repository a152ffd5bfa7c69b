import Link from "next/link";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import type { QuestionSummary } from "@/lib/history/summary";
import { formatDate, formatScore } from "./format";
import { DeltaBadge, ScoreBadge } from "./score-badge";

// Narrow screens drop the average, the best and the change; the best goes first.
const COLUMNS: readonly TableColumn[] = [
  ["Question", "py-2 pr-3 pl-5 font-medium sm:pl-6"],
  ["Attempts", "py-2 pr-3 text-right font-medium"],
  ["Average", "hidden py-2 pr-3 text-right font-medium sm:table-cell"],
  ["Best", "hidden py-2 pr-3 text-right font-medium md:table-cell"],
  ["Latest", "py-2 pr-3 text-right font-medium"],
  ["Since first", "hidden py-2 pr-5 text-right font-medium sm:table-cell sm:pr-6"],
];

/** One row per question practised: how often, how well, and where it is heading. */
export function QuestionProgress({ summaries }: { summaries: QuestionSummary[] }) {
  return (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      <table className="w-full min-w-[20rem] text-left text-sm" data-testid="question-progress">
        <caption className="sr-only">Progress by question, most recently practised first</caption>
        <TableHead className="border-y border-border bg-surface-2 text-xs text-muted" columns={COLUMNS} />
        <tbody>
          {summaries.map((row) => {
            const change = row.scored >= 2 && row.firstScore !== null && row.latestScore !== null ? Math.round((row.latestScore - row.firstScore) * 10) / 10 : null;
            return (
              <tr key={row.questionId} className="border-b border-border last:border-b-0 hover:bg-surface-2/60">
                <th scope="row" className="py-3 pr-3 pl-5 text-left align-top font-normal sm:pl-6">
                  <Link href={`/history/questions/${row.slug}`} className="font-medium hover:text-accent hover:underline">
                    {row.title}
                  </Link>
                  <span className="mt-0.5 block text-xs text-muted">Last practised {formatDate(row.lastAt)}</span>
                </th>
                <td className="py-3 pr-3 text-right align-top tabular-nums">{row.attempts.toLocaleString("en")}</td>
                <td className="hidden py-3 pr-3 text-right align-top tabular-nums sm:table-cell">{formatScore(row.average)}</td>
                <td className="hidden py-3 pr-3 text-right align-top tabular-nums md:table-cell">{formatScore(row.best)}</td>
                <td className="py-3 pr-3 text-right align-top">
                  <ScoreBadge score={row.latestScore} />
                </td>
                <td className="hidden py-3 pr-5 text-right align-top sm:table-cell sm:pr-6">
                  {change === null ? <span className="text-muted">—</span> : <DeltaBadge delta={change} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
