import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { publishRubricVersion } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/api";
import { parseVersionParam } from "@/lib/instructor/schemas";
import { enqueueRescore } from "@/lib/jobs/queue";

/** POST → makes the version active; past attempts are re-scored in the background (rescoreJobId). */
export const POST = route(async (request: Request, context: { params: Promise<{ slug: string; version: string }> }) => {
  const user = await requireRequestUser(request, "instructor");
  const { slug, version: raw } = await context.params;
  const version = parseVersionParam(raw);
  if (!version) throw new AppError("not_found", `There is no version "${raw}" of "${slug}".`);
  return json(await publishRubricVersion(db(), { slug, version, actorId: user.id }, enqueueRescore));
});
