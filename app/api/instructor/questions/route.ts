import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { listInstructorQuestions } from "@/lib/db/rubrics";
import { json, route } from "@/lib/http/api";

/** GET /api/instructor/questions → every question with its active version and item statistics. */
export const GET = route(async (request: Request) => {
  await requireRequestUser(request, "instructor");
  return json({ questions: await listInstructorQuestions(db()) });
});
