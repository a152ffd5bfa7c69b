// Editor helpers: pure, never mutating their input.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import {
  duplicateItem,
  issuesForField,
  issuesForItem,
  moveItem,
  newItem,
  removeItem,
  rubricLevelIssues,
  uniqueId,
  validateRubricDraft,
  type Rubric,
} from "@/lib/rubrics";

const bank = loadContentBank();
const rubric: Rubric = bank.questions.find((question) => question.slug === "kafka-isr-and-min-insync")!.rubric;
const ids = (value: Rubric) => value.items.map((item) => item.id);
const frozen = () => structuredClone(rubric);

describe("newItem", () => {
  it("gives each kind an unused id and the field it needs, left empty for the author to fill", () => {
    const required = newItem("required", []);
    expect(required).toEqual({ id: "new-required-point", label: "New required point", kind: "required", weight: 2, concept: [""], hint: "" });
    expect(newItem("required", ["new-required-point", "new-required-point-2"]).id).toBe("new-required-point-3");
    expect(newItem("bonus", []).weight).toBe(1);
    const misconception = newItem("misconception", ["new-misconception"]);
    expect(misconception).toMatchObject({ id: "new-misconception-2", kind: "misconception", correction: "" });
    expect(misconception).not.toHaveProperty("hint");
  });

  it("added to a valid rubric, is flagged exactly where the author must type", () => {
    const draft = { items: [...rubric.items.slice(0, 11), newItem("required", ids(rubric))] };
    const check = validateRubricDraft(draft, bank.vocabulary);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => [issue.itemIndex, issue.field])).toEqual([
      [11, "concept"],
      [11, "hint"],
    ]);
  });
});

describe("moveItem, removeItem, duplicateItem", () => {
  it("moves an item without touching the original", () => {
    const original = frozen();
    const moved = moveItem(original, 0, 2);
    expect(ids(moved)).toEqual([ids(rubric)[1], ids(rubric)[2], ids(rubric)[0], ...ids(rubric).slice(3)]);
    expect(original).toEqual(rubric);
    expect(ids(moveItem(original, 3, 0))[0]).toBe(ids(rubric)[3]);
    expect(ids(moveItem(original, 0, 99)).at(-1)).toBe(ids(rubric)[0]);
    expect(moveItem(original, 2, 2)).toBe(original);
    expect(moveItem(original, -1, 2)).toBe(original);
  });

  it("removes an item by index", () => {
    const original = frozen();
    const removed = removeItem(original, 1);
    expect(ids(removed)).toEqual(ids(rubric).filter((_, index) => index !== 1));
    expect(original.items).toHaveLength(rubric.items.length);
    expect(removeItem(original, 50)).toBe(original);
  });

  it("duplicates an item right after itself with a fresh id, and the copy validates once the id is unique", () => {
    const original = frozen();
    const duplicated = duplicateItem(original, 2);
    const copy = duplicated.items[3]!;
    expect(copy).toEqual({ ...rubric.items[2], id: `${rubric.items[2]!.id}-copy`, label: `${rubric.items[2]!.label} (copy)` });
    expect(copy.concept).not.toBe(original.items[2]!.concept);
    expect(ids(duplicateItem(duplicated, 2))[3]).toBe(`${rubric.items[2]!.id}-copy-2`);
    expect(original).toEqual(rubric);
    expect(validateRubricDraft(duplicated, bank.vocabulary).ok).toBe(true);
  });

  it("uniqueId counts up from 2", () => {
    expect(uniqueId("a", [])).toBe("a");
    expect(uniqueId("a", ["a", "a-2"])).toBe("a-3");
  });
});

describe("issue filters", () => {
  const broken = frozen() as unknown as { items: Array<Record<string, unknown>> };
  broken.items[1]!.weight = 0;
  broken.items[1]!.hint = "short";
  (broken.items[2]!.concept as string[])[0] = "(oops";
  broken.items = broken.items.filter((item) => item.kind !== "misconception");
  const check = validateRubricDraft(broken, bank.vocabulary);
  const issues = check.ok ? [] : check.issues;

  it("split issues by item, by field and for the rubric as a whole", () => {
    expect(issuesForItem(issues, 1).map((issue) => issue.field)).toEqual(["weight", "hint"]);
    expect(issuesForField(issues, 1, "weight").map((issue) => issue.path)).toEqual(["items.1.weight"]);
    expect(issuesForField(issues, 2, "concept").map((issue) => issue.path)).toEqual(["items.2.concept.0"]);
    expect(issuesForField(issues, 0, "weight")).toEqual([]);
    expect(rubricLevelIssues(issues).map((issue) => issue.message)).toEqual([expect.stringMatching(/at least one misconception/)]);
  });
});
