// Reads the human part of a question file: four "## " sections in a fixed vocabulary.
import { BODY_SECTIONS } from "./schema";
import type { ContentProblem } from "./frontmatter";

export interface QuestionBody {
  prompt: string;
  modelAnswer: string;
  keyPoints: string[];
  followUps: string[];
}

type SectionName = (typeof BODY_SECTIONS)[number];

export function parseBody(path: string, body: string, firstLine: number): QuestionBody | ContentProblem[] {
  const problems: ContentProblem[] = [];
  const sections = new Map<SectionName, { text: string; line: number }>();
  let current: { name: SectionName; lines: string[]; line: number } | undefined;
  const flush = () => {
    if (current) sections.set(current.name, { text: current.lines.join("\n").trim(), line: current.line });
  };

  body.split(/\r?\n/).forEach((line, index) => {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    const lineNumber = firstLine + index;
    if (heading?.[1]) {
      flush();
      const name = BODY_SECTIONS.find((section) => section.toLowerCase() === heading[1]!.toLowerCase());
      if (!name) {
        problems.push({ path, line: lineNumber, message: `unknown section "## ${heading[1]}" (expected: ${BODY_SECTIONS.join(", ")})` });
        current = undefined;
        return;
      }
      if (sections.has(name)) problems.push({ path, line: lineNumber, message: `duplicate section "## ${name}"` });
      current = { name, lines: [], line: lineNumber };
      return;
    }
    current?.lines.push(line);
  });
  flush();

  const lastLine = firstLine + body.split(/\r?\n/).length - 1;
  for (const name of BODY_SECTIONS) {
    const section = sections.get(name);
    if (!section) problems.push({ path, line: lastLine, message: `missing section "## ${name}"` });
    else if (!section.text) problems.push({ path, line: section.line, message: `section "## ${name}" is empty` });
  }
  if (problems.length > 0) return problems;

  const keyPoints = bullets(sections.get("Key points")!.text);
  const followUps = bullets(sections.get("Follow-ups")!.text);
  if (keyPoints.length < 2) {
    problems.push({ path, line: sections.get("Key points")!.line, message: "key points must be a bullet list with at least 2 items" });
  }
  if (followUps.length < 1 || followUps.length > 3) {
    problems.push({ path, line: sections.get("Follow-ups")!.line, message: `follow-ups must be a bullet list of 1 to 3 items (found ${followUps.length})` });
  }
  if (problems.length > 0) return problems;

  return {
    prompt: sections.get("Prompt")!.text,
    modelAnswer: sections.get("Model answer")!.text,
    keyPoints,
    followUps,
  };
}

/** Top-level "- " or "* " items; indented lines continue the item above. */
function bullets(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split("\n")) {
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) items.push(item[1]!.trim());
    else if (items.length > 0 && /^\s+\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}
