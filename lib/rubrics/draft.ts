// Small, pure helpers for the structured rubric editor. None of them mutates its input; each returns a
// new rubric (or list), so the UI can keep drafts in state and undo by keeping the previous value.
import type { RubricItem, RubricItemKind } from "@/lib/content/schema";
import type { RubricIssue } from "./validate";

/** What an editor holds: a rubric-shaped value whose items may still be incomplete. */
export interface RubricDraft<Item = RubricItem> {
  items: Item[];
}

const DEFAULT_WEIGHT: Record<RubricItemKind, number> = { required: 2, bonus: 1, misconception: 2 };
const DEFAULT_LABEL: Record<RubricItemKind, string> = {
  required: "New required point",
  bonus: "New bonus point",
  misconception: "Misconception: (the wrong claim)",
};

/**
 * A new item of `kind` with an id not in `existingIds` ("new-required-point", then "…-2", "…-3").
 * The pattern and the hint (or correction) start empty, so validation points the author at them.
 */
export function newItem(kind: RubricItemKind, existingIds: Iterable<string>): RubricItem {
  const base = kind === "misconception" ? "new-misconception" : `new-${kind}-point`;
  const item: RubricItem = { id: uniqueId(base, existingIds), label: DEFAULT_LABEL[kind], kind, weight: DEFAULT_WEIGHT[kind], concept: [""] };
  if (kind === "misconception") item.correction = "";
  else item.hint = "";
  return item;
}

/** `base` if free, else `base-2`, `base-3`, … */
export function uniqueId(base: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The item at `from` moved to index `to` (both clamped to the list); the same draft when nothing moves. */
export function moveItem<D extends RubricDraft<unknown>>(rubric: D, from: number, to: number): D {
  const last = rubric.items.length - 1;
  if (from < 0 || from > last) return rubric;
  const target = Math.max(0, Math.min(last, to));
  if (target === from) return rubric;
  const items = [...rubric.items];
  const [moved] = items.splice(from, 1);
  items.splice(target, 0, moved);
  return { ...rubric, items };
}

/** The draft without the item at `index` (unchanged when the index is out of range). */
export function removeItem<D extends RubricDraft<unknown>>(rubric: D, index: number): D {
  if (index < 0 || index >= rubric.items.length) return rubric;
  return { ...rubric, items: rubric.items.filter((_, position) => position !== index) };
}

/** A copy of the item at `index`, inserted right after it, with a fresh id ("acks-all-copy") and "(copy)" on its label. */
export function duplicateItem<D extends RubricDraft<RubricItem>>(rubric: D, index: number): D {
  const original = rubric.items[index];
  if (!original) return rubric;
  const copy: RubricItem = {
    ...original,
    concept: [...original.concept],
    id: uniqueId(`${original.id || "item"}-copy`, rubric.items.map((item) => item.id)),
    label: `${original.label} (copy)`,
  };
  const items = [...rubric.items];
  items.splice(index + 1, 0, copy);
  return { ...rubric, items };
}

/** The issues that belong to the item at `index` (any field). */
export function issuesForItem(issues: readonly RubricIssue[], index: number): RubricIssue[] {
  return issues.filter((issue) => issue.itemIndex === index);
}

/** The issues for one field of one item, e.g. issuesForField(issues, 2, "weight"); "concept" includes every pattern. */
export function issuesForField(issues: readonly RubricIssue[], index: number, field: string): RubricIssue[] {
  return issues.filter((issue) => issue.itemIndex === index && issue.field === field);
}

/** Issues about the rubric as a whole (item count, missing kinds), not about one item. */
export function rubricLevelIssues(issues: readonly RubricIssue[]): RubricIssue[] {
  return issues.filter((issue) => issue.itemIndex === undefined);
}
