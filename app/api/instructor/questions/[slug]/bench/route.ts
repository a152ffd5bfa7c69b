import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { runTestBench } from "@/lib/instructor/bench";
import { benchBody } from "@/lib/instructor/schemas";

/** POST { rubric, attemptIds? } → the draft and the active version scored over the same answers. */
export const POST = route(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  await requireRequestUser(request, "instructor");
  const body = await parseJsonBody(request, benchBody);
  return json(await runTestBench(db(), { slug: (await context.params).slug, rubric: body.rubric, attemptIds: body.attemptIds }));
});
