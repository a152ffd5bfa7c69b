import { requireRequestUser } from "@/lib/auth/session";
import { getAttemptForViewer } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/api";
import { presentAttempt } from "@/lib/practice/present";

/** GET /api/attempts/:id → the attempt; 404 for anyone but its owner (and instructors/admins). */
export const GET = route(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request);
  const attempt = await getAttemptForViewer(db(), (await context.params).id, user);
  if (!attempt) throw new AppError("not_found", "There is no attempt with that id.");
  return json({ attempt: presentAttempt(attempt) });
});
