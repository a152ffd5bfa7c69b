import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { overrideAttemptScore } from "@/lib/db/scores";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { overrideBody } from "@/lib/instructor/schemas";

/** POST { score, comment } → the instructor's score becomes current; the candidate sees it with the comment. */
export const POST = route(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request, "instructor");
  const body = await parseJsonBody(request, overrideBody);
  const score = await overrideAttemptScore(db(), { attemptId: (await context.params).id, score: body.score, comment: body.comment, actorId: user.id });
  return json({ score }, { status: 201 });
});
