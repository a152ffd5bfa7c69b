// Kafka Streams windowing against vectors.json and KStream*AggregateTest expectations (rules.md §3).
import { describe, expect, it } from "vitest";
import {
  aggregateSessionWindows,
  aggregateTimeWindows,
  sessionWindows,
  slidingWindows,
  timeWindowSpecError,
  timeWindowsFor,
} from "@/lib/cluster";
import { vectors } from "./vectors";

describe("TimeWindows#windowsFor — vectors.json", () => {
  const cases = vectors.windows.time_windows_windowsFor;
  let ran = 0;
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    if (testCase.timestamp !== undefined && testCase.expected) {
      expect(timeWindowsFor(testCase.timestamp, testCase.size, testCase.advance)).toEqual(testCase.expected);
    } else {
      // The docs vector states the boundaries: [0;5000), [3000;8000), ... aligned to the epoch.
      expect(testCase.note).toContain("[0;5000),[3000;8000)");
      expect(timeWindowsFor(4000, testCase.size, testCase.advance)).toEqual([
        [0, 5000],
        [3000, 8000],
      ]);
      expect(timeWindowsFor(7999, testCase.size, testCase.advance)).toEqual([
        [3000, 8000],
        [6000, 11000],
      ]);
    }
    ran++;
  });
  it("ran every case in the file", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(ran).toBe(cases.length);
  });

  it("a record belongs to size/advance windows away from the epoch (when advance divides size)", () => {
    expect(timeWindowsFor(100_000, 10_000, 2_500)).toHaveLength(4);
    expect(timeWindowsFor(100_000, 10_000, 3_000).length).toBeGreaterThanOrEqual(Math.floor(10_000 / 3_000));
    expect(timeWindowsFor(100_000, 10_000, 3_000).length).toBeLessThanOrEqual(Math.ceil(10_000 / 3_000));
  });
});

describe("TimeWindows argument checks — vectors.json time_windows_invalid", () => {
  const rules = vectors.windows.time_windows_invalid;
  const checks: Record<string, () => void> = {
    "size must be > 0": () => {
      expect(timeWindowSpecError({ sizeMs: 0, advanceMs: 0, graceMs: 0 })).toMatch(/size/i);
      expect(timeWindowSpecError({ sizeMs: -5, advanceMs: 1, graceMs: 0 })).toMatch(/size/i);
      expect(() => timeWindowsFor(1, 0, 1)).toThrow(RangeError);
    },
    "advance must be > 0 and <= size": () => {
      expect(timeWindowSpecError({ sizeMs: 10, advanceMs: 0, graceMs: 0 })).toMatch(/advancement/);
      expect(timeWindowSpecError({ sizeMs: 10, advanceMs: 11, graceMs: 0 })).toMatch(/advancement/);
      expect(timeWindowSpecError({ sizeMs: 10, advanceMs: 10, graceMs: 0 })).toBeNull();
    },
    "grace must be >= 0": () => {
      expect(timeWindowSpecError({ sizeMs: 10, advanceMs: 5, graceMs: -1 })).toMatch(/Grace/);
      expect(timeWindowSpecError({ sizeMs: 10, advanceMs: 5, graceMs: 0 })).toBeNull();
    },
  };
  let ran = 0;
  it.each(rules.map((r) => [r.rule, r] as const))("%s", (rule) => {
    const key = Object.keys(checks).find((prefix) => rule.startsWith(prefix));
    expect(key, `no check for rule "${rule}"`).toBeDefined();
    checks[key!]!();
    ran++;
  });
  it("ran every rule in the file", () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(ran).toBe(rules.length);
  });
});

describe("SessionWindows — vectors.json session_windows", () => {
  const cases = vectors.windows.session_windows;
  let ran = 0;
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    expect(sessionWindows(testCase.input, testCase.gap, testCase.grace)).toEqual(testCase.expected_sessions);
    if (testCase.expected_sessions_after_first_3) {
      expect(sessionWindows(testCase.input.slice(0, 3), testCase.gap, testCase.grace)).toEqual(testCase.expected_sessions_after_first_3);
    }
    if (testCase.expected_emit_final_output) {
      const { finals } = aggregateSessionWindows(testCase.input, { gapMs: testCase.gap, graceMs: testCase.grace });
      expect(finals.map((f) => [f.key, [f.start, f.end], f.values?.length, f.timestamp])).toEqual(testCase.expected_emit_final_output);
    }
    ran++;
  });
  it("ran every case in the file", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(ran).toBe(cases.length);
  });
});

describe("SessionWindows late records (rules.md §3 SessionWindows 3)", () => {
  it("gap 10, grace 0: at stream time 11 a record at 0 is dropped (expiration 1)", () => {
    expect(sessionWindows([["A", "x", 11], ["A", "late", 0]], 10, 0)).toEqual({ A: [[11, 11, 1]] });
  });
  it("gap 10, grace 1: accepted at stream time 11, dropped at 12", () => {
    expect(sessionWindows([["A", "x", 11], ["A", "late", 0]], 10, 1)).toEqual({ A: [[0, 0, 1], [11, 11, 1]] });
    expect(sessionWindows([["B", "x", 12], ["B", "late", 0]], 10, 1)).toEqual({ B: [[12, 12, 1]] });
  });
  it("records exactly gap apart merge; gap + 1 apart do not", () => {
    expect(sessionWindows([["A", "1", 0], ["A", "2", 5]], 5, 0)).toEqual({ A: [[0, 5, 2]] });
    expect(sessionWindows([["A", "1", 0], ["A", "2", 6]], 5, 0)).toEqual({ A: [[0, 0, 1], [6, 6, 1]] });
  });
  it("a merged session is judged by its merged end: a late record that joins a live session is kept", () => {
    // stream time 20, gap 5, grace 0 → close time 15; A@14 merges into [18,20] → [14,20], end 20 ≥ 15.
    expect(sessionWindows([["A", "1", 18], ["A", "2", 20], ["A", "late", 14]], 5, 0)).toEqual({ A: [[14, 20, 3]] });
  });
  it("eager output sends a tombstone for each merged session, then the merged session at its end time", () => {
    const { updates } = aggregateSessionWindows([["A", "1", 10], ["A", "2", 20], ["A", "3", 15]], { gapMs: 5, graceMs: 0 });
    expect(updates.slice(2)).toEqual([
      { key: "A", start: 10, end: 10, values: null, timestamp: 10 },
      { key: "A", start: 20, end: 20, values: null, timestamp: 20 },
      { key: "A", start: 10, end: 20, values: ["1", "2", "3"], timestamp: 20 },
    ]);
  });
});

describe("TimeWindows late records and emitted results (rules.md §3 TimeWindows 4-5)", () => {
  it("drops a record per window: updated where windowEnd > closeTime, dropped elsewhere", () => {
    // size 10, advance 5, grace 0: stream time 12 → close time 12. A@3 is in [0,10) (closed) only.
    const result = aggregateTimeWindows([["A", "1", 12], ["A", "2", 8]], { sizeMs: 10, advanceMs: 5, graceMs: 0 });
    expect(result.drops.map((d) => [d.start, d.end, d.closeTime])).toEqual([[0, 10, 12]]);
    expect(result.windows.map((w) => [w.start, w.end, w.values])).toEqual([
      [5, 15, ["1", "2"]],
      [10, 20, ["1"]],
    ]);
  });
  it("a 09:00-10:00 window with 10 min grace accepts records until stream time 10:10 (docs)", () => {
    const hour = 3_600_000;
    const minute = 60_000;
    const spec = { sizeMs: hour, advanceMs: hour, graceMs: 10 * minute };
    const open = aggregateTimeWindows([["A", "now", 10 * hour + 9 * minute], ["A", "late", 9 * hour + 30 * minute]], spec);
    expect(open.drops).toHaveLength(0);
    const closed = aggregateTimeWindows([["A", "now", 10 * hour + 10 * minute], ["A", "late", 9 * hour + 30 * minute]], spec);
    expect(closed.drops).toHaveLength(1);
  });
  it("eager output comes in ascending window start with timestamp max(record ts, previous agg ts) (testAggBasic)", () => {
    const result = aggregateTimeWindows([["A", "1", 0], ["A", "2", 6], ["A", "3", 4]], { sizeMs: 10, advanceMs: 5, graceMs: 100 });
    expect(result.updates.map((u) => [u.start, u.values?.join("+"), u.timestamp])).toEqual([
      [0, "1", 0],
      [0, "1+2", 6],
      [5, "2", 6],
      [0, "1+2+3", 6],
    ]);
  });
  it("emit-final emits each window once, when windowEnd <= streamTime - grace", () => {
    const result = aggregateTimeWindows([["A", "1", 1], ["A", "2", 9], ["A", "3", 10], ["A", "4", 14]], { sizeMs: 10, advanceMs: 10, graceMs: 4 });
    expect(result.finals.map((f) => [f.start, f.end, f.values?.length])).toEqual([[0, 10, 2]]);
  });
});

/** KStreamSlidingWindowAggregateTest, apache/kafka streams/src/test/.../internals. */
describe("SlidingWindows — Kafka's sliding window tests", () => {
  const joined = (windows: [number, number, string[]][]) => windows.map(([start, end, values]) => [start, end, values.join("+")]);

  it("testAggregateSmallInput (timeDifference 10, grace 50)", () => {
    const records: [string, string, number][] = [["A", "1", 10], ["A", "2", 15], ["A", "3", 20], ["A", "4", 22], ["A", "5", 30]];
    expect(joined(slidingWindows(records, 10, 50))).toEqual([
      [0, 10, "1"],
      [5, 15, "1+2"],
      [10, 20, "1+2+3"],
      [11, 21, "2+3"],
      [12, 22, "2+3+4"],
      [16, 26, "3+4"],
      [20, 30, "3+4+5"],
      [21, 31, "4+5"],
      [23, 33, "5"],
    ]);
  });

  it("testReduceSmallInput windows (timeDifference 10, grace 50)", () => {
    const records: [string, string, number][] = [["A", "1", 10], ["A", "2", 14], ["A", "3", 15], ["A", "4", 22], ["A", "5", 26], ["A", "6", 30]];
    expect(slidingWindows(records, 10, 50).map(([start, , values]) => [start, values.join("+")])).toEqual([
      [0, "1"],
      [4, "1+2"],
      [5, "1+2+3"],
      [11, "2+3"],
      [12, "2+3+4"],
      [15, "3+4"],
      [16, "4+5"],
      [20, "4+5+6"],
      [23, "5+6"],
      [27, "6"],
    ]);
  });

  it("testAggregateLargeInput final windows, out-of-order records included", () => {
    const input: [string, string, number][] = [
      ["A", "1", 10], ["A", "2", 20], ["A", "3", 22], ["A", "4", 15],
      ["B", "1", 12], ["B", "2", 13], ["B", "3", 18], ["B", "4", 19], ["B", "5", 25], ["B", "6", 14],
      ["C", "1", 11], ["C", "2", 15], ["C", "3", 16], ["C", "4", 21], ["C", "5", 23],
      ["D", "4", 11], ["D", "2", 12], ["D", "3", 29], ["D", "5", 16],
    ];
    const perKey = (key: string) => joined(slidingWindows(input.filter(([k]) => k === key), 10, 50));
    expect(perKey("A")).toEqual([[0, 10, "1"], [5, 15, "1+4"], [10, 20, "1+2+4"], [11, 21, "2+4"], [12, 22, "2+3+4"], [16, 26, "2+3"], [21, 31, "3"]]);
    expect(perKey("B")).toEqual([
      [2, 12, "1"], [3, 13, "1+2"], [4, 14, "1+2+6"], [8, 18, "1+2+3+6"], [9, 19, "1+2+3+4+6"],
      [13, 23, "2+3+4+6"], [14, 24, "3+4+6"], [15, 25, "3+4+5"], [19, 29, "4+5"], [20, 30, "5"],
    ]);
    expect(perKey("C")).toEqual([
      [1, 11, "1"], [5, 15, "1+2"], [6, 16, "1+2+3"], [11, 21, "1+2+3+4"], [12, 22, "2+3+4"],
      [13, 23, "2+3+4+5"], [16, 26, "3+4+5"], [17, 27, "4+5"], [22, 32, "5"],
    ]);
    expect(perKey("D")).toEqual([[1, 11, "4"], [2, 12, "4+2"], [6, 16, "4+2+5"], [12, 22, "2+5"], [13, 23, "5"], [19, 29, "3"]]);
  });

  it("testEarlyRecordsSmallInput: records before timeDifference share [0, d]", () => {
    const records: [string, string, number][] = [["A", "1", 0], ["A", "2", 5], ["A", "3", 6], ["A", "4", 3], ["A", "5", 13], ["A", "6", 10]];
    expect(slidingWindows(records, 50, 200).map(([start, , values]) => [start, values.join("+")])).toEqual([
      [0, "1+2+3+4+5+6"],
      [1, "2+3+4+5+6"],
      [4, "2+3+5+6"],
      [6, "3+5+6"],
      [7, "5+6"],
      [11, "5"],
    ]);
  });

  it("drops a record whose latest window is already closed (ts + d < streamTime - grace)", () => {
    // d 10, grace 0: stream time 30 → close time 30; a record at 19 has windows ending ≤ 30 → dropped.
    expect(slidingWindows([["A", "1", 30], ["A", "late", 19]], 10, 0)).toEqual([[20, 30, ["1"]]]);
    // A record at 20 is dropped for its own left window [10, 20] (end < close time 30) but still
    // updates [20, 30] and gets a right window [21, 31] holding the record at 30.
    expect(slidingWindows([["A", "1", 30], ["A", "late", 20]], 10, 0).map(([s, e, v]) => [s, e, v.join("+")])).toEqual([
      [20, 30, "1+late"],
      [21, 31, "1"],
    ]);
  });
});
