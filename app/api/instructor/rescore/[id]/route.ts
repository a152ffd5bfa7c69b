import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { getRescoreJob } from "@/lib/db/rescore";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/api";

/** GET → a re-score job's progress. */
export const GET = route(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  await requireRequestUser(request, "instructor");
  const job = await getRescoreJob(db(), { id: (await context.params).id });
  if (!job) throw new AppError("not_found", "There is no such re-score job.");
  return json(job);
});
