// Submitting an answer: store it first (so nothing typed is ever lost), score it with the rules at
// once, then — when an OpenAI key is configured — queue the LLM refinement and update the review
// schedule. Routes and server actions call this; it knows nothing about HTTP.
import type { z } from "zod";
import { getContentBank } from "@/lib/content/bank";
import { saveScore, storeAttemptWithinLimit } from "@/lib/db/attempts";
import type { Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { env } from "@/lib/env";
import { AppError, DATABASE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { enqueueLlmRefinement } from "@/lib/jobs/queue";
import { MAX_ANSWER_CHARS, type ScoreResult } from "@/lib/scoring";
import { scoreSubmission } from "@/lib/scoring/off-thread";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { finishStuckAttempt } from "./finish-scoring";
import { claimLlmCall, submitLimit, submitLimitReached } from "./limits";
import { reviewAfter } from "./review";
import type { submitAttemptSchema } from "./schemas";

export interface SubmitInput {
  userId: string;
  questionSlug: string;
  answer: string;
  idempotencyKey?: string;
  timeSpentMs?: number;
  answerSource?: "typed" | "voice";
  mock?: { sessionId: string; position: number };
}

/** What a form, a server action or POST /api/attempts sends, as submitAttemptSchema parsed it. */
export type SubmitAttemptBody = z.infer<typeof submitAttemptSchema>;

/** submitAnswer's input for `userId` from a parsed submission. */
export function submitInputFrom(userId: string, body: SubmitAttemptBody): SubmitInput {
  return {
    userId,
    questionSlug: body.question,
    answer: body.answer,
    idempotencyKey: body.idempotencyKey,
    timeSpentMs: body.timeSpentMs,
    answerSource: body.answerSource,
  };
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
  const context = await withDatabaseErrors(() => getScoringContext(db, input.questionSlug), "not-saved");
  if (!context) throw new AppError("bad_request", `There is no question "${input.questionSlug}".`, { field: "question" });

  const stored = await withDatabaseErrors(
    () =>
      storeAttemptWithinLimit(
        db,
        {
          userId: input.userId,
          questionId: context.questionId,
          rubricVersionId: context.rubricVersionId,
          answer: input.answer,
          answerSource: input.answerSource ?? "typed",
          idempotencyKey: input.idempotencyKey,
          timeSpentMs: input.timeSpentMs,
          mockSessionId: input.mock?.sessionId,
          mockPosition: input.mock?.position,
        },
        submitLimit(input.userId),
      ),
    "not-saved",
  );
  if (stored.kind === "over-limit") throw submitLimitReached(stored.retryAfterSeconds);
  if (stored.kind === "duplicate") {
    // The first request stored the answer but may have died before scoring it (a crash, a database
    // restart): the retry finishes the job rather than handing back a score that will never come.
    await withDatabaseErrors(() => finishStuckAttempt(db, stored.id), "saved");
    return { attemptId: stored.id, duplicate: true, llmQueued: false };
  }
  const { id: attemptId, createdAt } = stored;
  const duplicate = false;

  let result: ScoreResult;
  let scoredAt: Date;
  try {
    const bank = getContentBank();
    result = await scoreSubmission(
      { question: context.question, answer: input.answer, vocabulary: bank.vocabulary, claims: bank.claims, rubricVersion: context.rubricVersionLabel },
      `${context.question.slug}@${context.rubricVersionId}`,
    );
    const review = reviewAfter({ userId: input.userId, questionId: context.questionId, result, previous: stored.review });
    ({ createdAt: scoredAt } = await saveScore(db, { attemptId, rubricVersionId: context.rubricVersionId, result, reason: "initial", review }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw databaseUnavailable("saved", error);
    await db.attempt.update({ where: { id: attemptId }, data: { status: "failed" } }).catch(() => undefined);
    throw new AppError("internal", "Your answer is saved, but scoring it failed. Open it from your history to try again.", { cause: error });
  }

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

/** Runs a database step; an outage becomes a 503 that says whether the answer was stored. */
async function withDatabaseErrors<T>(step: () => Promise<T>, answer: "saved" | "not-saved"): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw databaseUnavailable(answer, error);
    throw error;
  }
}

function databaseUnavailable(answer: "saved" | "not-saved", cause: unknown): AppError {
  return new AppError(
    "database_unavailable",
    answer === "saved"
      ? "The database stopped answering after your answer was saved. Try again in a moment: the same submission picks up where it stopped."
      : "The database is not reachable right now, so your answer was not saved. Keep this page open and submit again in a moment.",
    { cause, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  );
}
