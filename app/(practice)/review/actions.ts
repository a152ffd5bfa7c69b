"use server";

import { revalidatePath } from "next/cache";
import type { FeedbackData } from "@/components/feedback/types";
import { requireUser } from "@/lib/auth/session";
import { getAttemptForViewer } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";
import { feedbackFromAttempt } from "@/lib/practice/feedback-data";
import { presentAttempt } from "@/lib/practice/present";
import { dueTodayCount, nextDueQuestion, reviewStateFor } from "@/lib/practice/review-queue";
import { submitAttemptSchema } from "@/lib/practice/schemas";
import { submitAnswer, submitInputFrom } from "@/lib/practice/submit";

export type ReviewSubmitState =
  | {
      status: "scored";
      attemptId: string;
      feedback: FeedbackData | null;
      schedule: { dueAt: string; intervalDays: number } | null;
      next: { slug: string; title: string } | null;
      remaining: number;
    }
  | { status: "error"; message: string; field?: string };

/** One review: stores and scores the answer (which reschedules the question), then finds the next due one. */
export async function submitReviewAction(input: { question: string; answer: string; idempotencyKey: string; timeSpentMs: number }): Promise<ReviewSubmitState> {
  try {
    const body = parseWith(submitAttemptSchema, input);
    const user = await requireUser();
    const outcome = await submitAnswer(db(), submitInputFrom(user.id, body));
    const [detail, state, next, remaining] = await Promise.all([
      getAttemptForViewer(db(), outcome.attemptId, user),
      reviewStateFor(db(), user.id, body.question),
      nextDueQuestion(db(), user.id, { exclude: body.question }),
      dueTodayCount(db(), user.id),
    ]);
    revalidatePath("/review");
    revalidatePath("/");
    return {
      status: "scored",
      attemptId: outcome.attemptId,
      feedback: detail ? feedbackFromAttempt(presentAttempt(detail)) : null,
      schedule: state ? { dueAt: state.dueAt.toISOString(), intervalDays: state.intervalDays } : null,
      next,
      remaining,
    };
  } catch (error) {
    const publicError = toPublicError(error);
    return { status: "error", message: publicError.message, field: publicError.field };
  }
}
