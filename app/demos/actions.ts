"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { recordDemoCompletion } from "@/lib/db/demo-progress";
import { db } from "@/lib/db/prisma";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";

const completionSchema = z.object({ scenarioId: z.enum(DEMO_SCENARIO_IDS, { message: "is not a demo scenario" }) }).strict();

export type DemoCompletionState =
  | { status: "saved"; completedAt: string }
  /** Signed out: the browser keeps the completion on its own. */
  | { status: "signed-out" }
  | { status: "error"; message: string };

/**
 * Records that the signed-in user completed a scenario's challenge (the lab calls it when a run the
 * learner played on their own meets it). Signed out, nothing is stored here.
 */
export async function recordDemoCompletionAction(input: { scenarioId: string }): Promise<DemoCompletionState> {
  try {
    const { scenarioId } = parseWith(completionSchema, input);
    const user = await getCurrentUser();
    if (!user) return { status: "signed-out" };
    const completedAt = await recordDemoCompletion(db(), { userId: user.id, scenarioId });
    revalidatePath("/demos");
    return { status: "saved", completedAt: completedAt.toISOString() };
  } catch (error) {
    return { status: "error", message: toPublicError(error).message };
  }
}
