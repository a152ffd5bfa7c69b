// Export records as CSV rows, safe to open in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import type { ExportRecord } from "./export";

export const CSV_COLUMNS = [
  { key: "id", header: "attempt_id" },
  { key: "createdAt", header: "created_at" },
  { key: "question", header: "question" },
  { key: "questionTitle", header: "question_title" },
  { key: "track", header: "track" },
  { key: "level", header: "level" },
  { key: "status", header: "status" },
  { key: "score", header: "score" },
  { key: "scorer", header: "scorer" },
  { key: "rubricVersion", header: "rubric_version" },
  { key: "timeSpentMs", header: "time_spent_ms" },
  { key: "answerSource", header: "answer_source" },
  { key: "mockSessionId", header: "mock_session_id" },
  { key: "metItemIds", header: "met_item_ids" },
  { key: "missedItemIds", header: "missed_item_ids" },
  { key: "misconceptionItemIds", header: "misconception_item_ids" },
  { key: "answer", header: "answer" },
] as const satisfies readonly { key: keyof ExportRecord; header: string }[];

/** Lists of item ids become "a;b;c" in one cell; missing values become empty cells. */
export function csvChunk(records: ExportRecord[], { header }: { header: boolean }): string {
  const rows = records.map((record) =>
    CSV_COLUMNS.map(({ key }) => {
      const value = record[key];
      return neutraliseFormula(Array.isArray(value) ? value.join(";") : value === null ? "" : String(value));
    }),
  );
  return stringify(rows, { header, columns: CSV_COLUMNS.map((column) => column.header), eof: true });
}

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab/CR) as a formula; an answer that
 * starts that way is prefixed with an apostrophe so opening the export never runs anything.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}
