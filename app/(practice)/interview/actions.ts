"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";
import { abandonInterview, advanceInterview, finishInterview, startInterview, submitInterviewAnswer } from "@/lib/practice/interview";

export type ActionResult = { ok: true } | { ok: false; message: string; field?: string };
export type StartState = { message: string; field?: string } | null;

const startSchema = z.object({
  track: z.string({ message: "choose a track" }).trim().min(1, "choose a track").max(60),
  feedbackTiming: z.enum(["after_each", "at_end"], { message: "choose when to see feedback" }),
});
const sessionSchema = z.object({ sessionId: z.string().uuid("is not an interview id") });
const answerSchema = sessionSchema.extend({
  position: z.number().int().min(0).max(9),
  answer: z.string(),
  timeSpentMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
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
    const body = parseWith(startSchema, { track: formData.get("track") ?? undefined, feedbackTiming: formData.get("feedbackTiming") ?? undefined });
    ({ id } = await startInterview(db(), { userId: user.id, track: body.track, feedbackTiming: body.feedbackTiming }));
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
    await submitInterviewAnswer(db(), { userId: user.id, sessionId: body.sessionId, position: body.position, answer: body.answer, timeSpentMs: body.timeSpentMs });
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
