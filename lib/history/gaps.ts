import type { RubricItemKind } from "@/lib/db/generated/client";

/**
 * A gap is a required point left out, or a misconception claimed (for misconception items `met`
 * means the answer made the wrong claim). Bonus points are extra credit, never a gap.
 */
export function isGap(kind: RubricItemKind, met: boolean): boolean {
  if (kind === "bonus") return false;
  return kind === "misconception" ? met : !met;
}
