// Comparing two attempts point by point (lib/history/compare.ts).
import { describe, expect, it } from "vitest";
import { compareAttempts, diffItems, isAttemptId, toCompareSide, type CompareSide, type CompareSourceRow } from "@/lib/history/compare";

describe("diffItems and compareAttempts", () => {
  const item = (itemId: string, met: boolean, kind: "required" | "bonus" | "misconception" = "required") => ({ itemId, label: itemId, kind, met, weight: 1, evidence: met ? [`${itemId}!`] : [] });

  it("sorts each rubric point into gained, lost, still missing or kept", () => {
    const diff = diffItems(
      [item("a", false), item("b", true), item("c", false), item("d", true), item("m", true, "misconception"), item("n", false, "misconception"), item("gone", true)],
      [item("a", true), item("b", false), item("c", false), item("d", true), item("m", false, "misconception"), item("n", true, "misconception"), item("new", false)],
    );
    expect(Object.fromEntries(diff.map((entry) => [entry.itemId, entry.change]))).toEqual({
      a: "gained",
      b: "lost",
      c: "still-missing",
      d: "kept",
      m: "fixed",
      n: "new-misconception",
      new: "only-after",
      gone: "only-before",
    });
  });

  const side = (id: string, at: string, slug: string, score: number | null, items: ReturnType<typeof item>[]): CompareSide => ({
    id,
    createdAt: new Date(at),
    status: "scored",
    timeSpentMs: null,
    question: { slug, title: slug, track: "kafka", level: "warm-up" },
    score,
    scorer: score === null ? null : "rules",
    rubricVersion: "v1",
    items,
  });

  it("puts the older attempt first whatever the order picked, and reports the score change", () => {
    const older = side("1", "2026-01-01T00:00:00Z", "q", 4.2, [item("a", false)]);
    const newer = side("2", "2026-02-01T00:00:00Z", "q", 6.9, [item("a", true)]);
    const comparison = compareAttempts(newer, older);
    expect([comparison.before.id, comparison.after.id, comparison.delta, comparison.sameQuestion]).toEqual(["1", "2", 2.7, true]);
    expect(comparison.groups.gained.map((entry) => entry.itemId)).toEqual(["a"]);
    expect(compareAttempts(older, side("3", "2026-03-01T00:00:00Z", "other", null, [])).delta).toBeNull();
    expect(compareAttempts(older, side("3", "2026-03-01T00:00:00Z", "other", null, [])).sameQuestion).toBe(false);
  });
});

describe("toCompareSide", () => {
  const row: CompareSourceRow = {
    id: "a1",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    status: "scored",
    timeSpentMs: 90_000,
    question: { slug: "q", title: "Q", track: "kafka", level: "warm-up" },
    scores: [
      {
        score: 6,
        scorer: "rules",
        feedback: { summary: "s", items: { a: { hint: "Say a.", correction: "" }, m: { correction: "Not so." } } },
        rubricVersion: { version: 2 },
        items: [
          { itemId: "a", label: "A", kind: "required", weight: 2, met: false, evidence: [] },
          { itemId: "m", label: "M", kind: "misconception", weight: 1, met: true, evidence: ["wrong"] },
          { itemId: "b", label: "B", kind: "bonus", weight: 1, met: true, evidence: ["b!"] },
        ],
      },
    ],
  };

  it("takes the current score and adds each item's hint and correction from the stored feedback", () => {
    expect(toCompareSide(row)).toEqual({
      id: "a1",
      createdAt: new Date("2026-01-01T00:00:00Z"),
      status: "scored",
      timeSpentMs: 90_000,
      question: { slug: "q", title: "Q", track: "kafka", level: "warm-up" },
      score: 6,
      scorer: "rules",
      rubricVersion: "v2",
      items: [
        { itemId: "a", label: "A", kind: "required", weight: 2, met: false, evidence: [], hint: "Say a." },
        { itemId: "m", label: "M", kind: "misconception", weight: 1, met: true, evidence: ["wrong"], correction: "Not so." },
        { itemId: "b", label: "B", kind: "bonus", weight: 1, met: true, evidence: ["b!"] },
      ],
    });
  });

  it("has no score, version or items for an unscored attempt, and tolerates feedback without items", () => {
    expect(toCompareSide({ ...row, scores: [] })).toMatchObject({ score: null, scorer: null, rubricVersion: null, items: [] });
    const bare = toCompareSide({ ...row, scores: [{ ...row.scores[0]!, feedback: null, rubricVersion: null }] });
    expect(bare.rubricVersion).toBeNull();
    expect(bare.items.map((item) => Object.keys(item).includes("hint") || Object.keys(item).includes("correction"))).toEqual([false, false, false]);
  });
});

describe("isAttemptId", () => {
  it("accepts UUIDs only", () => {
    expect(isAttemptId("0b4e7a52-8a3e-4c1c-9d3e-2f1a6b7c8d9e")).toBe(true);
    expect(isAttemptId("0B4E7A52-8A3E-4C1C-9D3E-2F1A6B7C8D9E")).toBe(true);
    expect(isAttemptId("not-an-id")).toBe(false);
  });
});
