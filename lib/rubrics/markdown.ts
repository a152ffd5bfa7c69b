// Export to and import from a question's markdown file. Export replaces only the frontmatter's
// `rubric:` block; every other key, comment and the body stay byte for byte. Import reports problems
// with the line in the markdown file. Parsing reuses lib/content/frontmatter.ts, the same splitter
// the question bank loader uses. Browser-safe.
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { splitFrontmatter } from "@/lib/content/frontmatter";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { checkRubricDraft, stripSegments, type RubricCheck, type RubricIssue } from "./validate";
import { rubricToYaml, yamlSyntaxIssues } from "./yaml";

export class RubricExportError extends Error {
  constructor(
    message: string,
    readonly issues: RubricIssue[],
  ) {
    super(message);
  }
}

/**
 * The question file with its frontmatter `rubric:` block replaced by `rubric` (formatted as
 * rubricToYaml does). When the file's rubric already equals `rubric`, the file comes back unchanged,
 * so exporting an untouched rubric never reformats it. Comments inside the old rubric block go with it;
 * comments and blank lines before the next key stay. Throws RubricExportError when the file has no
 * readable frontmatter.
 */
export function replaceRubricInMarkdown(markdown: string, rubric: Rubric): string {
  const bom = markdown.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = markdown.slice(bom.length);
  const split = splitFrontmatter("", text);
  if (Array.isArray(split)) {
    const issues = split.map((problem) => ({ path: "", line: problem.line, message: `Line ${problem.line}: ${problem.message}` }));
    throw new RubricExportError(`The question file's frontmatter cannot be read, so the rubric was not written: ${issues.map((issue) => issue.message).join("; ")}`, issues);
  }
  const current = (split.data as { rubric?: unknown } | null)?.rubric;
  if (current !== undefined && deepEqual(current, rubric)) return markdown;

  const newline = /^---\r\n/.test(text) ? "\r\n" : "\n";
  const lines = text.split(/\n/); // "\r" stays at the end of each line in a CRLF file
  const closing = closingFenceIndex(lines);
  const block = ["rubric:", ...rubricToYaml(rubric).replace(/\n$/, "").split("\n").map((line) => (line ? `  ${line}` : line))].map(
    (line) => (newline === "\r\n" ? `${line}\r` : line),
  );

  const contents = split.doc.contents;
  if (!isMap(contents) || contents.flow) {
    throw new RubricExportError("The question file's frontmatter is not a block of keys, so the rubric was not written.", []);
  }
  // Node offsets are relative to the frontmatter text, which starts on line index 1.
  const yamlText = lines.slice(1, closing).join("\n");
  const lineIndexAt = (offset: number) => 1 + (yamlText.slice(0, offset).match(/\n/g)?.length ?? 0);
  const keyLine = (key: unknown) => (isScalar(key) && key.range ? lineIndexAt(key.range[0]) : undefined);

  const pairIndex = contents.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "rubric");
  let start = closing; // 0-based index into lines
  let end = closing; // exclusive
  if (pairIndex !== -1) {
    start = keyLine(contents.items[pairIndex]!.key) ?? closing;
    const next = contents.items[pairIndex + 1];
    end = next ? (keyLine(next.key) ?? closing) : closing;
    // Blank lines and top-level comments just before the next key belong to it, not to the rubric.
    while (end - 1 > start && /^(\s*|#.*)\r?$/.test(lines[end - 1]!)) end--;
  }
  return bom + [...lines.slice(0, start), ...block, ...lines.slice(end)].join("\n");
}

/** 0-based index of the closing "---" line (the frontmatter starts at line index 1). */
function closingFenceIndex(lines: string[]): number {
  for (let index = 1; index < lines.length; index++) if (/^---[ \t]*\r?$/.test(lines[index]!)) return index;
  return lines.length;
}

/**
 * Imports the rubric from a question file's frontmatter. Every issue carries the 1-based line in the
 * markdown file: missing fences, YAML errors, no `rubric:` key, and schema issues at the offending line.
 */
export function rubricFromMarkdown(markdown: string, vocabulary: Vocabulary): RubricCheck & { slug?: string } {
  const text = markdown.replace(/^\uFEFF/, "");
  const split = splitFrontmatter("", text);
  if (Array.isArray(split)) return { ok: false, issues: frontmatterIssues(text, split) };

  const data = split.data as Record<string, unknown> | null;
  const slug = data && typeof data.slug === "string" ? data.slug : undefined;
  const withSlug = <T extends object>(value: T) => (slug === undefined ? value : { ...value, slug });
  if (!data || typeof data !== "object" || Array.isArray(data) || !("rubric" in data)) {
    const line = split.bodyLine - 1;
    return withSlug({
      ok: false as const,
      issues: [{ path: "rubric", line, message: `Line ${line}: the frontmatter has no "rubric:" key; add one with an items list before the closing "---".` }],
    });
  }
  const { rubric, issues } = checkRubricDraft(data.rubric, vocabulary);
  if (rubric) return withSlug({ ok: true as const, rubric });
  return withSlug({
    ok: false as const,
    issues: issues.map((issue) => ({ ...stripSegments(issue), line: split.lineOf(["rubric", ...issue.segments]) })),
  });
}

/** Problems from splitFrontmatter as issues; YAML errors are re-read for the same line-accurate messages as the YAML view. */
function frontmatterIssues(text: string, problems: Array<{ line: number; message: string }>): RubricIssue[] {
  const lines = text.split("\n");
  const closing = closingFenceIndex(lines);
  if (/^---[ \t]*\r?$/.test(lines[0] ?? "") && closing < lines.length) {
    const yamlText = lines.slice(1, closing).join("\n");
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) return yamlSyntaxIssues(doc.errors, yamlText, lineCounter, 1);
  }
  return problems.map((problem) => ({ path: "", line: problem.line, message: `Line ${problem.line}: ${problem.message}` }));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, index) => deepEqual(value, b[index]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
    return keysA.length === keysB.length && keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}
