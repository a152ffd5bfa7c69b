import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { LEVELS, type LevelId } from "@/lib/content/levels";
import {
  interviewDraftSlug,
  interviewIdempotencyKey,
  interviewStage,
  planInterview,
  tracksWithFullLadder,
  type PlanCandidate,
  type PlanHistory,
} from "@/lib/practice/interview-plan";

const rank = (level: LevelId) => LEVELS.find((candidate) => candidate.id === level)!.rank;

// Two questions per level on "kafka", one level missing on "thin".
const QUESTIONS: PlanCandidate[] = [
  ...LEVELS.flatMap((level) => [
    { slug: `k-${level.rank}-a`, track: "kafka", level: level.id },
    { slug: `k-${level.rank}-b`, track: "kafka", level: level.id },
  ]),
  { slug: "s-1", track: "streaming", level: "warm-up" },
  { slug: "t-1", track: "thin", level: "warm-up" },
  { slug: "t-2", track: "thin", level: "stepping-up" },
  { slug: "t-3a", track: "thin", level: "getting-serious" },
  { slug: "t-3b", track: "thin", level: "getting-serious" },
  { slug: "t-5", track: "thin", level: "final-boss" },
];
const levelOf = (slug: string) => QUESTIONS.find((question) => question.slug === slug)!.level;

describe("planInterview", () => {
  it("picks one question per level on the track, warm-up to final boss", () => {
    const plan = planInterview({ questions: QUESTIONS, track: "kafka", seed: "seed-1" });
    expect(plan).toHaveLength(5);
    expect(plan.map((slug) => rank(levelOf(slug)))).toEqual([1, 2, 3, 4, 5]);
    expect(plan.every((slug) => slug.startsWith("k-"))).toBe(true);
  });

  it("is deterministic for a seed and history, and varies with the seed", () => {
    const a = planInterview({ questions: QUESTIONS, track: "kafka", seed: "same" });
    expect(planInterview({ questions: [...QUESTIONS].reverse(), track: "kafka", seed: "same" })).toEqual(a);
    const plans = new Set(Array.from({ length: 12 }, (_, index) => planInterview({ questions: QUESTIONS, track: "kafka", seed: `seed-${index}` }).join(",")));
    expect(plans.size).toBeGreaterThan(1);
  });

  it("prefers questions attempted least, then least recently", () => {
    const history = new Map<string, PlanHistory>([
      ["k-1-a", { attempts: 3, lastAttemptAt: new Date("2026-01-01") }],
      ["k-1-b", { attempts: 1, lastAttemptAt: new Date("2026-03-01") }],
      ["k-2-a", { attempts: 1, lastAttemptAt: new Date("2026-03-01") }],
      ["k-2-b", { attempts: 1, lastAttemptAt: new Date("2026-02-01") }],
      ["k-3-a", { attempts: 1, lastAttemptAt: new Date("2026-01-01") }],
    ]);
    for (const seed of ["x", "y", "z"]) {
      const plan = planInterview({ questions: QUESTIONS, track: "kafka", seed, history });
      expect(plan[0]).toBe("k-1-b"); // fewer attempts
      expect(plan[1]).toBe("k-2-b"); // same count, longer ago
      expect(plan[2]).toBe("k-3-b"); // never attempted beats attempted
    }
  });

  it("fills a missing level from the nearest one, without repeating a question", () => {
    const plan = planInterview({ questions: QUESTIONS, track: "thin", seed: "s" });
    expect(plan).toHaveLength(5);
    expect(new Set(plan).size).toBe(5);
    expect(plan[0]).toBe("t-1");
    expect(plan[4]).toBe("t-5");
    expect(plan.slice(2, 4).sort()).toEqual(["t-3a", "t-3b"]);
  });

  it("returns a shorter plan for a track with fewer than five questions, and nothing for an unknown track", () => {
    expect(planInterview({ questions: QUESTIONS, track: "streaming", seed: "s" })).toEqual(["s-1"]);
    expect(planInterview({ questions: QUESTIONS, track: "nope", seed: "s" })).toEqual([]);
  });

  it("plans a full ladder on every track of the real question bank", () => {
    const bank = loadContentBank();
    const full = tracksWithFullLadder(bank.questions);
    expect(full.size).toBeGreaterThan(0);
    for (const track of full) {
      const plan = planInterview({ questions: bank.questions, track, seed: "bank" });
      const levels = plan.map((slug) => bank.questions.find((question) => question.slug === slug)!.level);
      expect(levels.map(rank)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(tracksWithFullLadder(QUESTIONS)).toEqual(new Set(["kafka"]));
  });
});

describe("interviewStage", () => {
  const base = { status: "in_progress" as const, total: 5 };
  it("starts on the first question", () => {
    expect(interviewStage({ ...base, timing: "after_each", currentIndex: 0, answered: new Set() })).toEqual({ kind: "question", position: 0 });
  });
  it("with feedback after each, stays on the answered question until the candidate moves on", () => {
    expect(interviewStage({ ...base, timing: "after_each", currentIndex: 1, answered: new Set([0, 1]) })).toEqual({ kind: "feedback", position: 1, last: false });
    expect(interviewStage({ ...base, timing: "after_each", currentIndex: 2, answered: new Set([0, 1]) })).toEqual({ kind: "question", position: 2 });
    expect(interviewStage({ ...base, timing: "after_each", currentIndex: 4, answered: new Set([0, 1, 2, 3, 4]) })).toEqual({ kind: "feedback", position: 4, last: true });
  });
  it("with feedback at the end, goes straight on and then waits to be finished", () => {
    expect(interviewStage({ ...base, timing: "at_end", currentIndex: 1, answered: new Set([0, 1]) })).toEqual({ kind: "question", position: 2 });
    expect(interviewStage({ ...base, timing: "at_end", currentIndex: 5, answered: new Set([0, 1, 2, 3, 4]) })).toEqual({ kind: "ready-to-finish" });
  });
  it("derives the position from the stored answers, not from a stale index", () => {
    expect(interviewStage({ ...base, timing: "at_end", currentIndex: 0, answered: new Set([0, 1, 2]) })).toEqual({ kind: "question", position: 3 });
  });
  it("reports finished and abandoned sessions", () => {
    expect(interviewStage({ ...base, status: "completed", timing: "at_end", currentIndex: 5, answered: new Set() }).kind).toBe("completed");
    expect(interviewStage({ ...base, status: "abandoned", timing: "at_end", currentIndex: 0, answered: new Set() }).kind).toBe("abandoned");
  });
});

describe("keys", () => {
  it("keeps interview drafts apart from practice drafts and fits the idempotency key limits", () => {
    const id = "3f0c1a52-9a7e-4d55-8b1e-0c6a0e2b9d11";
    expect(interviewDraftSlug(id, 2)).toBe(`interview-${id}-2`);
    const key = interviewIdempotencyKey(id, 4);
    expect(key.length).toBeGreaterThanOrEqual(8);
    expect(key.length).toBeLessThanOrEqual(100);
    expect(interviewIdempotencyKey(id, 3)).not.toBe(key);
  });
});
