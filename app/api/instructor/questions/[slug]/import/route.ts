import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { importRubricMarkdown } from "@/lib/instructor/markdown-files";
import { importBody } from "@/lib/instructor/schemas";

/** POST { markdown, baseVersion, note? } → 201 a new version from the file's frontmatter; 400 names the line. */
export const POST = route(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const user = await requireRequestUser(request, "instructor");
  const body = await parseJsonBody(request, importBody);
  const version = await importRubricMarkdown(db(), { slug: (await context.params).slug, markdown: body.markdown, baseVersion: body.baseVersion, note: body.note, actorId: user.id });
  return json({ version }, { status: 201 });
});
