// The overall numbers of a history (lib/history/summary.ts).
import { describe, expect, it } from "vitest";
import { totalsOf, type QuestionSummary } from "@/lib/history/summary";

describe("totalsOf", () => {
  it("weights the average by scored attempts", () => {
    const summary = (attempts: number, scored: number, average: number | null, best: number | null, lastAt: string): QuestionSummary => ({
      questionId: lastAt,
      slug: lastAt,
      title: lastAt,
      track: "kafka",
      level: "warm-up",
      attempts,
      scored,
      average,
      best,
      firstScore: null,
      latestScore: null,
      firstAt: new Date(lastAt),
      lastAt: new Date(lastAt),
    });
    expect(totalsOf([summary(3, 2, 6, 7, "2026-01-02"), summary(1, 1, 9, 9, "2026-01-05"), summary(1, 0, null, null, "2026-01-01")])).toEqual({
      attempts: 5,
      scored: 3,
      average: 7,
      best: 9,
      questions: 3,
      lastAt: new Date("2026-01-05"),
    });
    expect(totalsOf([])).toEqual({ attempts: 0, scored: 0, average: null, best: null, questions: 0, lastAt: null });
  });
});
