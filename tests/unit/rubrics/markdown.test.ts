// Export to and import from the question's markdown file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric } from "@/lib/content/schema";
import { replaceRubricInMarkdown, rubricFromMarkdown, RubricExportError, type RubricIssue } from "@/lib/rubrics";
import { questionFile, VALID_RUBRIC } from "../../support/content-fixtures";

const bank = loadContentBank();
const vocabulary = { ...bank.vocabulary, "consumer-word": ["consumer*"] };
const files = bank.questions.map((question) => ({ question, markdown: readFileSync(question.sourcePath, "utf8") }));

/** The file with its top-level `rubric:` block cut out (found by plain line scanning, independent of the code under test). */
function withoutRubricBlock(markdown: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^rubric:/.test(line));
  let end = start + 1;
  while (end < lines.length && !/^(---\s*$|[A-Za-z#])/.test(lines[end]!)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join("\n");
}

/** A real change to every rubric: a weight, a hint and one more pattern. */
function edited(rubric: Rubric): Rubric {
  const copy = structuredClone(rubric);
  const first = copy.items[0]!;
  first.weight = first.weight === 4.5 ? 4 : 4.5;
  first.concept.push("offset ... (edited | changed)");
  const last = copy.items.findLast((item) => item.kind !== "misconception")!;
  last.hint = "An edited hint: say it in one calm sentence.";
  return copy;
}

function issuesOf(markdown: string): RubricIssue[] {
  const check = rubricFromMarkdown(markdown, vocabulary);
  if (check.ok) throw new Error("expected issues");
  return check.issues;
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("replaceRubricInMarkdown on the real question bank", () => {
  it("has all 38 questions", () => expect(files).toHaveLength(38));

  it.each(files.map((file) => [file.question.slug, file] as const))("%s: its own rubric gives back the identical file", (_slug, { question, markdown }) => {
    expect(replaceRubricInMarkdown(markdown, question.rubric)).toBe(markdown);
    const imported = rubricFromMarkdown(markdown, bank.vocabulary);
    expect(imported).toEqual({ ok: true, rubric: question.rubric, slug: question.slug });
  });

  it.each(files.map((file) => [file.question.slug, file] as const))(
    "%s: an edited rubric replaces only the rubric block; restoring it gives a semantically equal file",
    (_slug, { question, markdown }) => {
      const changed = edited(question.rubric);
      const out = replaceRubricInMarkdown(markdown, changed);
      expect(out).not.toBe(markdown);
      expect(withoutRubricBlock(out)).toBe(withoutRubricBlock(markdown));
      expect(rubricFromMarkdown(out, bank.vocabulary)).toEqual({ ok: true, rubric: changed, slug: question.slug });

      const restored = replaceRubricInMarkdown(out, question.rubric);
      expect(withoutRubricBlock(restored)).toBe(withoutRubricBlock(markdown));
      expect(rubricFromMarkdown(restored, bank.vocabulary)).toEqual({ ok: true, rubric: question.rubric, slug: question.slug });
    },
  );

  describe("the question bank loader reads the exported files", () => {
    const dir = mkdtempSync(join(tmpdir(), "offset-rubrics-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("loads every edited question with its new rubric and everything else unchanged", () => {
      cpSync("content", dir, { recursive: true });
      for (const { question, markdown } of files) {
        writeFileSync(join(dir, "questions", `${question.slug}.md`), replaceRubricInMarkdown(markdown, edited(question.rubric)));
      }
      const reloaded = loadContentBank(dir);
      expect(reloaded.problems).toEqual([]);
      expect(reloaded.questions).toHaveLength(38);
      for (const question of bank.questions) {
        const { rubric, contentHash: _hash, sourcePath: _path, ...rest } = reloaded.questions.find((candidate) => candidate.slug === question.slug)!;
        const { rubric: original, contentHash: _h, sourcePath: _p, ...originalRest } = question;
        expect(rubric).toEqual(edited(original));
        expect(rest).toEqual(originalRest);
      }
    });
  });
});

describe("replaceRubricInMarkdown keeps everything around the rubric", () => {
  const rubric = rubricFromMarkdown(questionFile(), vocabulary);
  if (!rubric.ok) throw new Error("fixture rubric should be valid");
  const changed = structuredClone(rubric.rubric);
  changed.items[0]!.weight = 3;

  it("keeps comments, key order, a key after the rubric and the comment above it", () => {
    const original = questionFile({ extraFrontmatter: "# the demo the question links to\n" }).replace(
      "---\nslug:",
      "---\n# Frontmatter: machines read this part.\nslug:",
    );
    // Move rubric before the trailing key, with a top-level comment and blank line between them.
    const withTrailingKey = original.replace(/\n---\n\n## Prompt/, "\n\n# Added later; keep me.\nnotes: kept as is # inline comment\n---\n\n## Prompt");
    const out = replaceRubricInMarkdown(withTrailingKey, changed);
    expect(withoutRubricBlock(out)).toBe(withoutRubricBlock(withTrailingKey));
    expect(out).toContain("# Frontmatter: machines read this part.\n");
    expect(out).toContain("\n\n# Added later; keep me.\nnotes: kept as is # inline comment\n---\n");
    expect(rubricFromMarkdown(out, vocabulary)).toMatchObject({ ok: true, rubric: changed });
  });

  it("writes a multi-line hint as valid, indented YAML", () => {
    const multiLine = structuredClone(changed);
    multiLine.items[1]!.hint = "First line of the hint.\nSecond line: with a colon.";
    const out = replaceRubricInMarkdown(questionFile(), multiLine);
    expect(rubricFromMarkdown(out, vocabulary)).toMatchObject({ ok: true, rubric: multiLine });
  });

  it("adds a rubric block before the closing fence when the file has none", () => {
    const noRubric = questionFile().replace(VALID_RUBRIC, "");
    expect(issuesOf(noRubric)[0]!.message).toMatch(/has no "rubric:" key/);
    const out = replaceRubricInMarkdown(noRubric, changed);
    expect(rubricFromMarkdown(out, vocabulary)).toMatchObject({ ok: true, rubric: changed });
    expect(out.split("\n---\n")[1]).toBe(noRubric.split("\n---\n")[1]); // the body
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const crlf = `\uFEFF${questionFile().replace(/\n/g, "\r\n")}`;
    const out = replaceRubricInMarkdown(crlf, changed);
    expect(out.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(out.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(rubricFromMarkdown(out, vocabulary)).toMatchObject({ ok: true, rubric: changed });
  });

  it("refuses a file whose frontmatter cannot be read, saying why", () => {
    expect(() => replaceRubricInMarkdown("no frontmatter here\n", changed)).toThrow(RubricExportError);
    expect(() => replaceRubricInMarkdown("---\nslug: [broken\n---\nbody\n", changed)).toThrow(/frontmatter cannot be read.*Line \d/);
  });
});

describe("rubricFromMarkdown reports problems at their line in the file", () => {
  it("missing --- fences: line 1", () => {
    expect(issuesOf("slug: x\nrubric:\n  items: []\n")).toEqual([{ path: "", line: 1, message: expect.stringMatching(/^Line 1: missing frontmatter/) }]);
  });

  it("a YAML error: the line in the file, not in the frontmatter", () => {
    const text = questionFile().replace("      weight: 2\n", "      weight: 2\n       near: 5\n");
    const [issue] = issuesOf(text);
    expect(issue!.line).toBe(lineOf(text, "       near: 5"));
    expect(issue!.message).toMatch(new RegExp(`^Line ${issue!.line}: "near:" is indented further than "weight:"`));

    const unclosed = questionFile({ extraFrontmatter: "broken: [unclosed\n" });
    const [flow] = issuesOf(unclosed);
    expect(flow!.line).toBeGreaterThanOrEqual(lineOf(unclosed, "broken:"));
    expect(flow!.line).toBeLessThanOrEqual(lineOf(unclosed, "broken:") + 1);
  });

  it("no rubric key: the closing fence", () => {
    const text = questionFile().replace(VALID_RUBRIC, "");
    const closing = text.split("\n").indexOf("---", 1) + 1;
    expect(issuesOf(text)).toEqual([{ path: "rubric", line: closing, message: expect.stringContaining(`Line ${closing}: the frontmatter has no "rubric:" key`) }]);
  });

  it("schema issues: the line of the value, with the slug", () => {
    const text = questionFile()
      .replace('        - "partition* ... parallel*"', '        - "partition* ... (parallel*"')
      .replace("      weight: 1\n      concept:\n        - \"offset*", "      weight: -1\n      concept:\n        - \"offset*")
      .replace('        - "{consumer-word} ... group*"', '        - "{consumer-wrd} ... group*"');
    const check = rubricFromMarkdown(text, vocabulary);
    expect(check.ok).toBe(false);
    expect(check.slug).toBe("sample-question");
    if (check.ok) return;
    expect(check.issues.map((issue) => [issue.path, issue.line])).toEqual([
      ["items.1.concept.0", lineOf(text, "(parallel*")],
      ["items.2.weight", lineOf(text, "weight: -1")],
      ["items.4.concept.0", lineOf(text, "{consumer-wrd}")],
    ]);
    expect(check.issues[1]!.message).toBe('Item 3 ("offsets"): weight must be a positive number (got -1).');
    expect(check.issues[2]!.message).toMatch(/did you mean \{consumer-word\}\?/);
  });

  it("a missing field: the line of its item", () => {
    const text = questionFile().replace('      hint: "Say that partitions let reads and writes run in parallel."\n', "");
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: "items.1.hint", line: lineOf(text, "- id: partitions") });
  });
});
