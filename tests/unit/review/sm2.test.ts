import { describe, expect, it } from "vitest";
import { INITIAL_REVIEW, MAX_INTERVAL_DAYS, nextReview, recallQuality } from "@/lib/practice/sm2";

const now = new Date("2026-11-22T10:00:00Z");
const days = (date: Date) => Math.round((date.getTime() - now.getTime()) / 86_400_000);

describe("recallQuality", () => {
  it("maps a 0–10 score to 0–5 and takes points off for missed required items", () => {
    expect(recallQuality(10, 0)).toBe(5);
    expect(recallQuality(7, 0)).toBe(4);
    expect(recallQuality(7, 2)).toBe(3);
    expect(recallQuality(7, 9)).toBe(2);
    expect(recallQuality(0.4, 0)).toBe(0);
  });
});

describe("nextReview", () => {
  it("brings a poor answer back tomorrow and resets the ladder", () => {
    const next = nextReview({ easiness: 2.5, intervalDays: 15, repetitions: 3 }, 2, now);
    expect(next).toMatchObject({ repetitions: 0, intervalDays: 1 });
    expect(days(next.dueAt)).toBe(1);
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
