"use server";

import type { FeedbackData } from "@/components/feedback/types";
import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { getContentBank, getQuestion } from "@/lib/content/bank";
import { db } from "@/lib/db/prisma";
import { AppError, toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";
import { clientIpFrom } from "@/lib/http/client-ip";
import { assertAnonymousScoringAllowed } from "@/lib/practice/limits";
import { feedbackFromResult } from "@/lib/practice/feedback-data";
import { submitAttemptSchema } from "@/lib/practice/schemas";
import { submitAnswer, submitInputFrom, validateAnswer } from "@/lib/practice/submit";
import { scoreWithRules } from "@/lib/scoring";

export type SubmitState =
  | { status: "saved"; attemptId: string }
  | { status: "scored"; feedback: FeedbackData }
  | { status: "error"; message: string; field?: string; signInRequired?: boolean };

/**
 * Signed in: stores the attempt, scores it, and returns its id for the feedback page.
 * Not signed in: scores without saving, so anyone can try a question.
 */
export async function submitAnswerAction(input: {
  question: string;
  answer: string;
  idempotencyKey: string;
  timeSpentMs: number;
  answerSource?: "typed" | "voice";
}): Promise<SubmitState> {
  try {
    const body = parseWith(submitAttemptSchema, input);
    const user = await getCurrentUser();
    if (!user) {
      validateAnswer(body.answer);
      await assertAnonymousScoringAllowed(db(), clientIpFrom(await headers()));
      const question = getQuestion(body.question);
      if (!question) throw new AppError("bad_request", `There is no question "${body.question}".`, { field: "question" });
      const result = scoreWithRules({ question, answer: body.answer, vocabulary: getContentBank().vocabulary, claims: getContentBank().claims });
      return { status: "scored", feedback: feedbackFromResult(result, body.answer) };
    }
    const outcome = await submitAnswer(db(), submitInputFrom(user.id, body));
    return { status: "saved", attemptId: outcome.attemptId };
  } catch (error) {
    const publicError = toPublicError(error);
    return { status: "error", message: publicError.message, field: publicError.field };
  }
}
