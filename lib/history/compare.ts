// Comparing two attempts: each rubric point's change from the older attempt to the newer one.
import type { StoredFeedback } from "@/lib/db/attempts";
import type { RubricItemKind, Scorer } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/ids";
import { round1 } from "./round";
import { scoredAttempt, type ScoredAttempt, type ScoredAttemptRow } from "./scored-attempt";

export const isAttemptId = isUuid;

export interface CompareItem {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  met: boolean;
  evidence: string[];
  hint?: string;
  correction?: string;
}

type CompareQuestion = { slug: string; title: string; track: string; level: string };

export interface CompareSide extends ScoredAttempt {
  question: CompareQuestion;
  rubricVersion: string | null;
  items: CompareItem[];
}

/** An attempt as the compare query reads it, with its question. */
export interface CompareSourceRow
  extends ScoredAttemptRow<{
    score: number;
    scorer: Scorer;
    feedback: unknown;
    rubricVersion: { version: number } | null;
    items: { itemId: string; label: string; kind: RubricItemKind; weight: number; met: boolean; evidence: string[] }[];
  }> {
  question: CompareQuestion;
}

/** One side of a comparison; each item gets its hint and correction from the stored feedback. */
export function toCompareSide(row: CompareSourceRow): CompareSide {
  const score = row.scores[0];
  const stored = (score?.feedback ?? null) as Partial<StoredFeedback> | null;
  return {
    ...scoredAttempt(row),
    question: row.question,
    rubricVersion: score?.rubricVersion ? `v${score.rubricVersion.version}` : null,
    items: (score?.items ?? []).map((item) => {
      const extra = stored?.items?.[item.itemId];
      return { ...item, ...(extra?.hint ? { hint: extra.hint } : {}), ...(extra?.correction ? { correction: extra.correction } : {}) };
    }),
  };
}

export type ItemChange = "gained" | "lost" | "still-missing" | "kept" | "fixed" | "new-misconception" | "repeated-misconception" | "avoided" | "only-before" | "only-after";

export interface ItemDiff {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  change: ItemChange;
  before: CompareItem | null;
  after: CompareItem | null;
}

type DiffInput = Pick<CompareItem, "itemId" | "label" | "kind" | "met"> & Partial<CompareItem>;

/** Item by item, from `before` to `after`. Items keep the order of the newer rubric. */
export function diffItems(before: DiffInput[], after: DiffInput[]): ItemDiff[] {
  const beforeById = new Map(before.map((item) => [item.itemId, item]));
  const afterIds = new Set(after.map((item) => item.itemId));
  const full = (item: DiffInput | undefined): CompareItem | null =>
    item ? { weight: 1, evidence: [], ...item } : null;
  const entries: ItemDiff[] = [];
  for (const item of after) {
    const old = beforeById.get(item.itemId);
    entries.push({ itemId: item.itemId, label: item.label, kind: item.kind, weight: item.weight ?? 1, change: changeOf(item.kind, old, item), before: full(old), after: full(item) });
  }
  for (const item of before) {
    if (afterIds.has(item.itemId)) continue;
    entries.push({ itemId: item.itemId, label: item.label, kind: item.kind, weight: item.weight ?? 1, change: "only-before", before: full(item), after: null });
  }
  return entries;
}

function changeOf(kind: RubricItemKind, before: DiffInput | undefined, after: DiffInput): ItemChange {
  if (!before || before.kind !== kind) return "only-after";
  if (kind === "misconception") {
    if (before.met && after.met) return "repeated-misconception";
    if (before.met) return "fixed";
    if (after.met) return "new-misconception";
    return "avoided";
  }
  if (before.met && after.met) return "kept";
  if (after.met) return "gained";
  if (before.met) return "lost";
  return "still-missing";
}

export interface Comparison {
  before: CompareSide;
  after: CompareSide;
  sameQuestion: boolean;
  delta: number | null;
  items: ItemDiff[];
  groups: Record<ItemChange, ItemDiff[]>;
}

/** The older attempt is "before" whatever order they were picked in. */
export function compareAttempts(first: CompareSide, second: CompareSide): Comparison {
  const [before, after] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
  const items = diffItems(before.items, after.items);
  const groups = Object.fromEntries(
    (["gained", "lost", "still-missing", "kept", "fixed", "new-misconception", "repeated-misconception", "avoided", "only-before", "only-after"] as const).map((change) => [
      change,
      items.filter((item) => item.change === change),
    ]),
  ) as Record<ItemChange, ItemDiff[]>;
  return {
    before,
    after,
    sameQuestion: before.question.slug === after.question.slug,
    delta: before.score !== null && after.score !== null ? round1(after.score - before.score) : null,
    items,
    groups,
  };
}
