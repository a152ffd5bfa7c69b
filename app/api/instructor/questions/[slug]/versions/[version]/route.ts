import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { getRubricVersion } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/api";
import { parseVersionParam } from "@/lib/instructor/schemas";

/** GET → one version with its rubric. */
export const GET = route(async (request: Request, context: { params: Promise<{ slug: string; version: string }> }) => {
  await requireRequestUser(request, "instructor");
  const { slug, version: raw } = await context.params;
  const version = parseVersionParam(raw);
  const detail = version ? await getRubricVersion(db(), { slug, version }) : null;
  if (!detail) throw new AppError("not_found", `There is no version "${raw}" of "${slug}".`);
  return json({ version: detail });
});
