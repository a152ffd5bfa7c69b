// Splits a markdown file into YAML frontmatter and body, keeping enough position information to
// report problems as file:line. We use `yaml` directly (not gray-matter) because its document
// model maps every value back to a source range, so a schema error can name the exact line.
import { isNode, LineCounter, parseDocument, type Document } from "yaml";

export interface ContentProblem {
  path: string;
  line: number;
  message: string;
}

export interface SplitFile {
  doc: Document.Parsed;
  data: unknown;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** Maps a value's path in the frontmatter to its 1-based line in the file. */
  lineOf(path: readonly PropertyKey[]): number;
}

export function splitFrontmatter(path: string, source: string): SplitFile | ContentProblem[] {
  const text = source.replace(/^\uFEFF/, "");
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    return [{ path, line: 1, message: "missing frontmatter: the file must start with a '---' line and close it with another '---'" }];
  }
  const yamlText = match[1] ?? "";
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const offset = 1; // frontmatter starts on line 2 of the file
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      path,
      line: (error.linePos?.[0]?.line ?? 1) + offset,
      message: `invalid YAML: ${error.message.split("\n")[0]}`,
    }));
  }
  let data: unknown;
  try {
    // Aliases (*name) expand when converted: a few nested ones make billions of nodes (an "alias
    // bomb"), so the expansion is capped and going over it is the file's problem, not a crash.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return [{ path, line: 1 + offset, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)} (YAML anchors and aliases are not needed in Offset's files; write the values out)` }];
  }
  const bodyLine = text.slice(0, match[0].length).split("\n").length;
  return {
    doc,
    data,
    body: text.slice(match[0].length),
    bodyLine: match[0].endsWith("\n") ? bodyLine : bodyLine + 1,
    lineOf(valuePath) {
      // Walk up the path until something exists (a missing field reports its parent's line).
      for (let depth = valuePath.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(valuePath.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + offset;
      }
      return 1 + offset;
    },
  };
}
