import { describe, expect, it } from "vitest";
import {
  draftFingerprint,
  draftReducer,
  fieldDomId,
  formFromUnknown,
  fromRubric,
  issuesFor,
  issueTarget,
  previewRubric,
  toRubricInput,
  uniqueId,
  type FormDraft,
} from "@/components/rubric-editor/draft-state";
import { isStoredDraft } from "@/components/rubric-editor/local-draft";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { RUBRIC_LIMITS } from "@/lib/rubrics/limits";
import { validateRubricDraft } from "@/lib/rubrics/validate";
import { scoreWithRules } from "@/lib/scoring/rules";

const hint = "Say that the broker keeps every record until retention removes it.";
const correction = "Records stay until retention removes them, whoever has read them.";

function rubric(): Rubric {
  return {
    items: [
      { id: "log", label: "Kafka is an append-only log", kind: "required", weight: 3, concept: ["append-only | commit log"], hint },
      { id: "partitions", label: "Topics split into partitions", kind: "required", weight: 2, concept: ["partition*"], hint, near: 20 },
      { id: "retention", label: "Retention decides deletion", kind: "required", weight: 2, concept: ["retention ... (time | size)"], hint },
      { id: "offsets", label: "Consumers track offsets", kind: "required", weight: 2, concept: ["offset*"], hint },
      { id: "replication", label: "Partitions are replicated", kind: "bonus", weight: 1, concept: ["replica*"], hint },
      { id: "deleted-on-read", label: "Misconception: deleted once read", kind: "misconception", weight: 2, concept: ["deleted once read | deleted once consumed"], correction },
    ],
  };
}

const vocabulary: Vocabulary = { "acks-all": ["acks=all", "acks=-1"] };

describe("fromRubric / toRubricInput", () => {
  it("round-trips a valid rubric through the form without changing it", () => {
    const original = rubric();
    const input = toRubricInput(fromRubric(original));
    const check = validateRubricDraft(input, vocabulary);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.rubric).toEqual(original);
  });

  it("keeps half-typed numbers as text so the validator names the field", () => {
    const draft = draftReducer(fromRubric(rubric()), { type: "set-field", index: 0, field: "weight", value: "2.x" });
    expect(toRubricInput(draft).items[0]!.weight).toBe("2.x");
    const comma = draftReducer(draft, { type: "set-field", index: 0, field: "weight", value: "2,5" });
    expect(toRubricInput(comma).items[0]!.weight).toBe(2.5);
    const check = validateRubricDraft(toRubricInput(draft), vocabulary);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues.map((issue) => issue.path)).toContain("items.0.weight");
  });

  it("saves only the text the kind uses, but remembers the other when the kind flips back", () => {
    let draft = fromRubric(rubric());
    draft = draftReducer(draft, { type: "set-kind", index: 0, kind: "misconception" });
    expect(toRubricInput(draft).items[0]).not.toHaveProperty("hint");
    expect(toRubricInput(draft).items[0]).not.toHaveProperty("correction");
    draft = draftReducer(draft, { type: "set-kind", index: 0, kind: "required" });
    expect(toRubricInput(draft).items[0]!.hint).toBe(hint);
  });

  it("fingerprints ignore React keys and key order but see every saved change", () => {
    const a = fromRubric(rubric());
    const b: FormDraft = { items: a.items.map((item, index) => ({ ...item, key: `other-${index}` })) };
    expect(draftFingerprint(a)).toBe(draftFingerprint(b));
    expect(draftFingerprint(draftReducer(a, { type: "set-field", index: 1, field: "near", value: "" }))).not.toBe(draftFingerprint(a));
  });
});

describe("draftReducer", () => {
  it("adds items with unique ids and keys, up to the maximum", () => {
    let draft = fromRubric(rubric());
    draft = draftReducer(draft, { type: "add-item", kind: "required" });
    draft = draftReducer(draft, { type: "add-item", kind: "required" });
    expect(draft.items.slice(-2).map((item) => item.id)).toEqual(["new-point", "new-point-2"]);
    expect(new Set(draft.items.map((item) => item.key)).size).toBe(draft.items.length);
    while (draft.items.length < RUBRIC_LIMITS.maxItems) draft = draftReducer(draft, { type: "add-item", kind: "bonus" });
    expect(draftReducer(draft, { type: "add-item", kind: "bonus" })).toBe(draft);
    expect(draftReducer(draft, { type: "duplicate-item", index: 0 })).toBe(draft);
  });

  it("duplicates an item right after itself with a fresh id and its own pattern list", () => {
    const draft = draftReducer(fromRubric(rubric()), { type: "duplicate-item", index: 1 });
    expect(draft.items.map((item) => item.id).slice(0, 3)).toEqual(["log", "partitions", "partitions-copy"]);
    const edited = draftReducer(draft, { type: "set-pattern", index: 2, patternIndex: 0, value: "segment*" });
    expect(edited.items[1]!.concept).toEqual(["partition*"]);
    expect(edited.items[2]!.concept).toEqual(["segment*"]);
  });

  it("moves items and ignores moves past either end", () => {
    const draft = fromRubric(rubric());
    const moved = draftReducer(draft, { type: "move-item", index: 2, to: 0 });
    expect(moved.items.map((item) => item.id).slice(0, 3)).toEqual(["retention", "log", "partitions"]);
    expect(draftReducer(draft, { type: "move-item", index: 0, to: -1 })).toBe(draft);
    expect(draftReducer(draft, { type: "move-item", index: 5, to: 6 })).toBe(draft);
  });

  it("removes items and patterns, leaving one empty pattern rather than none", () => {
    let draft = draftReducer(fromRubric(rubric()), { type: "remove-item", index: 0 });
    expect(draft.items).toHaveLength(5);
    expect(draft.items[0]!.id).toBe("partitions");
    draft = draftReducer(draft, { type: "add-pattern", index: 0 });
    expect(draft.items[0]!.concept).toEqual(["partition*", ""]);
    draft = draftReducer(draft, { type: "remove-pattern", index: 0, patternIndex: 0 });
    draft = draftReducer(draft, { type: "remove-pattern", index: 0, patternIndex: 0 });
    expect(draft.items[0]!.concept).toEqual([""]);
  });

  it("makes unique ids from a base", () => {
    expect(uniqueId("a", ["a", "a-2"])).toBe("a-3");
    expect(uniqueId("b", ["a"])).toBe("b");
  });
});

describe("issues → fields", () => {
  it("maps issue paths to items, fields and patterns, and to the inputs' DOM ids", () => {
    expect(issueTarget({ path: "items.2.concept.1", message: "x" })).toEqual({ itemIndex: 2, field: "concept", patternIndex: 1 });
    expect(issueTarget({ path: "items", message: "x" })).toEqual({});
    expect(fieldDomId("rubric", issueTarget({ path: "items.2.weight", message: "x" }))).toBe("rubric-item-2-weight");
    expect(fieldDomId("rubric", issueTarget({ path: "items.2.concept.1", message: "x" }))).toBe("rubric-item-2-concept-1");
    expect(fieldDomId("rubric", issueTarget({ path: "items", message: "x" }))).toBe("rubric-items");
  });

  it("shows an unknown synonym set at the pattern that names it", () => {
    const draft = draftReducer(fromRubric(rubric()), { type: "add-pattern", index: 0 });
    const withSet = draftReducer(draft, { type: "set-pattern", index: 0, patternIndex: 1, value: "{acks-al} ... isr" });
    const check = validateRubricDraft(toRubricInput(withSet), vocabulary);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const atPattern = issuesFor(check.issues, 0, "concept", 1);
    expect(atPattern).toHaveLength(1);
    expect(atPattern[0]!.message).toContain("{acks-al}");
    expect(atPattern[0]!.message).toContain("{acks-all}");
    expect(issuesFor(check.issues, 0, "concept", 0)).toHaveLength(0);
  });
});

describe("formFromUnknown (the YAML tab)", () => {
  it("reads a rubric, or a whole frontmatter, and keeps the keys of items that stay put", () => {
    const previous = fromRubric(rubric());
    const read = formFromUnknown({ rubric: { items: rubric().items } }, previous);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.draft.items.map((item) => item.key)).toEqual(previous.items.map((item) => item.key));
      expect(draftFingerprint(read.draft)).toBe(draftFingerprint(previous));
    }
  });

  it("loads fixable problems (they are flagged at the field) and refuses what the form cannot show", () => {
    const loose = formFromUnknown({ items: [{ id: "a", kind: "bonus", weight: "heavy", concept: "partition*" }] });
    expect(loose.ok).toBe(true);
    if (loose.ok) expect(loose.draft.items[0]).toMatchObject({ weight: "heavy", concept: ["partition*"], label: "" });

    expect(formFromUnknown("items").ok).toBe(false);
    expect(formFromUnknown({ items: [], extra: 1 })).toMatchObject({ ok: false, message: expect.stringContaining("`extra`") });
    expect(formFromUnknown({ items: [{ id: "a", kind: "sometimes" }] })).toMatchObject({ ok: false, message: expect.stringContaining("kind") });
    expect(formFromUnknown({ items: [{ id: "a", kind: "bonus", colour: "red" }] })).toMatchObject({ ok: false, message: expect.stringContaining("`colour`") });
    expect(formFromUnknown({ items: [{ id: "a", kind: "bonus", label: { nested: true } }] })).toMatchObject({ ok: false, message: expect.stringContaining("`label`") });
  });
});

describe("previewRubric", () => {
  it("scores with what is usable and lists what is left out", () => {
    let draft = fromRubric(rubric());
    draft = draftReducer(draft, { type: "set-field", index: 0, field: "weight", value: "" });
    draft = draftReducer(draft, { type: "set-pattern", index: 1, patternIndex: 0, value: "(partition*" });
    draft = draftReducer(draft, { type: "add-pattern", index: 2 });
    draft = draftReducer(draft, { type: "set-pattern", index: 2, patternIndex: 1, value: "{no-such-set}" });
    const preview = previewRubric(draft, vocabulary);
    expect(preview.rubric.items.map((item) => item.id)).toEqual(["retention", "offsets", "replication", "deleted-on-read"]);
    expect(preview.rubric.items[0]!.concept).toEqual(["retention ... (time | size)"]);
    expect(preview.leftOut.map((entry) => entry.itemIndex)).toEqual([0, 1, 2]);
    const result = scoreWithRules({
      question: { slug: "demo", modelAnswer: "Kafka keeps records in a log.", rubric: preview.rubric },
      answer: "Each consumer group tracks its own offsets, and retention by time or size decides when records are deleted.",
      vocabulary,
      claims: [],
      rubricVersion: "draft",
    });
    expect(result.items.find((item) => item.id === "offsets")?.met).toBe(true);
    expect(result.items.find((item) => item.id === "retention")?.met).toBe(true);
  });

  it("runs on a real question's rubric with the real vocabulary", () => {
    const bank = loadContentBank();
    const question = bank.questions[0]!;
    const preview = previewRubric(fromRubric(question.rubric), bank.vocabulary);
    expect(preview.leftOut).toEqual([]);
    expect(preview.rubric.items).toHaveLength(question.rubric.items.length);
  });
});

describe("isStoredDraft", () => {
  it("accepts what the editor stores and rejects anything else", () => {
    expect(isStoredDraft({ draft: fromRubric(rubric()), savedAt: "2026-01-01T00:00:00.000Z" })).toBe(true);
    expect(isStoredDraft({ draft: { items: [{ ...fromRubric(rubric()).items[0], kind: "maybe" }] }, savedAt: "x" })).toBe(false);
    expect(isStoredDraft({ draft: { items: "no" }, savedAt: "x" })).toBe(false);
    expect(isStoredDraft(null)).toBe(false);
  });
});
