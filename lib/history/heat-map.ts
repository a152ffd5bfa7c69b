// The heat map of rubric points missed most ("consistent gaps"), shaped from per-period counts.
import type { RubricItemKind } from "@/lib/db/generated/client";

const DAY_MS = 86_400_000;

export type BucketUnit = "week" | "month" | "quarter";

export interface HeatCell {
  asked: number;
  missed: number;
}

export interface HeatRow {
  key: string;
  questionSlug: string;
  questionTitle: string;
  itemId: string;
  label: string;
  kind: RubricItemKind;
  asked: number;
  missed: number;
  rate: number;
  /** One per column; null when the question was not answered in that period. */
  cells: (HeatCell | null)[];
}

/** The heat map reads the latest this-many scored attempts (about 10 rubric rows each). */
export const HEAT_MAP_ATTEMPTS = 2000;

export interface HeatMap {
  unit: BucketUnit;
  /** How many scored attempts it is based on, and whether older ones were left out. */
  basedOn: number;
  capped: boolean;
  columns: { start: Date; label: string; longLabel: string }[];
  rows: HeatRow[];
  /** How many distinct points were checked in all (before keeping the top rows). */
  itemCount: number;
  /** Repeated gaps worth saying out loud: missed at least half the time, at least 3 times asked. */
  consistentGaps: HeatRow[];
}

export interface HeatAggregateRow {
  questionSlug: string;
  questionTitle: string;
  itemId: string;
  label: string;
  kind: RubricItemKind;
  unit: BucketUnit;
  bucket: Date;
  asked: number;
  missed: number;
}

/** Start of the period before `start`. */
function previousBucket(start: Date, unit: BucketUnit): Date {
  if (unit === "week") return new Date(start.getTime() - 7 * DAY_MS);
  const months = unit === "month" ? 1 : 3;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function bucketLabels(start: Date, unit: BucketUnit): { label: string; longLabel: string } {
  if (unit === "week") return { label: dayFormat.format(start), longLabel: `the week of ${longDayFormat.format(start)}` };
  if (unit === "month") return { label: monthFormat.format(start), longLabel: monthFormat.format(start) };
  const quarter = Math.floor(start.getUTCMonth() / 3) + 1;
  return { label: `Q${quarter} ${start.getUTCFullYear()}`, longLabel: `Q${quarter} ${start.getUTCFullYear()}` };
}

export function buildHeatMap(
  rows: HeatAggregateRow[],
  { maxRows = 12, maxColumns = 8 }: { maxRows?: number; maxColumns?: number } = {},
): Omit<HeatMap, "basedOn" | "capped"> {
  const unit: BucketUnit = rows[0]?.unit ?? "week";
  let latest = 0;
  for (const row of rows) latest = Math.max(latest, row.bucket.getTime());
  const starts: Date[] = [];
  if (rows.length > 0) {
    let start = new Date(latest);
    for (let i = 0; i < maxColumns; i++) {
      starts.unshift(start);
      start = previousBucket(start, unit);
    }
    // Do not draw empty periods before the first attempt.
    let earliest = latest;
    for (const row of rows) earliest = Math.min(earliest, row.bucket.getTime());
    while (starts.length > 1 && starts[0]!.getTime() < earliest) starts.shift();
  }
  const columnOf = new Map(starts.map((start, index) => [start.getTime(), index]));

  const byItem = new Map<string, HeatRow>();
  for (const row of rows) {
    const key = `${row.questionSlug}/${row.itemId}`;
    let item = byItem.get(key);
    if (!item) {
      item = {
        key,
        questionSlug: row.questionSlug,
        questionTitle: row.questionTitle,
        itemId: row.itemId,
        label: row.label,
        kind: row.kind,
        asked: 0,
        missed: 0,
        rate: 0,
        cells: starts.map(() => null),
      };
      byItem.set(key, item);
    }
    item.asked += row.asked;
    item.missed += row.missed;
    const column = columnOf.get(row.bucket.getTime());
    if (column !== undefined) {
      const cell = item.cells[column] ?? { asked: 0, missed: 0 };
      cell.asked += row.asked;
      cell.missed += row.missed;
      item.cells[column] = cell;
    }
  }
  const all = [...byItem.values()];
  for (const item of all) item.rate = item.asked ? item.missed / item.asked : 0;
  const missedMost = (a: HeatRow, b: HeatRow) => b.missed - a.missed || b.rate - a.rate || a.label.localeCompare(b.label);
  const ranked = all.filter((item) => item.missed > 0).sort(missedMost);
  return {
    unit,
    columns: starts.map((start) => ({ start, ...bucketLabels(start, unit) })),
    rows: ranked.slice(0, maxRows),
    itemCount: all.length,
    consistentGaps: ranked.filter((item) => item.asked >= 3 && item.rate >= 0.5).slice(0, 3),
  };
}
