// The score trend's lines (lib/history/trend.ts).
import { describe, expect, it } from "vitest";
import { trendSeries, type TrendRow } from "@/lib/history/trend";

describe("trendSeries", () => {
  const row = (attemptId: string, slug: string, day: number, score: number, total = 2): TrendRow => ({
    attemptId,
    slug,
    title: slug.toUpperCase(),
    total,
    createdAt: new Date(Date.UTC(2026, 0, day)),
    score,
  });

  it("starts a line wherever the question changes, keeping the rows' order", () => {
    const series = trendSeries([row("1", "a", 1, 4, 3), row("2", "a", 2, 6, 3), row("3", "a", 5, 7, 3), row("4", "b", 3, 5, 1)]);
    expect(series).toEqual([
      {
        slug: "a",
        title: "A",
        attempts: 3,
        points: [
          { attemptId: "1", t: Date.UTC(2026, 0, 1), score: 4 },
          { attemptId: "2", t: Date.UTC(2026, 0, 2), score: 6 },
          { attemptId: "3", t: Date.UTC(2026, 0, 5), score: 7 },
        ],
      },
      { slug: "b", title: "B", attempts: 1, points: [{ attemptId: "4", t: Date.UTC(2026, 0, 3), score: 5 }] },
    ]);
    expect(trendSeries([])).toEqual([]);
  });
});
