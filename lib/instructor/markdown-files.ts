// The markdown stays the seed and the export: a rubric version can be written back into its
// question's frontmatter (so git can follow the app), and a frontmatter can be imported as a version.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getContentBank } from "@/lib/content/bank";
import { projectRoot } from "@/lib/content/load";
import type { Db } from "@/lib/db/prisma";
import { getRubricVersion, getRubricWorkspace, saveRubricVersion } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { replaceRubricInMarkdown, rubricFromMarkdown } from "@/lib/rubrics";

export const MAX_IMPORT_CHARS = 200_000;

export async function exportVersionMarkdown(db: Db, { slug, version }: { slug: string; version: number }) {
  const detail = await getRubricVersion(db, { slug, version });
  const question = getContentBank().questions.find((candidate) => candidate.slug === slug);
  if (!detail || !question) throw new AppError("not_found", `Version ${version} of "${slug}" does not exist.`);
  const markdown = await readFile(join(projectRoot, question.sourcePath), "utf8");
  return { filename: `${slug}.md`, markdown: replaceRubricInMarkdown(markdown, detail.rubric) };
}

export async function importRubricMarkdown(
  db: Db,
  input: { slug: string; markdown: string; baseVersion: number; actorId: string; note?: string | null },
) {
  if (input.markdown.length > MAX_IMPORT_CHARS) {
    throw new AppError("payload_too_large", `The file is ${input.markdown.length.toLocaleString("en")} characters; a question file is far smaller than ${MAX_IMPORT_CHARS.toLocaleString("en")}.`, { field: "markdown" });
  }
  if (!(await getRubricWorkspace(db, { slug: input.slug }))) throw new AppError("not_found", `There is no question "${input.slug}".`);
  const parsed = rubricFromMarkdown(input.markdown, getContentBank().vocabulary);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    const where = first.line ? `line ${first.line}: ` : "";
    throw new AppError("bad_request", `The file cannot be imported — ${where}${first.message}`, { field: "markdown", details: { issues: parsed.issues } });
  }
  if (parsed.slug && parsed.slug !== input.slug) {
    throw new AppError("bad_request", `This file is the question "${parsed.slug}", not "${input.slug}".`, { field: "markdown" });
  }
  return saveRubricVersion(db, {
    slug: input.slug,
    baseVersion: input.baseVersion,
    rubric: parsed.rubric,
    note: input.note?.trim() || "Imported from the question's markdown",
    actorId: input.actorId,
    action: "rubric.import",
  });
}
