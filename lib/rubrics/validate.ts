// Validation for rubric drafts while an instructor types: every problem at once, each naming the item
// and field in plain words. The zod schema in lib/content/schema.ts stays the single source of truth
// for what a valid rubric is; this module only explains its rules one field at a time (zod stops
// checking a rubric's cross-item rules as soon as one item is broken) and adds the vocabulary check.
// Browser-safe: no Node imports.
import { parseConceptPattern, PatternSyntaxError, setsUsed } from "@/lib/content/concept-pattern";
import { rubricItemKinds, rubricSchema, type Rubric, type Vocabulary } from "@/lib/content/schema";
import { RUBRIC_LIMITS } from "./limits";

export interface RubricIssue {
  /** Where the problem is, e.g. "items.2.weight", "items.0.concept.1", "items" or "" for the whole rubric. */
  path: string;
  /** 0-based index of the item, when the problem belongs to one item. */
  itemIndex?: number;
  /** The item field ("weight", "concept", …) or, for an unknown field, its name. */
  field?: string;
  /** A sentence naming what is wrong and where, e.g. 'Item 3 ("acks-all"): weight must be a positive number (got 0)'. */
  message: string;
  /** 1-based line and column in the YAML or markdown text, when the rubric came from text. */
  line?: number;
  column?: number;
}

export type RubricCheck = { ok: true; rubric: Rubric } | { ok: false; issues: RubricIssue[] };

/** The fields of a rubric item, in the order the editor and the YAML show them. */
export const RUBRIC_ITEM_FIELDS = ["id", "label", "kind", "weight", "near", "concept", "hint", "correction"] as const;
export type RubricItemField = (typeof RUBRIC_ITEM_FIELDS)[number];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An issue plus the path as segments, so text positions can be looked up; stripped before returning. */
export interface LocatedIssue extends RubricIssue {
  segments: Array<string | number>;
}

export function validateRubricDraft(input: unknown, vocabulary: Vocabulary): RubricCheck {
  const { rubric, issues } = checkRubricDraft(input, vocabulary);
  return rubric ? { ok: true, rubric } : { ok: false, issues: issues.map(stripSegments) };
}

export function stripSegments({ segments: _segments, ...issue }: LocatedIssue): RubricIssue {
  return issue;
}

/** validateRubricDraft with path segments kept (for mapping issues to lines in YAML or markdown). */
export function checkRubricDraft(input: unknown, vocabulary: Vocabulary): { rubric?: Rubric; issues: LocatedIssue[] } {
  const issues: LocatedIssue[] = [];
  if (!isRecord(input)) {
    issues.push({ path: "", segments: [], message: "A rubric must be a mapping with an items list (items: followed by one entry per point)." });
    return { issues };
  }
  if (isRecord(input.rubric) && input.items === undefined) {
    issues.push({ path: "rubric", segments: ["rubric"], message: 'Start at "items:": this holds what sits under "rubric:" in the question file, without the "rubric:" line.' });
    return { issues };
  }
  for (const key of Object.keys(input)) {
    if (key !== "items") issues.push({ path: key, segments: [key], message: `"${key}" is not part of a rubric: a rubric has only an items list.` });
  }
  const items = input.items;
  if (!Array.isArray(items)) {
    issues.push({
      path: "items",
      segments: ["items"],
      message: items === undefined ? "The rubric has no items list." : "items must be a list of rubric items.",
    });
    return { issues };
  }

  items.forEach((item, index) => issues.push(...checkItem(item, index, vocabulary)));
  issues.push(...checkAcrossItems(items));

  if (issues.length > 0) return { issues };
  // Everything above mirrors the schema; the schema has the last word (and trims the text fields).
  const parsed = rubricSchema.safeParse(input);
  if (parsed.success) return { rubric: parsed.data, issues: [] };
  return {
    issues: parsed.error.issues.map((issue) => {
      const segments = issue.path.map((part) => (typeof part === "number" ? part : String(part)));
      const itemIndex = segments[0] === "items" && typeof segments[1] === "number" ? segments[1] : undefined;
      const field = itemIndex === undefined ? undefined : typeof segments[2] === "string" ? segments[2] : undefined;
      const where = itemIndex === undefined ? "Rubric" : itemName(items[itemIndex], itemIndex);
      return { path: segments.join("."), segments, itemIndex, field, message: `${where}: ${field ? `${field}: ` : ""}${issue.message}` };
    }),
  };
}

function checkItem(item: unknown, index: number, vocabulary: Vocabulary): LocatedIssue[] {
  const name = itemName(item, index);
  if (!isRecord(item)) {
    return [{ path: `items.${index}`, segments: ["items", index], itemIndex: index, message: `${name} must be a mapping of fields (id, label, kind, weight, concept, hint or correction).` }];
  }
  const issues: LocatedIssue[] = [];
  const add = (field: string, message: string, extra: Array<string | number> = []) => {
    const segments = ["items", index, field, ...extra];
    issues.push({ path: segments.join("."), segments, itemIndex: index, field, message: `${name}: ${message}` });
  };

  for (const key of Object.keys(item)) {
    if (!(RUBRIC_ITEM_FIELDS as readonly string[]).includes(key)) {
      add(key, `"${key}" is not an item field (the fields are ${RUBRIC_ITEM_FIELDS.join(", ")}).`);
    }
  }

  // id
  const id = item.id;
  if (typeof id !== "string" || id.trim() === "") add("id", 'needs an id: lowercase words joined by hyphens, e.g. "acks-all".');
  else if (!KEBAB.test(id)) add("id", `id "${id}" must be lowercase letters and digits joined by single hyphens, e.g. "acks-all".`);

  // label
  const label = item.label;
  if (typeof label !== "string" || label.trim() === "") add("label", "needs a label: a short description of the point.");
  else if (label.trim().length < RUBRIC_LIMITS.labelMin) add("label", `label is too short (at least ${RUBRIC_LIMITS.labelMin} characters).`);
  else if (label.trim().length > RUBRIC_LIMITS.labelMax) add("label", `label is too long (${label.trim().length} characters; at most ${RUBRIC_LIMITS.labelMax}).`);

  // kind
  const kind = item.kind;
  const kindOk = typeof kind === "string" && (rubricItemKinds as readonly string[]).includes(kind);
  if (!kindOk) add("kind", `kind must be required, bonus or misconception${kind === undefined ? "" : ` (got ${show(kind)})`}.`);

  // weight
  const weight = item.weight;
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) {
    add("weight", `weight must be a positive number${weight === undefined ? "" : ` (got ${show(weight)})`}.`);
  } else if (weight > RUBRIC_LIMITS.weightMax) {
    add("weight", `weight must be at most ${RUBRIC_LIMITS.weightMax} (got ${weight}).`);
  }

  // near (optional)
  const near = item.near;
  if (near !== undefined && (typeof near !== "number" || !Number.isInteger(near) || near < RUBRIC_LIMITS.nearMin || near > RUBRIC_LIMITS.nearMax)) {
    add("near", `near must be a whole number of words from ${RUBRIC_LIMITS.nearMin} to ${RUBRIC_LIMITS.nearMax} (got ${show(near)}).`);
  }

  // concept
  const concept = item.concept;
  if (!Array.isArray(concept) || concept.length === 0) {
    add("concept", "needs at least one pattern: the words an answer must contain to earn this point.");
  } else {
    concept.forEach((pattern: unknown, patternIndex) => {
      const which = concept.length > 1 ? `pattern ${patternIndex + 1}` : "the pattern";
      if (typeof pattern !== "string") return add("concept", `${which} must be text (got ${show(pattern)}).`, [patternIndex]);
      if (pattern.trim() === "") return add("concept", `${which} is empty.`, [patternIndex]);
      let sets: string[];
      try {
        sets = setsUsed(parseConceptPattern(pattern));
      } catch (error) {
        if (!(error instanceof PatternSyntaxError)) throw error;
        const reason = error.message.startsWith(`${JSON.stringify(pattern)}: `) ? error.message.slice(JSON.stringify(pattern).length + 2) : error.message;
        return add("concept", `${which} cannot be read: ${reason.replace(/\.$/, "")}.`, [patternIndex]);
      }
      for (const set of new Set(sets)) {
        if (vocabulary[set]) continue;
        const suggestion = closestSetName(set, vocabulary);
        add(
          "concept",
          `${which} uses {${set}}, which is not a synonym set${suggestion ? ` (did you mean {${suggestion}}?)` : " (sets are defined in content/vocabulary/*.yml)"}.`,
          [patternIndex],
        );
      }
    });
  }

  // hint / correction
  const hint = item.hint;
  const correction = item.correction;
  const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  const needsHint = kindOk && kind !== "misconception";
  const needsCorrection = kind === "misconception";
  if (needsHint && blank(hint)) add("hint", `a ${kind} item needs a hint: one sentence a candidate could say to earn this point.`);
  else checkSentence(hint, "hint", add);
  if (needsCorrection && blank(correction)) add("correction", "a misconception needs a correction: one sentence saying what is actually true.");
  else checkSentence(correction, "correction", add);
  return issues;
}

function checkSentence(value: unknown, field: "hint" | "correction", add: (field: string, message: string) => void): void {
  if (value === undefined) return;
  if (value === null || (typeof value === "string" && value.trim() === "")) return add(field, `${field} is empty: write one sentence or leave the field out.`);
  if (typeof value !== "string") return add(field, `${field} must be text (got ${show(value)}).`);
  const length = value.trim().length;
  if (length < RUBRIC_LIMITS.sentenceMin) add(field, `${field} must be a full sentence (at least ${RUBRIC_LIMITS.sentenceMin} characters).`);
  else if (length > RUBRIC_LIMITS.sentenceMax) add(field, `${field} is too long (${length} characters; at most ${RUBRIC_LIMITS.sentenceMax}).`);
}

function checkAcrossItems(items: unknown[]): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const firstIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== "string" || !id) return;
    const first = firstIndexOf.get(id);
    if (first === undefined) return void firstIndexOf.set(id, index);
    issues.push({
      path: `items.${index}.id`,
      segments: ["items", index, "id"],
      itemIndex: index,
      field: "id",
      message: `${itemName(item, index)}: id "${id}" is already used by item ${first + 1}; every item needs its own id.`,
    });
  });
  const count = items.length;
  const rubricIssue = (message: string) => issues.push({ path: "items", segments: ["items"], message });
  if (count < RUBRIC_LIMITS.minItems) rubricIssue(`A rubric needs at least ${RUBRIC_LIMITS.minItems} items; this one has ${count}.`);
  if (count > RUBRIC_LIMITS.maxItems) rubricIssue(`A rubric has at most ${RUBRIC_LIMITS.maxItems} items; this one has ${count}.`);
  const kinds = new Set(items.map((item) => (isRecord(item) ? item.kind : undefined)));
  if (!kinds.has("required")) rubricIssue("A rubric needs at least one required item: the points every good answer makes.");
  if (!kinds.has("misconception")) rubricIssue("A rubric needs at least one misconception item: a wrong claim the scorer should catch.");
  return issues;
}

/** 'Item 3 ("acks-all")', or 'Item 3' while the id is missing or malformed. */
export function itemName(item: unknown, index: number): string {
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === "string" && id.trim() ? `Item ${index + 1} ("${id.trim()}")` : `Item ${index + 1}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === "string") return value.trim() === "" ? "an empty value" : JSON.stringify(value);
  if (typeof value === "number") return Number.isNaN(value) ? "not a number" : String(value);
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** The known set closest to `name` within two edits, for "did you mean". */
function closestSetName(name: string, vocabulary: Vocabulary): string | undefined {
  let best: { set: string; distance: number } | undefined;
  for (const set of Object.keys(vocabulary)) {
    const distance = editDistance(name, set);
    if (distance <= 2 && (!best || distance < best.distance)) best = { set, distance };
  }
  return best?.set;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
