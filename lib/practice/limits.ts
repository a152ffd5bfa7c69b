// Per-user limits, counted from rows Postgres already holds (attempts, LLM scores), so they hold
// across app instances and restarts without a separate store.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/prisma";

export const LIMITS = {
  get submitsPerMinute() {
    return env().OFFSET_SUBMITS_PER_MINUTE;
  },
  /** Every call a user causes to the LLM provider — refinements and transcriptions together. */
  llmCallsPerHour: 60,
} as const;

export async function assertSubmitAllowed(db: Db, userId: string, now = new Date()) {
  const since = new Date(now.getTime() - 60_000);
  const recent = await db.attempt.findMany({
    where: { userId, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    take: LIMITS.submitsPerMinute,
    select: { createdAt: true },
  });
  if (recent.length >= LIMITS.submitsPerMinute) {
    const waitSeconds = Math.max(1, Math.ceil((recent[0]!.createdAt.getTime() + 60_000 - now.getTime()) / 1000));
    throw new AppError(
      "rate_limited",
      `You have submitted ${LIMITS.submitsPerMinute} answers in the last minute. Take a breath — you can submit again in ${waitSeconds} s.`,
    );
  }
}

/**
 * Claims one LLM call from the user's hourly budget and records it; false when the budget is spent.
 * A refinement over budget is simply skipped (the rules score stands); a transcription gets a 429.
 */
export async function claimLlmCall(db: Db, userId: string, kind: "refinement" | "transcription", now = new Date()): Promise<boolean> {
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
