// The LLM refinement job: re-judge a stored attempt with the LLM scorer and, when it succeeds with
// verified quotes, add its score as the current one. On failure the rules score simply stands, and
// the attempt says why.
import { getContentBank } from "@/lib/content/bank";
import { refreshReviewFromCurrentScore, saveScore } from "@/lib/db/attempts";
import type { Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { llmConfigFromEnv, scoreAnswer, type LlmConfig } from "@/lib/scoring";

export type RefineOutcome = "refined" | "retry" | "gave-up" | "skipped";

export async function refineAttempt(
  db: Db,
  { attemptId, finalTry, llm }: { attemptId: string; finalTry: boolean; llm?: LlmConfig },
): Promise<RefineOutcome> {
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, select: { answer: true, status: true, llmStatus: true, question: { select: { slug: true } } } });
  if (!attempt || attempt.status !== "scored" || attempt.llmStatus === "done") return "skipped";
  const context = await getScoringContext(db, attempt.question.slug);
  const config = llm ?? llmConfigFromEnv(attempt.question.slug);
  if (!context || !config) {
    await db.attempt.update({ where: { id: attemptId }, data: { llmStatus: "failed", llmError: "The AI scorer is not configured." } });
    return "gave-up";
  }
  const result = await scoreAnswer({
    question: context.question,
    answer: attempt.answer,
    vocabulary: getContentBank().vocabulary,
    claims: getContentBank().claims,
    rubricVersion: context.rubricVersionLabel,
    llm: config,
  });
  if (result.scorer === "llm") {
    // An instructor who has already overridden the score keeps the last word.
    const overridden = await db.score.count({ where: { attemptId, isCurrent: true, reason: "override" } });
    await saveScore(db, { attemptId, rubricVersionId: context.rubricVersionId, result, reason: "llm_refinement", current: overridden === 0 });
    if (overridden === 0) await refreshReviewFromCurrentScore(db, attemptId);
    await db.attempt.update({ where: { id: attemptId }, data: { llmStatus: "done", llmError: null } });
    return "refined";
  }
  if (!finalTry) return "retry";
  await db.attempt.update({ where: { id: attemptId }, data: { llmStatus: "failed", llmError: result.fallbackReason ?? "The AI scorer did not answer." } });
  return "gave-up";
}
