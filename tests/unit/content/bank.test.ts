import { describe, expect, it } from "vitest";
import { formatProblem, loadContentBank } from "@/lib/content/load";
import { LEVELS } from "@/lib/content/levels";
import { scoreWithRules } from "@/lib/scoring";

const SEED_QUESTIONS = {
  "kafka-what-and-why": "warm-up",
  "kafka-architecture": "stepping-up",
  "kafka-topic-design": "getting-serious",
  "kafka-delivery-guarantees": "lead",
  "kafka-consumer-lag": "final-boss",
  "stream-processing-basics": "warm-up",
  "stream-windowing": "stepping-up",
  "stream-late-data": "getting-serious",
  "stream-exactly-once": "lead",
  "stream-analytics-1m-eps": "final-boss",
} as const;

describe("the question bank in content/", () => {
  const bank = loadContentBank();

  it("has no problems in any file", () => {
    expect(bank.problems.map(formatProblem)).toEqual([]);
  });

  it("holds at least 30 questions", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(30);
  });

  it("contains the ten seed questions at their interview levels", () => {
    const levels = Object.fromEntries(bank.questions.map((question) => [question.slug, question.level]));
    for (const [slug, level] of Object.entries(SEED_QUESTIONS)) expect(levels[slug], slug).toBe(level);
  });

  it("covers every level in every track, so a mock interview can climb all five", () => {
    for (const track of bank.tracks) {
      const levels = new Set(bank.questions.filter((question) => question.track === track.id).map((question) => question.level));
      expect([...levels].sort(), track.id).toEqual(LEVELS.map((level) => level.id).sort());
    }
  });

  it("gives every question a model answer, key points, 1–3 follow-ups and a 6–12 item rubric with a misconception", () => {
    for (const question of bank.questions) {
      expect(question.modelAnswer.length, question.slug).toBeGreaterThan(400);
      expect(question.keyPoints.length, question.slug).toBeGreaterThanOrEqual(2);
      expect(question.followUps.length, question.slug).toBeGreaterThanOrEqual(1);
      expect(question.followUps.length, question.slug).toBeLessThanOrEqual(3);
      expect(question.rubric.items.length, question.slug).toBeGreaterThanOrEqual(6);
      expect(question.rubric.items.some((item) => item.kind === "misconception"), question.slug).toBe(true);
    }
  });

  // The hint is shown as "say it like this": a candidate who says it must earn the point, on its own and among the
  // other hints (tuning a pattern against paraphrases once left six hints short of their own point).
  it("lets every point's hint earn that point, alone and with the other hints", () => {
    const missed: string[] = [];
    for (const question of bank.questions) {
      const points = question.rubric.items.filter((item) => item.kind !== "misconception" && item.hint);
      const score = (answer: string) => scoreWithRules({ question, answer, vocabulary: bank.vocabulary, claims: bank.claims }).items;
      const together = score(points.map((item) => item.hint).join(" "));
      for (const item of points) {
        if (!together.find((result) => result.id === item.id)!.met) missed.push(`${question.slug} · ${item.id} (with the other hints)`);
        if (!score(item.hint!).find((result) => result.id === item.id)!.met) missed.push(`${question.slug} · ${item.id} (alone)`);
      }
    }
    expect(missed).toEqual([]);
  });
});
