// Spaced repetition, SM-2 (Wozniak's SuperMemo 2), over questions.
//
// The score out of 10 becomes SM-2's recall quality 0–5 as half the score, rounded half up:
//
//   score    0–0.9  1–2.9  3–4.9 | 5–6.9  7–8.9  9–10
//   quality  0      1      2     | 3      4      5
//
// Quality below 3 is a lapse: the question starts its ladder again and comes back tomorrow. From 3 up
// it climbs the ladder, and the quality moves the ease factor (SM-2's formula: 5 raises it, 4 keeps
// it, 3 lowers it), so strong answers space out faster. The score is the only input: it already
// counts the rubric points an answer missed, so missing points must not be charged a second time —
// doing so used to send an 8.7 back the next day, just like a 0.0.

export interface ReviewState {
  easiness: number;
  intervalDays: number;
  repetitions: number;
}

export const INITIAL_REVIEW: ReviewState = { easiness: 2.5, intervalDays: 0, repetitions: 0 };
const MIN_EASINESS = 1.3;
/** The lowest quality SM-2 counts as recalled; below it the repetitions reset. */
export const PASSING_QUALITY = 3;
/** Intervals grow geometrically; past a year they stop meaning anything for interview practice. */
export const MAX_INTERVAL_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** SM-2's quality 0–5 from a 0–10 score: half the score, rounded half up (5.0 → 3, 8.7 → 4, 9.0 → 5). */
export function recallQuality(score: number): number {
  const clamped = Number.isFinite(score) ? Math.max(0, Math.min(10, score)) : 0;
  // Scores carry one decimal; rounding them to tenths first keeps 4.999999 (float noise) from missing the 5.0 boundary.
  return Math.round(Math.round(clamped * 10) / 20);
}

export function nextReview(state: ReviewState, quality: number, now: Date): ReviewState & { dueAt: Date } {
  const q = Math.max(0, Math.min(5, Math.round(quality)));
  let { easiness, intervalDays, repetitions } = state;
  if (q < PASSING_QUALITY) {
    // Not recalled well enough: start the ladder again, see it tomorrow.
    repetitions = 0;
    intervalDays = 1;
  } else {
    repetitions += 1;
    // Classic SM-2 waits one day after any first success; a first answer that was already strong is
    // trusted a little more (quality 3 → 1 day, 4 → 2, 5 → 3), so a 10/10 does not come back as soon
    // as a 6/10. From the second success on it is SM-2 as published: 6 days, then interval × ease.
    intervalDays = Math.min(MAX_INTERVAL_DAYS, repetitions === 1 ? q - 2 : repetitions === 2 ? 6 : Math.round(intervalDays * easiness));
  }
  easiness = Math.max(MIN_EASINESS, easiness + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
  return { easiness: Number(easiness.toFixed(3)), intervalDays, repetitions, dueAt: new Date(now.getTime() + intervalDays * DAY_MS) };
}
