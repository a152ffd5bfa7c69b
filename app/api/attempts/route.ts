import { requireRequestUser } from "@/lib/auth/session";
import { getAttemptForViewer, listAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { json, parseJsonBody, parseWith, route } from "@/lib/http/api";
import { presentAttempt, presentFreshAttempt } from "@/lib/practice/present";
import { listAttemptsQuerySchema, queryObject, submitAttemptSchema } from "@/lib/practice/schemas";
import { submitAnswer, submitInputFrom } from "@/lib/practice/submit";

/** POST /api/attempts {question, answer, idempotencyKey?} → 201 with the attempt and its score. */
export const POST = route(async (request) => {
  const user = await requireRequestUser(request);
  const body = await parseJsonBody(request, submitAttemptSchema);
  const outcome = await submitAnswer(db(), submitInputFrom(user.id, body));
  if (outcome.fresh) {
    const attempt = presentFreshAttempt({ ...outcome, fresh: outcome.fresh }, {
      answer: body.answer,
      answerSource: body.answerSource ?? "typed",
      timeSpentMs: body.timeSpentMs ?? null,
    });
    return json({ attempt, duplicate: false }, { status: 201 });
  }
  // A repeated idempotency key: answer with the attempt the first request stored.
  const attempt = await getAttemptForViewer(db(), outcome.attemptId, user);
  return json({ attempt: attempt && presentAttempt(attempt), duplicate: true }, { status: 200 });
});

/** GET /api/attempts?page=&pageSize=&question=&track=&from=&to=&minScore=&maxScore= → the signed-in user's attempts. */
export const GET = route(async (request) => {
  const user = await requireRequestUser(request);
  const query = parseWith(listAttemptsQuerySchema, queryObject(request.url));
  const { page, pageSize, ...filters } = query;
  const list = await listAttempts(db(), user.id, { page, pageSize, filters });
  return json({
    page: list.page,
    pageSize: list.pageSize,
    total: list.total,
    pages: list.pages,
    attempts: list.rows.map((row) => ({
      id: row.id,
      question: row.question,
      status: row.status,
      llmStatus: row.llmStatus,
      score: row.scores[0]?.score ?? null,
      scorer: row.scores[0]?.scorer ?? null,
      // Set when the score was re-scored under a new rubric version or overridden by an instructor.
      previousScore: row.scores[1]?.score ?? null,
      timeSpentMs: row.timeSpentMs,
      mockSessionId: row.mockSessionId,
      createdAt: row.createdAt.toISOString(),
    })),
  });
});
