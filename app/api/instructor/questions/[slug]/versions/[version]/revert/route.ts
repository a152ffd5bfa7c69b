import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { revertRubricVersion } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { parseVersionParam, revertBody } from "@/lib/instructor/schemas";

/** POST { baseVersion, note? } → 201 a new version equal to this one (409 when the base is stale). */
export const POST = route(async (request: Request, context: { params: Promise<{ slug: string; version: string }> }) => {
  const user = await requireRequestUser(request, "instructor");
  const { slug, version: raw } = await context.params;
  const toVersion = parseVersionParam(raw);
  if (!toVersion) throw new AppError("not_found", `There is no version "${raw}" of "${slug}".`);
  const body = await parseJsonBody(request, revertBody);
  const version = await revertRubricVersion(db(), { slug, toVersion, baseVersion: body.baseVersion, note: body.note, actorId: user.id });
  return json({ version }, { status: 201 });
});
