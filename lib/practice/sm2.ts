// Spaced repetition, SM-2 style (Wozniak's SuperMemo 2), over questions. An attempt's score becomes
// a recall quality 0–5; missing required rubric points pulls it down, so a question you keep
// half-answering comes back sooner than one you nail.

export interface ReviewState {
  easiness: number;
  intervalDays: number;
  repetitions: number;
}

export const INITIAL_REVIEW: ReviewState = { easiness: 2.5, intervalDays: 0, repetitions: 0 };
const MIN_EASINESS = 1.3;
/** Intervals grow geometrically; past a year they stop meaning anything for interview practice. */
export const MAX_INTERVAL_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 0–5 from a 0–10 score, minus one per two missed required items (at most two off). */
export function recallQuality(score: number, missedRequired: number): number {
  const base = Math.round(Math.max(0, Math.min(10, score)) / 2);
  return Math.max(0, base - Math.min(2, Math.floor(missedRequired / 2)));
}

export function nextReview(state: ReviewState, quality: number, now: Date): ReviewState & { dueAt: Date } {
  const q = Math.max(0, Math.min(5, quality));
  let { easiness, intervalDays, repetitions } = state;
  if (q < 3) {
    // Not recalled well enough: start the ladder again, see it tomorrow.
    repetitions = 0;
    intervalDays = 1;
  } else {
    repetitions += 1;
    // Classic SM-2 waits one day after any first success; a first answer that was already strong
    // (quality 4–5) is trusted a little more, so a 10/10 does not come back as soon as a 6/10.
    intervalDays = Math.min(MAX_INTERVAL_DAYS, repetitions === 1 ? q - 2 : repetitions === 2 ? 6 : Math.round(intervalDays * easiness));
  }
  easiness = Math.max(MIN_EASINESS, easiness + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
  return { easiness: Number(easiness.toFixed(3)), intervalDays, repetitions, dueAt: new Date(now.getTime() + intervalDays * DAY_MS) };
}
