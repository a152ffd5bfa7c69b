// The consistent-gaps summary against the heat map it sits beside (lib/history/gap-summary.ts).
import { describe, expect, it } from "vitest";
import { gapSummary, GAPS_NAMED, heatMapScope } from "@/lib/history/gap-summary";
import { isConsistentGap, missedMostly } from "@/lib/history/gaps";
import { buildHeatMap, type HeatAggregateRow, type HeatMap } from "@/lib/history/heat-map";

const row = (itemId: string, month: number, asked: number, missed: number, extra: Partial<HeatAggregateRow> = {}): HeatAggregateRow => ({
  questionSlug: extra.questionSlug ?? "q",
  questionTitle: "Q",
  itemId,
  label: `Point ${itemId}`,
  kind: "required",
  unit: "month",
  bucket: new Date(Date.UTC(2026, month, 1)),
  periodAttempts: 2,
  asked,
  met: asked - missed,
  ...extra,
});

const map = (rows: HeatAggregateRow[], options?: { maxRows?: number; maxColumns?: number }): HeatMap => ({ ...buildHeatMap(rows, options), capped: false });

describe("heatMapScope", () => {
  it("names the answers and the periods the heat map covers", () => {
    expect(heatMapScope(map([row("a", 2, 1, 1, { periodAttempts: 3 }), row("a", 4, 1, 1, { periodAttempts: 2 })]))).toBe("your 5 scored answers since Mar 2026");
    expect(heatMapScope(map([row("a", 2, 1, 1, { periodAttempts: 1 })]))).toBe("your one scored answer in Mar 2026");
    expect(heatMapScope(map([]))).toBe("your scored answers");
  });
});

describe("gapSummary", () => {
  it("never says nothing is missed more often than not beside a heat map of points missed every time (the reported bug)", () => {
    // A new user: each question answered once, every point left out. All 100% in the heat map.
    const summary = gapSummary(map(["a", "b", "c"].map((id) => row(id, 0, 1, 1))));
    expect(summary.kind).toBe("tentative");
    expect(summary.headline).not.toMatch(/No point is missed/);
    expect(summary.headline).toBe("No consistent gap yet across your 2 scored answers in Jan 2026: a point needs at least 3 answers to its question to count as one.");
    expect(summary.kind === "tentative" && summary.detail).toBe(
      "3 points were missed more often than not in fewer answers than that. Answer those questions again to see whether they stick; the heat map below shows what you missed.",
    );
  });

  it("names the first gaps, counts them all, and points to the heat map for the rest", () => {
    const rows = ["a", "b", "c", "d", "e"].map((id, index) => row(id, 0, 5, 5 - (index % 2)));
    const heat = map(rows);
    const summary = gapSummary(heat);
    expect(summary.kind).toBe("gaps");
    if (summary.kind !== "gaps") return;
    expect(summary.headline).toBe("Across your 2 scored answers in Jan 2026, 5 points are missed more often than not. Work them into your next answers.");
    expect(summary.named.map((gap) => gap.itemId)).toEqual(["a", "c", "e"]);
    expect(summary.named).toEqual(heat.rows.slice(0, GAPS_NAMED)); // the very rows the heat map draws
    expect(summary.footnote).toBe("And 2 points more, marked in the heat map below.");
  });

  it("says when the heat map cannot mark every gap", () => {
    const rows = ["a", "b", "c", "d", "e"].map((id) => row(id, 0, 3, 3));
    const summary = gapSummary(map(rows, { maxRows: 4 }));
    expect(summary.kind === "gaps" && summary.footnote).toBe("And 2 points more; the heat map below marks one point of them.");
  });

  it("says one point in the singular", () => {
    const summary = gapSummary(map([row("a", 0, 3, 2), row("b", 0, 3, 1)]));
    expect(summary.headline).toBe("Across your 2 scored answers in Jan 2026, one point is missed more often than not. Work it into your next answers.");
    expect(summary.kind === "gaps" && summary.footnote).toBeNull();
  });

  it("says nothing is missed more often than not only when no point in the heat map is", () => {
    const occasional = gapSummary(map([row("a", 0, 4, 2), row("b", 1, 3, 1)]));
    expect(occasional).toEqual({ kind: "occasional", headline: "No point is missed more often than not across your 4 scored answers since Jan 2026. The heat map below shows what slips now and then." });
    expect(gapSummary(map([row("a", 0, 4, 0)]))).toEqual({ kind: "clear", headline: "Nothing missed across your 2 scored answers in Jan 2026: every required point covered, and no misconception claimed." });
    expect(gapSummary(map([])).kind).toBe("empty");
  });

  it("agrees with the heat map on random histories", () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const seen = new Set<string>();
    for (let trial = 0; trial < 400; trial++) {
      const rows: HeatAggregateRow[] = [];
      const items = 1 + Math.floor(random() * 8);
      for (let item = 0; item < items; item++) {
        for (let month = 0; month < 6; month++) {
          if (random() < 0.6) continue;
          const asked = 1 + Math.floor(random() * 2);
          rows.push(row(`i${item}`, month, asked, Math.floor(random() * (asked + 1))));
        }
      }
      const heat = map(rows, { maxColumns: 1 + Math.floor(random() * 6), maxRows: 1 + Math.floor(random() * 8) });
      const summary = gapSummary(heat);
      seen.add(summary.kind);
      // What the map shows: each drawn row's own total, in the same window as the summary.
      const mostlyMissedRows = heat.rows.filter(missedMostly);
      if (summary.kind === "occasional" || summary.kind === "clear") {
        expect(mostlyMissedRows).toEqual([]);
        expect(heat.consistentGaps).toEqual([]);
      }
      if (summary.kind === "clear") expect(heat.rows).toEqual([]);
      if (summary.kind === "tentative") {
        expect(heat.rows.some((item) => item.consistent)).toBe(false);
        expect(heat.tentativeGaps).toBeGreaterThan(0);
      }
      if (summary.kind === "gaps") {
        const drawn = new Map(heat.rows.map((item) => [item.key, item]));
        for (const gap of summary.named) {
          expect(drawn.get(gap.key)).toBe(gap);
          expect(isConsistentGap(gap) && gap.consistent).toBe(true);
        }
        expect(summary.headline).toContain(heatMapScope(heat));
        expect(summary.named.length + summary.more).toBe(heat.consistentGaps.length);
      }
      // Any row drawn as a consistent gap is one the summary counts.
      expect(heat.rows.filter((item) => item.consistent).every((item) => heat.consistentGaps.includes(item))).toBe(true);
    }
    expect([...seen].sort()).toEqual(["clear", "empty", "gaps", "occasional", "tentative"]);
  });
});
