"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";
import {
  abandonInterview,
  advanceInterview,
  answerInterviewFollowUp,
  finishInterview,
  skipInterviewFollowUp,
  skipInterviewQuestion,
  startInterview,
  submitInterviewAnswer,
  undoSkipInterviewQuestion,
} from "@/lib/practice/interview";

export type ActionResult = { ok: true } | { ok: false; message: string; field?: string };
export type StartState = { message: string; field?: string } | null;

const startSchema = z.object({
  track: z.string({ message: "choose a track" }).trim().min(1, "choose a track").max(60),
  feedbackTiming: z.enum(["after_each", "at_end"], { message: "choose when to see feedback" }),
  // A checkbox: "on" when ticked, absent when not.
  askFollowUps: z.literal("on", { message: "must be on or absent" }).optional(),
});
const sessionSchema = z.object({ sessionId: z.string().uuid("is not an interview id") });
const positionSchema = sessionSchema.extend({ position: z.number({ message: "must be a question number" }).int().min(0).max(9) });
const answerSchema = positionSchema.extend({
  answer: z.string(),
  timeSpentMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
  answerSource: z.enum(["typed", "voice"], { message: "must be typed or voice" }).optional(),
});

function failure(error: unknown): { ok: false; message: string; field?: string } {
  const publicError = toPublicError(error);
  return { ok: false, message: publicError.message, field: publicError.field };
}

/** Plans five questions on the chosen track and opens the first one. */
export async function startInterviewAction(_previous: StartState, formData: FormData): Promise<StartState> {
  let id: string;
  try {
    const user = await requireUser();
    const body = parseWith(startSchema, {
      track: formData.get("track") ?? undefined,
      feedbackTiming: formData.get("feedbackTiming") ?? undefined,
      askFollowUps: formData.get("askFollowUps") ?? undefined,
    });
    ({ id } = await startInterview(db(), { userId: user.id, track: body.track, feedbackTiming: body.feedbackTiming, askFollowUps: body.askFollowUps === "on" }));
  } catch (error) {
    const { message, field } = failure(error);
    return { message, field };
  }
  redirect(`/interview/${id}`);
}

export async function submitInterviewAnswerAction(input: z.infer<typeof answerSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(answerSchema, input);
    const user = await requireUser();
    await submitInterviewAnswer(db(), {
      userId: user.id,
      sessionId: body.sessionId,
      position: body.position,
      answer: body.answer,
      timeSpentMs: body.timeSpentMs,
      answerSource: body.answerSource,
    });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** The reply to the interviewer's follow-up on a question, scored against the point it probes. */
export async function answerFollowUpAction(input: z.infer<typeof answerSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(answerSchema, input);
    const user = await requireUser();
    await answerInterviewFollowUp(db(), {
      userId: user.id,
      sessionId: body.sessionId,
      position: body.position,
      answer: body.answer,
      answerSource: body.answerSource,
      timeSpentMs: body.timeSpentMs,
    });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** "Skip follow-up": no reply; the summary shows the follow-up as skipped. */
export async function skipFollowUpAction(input: z.infer<typeof positionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(positionSchema, input);
    const user = await requireUser();
    await skipInterviewFollowUp(db(), { userId: user.id, sessionId: body.sessionId, position: body.position });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** "Skip this question": no answer is stored; the summary shows it as skipped, scored 0. */
export async function skipQuestionAction(input: z.infer<typeof positionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(positionSchema, input);
    const user = await requireUser();
    await skipInterviewQuestion(db(), { userId: user.id, sessionId: body.sessionId, position: body.position });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** "Undo skip": back to the question just skipped, while nothing after it has been answered. */
export async function undoSkipAction(input: z.infer<typeof positionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(positionSchema, input);
    const user = await requireUser();
    await undoSkipInterviewQuestion(db(), { userId: user.id, sessionId: body.sessionId, position: body.position });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** "Next question" after the feedback on an answer (or the summary after the last one). */
export async function nextQuestionAction(input: z.infer<typeof sessionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(sessionSchema, input);
    const user = await requireUser();
    await advanceInterview(db(), { userId: user.id, sessionId: body.sessionId });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function finishInterviewAction(input: z.infer<typeof sessionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(sessionSchema, input);
    const user = await requireUser();
    await finishInterview(db(), { userId: user.id, sessionId: body.sessionId });
    revalidatePath(`/interview/${body.sessionId}`);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function abandonInterviewAction(input: z.infer<typeof sessionSchema>): Promise<ActionResult> {
  try {
    const body = parseWith(sessionSchema, input);
    const user = await requireUser();
    await abandonInterview(db(), { userId: user.id, sessionId: body.sessionId });
    revalidatePath("/interview");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
