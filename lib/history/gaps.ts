import type { RubricItemKind } from "@/lib/db/generated/client";

/**
 * A gap is a required point left out, or a misconception claimed (for misconception items `met`
 * means the answer made the wrong claim). Bonus points are extra credit, never a gap.
 */
export function isGap(kind: RubricItemKind, met: boolean): boolean {
  if (kind === "bonus") return false;
  return kind === "misconception" ? met : !met;
}

/**
 * How many of `asked` checks of one point were gaps, given how many of them were `met` (claimed,
 * for a misconception). The heat map's SQL counts `met`; this turns it into misses with isGap, so
 * the heat map, the consistent gaps and a question's timeline share one definition of a miss.
 */
export function missedCount(kind: RubricItemKind, asked: number, met: number): number {
  return (isGap(kind, true) ? met : 0) + (isGap(kind, false) ? asked - met : 0);
}

/** A point needs this many answers before a habit can be told from a one-off. */
export const CONSISTENT_GAP_MIN_ASKED = 3;

/** Missed in more than half of its answers: "more often than not", the red half of the heat map's scale. */
export function missedMostly({ asked, missed }: { asked: number; missed: number }): boolean {
  return asked > 0 && missed * 2 > asked;
}

/**
 * A consistent gap: missed more often than not, over at least CONSISTENT_GAP_MIN_ASKED answers.
 * The history page's summary and the heat map's marks both use this, and nothing else.
 */
export function isConsistentGap(counts: { asked: number; missed: number }): boolean {
  return counts.asked >= CONSISTENT_GAP_MIN_ASKED && missedMostly(counts);
}
