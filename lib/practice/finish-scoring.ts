// Scoring an attempt that was stored but never scored: the app was killed, or PostgreSQL restarted,
// between storing the answer and saving its score. Called by a retry of the same submission and by
// the sweeper job; both are safe to repeat, since an attempt already scored is left alone.
import { getContentBank } from "@/lib/content/bank";
import { saveScore } from "@/lib/db/attempts";
import type { Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { scoreWithRules } from "@/lib/scoring";
import { recordReview } from "./review";

export type FinishOutcome = "scored" | "already-scored" | "not-scorable";

export async function finishStuckAttempt(db: Db, attemptId: string): Promise<FinishOutcome> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { status: true, answer: true, userId: true, parentAttemptId: true, question: { select: { slug: true } } },
  });
  if (!attempt || attempt.parentAttemptId) return "not-scorable";
  if (attempt.status !== "pending" && attempt.status !== "failed") return "already-scored";
  const context = await getScoringContext(db, attempt.question.slug);
  if (!context) return "not-scorable";
  const { vocabulary, claims } = getContentBank();
  const result = scoreWithRules({ question: context.question, answer: attempt.answer, vocabulary, claims, rubricVersion: context.rubricVersionLabel });
  await saveScore(db, { attemptId, rubricVersionId: context.rubricVersionId, result, reason: "initial" });
  await recordReview(db, { userId: attempt.userId, questionId: context.questionId, result });
  return "scored";
}

/** Attempts left unscored for longer than `olderThanMs`, oldest first. */
export async function findStuckAttempts(db: Db, { olderThanMs = 60_000, take = 200, now = new Date() } = {}): Promise<string[]> {
  const rows = await db.attempt.findMany({
    where: { status: { in: ["pending", "failed"] }, parentAttemptId: null, createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The sweeper's pass: scores what is stuck, one attempt's failure never stopping the rest. */
export async function sweepStuckAttempts(db: Db, options: { olderThanMs?: number; now?: Date } = {}): Promise<{ scored: number; failed: number }> {
  const outcome = { scored: 0, failed: 0 };
  for (const id of await findStuckAttempts(db, options)) {
    try {
      if ((await finishStuckAttempt(db, id)) === "scored") outcome.scored++;
    } catch (error) {
      outcome.failed++;
      console.error(`[sweeper] attempt ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcome;
}
