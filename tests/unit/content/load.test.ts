import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem, loadContentBank } from "@/lib/content/load";
import { makeContentDir, questionFile, VALID_RUBRIC } from "../../support/content-fixtures";

/** Line (1-based) of the first line containing `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("loadContentBank", () => {
  it("loads a valid question with its parsed body", () => {
    const dir = makeContentDir({ "sample-question.md": questionFile() });
    const bank = loadContentBank(dir);
    expect(bank.problems).toEqual([]);
    expect(bank.questions).toHaveLength(1);
    const [question] = bank.questions;
    expect(question).toMatchObject({ slug: "sample-question", track: "kafka", level: "warm-up", demo: "cluster-tour" });
    expect(question!.prompt).toBe("What is Kafka?");
    expect(question!.keyPoints).toEqual(["It is a log.", "It has partitions."]);
    expect(question!.followUps).toEqual(["What is an offset?"]);
    expect(question!.rubric.items).toHaveLength(6);
    expect(question!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports invalid YAML with the file and line", () => {
    const text = questionFile({ extraFrontmatter: "broken: [unclosed\n" });
    const dir = makeContentDir({ "sample-question.md": text });
    const bank = loadContentBank(dir);
    expect(bank.questions).toHaveLength(0);
    expect(bank.problems[0]!.path).toMatch(/questions\/sample-question\.md$/);
    expect(bank.problems[0]!.message).toMatch(/^invalid YAML/);
    expect(bank.problems[0]!.line).toBeGreaterThanOrEqual(lineOf(text, "broken:"));
  });

  it("names a missing field", () => {
    const text = questionFile().replace(/^timeBudgetMinutes: 4\n/m, "");
    const bank = loadContentBank(makeContentDir({ "sample-question.md": text }));
    expect(bank.problems.map((problem) => problem.message)).toContain('missing field "timeBudgetMinutes"');
  });

  it("points at an unknown level on its own line", () => {
    const text = questionFile({ level: "expert" });
    const [problem] = loadContentBank(makeContentDir({ "sample-question.md": text })).problems;
    expect(problem!.line).toBe(lineOf(text, "level: expert"));
    expect(problem!.message).toMatch(/^level: must be one of: warm-up, stepping-up/);
  });

  it("points at an unknown demo scenario", () => {
    const text = questionFile({ demo: "no-such-demo" });
    const [problem] = loadContentBank(makeContentDir({ "sample-question.md": text })).problems;
    expect(problem!.line).toBe(lineOf(text, "demo: no-such-demo"));
    expect(problem!.message).toMatch(/unknown demo scenario/);
  });

  it("rejects an unknown track and a slug that differs from the file name", () => {
    const text = questionFile({ track: "golang", slug: "other-slug" });
    const problems = loadContentBank(makeContentDir({ "sample-question.md": text })).problems.map(formatProblem);
    expect(problems.some((line) => line.includes(`:${lineOf(text, "track: golang")}: unknown track "golang"`))).toBe(true);
    expect(problems.some((line) => line.includes(`:${lineOf(text, "slug: other-slug")}: slug "other-slug" must match the file name`))).toBe(true);
  });

  it("reports both files of a duplicate slug and keeps neither", () => {
    const dir = makeContentDir({
      "sample-question.md": questionFile(),
      "copy.md": questionFile(),
    });
    const bank = loadContentBank(dir);
    expect(bank.questions).toHaveLength(0);
    const duplicates = bank.problems.filter((problem) => problem.message.startsWith('duplicate slug "sample-question"'));
    expect(duplicates.map((problem) => problem.path.split("/").pop()).sort()).toEqual(["copy.md", "sample-question.md"]);
  });

  it("keeps valid files when another file is broken", () => {
    const dir = makeContentDir({
      "sample-question.md": questionFile(),
      "broken-one.md": "no frontmatter here\n",
    });
    const bank = loadContentBank(dir);
    expect(bank.questions.map((question) => question.slug)).toEqual(["sample-question"]);
    expect(bank.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/^missing frontmatter/) })]);
  });

  it("validates rubric patterns and synonym sets with their lines", () => {
    const rubric = VALID_RUBRIC.replace('"partition* ... parallel*"', '"partition* ... "').replace("{consumer-word}", "{no-such-set}");
    const text = questionFile({ rubric });
    const messages = loadContentBank(makeContentDir({ "sample-question.md": text })).problems;
    const emptyTerm = messages.find((problem) => problem.message.includes("is empty"));
    expect(emptyTerm?.line).toBe(lineOf(text, '"partition* ... "'));
    const unknownSet = messages.find((problem) => problem.message.includes("{no-such-set}"));
    expect(unknownSet?.line).toBe(lineOf(text, "{no-such-set}"));
  });

  it("requires a misconception item and a correction for it", () => {
    const noMisconception = VALID_RUBRIC.replace("kind: misconception", "kind: bonus");
    const problems = loadContentBank(makeContentDir({ "sample-question.md": questionFile({ rubric: noMisconception }) })).problems;
    expect(problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining(["rubric.items: a rubric needs at least one misconception item", "rubric.items.5.hint: a bonus item needs a hint"]),
    );
  });

  it("reports missing and unknown body sections", () => {
    const body = "\n## Prompt\n\nWhat?\n\n## Model answer\n\nThis.\n\n## Trivia\n\nNope.\n";
    const text = questionFile({ body });
    const messages = loadContentBank(makeContentDir({ "sample-question.md": text })).problems.map((problem) => `${problem.line}:${problem.message}`);
    expect(messages).toContain(`${lineOf(text, "## Trivia")}:unknown section "## Trivia" (expected: Prompt, Model answer, Key points, Follow-ups)`);
    expect(messages.some((message) => message.endsWith('missing section "## Key points"'))).toBe(true);
  });

  it("limits follow-ups to three", () => {
    const body = "\n## Prompt\n\nQ\n\n## Model answer\n\nA\n\n## Key points\n\n- a\n- b\n\n## Follow-ups\n\n- 1\n- 2\n- 3\n- 4\n";
    const [problem] = loadContentBank(makeContentDir({ "sample-question.md": questionFile({ body }) })).problems;
    expect(problem!.message).toBe("follow-ups must be a bullet list of 1 to 3 items (found 4)");
  });
});

describe("catalogue claims' unless terms", () => {
  const claimFile = (unless: string) =>
    [
      "track: kafka",
      "claims:",
      "  - id: replays-harmless",
      "    topic: exactly-once",
      "    claim: Replays are harmless because exactly-once stops side effects repeating",
      "    correction: Exactly-once covers Kafka writes and offsets; replayed side effects repeat unless they are idempotent.",
      "    concept:",
      '      - "replay* ... harmless"',
      "    unless:",
      `      - "${unless}"`,
      "    says:",
      '      - "With exactly-once on, replays are harmless."',
      "    nearMiss:",
      '      - "Writes are idempotent upserts, so replays are harmless."',
      "",
    ].join("\n");
  const load = (unless: string) => {
    const dir = makeContentDir({ "sample-question.md": questionFile() });
    mkdirSync(join(dir, "claims"), { recursive: true });
    writeFileSync(join(dir, "claims", "sample.yml"), claimFile(unless));
    return loadContentBank(dir);
  };

  it("are checked like concept patterns: a set must exist, and one term only", () => {
    expect(load("(idempotent | {consumer-word})").claims.map((claim) => claim.id)).toEqual(["replays-harmless"]);
    expect(load("{no-such-set}").problems.map(formatProblem).join("\n")).toMatch(/sample\.yml:\d+.*unknown synonym set \{no-such-set\}/);
    expect(load("idempotent ... upsert").problems.map(formatProblem).join("\n")).toMatch(/one term: no "\.\.\."/);
  });
});
