// The raw YAML view of a rubric: a stable, readable serialisation, and parsing that reports syntax and
// schema problems with the line and column they come from. Browser-safe.
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Rubric, RubricItem, Vocabulary } from "@/lib/content/schema";
import { checkRubricDraft, RUBRIC_ITEM_FIELDS, stripSegments, type LocatedIssue, type RubricCheck, type RubricIssue } from "./validate";

/**
 * The rubric as YAML: `items:` in order, each item's keys in a fixed order (id, label, kind, weight,
 * near, concept, hint, correction), concept patterns double-quoted, no line folding. The same rubric
 * always gives the same text, so versions diff cleanly.
 */
export function rubricToYaml(rubric: Rubric): string {
  const doc = new Document({ items: rubric.items.map(orderedItem) });
  rubric.items.forEach((_, index) => {
    const concept = doc.getIn(["items", index, "concept"], true);
    if (isSeq(concept)) for (const pattern of concept.items) if (isScalar(pattern)) pattern.type = "QUOTE_DOUBLE";
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function orderedItem(item: RubricItem): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const field of RUBRIC_ITEM_FIELDS) {
    const value = item[field];
    if (value !== undefined) ordered[field] = field === "concept" ? [...(value as string[])] : value;
  }
  return ordered;
}

/** Parses the raw YAML view; syntax errors and schema issues carry 1-based line and column. */
export function parseRubricYaml(text: string, vocabulary: Vocabulary): RubricCheck {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false, issues: yamlSyntaxIssues(doc.errors, text, lineCounter) };
  const { rubric, issues } = checkRubricDraft(doc.toJS() ?? null, vocabulary);
  if (rubric) return { ok: true, rubric };
  return {
    ok: false,
    issues: issues.map((issue) => ({ ...stripSegments(issue), ...positionOf(doc, issue, lineCounter) })),
  };
}

/** Where a value (or, for a field, its key) sits in the document; a missing field points at its item. */
export function positionOf(doc: Document.Parsed, issue: LocatedIssue, lineCounter: LineCounter): { line: number; column: number } {
  const { segments } = issue;
  for (let depth = segments.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(segments.slice(0, depth - 1), true);
    const last = segments[depth - 1];
    let node: unknown;
    if (isMap(parent)) {
      const pair = parent.items.find((candidate) => keyName(candidate.key) === String(last));
      node = pair ? (pair.key ?? pair.value) : undefined;
    } else if (isSeq(parent) && typeof last === "number") {
      node = parent.items[last];
    }
    if (isNode(node) && node.range) return toPosition(lineCounter, node.range[0]);
  }
  if (isNode(doc.contents) && doc.contents.range) return toPosition(lineCounter, doc.contents.range[0]);
  return { line: 1, column: 1 };
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The YAML syntax error to show, as an issue. Only one: after the first mistake the parser's view of
 * the indentation is off, so the errors that follow are mostly echoes of it. An unclosed "[" or "{" is
 * reported in preference, since it is what makes everything after it unreadable.
 * `lineOffset` shifts lines when the YAML sits inside a larger file (frontmatter starts on line 2).
 */
export function yamlSyntaxIssues(errors: readonly YAMLError[], text: string, lineCounter: LineCounter, lineOffset = 0): RubricIssue[] {
  const error = errors.find((candidate) => UNCLOSED_FLOW.test(candidate.message)) ?? errors[0];
  if (!error) return [];
  const lines = text.split(/\r?\n/);
  const start = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  let line = start.line;
  let column = start.col;
  let message = friendlyYamlMessage(error);
  const overIndented = error.code === "BLOCK_AS_IMPLICIT_KEY" || error.code === "MULTILINE_IMPLICIT_KEY" ? overIndentedLineAfter(lines, line) : undefined;
  if (overIndented) ({ line, column, message } = overIndented);
  if (error.code === "DUPLICATE_KEY") {
    const key = /^["']?([^"':\s]+)["']?\s*:/.exec(lines[line - 1]?.slice(column - 1) ?? "")?.[1];
    if (key) message = `"${key}" appears twice in the same mapping; keep one of them.`;
  }
  return [{ path: "", line: line + lineOffset, column, message: `Line ${line + lineOffset}: ${message}` }];
}

const UNCLOSED_FLOW = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a/;

function friendlyYamlMessage(error: YAMLError): string {
  const raw = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "");
  const unclosed = UNCLOSED_FLOW.exec(raw);
  if (unclosed) return unclosed[1] === "sequence" ? 'a list opened with "[" is not closed with "]" before this line.' : 'a mapping opened with "{" is not closed with "}" before this line.';
  switch (error.code) {
    case "BAD_INDENT":
      return "the indentation does not line up with the lines above; the keys of one item must start in the same column.";
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs.";
    case "DUPLICATE_KEY":
      return "the same key appears twice in one mapping; keep one of them.";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      if (/flow/i.test(raw)) return `${raw.replace(/\.$/, "")}.`;
      return "a key and its value belong on one line; check the indentation of this line and the next.";
    case "MISSING_CHAR":
      if (/without - indicator/.test(raw)) return 'this line does not line up with the item above it: the keys of an item start in the same column, and a new item starts with "- ".';
      return `${raw.replace(/\.$/, "")}.`;
    default:
      return `${raw.replace(/\.$/, "")}.`;
  }
}

const KEY_LINE = /^(\s*)(-\s+)?([^\s#:'"-][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)/;

/**
 * "label: x" followed by a line indented further that holds another key (e.g. "     kind: required")
 * is read by YAML as one multi-line key, and the parser blames the first line. The mistake is the
 * second line's indentation, so point there.
 */
function overIndentedLineAfter(lines: string[], line: number): { line: number; column: number; message: string } | undefined {
  const current = lines[line - 1];
  const currentKey = current === undefined ? null : KEY_LINE.exec(current);
  if (!currentKey || !/:\s+[^\s|>#]/.test(current!)) return undefined; // needs a key with an inline value
  const keyColumn = currentKey[1]!.length + (currentKey[2]?.length ?? 0);
  for (let next = line; next < lines.length; next++) {
    const text = lines[next]!;
    if (text.trim() === "" || text.trim().startsWith("#")) continue;
    const nextKey = KEY_LINE.exec(text);
    const indent = text.length - text.trimStart().length;
    if (!nextKey || nextKey[2] || indent <= keyColumn) return undefined;
    return {
      line: next + 1,
      column: indent + 1,
      message: `"${nextKey[3]}:" is indented further than "${currentKey[3]}:" on the line above; keys of the same item must start in the same column.`,
    };
  }
  return undefined;
}
