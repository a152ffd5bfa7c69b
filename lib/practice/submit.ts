// Submitting an answer: store it first (so nothing typed is ever lost), score it with the rules at
// once, then — when an OpenAI key is configured — queue the LLM refinement and update the review
// schedule. Routes and server actions call this; it knows nothing about HTTP.
import { getContentBank } from "@/lib/content/bank";
import { insertAttempt, saveScore } from "@/lib/db/attempts";
import type { Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueLlmRefinement } from "@/lib/jobs/queue";
import { MAX_ANSWER_CHARS, scoreWithRules, type ScoreResult } from "@/lib/scoring";
import { assertSubmitAllowed, claimLlmCall } from "./limits";
import { recordReview } from "./review";

export interface SubmitInput {
  userId: string;
  questionSlug: string;
  answer: string;
  idempotencyKey?: string;
  timeSpentMs?: number;
  answerSource?: "typed" | "voice";
  mock?: { sessionId: string; position: number };
}

export interface SubmitOutcome {
  attemptId: string;
  duplicate: boolean;
  llmQueued: boolean;
  /** Set when this call stored and scored a new attempt (not for a duplicate). */
  fresh?: {
    createdAt: Date;
    scoredAt: Date;
    result: ScoreResult;
    rubricVersionNumber: number;
    question: { slug: string; title: string; track: string; level: string };
  };
  result?: ScoreResult;
}

export function validateAnswer(answer: string) {
  if (!answer.trim()) throw new AppError("bad_request", "The answer is empty — write or record something first.", { field: "answer" });
  if (answer.length > MAX_ANSWER_CHARS) {
    throw new AppError(
      "payload_too_large",
      `The answer is ${answer.length.toLocaleString("en")} characters; the limit is ${MAX_ANSWER_CHARS.toLocaleString("en")}. Interview answers this long lose the interviewer — trim it to the points that matter.`,
      { field: "answer" },
    );
  }
}

export async function submitAnswer(db: Db, input: SubmitInput, options: { enqueue?: (attemptId: string) => Promise<void> } = {}): Promise<SubmitOutcome> {
  validateAnswer(input.answer);
  const context = await getScoringContext(db, input.questionSlug);
  if (!context) throw new AppError("bad_request", `There is no question "${input.questionSlug}".`, { field: "question" });
  await assertSubmitAllowed(db, input.userId);

  const { id: attemptId, createdAt, duplicate } = await insertAttempt(db, {
    userId: input.userId,
    questionId: context.questionId,
    rubricVersionId: context.rubricVersionId,
    answer: input.answer,
    answerSource: input.answerSource ?? "typed",
    idempotencyKey: input.idempotencyKey,
    timeSpentMs: input.timeSpentMs,
    mockSessionId: input.mock?.sessionId,
    mockPosition: input.mock?.position,
  });
  if (duplicate) return { attemptId, duplicate, llmQueued: false };

  let result: ScoreResult;
  let scoredAt: Date;
  try {
    result = scoreWithRules({
      question: context.question,
      answer: input.answer,
      vocabulary: getContentBank().vocabulary,
      claims: getContentBank().claims,
      rubricVersion: context.rubricVersionLabel,
    });
    ({ createdAt: scoredAt } = await saveScore(db, { attemptId, rubricVersionId: context.rubricVersionId, result, reason: "initial" }));
  } catch (error) {
    await db.attempt.update({ where: { id: attemptId }, data: { status: "failed" } }).catch(() => undefined);
    throw new AppError("internal", "Your answer is saved, but scoring it failed. Open it from your history to try again.", { cause: error });
  }

  await recordReview(db, { userId: input.userId, questionId: context.questionId, result });

  let llmQueued = false;
  if (env().OPENAI_API_KEY && (await claimLlmCall(db, input.userId, "refinement"))) {
    await db.attempt.update({ where: { id: attemptId }, data: { llmStatus: "pending" } });
    try {
      await (options.enqueue ?? enqueueLlmRefinement)(attemptId);
      llmQueued = true;
    } catch (error) {
      console.error("[submit] could not queue the LLM refinement", error);
      await db.attempt.update({ where: { id: attemptId }, data: { llmStatus: "failed", llmError: "The AI refinement could not be queued." } });
    }
  }
  const { slug, title, track, level } = context.question;
  return {
    attemptId,
    duplicate,
    result,
    llmQueued,
    fresh: { createdAt, scoredAt, result, rubricVersionNumber: context.rubricVersionNumber, question: { slug, title, track, level } },
  };
}
