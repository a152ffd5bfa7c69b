// Voice transcription and the per-user hourly LLM budget. A transcription is an LLM call: it is
// claimed from the same budget as AI answer refinements (lib/practice/limits.ts, counted from the
// llm_usage table, so it holds across app instances), and over budget the user is told when the
// next transcription becomes possible.
import type { Db } from "@/lib/db/prisma";
import { claimLlmCall, LIMITS, llmBudgetResetsAt } from "@/lib/practice/limits";

export type TranscriptionClaim = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

/** "45 s" under a minute, else whole minutes rounded up. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** Claims one transcription from the user's hourly LLM budget, or says when to retry. */
export async function claimTranscription(db: Db, userId: string, now = new Date()): Promise<TranscriptionClaim> {
  if (await claimLlmCall(db, userId, "transcription", now)) return { ok: true };
  const resetsAt = await llmBudgetResetsAt(db, userId, now);
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  return {
    ok: false,
    retryAfterSeconds,
    message: `You have used this hour's ${LIMITS.llmCallsPerHour} AI calls (answer reviews and voice transcriptions). Voice transcription is available again in ${describeWait(retryAfterSeconds)} — meanwhile, type your answer.`,
  };
}
