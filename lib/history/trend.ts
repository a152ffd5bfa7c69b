// The score trend: x = attempt time, y = score, one line per question.

export interface TrendPoint {
  attemptId: string;
  /** Epoch milliseconds, for a numeric time axis. */
  t: number;
  score: number;
}

export interface TrendSeries {
  slug: string;
  title: string;
  attempts: number;
  points: TrendPoint[];
}

/** One scored attempt of the trend query: its question, that question's attempt count, time and score. */
export interface TrendRow {
  attemptId: string;
  slug: string;
  title: string;
  total: number;
  createdAt: Date;
  score: number;
}

/** Rows grouped by question into lines, in the order they come (a new line wherever the slug changes). */
export function trendSeries(rows: readonly TrendRow[]): TrendSeries[] {
  const series: TrendSeries[] = [];
  let current: TrendSeries | undefined;
  for (const row of rows) {
    if (!current || current.slug !== row.slug) {
      current = { slug: row.slug, title: row.title, attempts: row.total, points: [] };
      series.push(current);
    }
    current.points.push({ attemptId: row.attemptId, t: row.createdAt.getTime(), score: row.score });
  }
  return series;
}
