// Keeps each user's review schedule (SM-2) in step with their latest attempt at each question.
import type { Db } from "@/lib/db/prisma";
import type { ScoreResult } from "@/lib/scoring";
import { INITIAL_REVIEW, nextReview, recallQuality } from "./sm2";

export async function recordReview(db: Db, { userId, questionId, result, now = new Date() }: { userId: string; questionId: string; result: ScoreResult; now?: Date }) {
  const missed = result.items.filter((item) => item.kind === "required" && !item.met).map((item) => item.id);
  const existing = await db.reviewItem.findUnique({ where: { userId_questionId: { userId, questionId } } });
  const next = nextReview(existing ?? INITIAL_REVIEW, recallQuality(result.score, missed.length), now);
  const data = { easiness: next.easiness, intervalDays: next.intervalDays, repetitions: next.repetitions, dueAt: next.dueAt, lastScore: result.score, missedItemIds: missed };
  await db.reviewItem.upsert({ where: { userId_questionId: { userId, questionId } }, create: { userId, questionId, ...data }, update: data });
}

/** Questions due for review now, most overdue first. */
export async function dueReviews(db: Db, userId: string, now = new Date(), take = 20) {
  return db.reviewItem.findMany({
    where: { userId, dueAt: { lte: now }, question: { archivedAt: null } },
    orderBy: { dueAt: "asc" },
    take,
    select: { dueAt: true, lastScore: true, missedItemIds: true, question: { select: { slug: true, title: true, track: true, level: true } } },
  });
}
