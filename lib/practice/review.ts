// Keeps each user's review schedule (SM-2) in step with their latest attempt at each question.
import type { ReviewSnapshot, ReviewUpdate } from "@/lib/db/attempts";
import type { Db } from "@/lib/db/prisma";
import type { ScoreResult } from "@/lib/scoring";
import { INITIAL_REVIEW, nextReview, recallQuality } from "./sm2";

/** The question's next review after this result, from the review state before it (null: first time). */
export function reviewAfter(
  { userId, questionId, result, previous, now = new Date() }: { userId: string; questionId: string; result: ScoreResult; previous: ReviewSnapshot | null; now?: Date },
): ReviewUpdate {
  const missed = result.items.filter((item) => item.kind === "required" && !item.met).map((item) => item.id);
  // The score alone sets the quality: it already counts the missed points (see sm2.ts); they are kept to show, not to weigh again.
  const next = nextReview(previous ?? INITIAL_REVIEW, recallQuality(result.score), now);
  return { userId, questionId, easiness: next.easiness, intervalDays: next.intervalDays, repetitions: next.repetitions, dueAt: next.dueAt, lastScore: result.score, missedItemIds: missed };
}

/** Reads the review state and writes the next one (two queries; the submit path folds both into its own statements). */
export async function recordReview(db: Db, { userId, questionId, result, now = new Date() }: { userId: string; questionId: string; result: ScoreResult; now?: Date }) {
  const previous = await db.reviewItem.findUnique({ where: { userId_questionId: { userId, questionId } }, select: { easiness: true, intervalDays: true, repetitions: true } });
  const { userId: _user, questionId: _question, ...data } = reviewAfter({ userId, questionId, result, previous, now });
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
