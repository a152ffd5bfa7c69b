"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getQuestion } from "@/lib/content/bank";
import { getAttemptForViewer, insertAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { AppError, toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";
import { validateAnswer } from "@/lib/practice/submit";

const followUpSchema = z.object({
  attemptId: z.string().uuid(),
  index: z.number().int().min(0).max(2),
  answer: z.string(),
});

/** A short answer to one of the question's follow-ups, kept with the attempt it follows. */
export async function saveFollowUpAction(input: z.infer<typeof followUpSchema>): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const body = parseWith(followUpSchema, input);
    const user = await requireUser();
    validateAnswer(body.answer);
    const parent = await getAttemptForViewer(db(), body.attemptId, user);
    if (!parent || parent.userId !== user.id) throw new AppError("not_found", "That attempt does not exist.");
    const question = getQuestion(parent.question.slug);
    if (!question?.followUps[body.index]) throw new AppError("bad_request", "That follow-up does not exist.", { field: "index" });
    await insertAttempt(db(), {
      userId: user.id,
      questionId: parent.questionId,
      rubricVersionId: null,
      answer: body.answer,
      answerSource: "typed",
      parentAttemptId: parent.id,
      followUpIndex: body.index,
      status: "unscored",
    });
    revalidatePath(`/attempts/${parent.id}`);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: toPublicError(error).message };
  }
}
