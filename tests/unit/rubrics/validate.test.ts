// validateRubricDraft: every problem at once, each naming the item (number and id) and the field.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { rubricSchema, type Rubric } from "@/lib/content/schema";
import { validateRubricDraft, type RubricIssue } from "@/lib/rubrics";

const bank = loadContentBank();
const vocabulary = bank.vocabulary;
const source = bank.questions.find((question) => question.slug === "kafka-isr-and-min-insync")!;

/** A fresh, mutable copy of a real rubric from the bank (12 items: required, bonus, misconceptions). */
function draft(): { items: Array<Record<string, unknown>> } {
  return structuredClone(source.rubric) as unknown as { items: Array<Record<string, unknown>> };
}

function issuesOf(input: unknown): RubricIssue[] {
  const check = validateRubricDraft(input, vocabulary);
  if (check.ok) throw new Error("expected the draft to be invalid");
  return check.issues;
}

function onlyIssue(input: unknown): RubricIssue {
  const issues = issuesOf(input);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return issues[0]!;
}

describe("validateRubricDraft", () => {
  it("accepts every rubric in the question bank and returns what the schema returns", () => {
    expect(bank.questions).toHaveLength(38);
    for (const question of bank.questions) {
      const check = validateRubricDraft(structuredClone(question.rubric), vocabulary);
      expect(check.ok, question.slug).toBe(true);
      if (check.ok) expect(check.rubric).toEqual(rubricSchema.parse(question.rubric));
    }
  });

  it("names item and field for a weight that is not a positive number", () => {
    for (const [weight, got] of [[0, "0"], [-1, "-1"], ["2", '"2"'], [Number.NaN, "not a number"]] as const) {
      const rubric = draft();
      rubric.items[2]!.weight = weight;
      const issue = onlyIssue(rubric);
      expect(issue).toMatchObject({ path: "items.2.weight", itemIndex: 2, field: "weight" });
      expect(issue.message).toBe(`Item 3 ("acks-all-current-isr"): weight must be a positive number (got ${got}).`);
    }
    const rubric = draft();
    rubric.items[0]!.weight = 7;
    expect(onlyIssue(rubric).message).toBe('Item 1 ("isr-definition"): weight must be at most 5 (got 7).');
    delete rubric.items[0]!.weight;
    expect(onlyIssue(rubric)).toMatchObject({ path: "items.0.weight", message: 'Item 1 ("isr-definition"): weight must be a positive number.' });
  });

  it("points at the exact pattern that does not parse, with the parser's reason", () => {
    const rubric = draft();
    (rubric.items[1]!.concept as string[])[1] = "(30 seconds | 30 s ... follower*";
    const issue = onlyIssue(rubric);
    expect(issue).toMatchObject({ path: "items.1.concept.1", itemIndex: 1, field: "concept" });
    expect(issue.message).toMatch(/^Item 2 \("lag-time-max"\): pattern 2 cannot be read: unbalanced parentheses in "\(30 seconds \| 30 s"\.$/);

    const single = draft();
    single.items[4]!.concept = ["  "];
    expect(onlyIssue(single)).toMatchObject({ path: "items.4.concept.0", message: 'Item 5 ("high-watermark"): the pattern is empty.' });
    single.items[4]!.concept = [];
    expect(onlyIssue(single)).toMatchObject({ path: "items.4.concept", field: "concept" });
    expect(onlyIssue(single).message).toMatch(/^Item 5 \("high-watermark"\): needs at least one pattern/);
  });

  it("reports an unknown synonym set and suggests the nearest known one", () => {
    const rubric = draft();
    (rubric.items[0]!.concept as string[])[0] = "{kafka-iss} ... caught up";
    // Appended after the rubric's own patterns, however many the rubric holds today.
    const patterns = rubric.items[3]!.concept as string[];
    patterns.push("{no-such-set-anywhere}");
    const added = patterns.length - 1;
    const [typo, unknown] = issuesOf(rubric);
    expect(typo).toMatchObject({ path: "items.0.concept.0", itemIndex: 0, field: "concept" });
    expect(typo!.message).toBe('Item 1 ("isr-definition"): pattern 1 uses {kafka-iss}, which is not a synonym set (did you mean {kafka-isr}?).');
    expect(unknown).toMatchObject({ path: `items.3.concept.${added}`, itemIndex: 3, field: "concept" });
    expect(unknown!.message).toMatch(new RegExp(`^Item 4 \\("min-isr-not-enough"\\): pattern ${added + 1} uses \\{no-such-set-anywhere\\}, which is not a synonym set \\(sets are defined in content/vocabulary`));
  });

  it("flags the second of two items with the same id and names the first", () => {
    const rubric = draft();
    rubric.items[5]!.id = "isr-definition";
    const issue = onlyIssue(rubric);
    expect(issue).toMatchObject({ path: "items.5.id", itemIndex: 5, field: "id" });
    expect(issue.message).toBe('Item 6 ("isr-definition"): id "isr-definition" is already used by item 1; every item needs its own id.');
  });

  it("asks for a hint on required and bonus items and a correction on misconceptions", () => {
    const rubric = draft();
    const misconception = rubric.items.findIndex((item) => item.kind === "misconception");
    const bonus = rubric.items.findIndex((item) => item.kind === "bonus");
    delete rubric.items[0]!.hint;
    rubric.items[bonus]!.hint = "   ";
    delete rubric.items[misconception]!.correction;
    const issues = issuesOf(rubric);
    expect(issues.map((issue) => [issue.path, issue.field])).toEqual([
      ["items.0.hint", "hint"],
      [`items.${bonus}.hint`, "hint"],
      [`items.${misconception}.correction`, "correction"],
    ]);
    expect(issues[0]!.message).toMatch(/^Item 1 \("isr-definition"\): a required item needs a hint/);
    expect(issues[1]!.message).toMatch(new RegExp(`^Item ${bonus + 1} \\("${rubric.items[bonus]!.id}"\\): a bonus item needs a hint`));
    expect(issues[2]!.message).toMatch(new RegExp(`^Item ${misconception + 1} \\("${rubric.items[misconception]!.id}"\\): a misconception needs a correction`));
  });

  it("needs at least one required item and one misconception", () => {
    const noRequired = draft();
    for (const item of noRequired.items) if (item.kind === "required") item.kind = "bonus";
    const issue = onlyIssue(noRequired);
    expect(issue).toMatchObject({ path: "items", message: expect.stringMatching(/^A rubric needs at least one required item/) });
    expect(issue.itemIndex).toBeUndefined();

    const noMisconception = draft();
    noMisconception.items = noMisconception.items.filter((item) => item.kind !== "misconception");
    expect(issuesOf(noMisconception).map((issue) => issue.message)).toContainEqual(expect.stringMatching(/^A rubric needs at least one misconception item/));
  });

  it("counts items: at least 6, at most 12", () => {
    const few = draft();
    few.items = [...few.items.slice(0, 4), few.items.at(-1)!];
    expect(onlyIssue(few)).toMatchObject({ path: "items", message: "A rubric needs at least 6 items; this one has 5." });

    const many = draft();
    while (many.items.length < 13) many.items.push({ ...many.items[0]!, id: `extra-${many.items.length}` });
    expect(onlyIssue(many)).toMatchObject({ path: "items", message: "A rubric has at most 12 items; this one has 13." });
  });

  it("explains ids, labels, kinds, near and unknown fields", () => {
    const rubric = draft();
    rubric.items[0]!.id = "ISR Definition";
    delete rubric.items[1]!.label;
    rubric.items[2]!.kind = "optional";
    rubric.items[3]!.near = 200;
    rubric.items[4]!.weigth = 2;
    const issues = issuesOf(rubric);
    expect(issues.map((issue) => [issue.path, issue.itemIndex, issue.field])).toEqual([
      ["items.0.id", 0, "id"],
      ["items.1.label", 1, "label"],
      ["items.2.kind", 2, "kind"],
      ["items.3.near", 3, "near"],
      ["items.4.weigth", 4, "weigth"],
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      'Item 1 ("ISR Definition"): id "ISR Definition" must be lowercase letters and digits joined by single hyphens, e.g. "acks-all".',
      'Item 2 ("lag-time-max"): needs a label: a short description of the point.',
      'Item 3 ("acks-all-current-isr"): kind must be required, bonus or misconception (got "optional").',
      'Item 4 ("min-isr-not-enough"): near must be a whole number of words from 2 to 80 (got 200).',
      'Item 5 ("high-watermark"): "weigth" is not an item field (the fields are id, label, kind, weight, near, concept, hint, correction).',
    ]);
  });

  it("reports every problem at once, including rubric-wide ones the schema skips once an item has a wrong type", () => {
    const rubric = draft();
    rubric.items[1]!.weight = "heavy";
    rubric.items[3]!.id = "isr-definition";
    (rubric.items[6]!.concept as string[])[0] = "a ... ";
    const issues = issuesOf(rubric);
    expect(issues.map((issue) => issue.path)).toEqual(["items.1.weight", "items.6.concept.0", "items.3.id"]);
    // zod alone stops before the duplicate-id rule once a value has the wrong type:
    const zodPaths = rubricSchema.safeParse(rubric).error!.issues.map((issue) => issue.path.join("."));
    expect(zodPaths).not.toContain("items.3.id");
  });

  it("handles input that is not a rubric at all", () => {
    expect(onlyIssue(null)).toMatchObject({ path: "", message: expect.stringMatching(/^A rubric must be a mapping/) });
    expect(onlyIssue({ items: "none" })).toMatchObject({ path: "items", message: "items must be a list of rubric items." });
    expect(onlyIssue({ rubric: { items: [] } })).toMatchObject({ path: "rubric", message: expect.stringMatching(/^Start at "items:"/) });
    const issues = issuesOf({ item: [] });
    expect(issues.map((issue) => issue.path)).toEqual(["item", "items"]);
    const notAnItem = draft();
    notAnItem.items[2] = "acks" as unknown as Record<string, unknown>;
    expect(issuesOf(notAnItem)[0]).toMatchObject({ path: "items.2", itemIndex: 2, message: expect.stringMatching(/^Item 3 must be a mapping of fields/) });
  });

  it("agrees with the schema on what is valid, for every case above and its fix", () => {
    const cases: unknown[] = [];
    const mutations: Array<(items: Array<Record<string, unknown>>) => void> = [
      (items) => void (items[0]!.weight = 0),
      (items) => void (items[0]!.weight = 5),
      (items) => void (items[1]!.near = 2),
      (items) => void (items[1]!.near = 1.5),
      (items) => void (items[2]!.label = "ab"),
      (items) => void (items[2]!.label = "abc"),
      (items) => void (items[3]!.hint = "Too sho"),
      (items) => void (items[3]!.hint = "Long enough"),
      (items) => void (items[4]!.correction = "Extra sentence on a required item."),
      (items) => void (items[5]!.kind = "bonus"),
      (items) => void items.splice(6, 1),
      (items) => void (items.find((item) => item.kind === "misconception")!.hint = ""),
      (items) => void (items.find((item) => item.kind === "misconception")!.hint = null),
      (items) => void (items[0]!.near = null),
      (items) => void (items[0]!.weight = Number.POSITIVE_INFINITY),
      (items) => void (items[0]!.label = "   x  "),
      (items) => void (items[0]!.concept = "not a list"),
      (items) => void (items[0]!.concept = [42]),
      (items) => void (items[0]!.id = ""),
    ];
    for (const mutate of mutations) {
      const rubric = draft();
      mutate(rubric.items);
      cases.push(rubric);
    }
    for (const input of cases) {
      const check = validateRubricDraft(input, vocabulary);
      expect(check.ok, JSON.stringify(check.ok ? "" : check.issues)).toBe(rubricSchema.safeParse(input).success);
      // Never the generic fallback: every issue names its item in our own words.
      if (!check.ok) {
        for (const issue of check.issues) {
          expect(issue.message).toMatch(/^(Item \d+( \("[^"]+"\))?: |A rubric )/);
          expect(issue.message).not.toMatch(/\): (id|label|kind|weight|near|concept|hint|correction): |Invalid input|Too (small|big)/);
        }
      }
      if (check.ok) expect(check.rubric).toEqual(rubricSchema.parse(input) as Rubric);
    }
  });
});
