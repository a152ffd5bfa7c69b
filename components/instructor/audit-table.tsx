import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import type { AuditEntry } from "@/lib/db/audit";
import { actionLabel, formatWhen } from "./format";

export type AuditRow = AuditEntry;

const TONES: Record<string, "neutral" | "accent" | "good" | "warn" | "bad"> = {
  "rubric.publish": "good",
  "score.override": "warn",
  "rescore.start": "accent",
  "rescore.finish": "accent",
};

const COLUMNS: readonly TableColumn[] = [
  ["When", "py-2 pr-3 pl-5 font-medium sm:pl-6"],
  ["Who", "py-2 pr-3 font-medium"],
  ["What", "py-2 pr-3 font-medium"],
  ["Links", "py-2 pr-5 font-medium sm:pr-6"],
];

/** Who did what, when, newest first; each row links to the question or attempt it touched. */
export function AuditTable({ rows, showQuestion = true, caption }: { rows: AuditRow[]; showQuestion?: boolean; caption: string }) {
  return (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">{caption}</caption>
        <TableHead className="border-y border-border bg-surface-2 text-xs text-muted" columns={COLUMNS} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-border align-top last:border-b-0" data-testid="audit-row" data-action={row.action}>
              <td className="py-2.5 pr-3 pl-5 whitespace-nowrap text-muted tabular-nums sm:pl-6">
                <time dateTime={row.at.toISOString()}>{formatWhen(row.at)}</time>
              </td>
              <td className="py-2.5 pr-3">{row.actorName ?? <span className="text-muted">System</span>}</td>
              <td className="py-2.5 pr-3">
                <Badge tone={TONES[row.action] ?? "neutral"}>{actionLabel(row.action)}</Badge>
                <p className="mt-1 leading-snug">{row.summary}</p>
              </td>
              <td className="py-2.5 pr-5 sm:pr-6">
                <ul className="flex flex-col gap-0.5">
                  {showQuestion && row.slug ? (
                    <li>
                      <Link href={`/instructor/questions/${row.slug}`} className="font-medium text-accent hover:underline">
                        {row.slug}
                      </Link>
                    </li>
                  ) : null}
                  {row.slug && row.version !== null ? (
                    <li>
                      <Link href={`/instructor/questions/${row.slug}#version-${row.version}`} className="text-accent hover:underline">
                        v{row.version}
                      </Link>
                    </li>
                  ) : null}
                  {row.attemptId ? (
                    <li>
                      <Link href={`/attempts/${row.attemptId}`} className="text-accent hover:underline">
                        The attempt
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
