// The heat map of rubric points missed most ("consistent gaps"), shaped from per-period counts.
//
// One window for everything: the periods drawn as columns. A row's totals, the consistent gaps and
// `basedOn` count only the answers in those periods, so the summary beside the map and the map's
// own "Missed" column always describe the same answers with the same definition of a miss.
import type { RubricItemKind } from "@/lib/db/generated/client";
import { isConsistentGap, missedCount, missedMostly } from "./gaps";

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
  /** Missed more often than not over at least three answers (isConsistentGap). */
  consistent: boolean;
  /** One per column; null when the question was not answered in that period. */
  cells: (HeatCell | null)[];
}

/** The heat map reads the latest this-many scored attempts (about 10 rubric rows each). */
export const HEAT_MAP_ATTEMPTS = 2000;

/** At most this many periods (columns); the query picks the period that fits the span into them. */
export const HEAT_MAP_COLUMNS = 8;

export interface HeatMap {
  unit: BucketUnit;
  /** How many scored attempts fall in the columns' periods: the answers every number here counts. */
  basedOn: number;
  /** Whether older scored attempts matching the filters were left out (before the first column, or past HEAT_MAP_ATTEMPTS). */
  capped: boolean;
  columns: { start: Date; label: string; longLabel: string }[];
  /** Points missed at least once, missed most first; every consistent gap is among them (up to maxRows). */
  rows: HeatRow[];
  /** How many distinct points were checked in these periods (before keeping the top rows). */
  itemCount: number;
  /** Every consistent gap in these periods, missed most first (the summary names the first few). */
  consistentGaps: HeatRow[];
  /** Points missed more often than not, but in too few answers to call them consistent yet. */
  tentativeGaps: number;
}

export interface HeatAggregateRow {
  questionSlug: string;
  questionTitle: string;
  itemId: string;
  label: string;
  kind: RubricItemKind;
  unit: BucketUnit;
  bucket: Date;
  /** Scored attempts (of any question) in this period. */
  periodAttempts: number;
  asked: number;
  /** How many of the `asked` answers met the point (for a misconception: claimed it). */
  met: number;
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
  { maxRows = 12, maxColumns = HEAT_MAP_COLUMNS }: { maxRows?: number; maxColumns?: number } = {},
): Omit<HeatMap, "capped"> {
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
  const periodAttempts = new Map<number, number>();
  for (const row of rows) {
    const column = columnOf.get(row.bucket.getTime());
    // Periods older than the columns are outside the window: not in any total either.
    if (column === undefined) continue;
    periodAttempts.set(column, row.periodAttempts);
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
        consistent: false,
        cells: starts.map(() => null),
      };
      byItem.set(key, item);
    }
    const missed = missedCount(row.kind, row.asked, row.met);
    item.asked += row.asked;
    item.missed += missed;
    const cell = item.cells[column] ?? { asked: 0, missed: 0 };
    cell.asked += row.asked;
    cell.missed += missed;
    item.cells[column] = cell;
  }
  const all = [...byItem.values()];
  for (const item of all) {
    item.rate = item.asked ? item.missed / item.asked : 0;
    item.consistent = isConsistentGap(item);
  }
  const missedMost = (a: HeatRow, b: HeatRow) => b.missed - a.missed || b.rate - a.rate || a.label.localeCompare(b.label);
  const ranked = all.filter((item) => item.missed > 0).sort(missedMost);
  const consistentGaps = ranked.filter((item) => item.consistent);
  // Every consistent gap the summary names must be a row here, even one missed fewer times than
  // the points that fill the rest of the rows.
  const keep = new Set(consistentGaps.slice(0, maxRows));
  for (const item of ranked) {
    if (keep.size >= maxRows) break;
    keep.add(item);
  }
  let basedOn = 0;
  for (const count of periodAttempts.values()) basedOn += count;
  return {
    unit,
    basedOn,
    columns: starts.map((start) => ({ start, ...bucketLabels(start, unit) })),
    rows: ranked.filter((item) => keep.has(item)),
    itemCount: all.length,
    consistentGaps,
    tentativeGaps: all.filter((item) => !item.consistent && missedMostly(item)).length,
  };
}
