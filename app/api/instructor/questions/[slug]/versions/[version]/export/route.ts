import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/api";
import { exportVersionMarkdown } from "@/lib/instructor/markdown-files";
import { parseVersionParam } from "@/lib/instructor/schemas";

/** GET → the question's markdown file with this version's rubric in its frontmatter (a download). */
export const GET = route(async (request: Request, context: { params: Promise<{ slug: string; version: string }> }) => {
  await requireRequestUser(request, "instructor");
  const { slug, version: raw } = await context.params;
  const version = parseVersionParam(raw);
  if (!version) throw new AppError("not_found", `There is no version "${raw}" of "${slug}".`);
  const { filename, markdown } = await exportVersionMarkdown(db(), { slug, version });
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
