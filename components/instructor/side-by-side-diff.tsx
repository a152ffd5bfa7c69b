import type { DiffRow } from "@/lib/rubrics";
import { cn } from "@/components/ui/cn";

const MARKS = {
  same: { left: " ", right: " ", words: "unchanged" },
  added: { left: " ", right: "+", words: "added" },
  removed: { left: "−", right: " ", words: "removed" },
  changed: { left: "−", right: "+", words: "changed" },
} as const;

type Block = { kind: "rows"; rows: DiffRow[] } | { kind: "fold"; rows: DiffRow[] };

/** Long runs of unchanged lines fold away, keeping `context` lines around each change. */
export function foldRows(rows: DiffRow[], context = 3): Block[] {
  const keep = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === "same") return;
    for (let near = Math.max(0, index - context); near <= Math.min(rows.length - 1, index + context); near++) keep[near] = true;
  });
  const blocks: Block[] = [];
  let index = 0;
  while (index < rows.length) {
    const kept = keep[index]!;
    let end = index;
    while (end < rows.length && keep[end] === kept) end++;
    const slice = rows.slice(index, end);
    // A fold of one or two lines saves nothing: show them.
    blocks.push(!kept && slice.length > 2 ? { kind: "fold", rows: slice } : { kind: "rows", rows: slice });
    index = end;
  }
  return blocks;
}

function Row({ row }: { row: DiffRow }) {
  const marks = MARKS[row.kind];
  const leftTone = row.kind === "removed" || row.kind === "changed" ? "bg-bad-soft" : "";
  const rightTone = row.kind === "added" || row.kind === "changed" ? "bg-good-soft" : "";
  return (
    <tr className="align-top" data-kind={row.kind} data-testid="diff-row">
      <td className={cn("w-10 border-r border-border px-2 text-right text-muted select-none", leftTone)}>{row.left?.line ?? ""}</td>
      <td className={cn("w-1/2 px-2 whitespace-pre-wrap [overflow-wrap:anywhere]", leftTone, !row.left && "bg-surface-2/60")}>
        <span aria-hidden="true" className="mr-1 inline-block w-3 font-bold text-bad">
          {marks.left}
        </span>
        <span className="sr-only">{row.kind === "same" ? "" : `${marks.words}: `}</span>
        {row.left?.text ?? ""}
      </td>
      <td className={cn("w-10 border-x border-border px-2 text-right text-muted select-none", rightTone)}>{row.right?.line ?? ""}</td>
      <td className={cn("w-1/2 px-2 whitespace-pre-wrap [overflow-wrap:anywhere]", rightTone, !row.right && "bg-surface-2/60")}>
        <span aria-hidden="true" className="mr-1 inline-block w-3 font-bold text-good">
          {marks.right}
        </span>
        <span className="sr-only">{row.kind === "same" ? "" : `${marks.words}: `}</span>
        {row.right?.text ?? ""}
      </td>
    </tr>
  );
}

/**
 * The two versions' YAML in two columns. Removed lines are marked − on the left, added ones + on the
 * right, a changed line both; colour repeats what the marks say.
 */
export function SideBySideDiff({ rows, from, to, fold = true }: { rows: DiffRow[]; from: number; to: number; fold?: boolean }) {
  const blocks: Block[] = fold ? foldRows(rows) : [{ kind: "rows", rows }];
  return (
    <div className="overflow-x-auto rounded-xl border border-border">
      <table className="w-full min-w-[44rem] table-fixed font-mono text-[0.78rem] leading-relaxed" data-testid="yaml-diff">
        <caption className="sr-only">
          The rubric as YAML, v{from} on the left and v{to} on the right. Each changed line is announced as removed, added or changed.
        </caption>
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-10" />
          <col />
        </colgroup>
        <thead className="border-b border-border bg-surface-2 font-sans text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              <span className="sr-only">v{from} line</span>#
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              v{from}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              <span className="sr-only">v{to} line</span>#
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              v{to}
            </th>
          </tr>
        </thead>
        {blocks.map((block, index) =>
          block.kind === "rows" ? (
            <tbody key={index}>
              {block.rows.map((row, rowIndex) => (
                <Row key={rowIndex} row={row} />
              ))}
            </tbody>
          ) : (
            <tbody key={index}>
              <tr>
                <td colSpan={4} className="border-y border-border bg-surface-2/70 px-3 py-1 font-sans text-xs text-muted">
                  {block.rows.length} unchanged lines ({block.rows[0]!.left?.line}–{block.rows.at(-1)!.left?.line} in v{from}) are folded.
                </td>
              </tr>
            </tbody>
          ),
        )}
      </table>
    </div>
  );
}
