import { requireRequestUser } from "@/lib/auth/session";
import { deleteGradedSample } from "@/lib/db/graded-samples";
import { db } from "@/lib/db/prisma";
import { route } from "@/lib/http/api";

/** DELETE → 204; the deletion, with the answer's text, is kept in the audit log. */
export const DELETE = route(async (request: Request, context: { params: Promise<{ slug: string; id: string }> }) => {
  const user = await requireRequestUser(request, "instructor");
  const { slug, id } = await context.params;
  await deleteGradedSample(db(), { slug, id, actorId: user.id });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
