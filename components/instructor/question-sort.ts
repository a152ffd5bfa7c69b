// Sorting and filtering the instructor's question table, driven by the URL (?sort=&dir=&track=) so
// a view can be bookmarked and works without JavaScript.

export const SORT_KEYS = ["missed", "attempts", "mean", "title"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Each column's natural first direction: weakest items and means first, busiest questions first. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = { missed: "asc", attempts: "desc", mean: "asc", title: "asc" };

export interface SortableQuestion {
  title: string;
  track: string;
  attempts: number;
  meanScore: number | null;
  lowestHitRate: number | null;
}

export interface TableQuery {
  sort: SortKey;
  dir: SortDir;
  track: string | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseTableQuery(raw: Record<string, string | string[] | undefined>, tracks: readonly string[]): TableQuery {
  const sortText = first(raw.sort);
  const sort = (SORT_KEYS as readonly string[]).includes(sortText) ? (sortText as SortKey) : "missed";
  const dirText = first(raw.dir);
  const dir = dirText === "asc" || dirText === "desc" ? dirText : DEFAULT_DIR[sort];
  const trackText = first(raw.track);
  return { sort, dir, track: tracks.includes(trackText) ? trackText : null };
}

function valueOf(row: SortableQuestion, key: SortKey): number | string | null {
  if (key === "missed") return row.lowestHitRate;
  if (key === "attempts") return row.attempts;
  if (key === "mean") return row.meanScore;
  return row.title.toLocaleLowerCase("en");
}

/** Filtered and sorted rows; questions with no data for the column always sink to the bottom. */
export function sortQuestions<Row extends SortableQuestion>(rows: readonly Row[], query: TableQuery): Row[] {
  const sign = query.dir === "asc" ? 1 : -1;
  return rows
    .filter((row) => !query.track || row.track === query.track)
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const left = valueOf(a.row, query.sort);
      const right = valueOf(b.row, query.sort);
      if (left === null || right === null) {
        if (left !== right) return left === null ? 1 : -1;
      } else if (left !== right) {
        const order = typeof left === "string" ? left.localeCompare(String(right), "en") : left - (right as number);
        return sign * order;
      }
      return a.row.title.localeCompare(b.row.title, "en") || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** `?sort=…&dir=…&track=…` with only the non-default parts. */
export function tableHref(query: TableQuery, change: Partial<TableQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.sort !== "missed") params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIR[next.sort]) params.set("dir", next.dir);
  if (next.track) params.set("track", next.track);
  const text = params.toString();
  return text ? `/instructor?${text}` : "/instructor";
}
