// The raw YAML view: lossless, stable serialisation, and issues that point at the right line.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric } from "@/lib/content/schema";
import { parseRubricYaml, rubricToYaml, type RubricIssue } from "@/lib/rubrics";

const bank = loadContentBank();
const vocabulary = bank.vocabulary;
const isr = bank.questions.find((question) => question.slug === "kafka-isr-and-min-insync")!;

/** 1-based line of the first line containing `needle` (after `from`). */
function lineOf(text: string, needle: string, from = 1): number {
  const index = text.split("\n").findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" not found`);
  return index + 1;
}

function issuesOf(text: string): RubricIssue[] {
  const check = parseRubricYaml(text, vocabulary);
  if (check.ok) throw new Error("expected issues");
  return check.issues;
}

describe("rubricToYaml / parseRubricYaml", () => {
  it.each(bank.questions.map((question) => [question.slug, question.rubric] as const))("round-trips %s losslessly and stably", (_slug, rubric) => {
    const text = rubricToYaml(rubric);
    const check = parseRubricYaml(text, vocabulary);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.rubric).toEqual(rubric);
    expect(rubricToYaml(check.rubric)).toBe(text);
    // Plain YAML readers see the same data.
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(rubric)));
  });

  it("writes items in order and each item's keys in a fixed order", () => {
    const scrambled: Rubric = {
      items: isr.rubric.items.map((item) => {
        const { correction, hint, concept, near, weight, kind, label, id } = item;
        return Object.fromEntries(
          Object.entries({ correction, hint, concept, near, weight, kind, label, id }).filter(([, value]) => value !== undefined),
        ) as Rubric["items"][number];
      }),
    };
    scrambled.items[0] = { ...scrambled.items[0]!, near: 12, correction: "An extra correction on a required item." };
    const text = rubricToYaml(scrambled);
    const keys = text
      .split("\n")
      .filter((line) => /^ {2}- |^ {4}[a-z]+:/.test(line))
      .map((line) => /([a-z]+):/.exec(line)![1]);
    const firstItemKeys = keys.slice(0, keys.indexOf("id", 1));
    expect(firstItemKeys).toEqual(["id", "label", "kind", "weight", "near", "concept", "hint", "correction"]);
    const ids = [...text.matchAll(/^ {2}- id: (.+)$/gm)].map((match) => match[1]);
    expect(ids).toEqual(isr.rubric.items.map((item) => item.id));
    expect(text.startsWith("items:\n  - id: isr-definition\n")).toBe(true);
  });

  it("keeps awkward text intact: colons, hashes, quotes, numbers and yes/no as labels", () => {
    const rubric = structuredClone(isr.rubric);
    rubric.items[0]!.label = "2024";
    rubric.items[1]!.label = "yes";
    rubric.items[2]!.hint = 'Say "acks=all": it waits for the ISR # not every replica.';
    rubric.items[3]!.hint = "- starts like a list item, and: has a colon";
    rubric.items[4]!.concept = ["'single quoted' ... \"double\" | x#y"];
    rubric.items[5]!.hint = "Two lines:\nthe second one is indented in the file.";
    rubric.items[6]!.label = "  padded label  ".trim() + " — with ünïcödé";
    const text = rubricToYaml(rubric);
    const check = parseRubricYaml(text, vocabulary);
    expect(check.ok && check.rubric).toEqual(rubric);
  });

  describe("syntax errors carry the line and column of the mistake", () => {
    const base = rubricToYaml(isr.rubric);
    const kindLine = lineOf(base, "    kind: required"); // the first item's kind

    it("a key indented further than the one above it", () => {
      const text = base.replace("\n    kind: required\n", "\n      kind: required\n");
      const [issue, ...rest] = issuesOf(text);
      expect(rest).toEqual([]);
      expect(issue).toMatchObject({ line: kindLine, column: 7 });
      expect(issue!.message).toBe(`Line ${kindLine}: "kind:" is indented further than "label:" on the line above; keys of the same item must start in the same column.`);
    });

    it("a key indented less than the one above it", () => {
      const text = base.replace("\n    kind: required\n", "\n   kind: required\n");
      const issues = issuesOf(text);
      expect(issues[0]).toMatchObject({ line: kindLine, column: 1 });
      expect(issues[0]!.message).toMatch(new RegExp(`^Line ${kindLine}: this line does not line up with the item above it`));
    });

    it("a pattern list item out of line", () => {
      const second = lineOf(base, "      - ", lineOf(base, "    concept:") + 2);
      const lines = base.split("\n");
      lines[second - 1] = lines[second - 1]!.replace(/^ {6}- /, "     - ");
      const issues = issuesOf(lines.join("\n"));
      expect(issues[0]!.line).toBe(second);
    });

    it("an unterminated quote and a tab", () => {
      const hintLine = lineOf(base, "    hint: ");
      const unterminated = base.split("\n").map((line, index) => (index + 1 === hintLine ? line.replace(/"$/, "") : line)).join("\n");
      expect(issuesOf(unterminated)[0]!.message).toMatch(/^Line \d+: Missing closing "quote\.$/);

      const tabbed = base.replace("\n    kind: required\n", "\n\tkind: required\n");
      expect(issuesOf(tabbed)).toEqual([{ path: "", line: kindLine, column: 1, message: `Line ${kindLine}: indent with spaces, not tabs.` }]);
    });

    it("an unclosed flow list is blamed, not the lines it swallowed", () => {
      const text = base.replace('concept:\n      - "{kafka-isr}', 'concept: ["{kafka-isr}');
      const issues = issuesOf(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message).toMatch(/^Line \d+: a list opened with "\[" is not closed with "\]" before this line\.$/);
    });

    it("the same key twice in one item", () => {
      const text = base.replace("\n    kind: required\n", "\n    kind: required\n    kind: bonus\n");
      const [issue] = issuesOf(text);
      expect(issue).toMatchObject({ line: kindLine + 1 });
      expect(issue!.message).toBe(`Line ${kindLine + 1}: "kind" appears twice in the same mapping; keep one of them.`);
    });
  });

  describe("schema issues carry the line of the value (or of the item when a field is missing)", () => {
    const base = rubricToYaml(isr.rubric);

    it("a weight, a broken pattern, an unknown set and an unknown field", () => {
      const secondItem = lineOf(base, "  - id: lag-time-max");
      const text = base
        .replace(/(- id: lag-time-max\n(?: {4}.*\n)*? {4}weight: )2/, "$1zero")
        .replace('"replica.lag.time.max.ms* | replica lag time max | replica.lag.time*"', '"{replica-lag} | replica lag time max"')
        .replace("  - id: high-watermark\n", "  - id: high-watermark\n    colour: red\n");
      const issues = issuesOf(text);
      expect(issues.map((issue) => [issue.path, issue.line, issue.column])).toEqual([
        ["items.1.weight", lineOf(text, "weight: zero"), 5],
        ["items.1.concept.0", lineOf(text, "{replica-lag}"), 9],
        ["items.4.colour", lineOf(text, "colour: red"), 5],
      ]);
      expect(secondItem).toBe(lineOf(text, "- id: lag-time-max"));
      expect(issues[0]!.message).toBe('Item 2 ("lag-time-max"): weight must be a positive number (got "zero").');
    });

    it("a missing hint points at its item; a rubric-wide issue at items:", () => {
      const text = base.replace(/(  - id: high-watermark\n(?: {4}.*\n| {6}.*\n)*?) {4}hint: .*\n/, "$1");
      const [issue] = issuesOf(text);
      expect(issue).toMatchObject({ path: "items.4.hint", line: lineOf(text, "- id: high-watermark"), column: 5 });

      const fewer = rubricToYaml({ items: isr.rubric.items.slice(0, 2).concat(isr.rubric.items.filter((item) => item.kind === "misconception")) });
      const [count] = issuesOf(fewer);
      expect(count).toMatchObject({ path: "items", line: 1, column: 1 });
    });

    it("an empty document", () => {
      expect(issuesOf("")).toEqual([{ path: "", line: 1, column: 1, message: expect.stringMatching(/^A rubric must be a mapping/) }]);
    });
  });
});
