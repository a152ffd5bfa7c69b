import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { getRubricWorkspace, saveRubricVersion } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { saveVersionBody } from "@/lib/instructor/schemas";

type Context = { params: Promise<{ slug: string }> };

/** GET → the question's rubric versions, newest first, with the active and latest rubrics. */
export const GET = route(async (request: Request, context: Context) => {
  await requireRequestUser(request, "instructor");
  const workspace = await getRubricWorkspace(db(), { slug: (await context.params).slug });
  if (!workspace) throw new AppError("not_found", "There is no such question.");
  return json(workspace);
});

/** POST { baseVersion, rubric, note? } → 201 a new version; 400 with details.issues; 409 when the base is stale. */
export const POST = route(async (request: Request, context: Context) => {
  const user = await requireRequestUser(request, "instructor");
  const body = await parseJsonBody(request, saveVersionBody);
  const version = await saveRubricVersion(db(), { slug: (await context.params).slug, baseVersion: body.baseVersion, rubric: body.rubric, note: body.note, actorId: user.id });
  return json({ version }, { status: 201 });
});
