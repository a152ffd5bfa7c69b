import Link from "next/link";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import type { InstructorQuestionRow } from "@/lib/db/rubrics";
import { formatMean } from "./format";
import { DEFAULT_DIR, tableHref, type SortKey, type TableQuery } from "./question-sort";
import { RateBar } from "./rate-bar";

export type QuestionTableRow = Omit<InstructorQuestionRow, "lowestHitRate">;

function SortHeader({ label, sortKey, query, className }: { label: string; sortKey: SortKey; query: TableQuery; className?: string }) {
  const active = query.sort === sortKey;
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : undefined;
  const href = tableHref(query, active ? { dir: nextDir } : { sort: sortKey, dir: DEFAULT_DIR[sortKey] });
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link href={href} className="inline-flex items-center gap-1 rounded font-medium hover:text-text" scroll={false}>
        {label}
        <span aria-hidden="true" className="text-[0.65rem]">
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        {active ? <span className="sr-only">, sorted {query.dir === "asc" ? "ascending" : "descending"}; select to reverse</span> : null}
      </Link>
    </th>
  );
}

/** Every question with its rubric state and how candidates fare on it. */
export function QuestionsTable({ rows, query, trackTitles }: { rows: QuestionTableRow[]; query: TableQuery; trackTitles: Record<string, string> }) {
  return (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      <table className="w-full min-w-[46rem] text-left text-sm" data-testid="instructor-questions">
        <caption className="sr-only">Questions, their active rubric version and how answers score. Column headers sort the table.</caption>
        <thead className="border-y border-border bg-surface-2 text-xs text-muted">
          <tr>
            <SortHeader label="Question" sortKey="title" query={query} className="py-2 pr-3 pl-5 sm:pl-6" />
            <th scope="col" className="py-2 pr-3 font-medium">
              Rubric
            </th>
            <SortHeader label="Attempts" sortKey="attempts" query={query} className="py-2 pr-3 text-right" />
            <SortHeader label="Mean score" sortKey="mean" query={query} className="py-2 pr-3 text-right" />
            <SortHeader label="Most-missed item" sortKey="missed" query={query} className="py-2 pr-5 sm:pr-6" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-b border-border align-top last:border-b-0 hover:bg-surface-2/60" data-testid="instructor-question-row" data-slug={row.slug}>
              <td className="py-3 pr-3 pl-5 sm:pl-6">
                <Link href={`/instructor/questions/${row.slug}`} className="font-medium text-text hover:text-accent hover:underline">
                  {row.title}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                  <span>{trackTitles[row.track] ?? row.track}</span>
                  <LevelBadge level={row.level} />
                </div>
              </td>
              <td className="py-3 pr-3 whitespace-nowrap">
                <span className="font-mono text-sm">v{row.activeVersion}</span> <span className="text-xs text-muted">active</span>
                {row.unpublishedCount > 0 ? (
                  <div className="mt-1">
                    <Badge tone="warn">
                      {row.unpublishedCount} unpublished <span className="sr-only">(latest is v{row.latestVersion})</span>
                    </Badge>
                  </div>
                ) : null}
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{row.attempts.toLocaleString("en")}</td>
              <td className="py-3 pr-3 text-right tabular-nums">{formatMean(row.meanScore)}</td>
              <td className="py-3 pr-5 sm:pr-6">
                {row.mostMissed ? (
                  <>
                    <p className="max-w-[18rem] leading-snug">{row.mostMissed.label}</p>
                    <RateBar rate={row.mostMissed.hitRate} label="Hit rate" className="mt-1" />
                  </>
                ) : (
                  <span className="text-muted">No scored answers yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
