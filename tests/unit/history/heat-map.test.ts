// Shaping the heat map of rubric points missed most (lib/history/heat-map.ts, lib/history/gaps.ts).
import { describe, expect, it } from "vitest";
import { isGap } from "@/lib/history/gaps";
import { bucketLabels, buildHeatMap, type HeatAggregateRow } from "@/lib/history/heat-map";

describe("isGap", () => {
  it("counts a missed required point or a claimed misconception, never a bonus", () => {
    expect([isGap("required", false), isGap("required", true)]).toEqual([true, false]);
    expect([isGap("misconception", true), isGap("misconception", false)]).toEqual([true, false]);
    expect([isGap("bonus", false), isGap("bonus", true)]).toEqual([false, false]);
  });
});

describe("buildHeatMap", () => {
  const row = (itemId: string, bucket: string, asked: number, missed: number, extra: Partial<HeatAggregateRow> = {}): HeatAggregateRow => ({
    questionSlug: "q",
    questionTitle: "Q",
    itemId,
    label: itemId.toUpperCase(),
    kind: "required",
    unit: "month",
    bucket: new Date(bucket),
    asked,
    missed,
    ...extra,
  });

  it("lays items out over consecutive periods ending at the latest, missed most first", () => {
    const map = buildHeatMap([
      row("a", "2026-01-01T00:00:00Z", 4, 1),
      row("a", "2026-03-01T00:00:00Z", 2, 2),
      row("b", "2026-03-01T00:00:00Z", 5, 4),
      row("c", "2026-02-01T00:00:00Z", 3, 0),
    ]);
    expect(map.columns.map((column) => column.label)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(map.rows.map((item) => [item.itemId, item.missed, item.asked])).toEqual([
      ["b", 4, 5],
      ["a", 3, 6],
    ]); // c was never missed, so it is not a gap
    expect(map.rows[1]!.cells).toEqual([{ asked: 4, missed: 1 }, null, { asked: 2, missed: 2 }]);
    expect(map.itemCount).toBe(3);
    expect(map.consistentGaps.map((item) => item.itemId)).toEqual(["b", "a"]);
  });

  it("keeps only the latest columns, but counts every period in the totals", () => {
    const rows = Array.from({ length: 12 }, (_, index) => row("a", new Date(Date.UTC(2025, index, 1)).toISOString(), 1, 1));
    const map = buildHeatMap(rows, { maxColumns: 3 });
    expect(map.columns.map((column) => column.label)).toEqual(["Oct 2025", "Nov 2025", "Dec 2025"]);
    expect(map.rows[0]).toMatchObject({ asked: 12, missed: 12 });
  });

  it("steps weeks by seven days and labels quarters", () => {
    const weeks = buildHeatMap([row("a", "2026-03-30T00:00:00Z", 1, 1, { unit: "week" }), row("a", "2026-04-13T00:00:00Z", 1, 0, { unit: "week" })]);
    expect(weeks.columns.map((column) => column.start.toISOString().slice(0, 10))).toEqual(["2026-03-30", "2026-04-06", "2026-04-13"]);
    expect(weeks.columns[0]!.longLabel).toBe("the week of 30 March 2026");
    const quarters = buildHeatMap([row("a", "2025-10-01T00:00:00Z", 1, 1, { unit: "quarter" }), row("a", "2026-04-01T00:00:00Z", 1, 1, { unit: "quarter" })]);
    expect(quarters.columns.map((column) => column.label)).toEqual(["Q4 2025", "Q1 2026", "Q2 2026"]);
  });

  it("separates the same item id in two questions and caps the rows", () => {
    const map = buildHeatMap(
      [row("x", "2026-01-01T00:00:00Z", 1, 1), row("x", "2026-01-01T00:00:00Z", 1, 1, { questionSlug: "p" }), row("y", "2026-01-01T00:00:00Z", 1, 1)],
      { maxRows: 2 },
    );
    expect(map.rows).toHaveLength(2);
    expect(map.itemCount).toBe(3);
  });

  it("is empty without rows", () => {
    expect(buildHeatMap([])).toMatchObject({ columns: [], rows: [], consistentGaps: [], itemCount: 0 });
  });
});

describe("bucketLabels", () => {
  it("labels a week by its first day, a month by name and a quarter by number, in UTC", () => {
    expect(bucketLabels(new Date("2026-03-30T00:00:00Z"), "week")).toEqual({ label: "30 Mar", longLabel: "the week of 30 March 2026" });
    expect(bucketLabels(new Date("2026-03-01T00:00:00Z"), "month")).toEqual({ label: "Mar 2026", longLabel: "Mar 2026" });
    expect(bucketLabels(new Date("2026-07-01T00:00:00Z"), "quarter")).toEqual({ label: "Q3 2026", longLabel: "Q3 2026" });
  });
});
