// The review pages' sentences, kept apart from the components so they can be tested without a DOM.

export interface ReviewContextFacts {
  /** The score of the latest answer before this review, or null when there is none. */
  lastScore: number | null;
  missedCount: number;
  isDue: boolean;
  /** Questions due by the end of today, this one included when it is due. */
  dueCount: number;
}

/** "Last time you scored 4.0 and missed 2 required points. 3 more due today after this one." */
export function describeReviewContext({ lastScore, missedCount, isDue, dueCount }: ReviewContextFacts): string {
  const last =
    lastScore === null
      ? ""
      : `Last time you scored ${lastScore.toFixed(1)}${missedCount > 0 ? ` and missed ${missedCount} required ${missedCount === 1 ? "point" : "points"}` : ""}. `;
  const queue = isDue
    ? dueCount > 1
      ? `${dueCount - 1} more due today after this one.`
      : "This is the last question due today."
    : dueCount > 0
      ? `${dueCount} other ${dueCount === 1 ? "question is" : "questions are"} due today.`
      : "Nothing is due today; this is an early review.";
  return last + queue;
}

/** "up from 4.0 last time", compared at the one decimal both scores are shown with; null without a previous score. */
export function changeSinceLastTime(score: number, previous: number | null): string | null {
  if (previous === null) return null;
  const [now, before] = [Math.round(score * 10), Math.round(previous * 10)];
  if (now === before) return "the same as last time";
  return `${now > before ? "up" : "down"} from ${(before / 10).toFixed(1)} last time`;
}

/** How many of a list's entries are held back, in words: "and 12 more", or "" when none are. */
export function moreCount(shown: number, total: number): string {
  const more = total - shown;
  return more > 0 ? `and ${more.toLocaleString("en")} more` : "";
}
