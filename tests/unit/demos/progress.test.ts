// Completed challenges as a browser stores them and an account returns them: read leniently, the first
// completion kept, two sources merged.
import { describe, expect, it } from "vitest";
import { completedIds, mergeCompletions, parseCompletions, serializeCompletions, withCompletion } from "@/lib/demos/progress";

describe("demo completions", () => {
  it("round-trips through storage", () => {
    const completions = withCompletion({}, "min-isr", new Date("2026-12-01T09:30:00Z"));
    expect(parseCompletions(serializeCompletions(completions))).toEqual({ "min-isr": "2026-12-01T09:30:00.000Z" });
  });

  it("reads damaged or foreign storage as nothing, and drops what it cannot use", () => {
    for (const raw of [null, "", "not json", "[]", "42", "null", '"cluster-tour"']) expect(parseCompletions(raw)).toEqual({});
    expect(parseCompletions(JSON.stringify({ "cluster-tour": "2026-12-01T00:00:00Z", "no-such-demo": "2026-12-01T00:00:00Z", "min-isr": "yesterday", "time-windows": 5 }))).toEqual({
      "cluster-tour": "2026-12-01T00:00:00.000Z",
    });
  });

  it("keeps the first completion of a scenario", () => {
    const first = withCompletion({}, "cluster-tour", new Date("2026-12-01T00:00:00Z"));
    expect(withCompletion(first, "cluster-tour", new Date("2026-12-05T00:00:00Z"))).toBe(first);
    expect(withCompletion(first, "cluster-tour", new Date("2026-11-20T00:00:00Z"))).toEqual({ "cluster-tour": "2026-11-20T00:00:00.000Z" });
  });

  it("merges the browser's and the account's, each scenario at its earliest time, listed in catalog order", () => {
    const browser = { "time-windows": "2026-12-03T00:00:00.000Z", "cluster-tour": "2026-12-04T00:00:00.000Z" };
    const account = { "cluster-tour": "2026-12-02T00:00:00.000Z", "min-isr": "2026-12-01T00:00:00.000Z" };
    const merged = mergeCompletions(account, browser);
    expect(merged).toEqual({ "cluster-tour": "2026-12-02T00:00:00.000Z", "min-isr": "2026-12-01T00:00:00.000Z", "time-windows": "2026-12-03T00:00:00.000Z" });
    expect(completedIds(merged)).toEqual(["cluster-tour", "min-isr", "time-windows"]);
    expect(completedIds({})).toEqual([]);
  });
});
