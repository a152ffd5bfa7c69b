// The rubric editor's form state, kept apart from React so it can be unit-tested.
//
// The form holds what the instructor typed, as typed: a weight is the text "2.5" (or "", or "2,"),
// not a number, so half-typed values never jump around. `toRubricInput` turns the form into the
// plain object the validator, the preview and the API receive. A hint typed on a required item is
// kept when the item is switched to a misconception (and comes back when it is switched back), but
// only the field the item's kind uses is ever saved.
import { parseConceptPattern, PatternSyntaxError, setsUsed } from "@/lib/content/concept-pattern";
import { rubricItemKinds, type Rubric, type RubricItem, type RubricItemKind, type Vocabulary } from "@/lib/content/schema";
import { RUBRIC_LIMITS } from "@/lib/rubrics/limits";

export interface FormItem {
  /** Stable React key; never saved. */
  key: string;
  id: string;
  label: string;
  kind: RubricItemKind;
  weight: string;
  concept: string[];
  near: string;
  hint: string;
  correction: string;
}

export interface FormDraft {
  items: FormItem[];
}

export type TextField = "id" | "label" | "weight" | "near" | "hint" | "correction";

export type DraftAction =
  | { type: "set-field"; index: number; field: TextField; value: string }
  | { type: "set-kind"; index: number; kind: RubricItemKind }
  | { type: "set-pattern"; index: number; patternIndex: number; value: string }
  | { type: "add-pattern"; index: number }
  | { type: "remove-pattern"; index: number; patternIndex: number }
  | { type: "add-item"; kind: RubricItemKind }
  /** A misconception item made from a shared false claim (its label, patterns and correction). */
  | { type: "add-misconception"; id: string; label: string; weight: number; concept: string[]; near?: number; correction: string }
  | { type: "remove-item"; index: number }
  | { type: "duplicate-item"; index: number }
  | { type: "move-item"; index: number; to: number }
  | { type: "replace"; draft: FormDraft };

export const KIND_LABELS: Record<RubricItemKind, string> = {
  required: "Required",
  bonus: "Bonus",
  misconception: "Misconception",
};

// ---------------------------------------------------------------------------------------------
// Conversions

const numberText = (value: number | undefined) => (value === undefined ? "" : String(value));

export function fromRubric(rubric: Rubric): FormDraft {
  return {
    items: rubric.items.map((item, index) => ({
      key: `k${index + 1}`,
      id: item.id,
      label: item.label,
      kind: item.kind,
      weight: numberText(item.weight),
      concept: item.concept.length ? [...item.concept] : [""],
      near: numberText(item.near),
      hint: item.hint ?? "",
      correction: item.correction ?? "",
    })),
  };
}

/** "2.5" → 2.5; "" → undefined; anything else stays text so the validator names the problem. */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const parsed = Number(trimmed.replace(",", "."));
  return Number.isFinite(parsed) ? parsed : trimmed;
}

export type RubricItemInput = Record<string, unknown>;
export interface RubricInput {
  items: RubricItemInput[];
}

/**
 * The form as the object a rubric would be, without judging it: empty optional fields are left out,
 * numbers are numbers when they read as numbers, and an item keeps only the text its kind uses
 * (a hint for required and bonus items, a correction for misconceptions).
 */
export function toRubricInput(draft: FormDraft): RubricInput {
  return {
    items: draft.items.map((item) => {
      const out: RubricItemInput = { id: item.id.trim(), label: item.label.trim(), kind: item.kind };
      const weight = numberOrText(item.weight);
      out.weight = weight === undefined ? "" : weight;
      out.concept = item.concept.map((pattern) => pattern.trim());
      const near = numberOrText(item.near);
      if (near !== undefined) out.near = near;
      if (item.kind === "misconception") {
        if (item.correction.trim()) out.correction = item.correction.trim();
      } else if (item.hint.trim()) {
        out.hint = item.hint.trim();
      }
      return out;
    }),
  };
}

/** Stable text for "has anything changed?": keys sorted, form-only fields gone. */
export function draftFingerprint(draft: FormDraft): string {
  return JSON.stringify(sortKeys(toRubricInput(draft)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const ITEM_KEYS = new Set(["id", "label", "kind", "weight", "concept", "near", "hint", "correction"]);

export type FormFromUnknown = { ok: true; draft: FormDraft } | { ok: false; message: string };

/**
 * Reads a parsed YAML document (or JSON) into the form. Accepts `{ items: [...] }` or a whole
 * frontmatter with a `rubric:` key. Refuses only what the form could not show faithfully: a missing
 * item list, an item that is not a mapping, a key the rubric does not have, a nested value where
 * text belongs. Everything else (a short hint, a bad weight) loads and is flagged at its field.
 */
export function formFromUnknown(value: unknown, previous?: FormDraft): FormFromUnknown {
  const root = isRecord(value) && isRecord(value.rubric) ? value.rubric : value;
  if (!isRecord(root)) return { ok: false, message: "The text should be a mapping with an `items:` list." };
  const extra = Object.keys(root).filter((key) => key !== "items");
  if (extra.length) return { ok: false, message: `Unknown top-level key ${quoteList(extra)}: a rubric has only \`items:\`.` };
  if (!Array.isArray(root.items)) return { ok: false, message: "`items:` should be a list of rubric items (each line starting with `- id:`)." };
  const items: FormItem[] = [];
  const usedKeys = new Set<string>();
  for (const [index, raw] of root.items.entries()) {
    const where = `Item ${index + 1}`;
    if (!isRecord(raw)) return { ok: false, message: `${where} should be a mapping (id:, label:, kind:, …).` };
    const unknown = Object.keys(raw).filter((key) => !ITEM_KEYS.has(key));
    if (unknown.length) return { ok: false, message: `${where} has ${quoteList(unknown)}, which a rubric item does not have.` };
    const text = (key: string): string | null => {
      const field = raw[key];
      if (field === undefined || field === null) return "";
      if (typeof field === "string" || typeof field === "number" || typeof field === "boolean") return String(field);
      return null;
    };
    const fields = { id: text("id"), label: text("label"), kind: text("kind"), weight: text("weight"), near: text("near"), hint: text("hint"), correction: text("correction") };
    const nested = Object.entries(fields).find(([, field]) => field === null);
    if (nested) return { ok: false, message: `${where}: \`${nested[0]}\` should be plain text or a number, not a list or mapping.` };
    const kind = fields.kind as string;
    if (!(rubricItemKinds as readonly string[]).includes(kind)) {
      return { ok: false, message: `${where}: \`kind\` should be one of ${rubricItemKinds.join(", ")}${kind ? `, not "${kind}"` : ""}.` };
    }
    let concept: string[];
    if (raw.concept === undefined || raw.concept === null) concept = [""];
    else if (typeof raw.concept === "string") concept = [raw.concept];
    else if (Array.isArray(raw.concept) && raw.concept.every((pattern) => typeof pattern === "string" || typeof pattern === "number")) {
      concept = raw.concept.map(String);
      if (concept.length === 0) concept = [""];
    } else return { ok: false, message: `${where}: \`concept\` should be a list of patterns written as text.` };
    // Keep React keys (and so focus) steady when the same item comes back from the YAML tab.
    const previousItem = previous?.items[index];
    let key = previousItem && !usedKeys.has(previousItem.key) ? previousItem.key : nextKey([...(previous?.items ?? []), ...items]);
    while (usedKeys.has(key)) key = `${key}x`;
    usedKeys.add(key);
    items.push({
      key,
      id: fields.id as string,
      label: fields.label as string,
      kind: kind as RubricItemKind,
      weight: fields.weight as string,
      concept,
      near: fields.near as string,
      hint: fields.hint as string,
      correction: fields.correction as string,
    });
  }
  return { ok: true, draft: { items } };
}

function quoteList(keys: string[]) {
  return keys.map((key) => `\`${key}\``).join(", ");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Editing

function nextKey(items: FormItem[]): string {
  const max = items.reduce((highest, item) => {
    const match = /^k(\d+)/.exec(item.key);
    return match ? Math.max(highest, Number(match[1])) : highest;
  }, 0);
  return `k${max + 1}`;
}

/** "new-point", then "new-point-2", … — the first id not already taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

const NEW_ITEM_IDS: Record<RubricItemKind, string> = { required: "new-point", bonus: "new-bonus", misconception: "new-misconception" };

function newFormItem(kind: RubricItemKind, existing: FormItem[]): FormItem {
  return {
    key: nextKey(existing),
    id: uniqueId(NEW_ITEM_IDS[kind], existing.map((item) => item.id)),
    label: "",
    kind,
    weight: kind === "bonus" ? "1" : "2",
    concept: [""],
    near: "",
    hint: "",
    correction: "",
  };
}

function updateItem(draft: FormDraft, index: number, update: (item: FormItem) => FormItem): FormDraft {
  const item = draft.items[index];
  if (!item) return draft;
  const items = [...draft.items];
  items[index] = update(item);
  return { items };
}

function moveIndex<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

export function draftReducer(draft: FormDraft, action: DraftAction): FormDraft {
  switch (action.type) {
    case "set-field":
      return updateItem(draft, action.index, (item) => ({ ...item, [action.field]: action.value }));
    case "set-kind":
      return updateItem(draft, action.index, (item) => ({ ...item, kind: action.kind }));
    case "set-pattern":
      return updateItem(draft, action.index, (item) => ({
        ...item,
        concept: item.concept.map((pattern, index) => (index === action.patternIndex ? action.value : pattern)),
      }));
    case "add-pattern":
      return updateItem(draft, action.index, (item) => ({ ...item, concept: [...item.concept, ""] }));
    case "remove-pattern":
      return updateItem(draft, action.index, (item) => {
        const concept = item.concept.filter((_, index) => index !== action.patternIndex);
        return { ...item, concept: concept.length ? concept : [""] };
      });
    case "add-item":
      if (draft.items.length >= RUBRIC_LIMITS.maxItems) return draft;
      return { items: [...draft.items, newFormItem(action.kind, draft.items)] };
    case "add-misconception": {
      if (draft.items.length >= RUBRIC_LIMITS.maxItems) return draft;
      const item: FormItem = {
        key: nextKey(draft.items),
        id: uniqueId(action.id, draft.items.map((other) => other.id)),
        label: action.label.startsWith("Misconception") ? action.label : `Misconception: ${action.label}`.slice(0, RUBRIC_LIMITS.labelMax),
        kind: "misconception",
        weight: String(action.weight),
        concept: [...action.concept],
        near: action.near ? String(action.near) : "",
        hint: "",
        correction: action.correction,
      };
      return { items: [...draft.items, item] };
    }
    case "remove-item":
      if (!draft.items[action.index]) return draft;
      return { items: draft.items.filter((_, index) => index !== action.index) };
    case "duplicate-item": {
      const item = draft.items[action.index];
      if (!item || draft.items.length >= RUBRIC_LIMITS.maxItems) return draft;
      const copy: FormItem = {
        ...item,
        concept: [...item.concept],
        key: nextKey(draft.items),
        id: uniqueId(`${item.id || "item"}-copy`, draft.items.map((other) => other.id)),
        label: item.label ? `${item.label} (copy)` : "",
      };
      const items = [...draft.items];
      items.splice(action.index + 1, 0, copy);
      return { items };
    }
    case "move-item": {
      const items = moveIndex(draft.items, action.index, action.to);
      return items === draft.items ? draft : { items };
    }
    case "replace":
      return action.draft;
  }
}

// ---------------------------------------------------------------------------------------------
// Issues → fields

export interface IssueLike {
  path?: string | (string | number)[];
  itemIndex?: number;
  field?: string;
  message: string;
  line?: number;
  column?: number;
}

export interface IssueTarget {
  /** undefined: the rubric as a whole. */
  itemIndex?: number;
  /** "id", "label", "kind", "weight", "concept", "near", "hint", "correction". */
  field?: string;
  /** For concept issues: which pattern. */
  patternIndex?: number;
}

export function issueTarget(issue: IssueLike): IssueTarget {
  const parts = (Array.isArray(issue.path) ? issue.path.map(String) : (issue.path ?? "").split(".")).filter(Boolean);
  const target: IssueTarget = {};
  if (parts[0] === "items" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    target.itemIndex = Number(parts[1]);
    if (parts[2]) target.field = parts[2];
    if (parts[2] === "concept" && parts[3] !== undefined && /^\d+$/.test(parts[3])) target.patternIndex = Number(parts[3]);
  }
  if (target.itemIndex === undefined && typeof issue.itemIndex === "number") target.itemIndex = issue.itemIndex;
  if (target.field === undefined && issue.field) target.field = issue.field;
  return target;
}

/** The DOM id of the input an issue belongs to (the editor renders inputs with these ids). */
export function fieldDomId(prefix: string, target: IssueTarget): string {
  if (target.itemIndex === undefined) return `${prefix}-items`;
  const field = target.field ?? "label";
  if (field === "concept") return `${prefix}-item-${target.itemIndex}-concept-${target.patternIndex ?? 0}`;
  return `${prefix}-item-${target.itemIndex}-${field}`;
}

export function issuesFor(issues: IssueLike[], itemIndex: number, field: string, patternIndex?: number): IssueLike[] {
  return issues.filter((issue) => {
    const target = issueTarget(issue);
    if (target.itemIndex !== itemIndex || target.field !== field) return false;
    if (field !== "concept") return true;
    // A concept issue without a pattern index ("needs at least one pattern") shows at the first pattern.
    return (target.patternIndex ?? 0) === (patternIndex ?? 0);
  });
}

// ---------------------------------------------------------------------------------------------
// Preview

export interface PreviewRubric {
  rubric: Rubric;
  /** Items or patterns the preview could not use yet, and why. */
  leftOut: { itemIndex: number; label: string; reason: string }[];
}

/**
 * A rubric the scorer can run while the form is still being edited: every pattern that parses and
 * names known synonym sets is used; an item with none of those, or without a usable weight, is left
 * out (and listed). Unlike saving, the preview does not need 6–12 items or finished hints.
 */
export function previewRubric(draft: FormDraft, vocabulary: Vocabulary): PreviewRubric {
  const leftOut: PreviewRubric["leftOut"] = [];
  const items: RubricItem[] = [];
  const seen = new Set<string>();
  draft.items.forEach((item, itemIndex) => {
    const label = item.label.trim() || item.id.trim() || `Item ${itemIndex + 1}`;
    const weight = Number(item.weight.trim().replace(",", "."));
    if (!item.weight.trim() || !Number.isFinite(weight) || weight <= 0) {
      leftOut.push({ itemIndex, label, reason: "needs a weight above 0" });
      return;
    }
    const concept: string[] = [];
    let unusable = 0;
    for (const source of item.concept) {
      if (!source.trim()) continue;
      try {
        const parsed = parseConceptPattern(source);
        if (setsUsed(parsed).some((name) => !vocabulary[name])) unusable++;
        else concept.push(source.trim());
      } catch (error) {
        if (error instanceof PatternSyntaxError) unusable++;
        else throw error;
      }
    }
    if (concept.length === 0) {
      leftOut.push({ itemIndex, label, reason: unusable ? "none of its patterns can be read yet" : "has no pattern yet" });
      return;
    }
    if (unusable) leftOut.push({ itemIndex, label, reason: `${unusable} of its patterns ${unusable === 1 ? "is" : "are"} left out until ${unusable === 1 ? "it reads" : "they read"} correctly` });
    // Ids must be unique for the scorer's results; a duplicate gets a private suffix in the preview only.
    let id = item.id.trim() || `item-${itemIndex + 1}`;
    while (seen.has(id)) id = `${id}-${itemIndex + 1}`;
    seen.add(id);
    const near = Number(item.near);
    items.push({
      id,
      label,
      kind: item.kind,
      weight,
      concept,
      ...(item.near.trim() && Number.isInteger(near) && near >= RUBRIC_LIMITS.nearMin ? { near } : {}),
      ...(item.kind === "misconception" ? { correction: item.correction.trim() || "(no correction yet)" } : { hint: item.hint.trim() || "(no hint yet)" }),
    });
  });
  return { rubric: { items }, leftOut };
}
