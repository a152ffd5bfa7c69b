import { requireRequestUser } from "@/lib/auth/session";
import { addGradedSample, listGradedSamples } from "@/lib/db/graded-samples";
import { db } from "@/lib/db/prisma";
import { json, parseJsonBody, route } from "@/lib/http/api";
import { gradedSampleBody } from "@/lib/instructor/schemas";

type Context = { params: Promise<{ slug: string }> };

/** GET → the question's hand-graded answers, oldest first. */
export const GET = route(async (request: Request, context: Context) => {
  await requireRequestUser(request, "instructor");
  return json({ samples: await listGradedSamples(db(), { slug: (await context.params).slug }) });
});

/** POST { label, text, expectedScore } → 201 a graded answer the test bench scores from now on. */
export const POST = route(async (request: Request, context: Context) => {
  const user = await requireRequestUser(request, "instructor");
  const body = await parseJsonBody(request, gradedSampleBody);
  const sample = await addGradedSample(db(), { slug: (await context.params).slug, ...body, actorId: user.id });
  return json({ sample }, { status: 201 });
});
