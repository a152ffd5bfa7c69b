import { describe, expect, it } from "vitest";
import { reviewAfter } from "@/lib/practice/review";
import { INITIAL_REVIEW, MAX_INTERVAL_DAYS, nextReview, recallQuality, type ReviewState } from "@/lib/practice/sm2";
import type { ScoreResult } from "@/lib/scoring";

const now = new Date("2026-11-22T10:00:00Z");
const DAY = 86_400_000;
const days = (date: Date) => Math.round((date.getTime() - now.getTime()) / DAY);

/** The interval after each of `reviews` answers that all scored `score`, starting from a new question. */
function intervalsFor(score: number, reviews: number): number[] {
  const intervals: number[] = [];
  let state: ReviewState = INITIAL_REVIEW;
  for (let review = 0; review < reviews; review++) {
    const next = nextReview(state, recallQuality(score), now);
    expect(days(next.dueAt)).toBe(next.intervalDays);
    intervals.push(next.intervalDays);
    state = next;
  }
  return intervals;
}

describe("recallQuality: half the score out of 10, rounded half up", () => {
  it.each([
    [0, 0],
    [0.9, 0],
    [1, 1],
    [2.9, 1],
    [3, 2],
    [4.9, 2],
    [5, 3],
    [6.9, 3],
    [7, 4],
    [8.7, 4],
    [8.9, 4],
    [9, 5],
    [10, 5],
  ])("%f → %i", (score, quality) => {
    expect(recallQuality(score)).toBe(quality);
  });

  it("puts the lapse boundary at 5.0, float noise included, and clamps what is out of range", () => {
    expect(recallQuality(0.7 * 7 + 0.1)).toBe(3); // 4.999999999999999: a 5.0 with float noise
    expect(recallQuality(4.95)).toBe(3); // shown as 5.0, treated as 5.0
    expect(recallQuality(4.94)).toBe(2); // shown as 4.9
    expect(recallQuality(-3)).toBe(0);
    expect(recallQuality(12)).toBe(5);
    expect(recallQuality(Number.NaN)).toBe(0);
  });
});

describe("the schedule for 0, 5, 8.7 and 10 after 1, 2 and 3 reviews", () => {
  // Worked by hand from SM-2: ease starts at 2.5; quality 3 takes 0.14 off, 4 keeps it, 5 adds 0.1.
  it.each([
    [0, [1, 1, 1]], // a lapse every time: back tomorrow, ladder reset
    [5, [1, 6, 13]], // 6 × 2.22
    [8.7, [2, 6, 15]], // 6 × 2.5
    [10, [3, 6, 16]], // 6 × 2.7
  ])("a score of %f comes back after %j days", (score, expected) => {
    expect(intervalsFor(score, 3)).toEqual(expected);
  });

  it("never brings an 8.7 back as soon as a 0.0, and spaces a 10 at least as far as an 8.7", () => {
    const [zero, eightSeven, ten] = [intervalsFor(0, 3), intervalsFor(8.7, 3), intervalsFor(10, 3)];
    for (let review = 0; review < 3; review++) {
      expect(eightSeven[review]).toBeGreaterThan(zero[review]!);
      expect(ten[review]).toBeGreaterThanOrEqual(eightSeven[review]!);
    }
    expect(eightSeven[0]).toBeGreaterThan(1);
  });

  it("moves the ease the way SM-2 does: 5 raises it, 4 keeps it, 3 lowers it, a lapse lowers it most", () => {
    const after = (score: number) => nextReview(INITIAL_REVIEW, recallQuality(score), now).easiness;
    expect(after(10)).toBe(2.6);
    expect(after(8.7)).toBe(2.5);
    expect(after(5)).toBe(2.36);
    expect(after(0)).toBe(1.7);
  });
});

describe("nextReview", () => {
  it("brings a poor answer back tomorrow and resets the ladder", () => {
    const next = nextReview({ easiness: 2.5, intervalDays: 15, repetitions: 3 }, 2, now);
    expect(next).toMatchObject({ repetitions: 0, intervalDays: 1 });
    expect(days(next.dueAt)).toBe(1);
  });

  it("starts a lapsed question's ladder again from the first step", () => {
    let state = nextReview(INITIAL_REVIEW, recallQuality(10), now);
    state = nextReview(state, recallQuality(10), now);
    state = nextReview(state, recallQuality(2), now);
    expect(state).toMatchObject({ repetitions: 0, intervalDays: 1 });
    state = nextReview(state, recallQuality(10), now);
    expect(state).toMatchObject({ repetitions: 1, intervalDays: 3 });
  });

  it("spaces a strong first answer further than a passable one", () => {
    const passable = nextReview(INITIAL_REVIEW, 3, now);
    const strong = nextReview(INITIAL_REVIEW, 5, now);
    expect(passable.intervalDays).toBe(1);
    expect(strong.intervalDays).toBe(3);
    expect(strong.dueAt.getTime()).toBeGreaterThan(passable.dueAt.getTime());
  });

  it("follows SM-2 after the first success: 6 days, then interval × easiness", () => {
    const second = nextReview({ easiness: 2.5, intervalDays: 1, repetitions: 1 }, 5, now);
    expect(second.intervalDays).toBe(6);
    const third = nextReview(second, 4, now);
    expect(third.intervalDays).toBe(Math.round(6 * second.easiness));
  });

  it("never lets easiness drop below 1.3", () => {
    let state = INITIAL_REVIEW;
    for (let index = 0; index < 20; index++) state = nextReview(state, 0, now);
    expect(state.easiness).toBe(1.3);
  });

  it("caps the interval at a year, however many perfect answers in a row", () => {
    let state = nextReview(INITIAL_REVIEW, 5, now);
    for (let index = 0; index < 30; index++) state = nextReview(state, 5, now);
    expect(state.intervalDays).toBe(MAX_INTERVAL_DAYS);
    expect(days(state.dueAt)).toBe(365);
  });
});

describe("reviewAfter", () => {
  const result = (score: number, missedRequired: number) =>
    ({
      score,
      items: [
        { id: "met", kind: "required", met: true },
        ...Array.from({ length: missedRequired }, (_, index) => ({ id: `missed-${index}`, kind: "required", met: false })),
        { id: "bonus", kind: "bonus", met: false },
      ],
    }) as unknown as ScoreResult;

  it("schedules by the score alone: missed points are already in it, so an 8.7 is not sent back tomorrow", () => {
    const update = reviewAfter({ userId: "u", questionId: "q", result: result(8.7, 4), previous: null, now });
    expect(update).toMatchObject({ intervalDays: 2, repetitions: 1, lastScore: 8.7, missedItemIds: ["missed-0", "missed-1", "missed-2", "missed-3"] });
    expect(days(update.dueAt)).toBe(2);
    expect(reviewAfter({ userId: "u", questionId: "q", result: result(8.7, 0), previous: null, now }).intervalDays).toBe(2);
  });

  it("climbs from the stored state and lapses a weak answer back to tomorrow", () => {
    const previous = { easiness: 2.5, intervalDays: 6, repetitions: 2 };
    expect(reviewAfter({ userId: "u", questionId: "q", result: result(8.7, 1), previous, now }).intervalDays).toBe(15);
    expect(reviewAfter({ userId: "u", questionId: "q", result: result(0, 5), previous, now })).toMatchObject({ intervalDays: 1, repetitions: 0 });
  });
});
