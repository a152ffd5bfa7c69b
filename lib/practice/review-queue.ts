// The review queue as people see it: what is due today, what comes back when, and which question to
// review next. The schedule itself is kept by lib/practice/review.ts (SM-2, updated on every scored
// answer); this module only reads it.
import { getContentBank } from "@/lib/content/bank";
import type { Db } from "@/lib/db/prisma";
import { dueReviews } from "./review";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last moment of `now`'s calendar day (server time): "due today" includes later today. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** "overdue by 3 days", "due today", "tomorrow", "in 6 days", "in 5 weeks" — relative to `now`'s day. */
export function describeDue(dueAt: Date, now: Date): string {
  const startOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((startOf(dueAt) - startOf(now)) / DAY_MS);
  if (days < -1) return `overdue by ${-days} days`;
  if (days === -1) return "overdue since yesterday";
  if (days === 0) return "due today";
  if (days === 1) return "tomorrow";
  if (days < 14) return `in ${days} days`;
  if (days < 60) return `in ${Math.round(days / 7)} weeks`;
  return `in ${Math.round(days / 30)} months`;
}

/** Labels for the rubric items missed last time, in the rubric's order. */
export function missedLabels(slug: string, missedItemIds: readonly string[]): string[] {
  const question = getContentBank().questions.find((candidate) => candidate.slug === slug);
  if (!question) return [];
  return question.rubric.items.filter((item) => missedItemIds.includes(item.id)).map((item) => item.label);
}

export interface QueueEntry {
  slug: string;
  title: string;
  track: string;
  level: string;
  dueAt: Date;
  lastScore: number | null;
  missedCount: number;
  intervalDays?: number;
}

/**
 * Due today (most overdue first), then what comes back later, each list cut at its limit. The totals
 * count every question in the queue, so a page can say how many a cut list leaves out.
 */
export async function reviewQueue(db: Db, userId: string, now = new Date(), { dueLimit = 50, upcomingLimit = 8 } = {}) {
  const cutoff = endOfDay(now);
  const [due, upcoming, total, dueTotal] = await Promise.all([
    dueReviews(db, userId, cutoff, dueLimit),
    db.reviewItem.findMany({
      where: { userId, dueAt: { gt: cutoff }, question: { archivedAt: null } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: upcomingLimit,
      select: { dueAt: true, lastScore: true, intervalDays: true, missedItemIds: true, question: { select: { slug: true, title: true, track: true, level: true } } },
    }),
    db.reviewItem.count({ where: { userId, question: { archivedAt: null } } }),
    db.reviewItem.count({ where: { userId, dueAt: { lte: cutoff }, question: { archivedAt: null } } }),
  ]);
  const entry = (row: { dueAt: Date; lastScore: number | null; missedItemIds: string[]; intervalDays?: number; question: { slug: string; title: string; track: string; level: string } }): QueueEntry => ({
    ...row.question,
    dueAt: row.dueAt,
    lastScore: row.lastScore,
    missedCount: row.missedItemIds.length,
    ...(row.intervalDays !== undefined ? { intervalDays: row.intervalDays } : {}),
  });
  // Four separate reads: an answer saved between them must not make a total smaller than its own list.
  const dueCount = Math.max(dueTotal, due.length);
  return { due: due.map(entry), upcoming: upcoming.map(entry), total, dueTotal: dueCount, upcomingTotal: Math.max(total - dueCount, upcoming.length) };
}

/** How many questions are due by the end of today — for the home page and the review header. */
export async function dueTodayCount(db: Db, userId: string, now = new Date()) {
  return db.reviewItem.count({ where: { userId, dueAt: { lte: endOfDay(now) }, question: { archivedAt: null } } });
}

/** The next due question after the one just reviewed, or null when the queue is clear. */
export async function nextDueQuestion(db: Db, userId: string, { now = new Date(), exclude }: { now?: Date; exclude?: string } = {}) {
  const due = await dueReviews(db, userId, endOfDay(now), 2);
  const next = due.find((row) => row.question.slug !== exclude);
  return next ? { slug: next.question.slug, title: next.question.title } : null;
}

/** The schedule for one question, as the review page shows it. */
export async function reviewStateFor(db: Db, userId: string, slug: string) {
  return db.reviewItem.findFirst({
    where: { userId, question: { slug } },
    select: { dueAt: true, intervalDays: true, repetitions: true, easiness: true, lastScore: true, missedItemIds: true },
  });
}

