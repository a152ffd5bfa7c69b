// One question's timeline: steps between scored attempts and the gap matrix (lib/history/timeline.ts).
import { describe, expect, it } from "vitest";
import { itemMatrix, timelineSteps, toTimelineAttempt, type TimelineAttempt } from "@/lib/history/timeline";

describe("timelineSteps and itemMatrix", () => {
  const attempt = (id: string, day: number, score: number | null, met: Record<string, boolean>): TimelineAttempt => ({
    id,
    createdAt: new Date(Date.UTC(2026, 0, day)),
    status: score === null ? "pending" : "scored",
    timeSpentMs: null,
    score,
    scorer: score === null ? null : "rules",
    items: Object.entries(met).map(([itemId, isMet]) => ({ itemId, label: itemId, kind: itemId.startsWith("m") ? "misconception" : itemId.startsWith("b") ? "bonus" : "required", met: isMet })),
  });
  const newestFirst = [
    attempt("4", 4, 7, { a: true, b1: true, c: false, m: false }),
    attempt("3", 3, null, {}),
    attempt("2", 2, 5, { a: false, b1: false, c: false, m: true }),
    attempt("1", 1, 6, { a: true, b1: false, c: true, m: false }),
  ];

  it("compares each attempt with the scored one before it, skipping unscored ones", () => {
    const steps = timelineSteps(newestFirst);
    expect(steps.map((step) => [step.attempt.id, step.previousId, step.delta])).toEqual([
      ["4", "2", 2],
      ["3", "2", null],
      ["2", "1", -1],
      ["1", null, null],
    ]);
    expect(steps[0]).toMatchObject({ gained: ["a", "b1", "m"], lost: [] });
    expect(steps[2]).toMatchObject({ gained: [], lost: ["a", "c", "m"] });
  });

  it("lays out gaps per point over the latest scored attempts, oldest first, missed most first", () => {
    const matrix = itemMatrix(newestFirst, 10);
    expect(matrix.attempts.map((entry) => entry.id)).toEqual(["1", "2", "4"]);
    expect(matrix.rows.map((row) => [row.itemId, row.missed, row.cells])).toEqual([
      ["c", 2, [false, true, true]],
      ["a", 1, [false, true, false]],
      ["m", 1, [false, true, false]],
    ]);
    expect(itemMatrix(newestFirst, 2).attempts.map((entry) => entry.id)).toEqual(["2", "4"]);
  });
});

describe("toTimelineAttempt", () => {
  it("takes the current score's number, scorer and checklist, or none", () => {
    const base = { id: "1", createdAt: new Date("2026-01-01T00:00:00Z"), status: "scored", timeSpentMs: 1000 };
    const items = [{ itemId: "a", label: "A", kind: "required" as const, met: true }];
    expect(toTimelineAttempt({ ...base, scores: [{ score: 7.5, scorer: "llm", items }] })).toEqual({ ...base, score: 7.5, scorer: "llm", items });
    expect(toTimelineAttempt({ ...base, status: "pending", scores: [] })).toEqual({ ...base, status: "pending", score: null, scorer: null, items: [] });
  });
});
