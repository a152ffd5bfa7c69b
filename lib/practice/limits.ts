// Per-user and per-address limits, kept in PostgreSQL so they hold across app instances and restarts.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/prisma";
import { hitWindow } from "@/lib/db/rate-limit";

export const LIMITS = {
  get submitsPerMinute() {
    return env().OFFSET_SUBMITS_PER_MINUTE;
  },
  /** Every call a user causes to the LLM provider — refinements, transcriptions and follow-ups together. */
  llmCallsPerHour: 60,
  /** Answers scored without an account, per client address. */
  anonymousScoresPerMinute: 30,
} as const;

/**
 * The window a user's submissions count against: atomic across requests and instances, counted by the
 * submit path inside the statement that stores the attempt (lib/db/attempts.ts storeAttemptWithinLimit).
 */
export function submitLimit(userId: string) {
  return { key: `submit:${userId}`, max: LIMITS.submitsPerMinute, windowSeconds: 60 };
}

export function submitLimitReached(retryAfterSeconds: number): AppError {
  return new AppError(
    "rate_limited",
    `You have submitted ${LIMITS.submitsPerMinute} answers in the last minute. Take a breath — you can submit again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/**
 * Scoring without an account stores nothing, but still costs CPU: a budget per client address.
 * Requests that did not come through the HTTP server (no address) share one bucket.
 */
export async function assertAnonymousScoringAllowed(db: Db, clientIp: string | null) {
  const verdict = await hitWindow(db, `anonymous-score:${clientIp ?? "unknown"}`, LIMITS.anonymousScoresPerMinute, 60);
  if (!verdict.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many answers scored from your address in the last minute. Try again in ${verdict.retryAfterSeconds} s, or sign in to keep your attempts.`,
      { retryAfterSeconds: verdict.retryAfterSeconds },
    );
  }
}

/**
 * Claims one LLM call from the user's hourly budget and records it; false when the budget is spent.
 * A refinement over budget is simply skipped (the rules score stands); a transcription gets a 429.
 */
export async function claimLlmCall(db: Db, userId: string, kind: "refinement" | "transcription" | "follow_up", now = new Date()): Promise<boolean> {
  const used = await db.llmUsage.count({ where: { userId, createdAt: { gte: new Date(now.getTime() - 3_600_000) } } });
  if (used >= LIMITS.llmCallsPerHour) return false;
  await db.llmUsage.create({ data: { userId, kind, createdAt: now } });
  return true;
}

/** When the oldest call in the current hour drops out of the budget, for "try again in …" messages. */
export async function llmBudgetResetsAt(db: Db, userId: string, now = new Date()): Promise<Date> {
  const oldest = await db.llmUsage.findFirst({
    where: { userId, createdAt: { gte: new Date(now.getTime() - 3_600_000) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return new Date((oldest?.createdAt ?? now).getTime() + 3_600_000);
}
