// Shaping the heat map of rubric points missed most (lib/history/heat-map.ts, lib/history/gaps.ts).
import { describe, expect, it } from "vitest";
import { isConsistentGap, isGap, missedCount, missedMostly } from "@/lib/history/gaps";
import { bucketLabels, buildHeatMap, type HeatAggregateRow } from "@/lib/history/heat-map";
import { seededRandom } from "../../support/seeded-random";

describe("isGap", () => {
  it("counts a missed required point or a claimed misconception, never a bonus", () => {
    expect([isGap("required", false), isGap("required", true)]).toEqual([true, false]);
    expect([isGap("misconception", true), isGap("misconception", false)]).toEqual([true, false]);
    expect([isGap("bonus", false), isGap("bonus", true)]).toEqual([false, false]);
  });
});

describe("missedCount, isConsistentGap", () => {
  it("turns met counts into misses with isGap: a required point not met, a misconception claimed, never a bonus", () => {
    expect(missedCount("required", 5, 2)).toBe(3);
    expect(missedCount("misconception", 5, 2)).toBe(2);
    expect(missedCount("bonus", 5, 0)).toBe(0);
  });

  it("calls a point a consistent gap when it is missed more often than not in at least three answers", () => {
    expect(isConsistentGap({ asked: 3, missed: 2 })).toBe(true);
    expect(isConsistentGap({ asked: 4, missed: 2 })).toBe(false); // half is not "more often than not"
    expect(isConsistentGap({ asked: 2, missed: 2 })).toBe(false); // too few answers to tell
    expect([missedMostly({ asked: 2, missed: 2 }), missedMostly({ asked: 0, missed: 0 })]).toEqual([true, false]);
  });
});

describe("buildHeatMap", () => {
  /** A per-period count as the SQL returns it, written with misses for readability. */
  const row = (itemId: string, bucket: string, asked: number, missed: number, extra: Partial<HeatAggregateRow> = {}): HeatAggregateRow => {
    const kind = extra.kind ?? "required";
    return {
      questionSlug: "q",
      questionTitle: "Q",
      itemId,
      label: itemId.toUpperCase(),
      kind,
      unit: "month",
      bucket: new Date(bucket),
      periodAttempts: 6,
      asked,
      met: kind === "misconception" ? missed : asked - missed,
      ...extra,
    };
  };

  it("lays items out over consecutive periods ending at the latest, missed most first", () => {
    const map = buildHeatMap([
      row("a", "2026-01-01T00:00:00Z", 4, 1, { periodAttempts: 4 }),
      row("a", "2026-03-01T00:00:00Z", 2, 2, { periodAttempts: 5 }),
      row("b", "2026-03-01T00:00:00Z", 5, 4, { periodAttempts: 5 }),
      row("c", "2026-02-01T00:00:00Z", 3, 0, { periodAttempts: 3 }),
    ]);
    expect(map.columns.map((column) => column.label)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(map.rows.map((item) => [item.itemId, item.missed, item.asked, item.consistent])).toEqual([
      ["b", 4, 5, true],
      ["a", 3, 6, false], // missed exactly half the time: not more often than not
    ]); // c was never missed, so it is not a gap
    expect(map.rows[1]!.cells).toEqual([{ asked: 4, missed: 1 }, null, { asked: 2, missed: 2 }]);
    expect(map.itemCount).toBe(3);
    expect(map.basedOn).toBe(4 + 3 + 5);
    expect(map.consistentGaps.map((item) => item.itemId)).toEqual(["b"]);
  });

  it("counts only the periods it shows: totals, gaps and basedOn share the columns' window", () => {
    const rows = Array.from({ length: 12 }, (_, index) => row("a", new Date(Date.UTC(2025, index, 1)).toISOString(), 1, index < 9 ? 0 : 1, { periodAttempts: 2 }));
    const map = buildHeatMap(rows, { maxColumns: 3 });
    expect(map.columns.map((column) => column.label)).toEqual(["Oct 2025", "Nov 2025", "Dec 2025"]);
    expect(map.rows[0]).toMatchObject({ asked: 3, missed: 3, rate: 1, consistent: true });
    expect(map.rows[0]!.cells).toEqual([{ asked: 1, missed: 1 }, { asked: 1, missed: 1 }, { asked: 1, missed: 1 }]);
    expect(map.basedOn).toBe(6);
    expect(map.consistentGaps).toHaveLength(1);
  });

  it("counts a claimed misconception as a miss and a covered one as not", () => {
    const map = buildHeatMap([row("m", "2026-01-01T00:00:00Z", 4, 3, { kind: "misconception" })]);
    expect(map.rows[0]).toMatchObject({ kind: "misconception", asked: 4, missed: 3, consistent: true });
  });

  it("keeps every consistent gap among the rows, even one missed fewer times than the rest", () => {
    const rows = [
      ...["p", "q", "r"].map((id) => row(id, "2026-01-01T00:00:00Z", 20, 5)),
      row("gap", "2026-01-01T00:00:00Z", 3, 3),
    ];
    const map = buildHeatMap(rows, { maxRows: 2 });
    expect(map.rows.map((item) => item.itemId)).toEqual(["p", "gap"]);
    expect(map.consistentGaps.map((item) => item.itemId)).toEqual(["gap"]);
  });

  it("counts points missed more often than not in too few answers as tentative, not consistent", () => {
    const map = buildHeatMap([row("once", "2026-01-01T00:00:00Z", 1, 1), row("twice", "2026-01-01T00:00:00Z", 2, 2), row("half", "2026-01-01T00:00:00Z", 2, 1)]);
    expect(map.consistentGaps).toEqual([]);
    expect(map.tentativeGaps).toBe(2);
    expect(map.rows.every((item) => !item.consistent)).toBe(true);
  });

  it("agrees with itself on random histories: rows, cells, totals and gaps", () => {
    const random = seededRandom(13);
    for (let trial = 0; trial < 200; trial++) {
      const rows: HeatAggregateRow[] = [];
      const items = 1 + Math.floor(random() * 20);
      for (let item = 0; item < items; item++) {
        for (let month = 0; month < 12; month++) {
          if (random() < 0.5) continue;
          const asked = 1 + Math.floor(random() * 3);
          const missed = Math.floor(random() * (asked + 1));
          rows.push(row(`i${item}`, new Date(Date.UTC(2025, month, 1)).toISOString(), asked, missed, { kind: random() < 0.2 ? "misconception" : "required", periodAttempts: 3 }));
        }
      }
      const maxRows = 1 + Math.floor(random() * 12);
      const map = buildHeatMap(rows, { maxRows, maxColumns: 1 + Math.floor(random() * 12) });
      expect(map.rows.length).toBeLessThanOrEqual(maxRows);
      for (const item of map.rows) {
        const cells = item.cells.filter((cell) => cell !== null);
        expect(cells.reduce((sum, cell) => sum + cell.asked, 0)).toBe(item.asked);
        expect(cells.reduce((sum, cell) => sum + cell.missed, 0)).toBe(item.missed);
        expect(item.consistent).toBe(isConsistentGap(item));
        expect(item.missed).toBeGreaterThan(0);
      }
      const keys = new Set(map.rows.map((item) => item.key));
      expect(map.consistentGaps.slice(0, maxRows).every((gap) => keys.has(gap.key))).toBe(true);
      expect(map.rows.filter((item) => item.consistent)).toEqual(map.consistentGaps.slice(0, maxRows));
      // Every period holds 3 attempts; only the periods drawn count.
      const drawn = map.columns.filter((column) => rows.some((input) => input.bucket.getTime() === column.start.getTime()));
      expect(map.basedOn).toBe(3 * drawn.length);
    }
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
    expect(buildHeatMap([])).toMatchObject({ columns: [], rows: [], consistentGaps: [], tentativeGaps: 0, itemCount: 0, basedOn: 0 });
  });
});

describe("bucketLabels", () => {
  it("labels a week by its first day, a month by name and a quarter by number, in UTC", () => {
    expect(bucketLabels(new Date("2026-03-30T00:00:00Z"), "week")).toEqual({ label: "30 Mar", longLabel: "the week of 30 March 2026" });
    expect(bucketLabels(new Date("2026-03-01T00:00:00Z"), "month")).toEqual({ label: "Mar 2026", longLabel: "Mar 2026" });
    expect(bucketLabels(new Date("2026-07-01T00:00:00Z"), "quarter")).toEqual({ label: "Q3 2026", longLabel: "Q3 2026" });
  });
});
