// The review queue on a real Postgres: answers scheduled through the real submit service (which
// calls recordReview), what is due and in which order, and how scores move the next review.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { refreshReviewFromCurrentScore } from "@/lib/db/attempts";
import { overrideAttemptScore } from "@/lib/db/scores";
import { dueReviews } from "@/lib/practice/review";
import { dueTodayCount, endOfDay, nextDueQuestion, reviewQueue, reviewStateFor } from "@/lib/practice/review-queue";
import { recallQuality } from "@/lib/practice/sm2";
import { submitAnswer } from "@/lib/practice/submit";
import { scoreWithRules } from "@/lib/scoring";
import { createTempDatabase, type TempDatabase } from "../support/database";

const bank = loadContentBank();
const question = (slug: string) => bank.questions.find((candidate) => candidate.slug === slug)!;
const strong = (q: Question) => q.rubric.items.flatMap((item) => (item.hint ? [item.hint] : [])).join(" ");
const weak = () => "It moves data between systems and a lot of companies use it for streaming things quickly.";
const DAY = 24 * 60 * 60 * 1000;
const noQueue = { enqueue: async () => {} };

/**
 * An answer the rules score 7 or more although it misses at least two required points: the hints of
 * every point but the first one to three required ones. Searched for rather than written down, so a
 * change to the bank or the scorer moves it instead of silently emptying the test.
 */
function strongButIncomplete(): { slug: string; text: string } | undefined {
  for (const q of bank.questions) {
    const required = q.rubric.items.filter((item) => item.kind === "required");
    for (let dropped = 2; dropped <= 3; dropped++) {
      const kept = q.rubric.items.filter((item) => item.kind !== "misconception" && !required.slice(0, dropped).includes(item));
      const text = kept.flatMap((item) => (item.hint ? [item.hint] : [])).join(" ");
      const result = scoreWithRules({ question: q, answer: text, vocabulary: bank.vocabulary, claims: bank.claims, rubricVersion: "probe" });
      const missed = result.items.filter((item) => item.kind === "required" && !item.met).length;
      if (result.score >= 7 && missed >= 2) return { slug: q.slug, text };
    }
  }
  return undefined;
}

describe("review queue", () => {
  let database: TempDatabase;
  let db: Db;
  const user = { id: "user-reviewer", name: "Rae", email: "rae@example.test" };
  const other = { id: "user-other", name: "Oz", email: "oz@example.test" };
  const third = { id: "user-third", name: "Tam", email: "tam@example.test" };
  const many = { id: "user-many", name: "Mo", email: "mo@example.test" };
  const fourth = { id: "user-fourth", name: "Fay", email: "fay@example.test" };
  let key = 0;
  const answer = (userId: string, slug: string, text: string) =>
    submitAnswer(db, { userId, questionSlug: slug, answer: text, idempotencyKey: `review-test-${(key += 1)}` }, noQueue);

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    await syncQuestionBank(db, bank);
    await db.user.createMany({ data: [user, other, third, many, fourth] });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("a low score comes back sooner than a high score", async () => {
    const good = "kafka-keys-and-ordering";
    const poor = "kafka-retention-replay";
    await answer(user.id, good, strong(question(good)));
    await answer(user.id, poor, weak());
    // A second round: the strong answer climbs the ladder, the weak one starts it again.
    await answer(user.id, good, strong(question(good)));
    await answer(user.id, poor, weak());
    const goodState = (await reviewStateFor(db, user.id, good))!;
    const poorState = (await reviewStateFor(db, user.id, poor))!;
    // Every hint, no numbers: all points met, held at the thin cap ("correct basics", 7).
    expect(goodState.lastScore).toBeGreaterThanOrEqual(7);
    expect(poorState.lastScore).toBeLessThan(3);
    expect(poorState.missedItemIds.length).toBeGreaterThan(0);
    expect(goodState.missedItemIds).toEqual([]);
    expect(poorState.intervalDays).toBe(1);
    expect(goodState.intervalDays).toBeGreaterThan(poorState.intervalDays);
    expect(goodState.dueAt.getTime()).toBeGreaterThan(poorState.dueAt.getTime());
    expect(goodState.easiness).toBeGreaterThan(poorState.easiness);

    // Two days on, only the weak one is due; the strong one waits in "coming back later".
    const inTwoDays = new Date(Date.now() + 2 * DAY);
    const queue = await reviewQueue(db, user.id, inTwoDays);
    expect(queue.due.map((entry) => entry.slug)).toEqual([poor]);
    expect(queue.upcoming.map((entry) => entry.slug)).toEqual([good]);
    expect(queue.due[0]).toMatchObject({ lastScore: poorState.lastScore, missedCount: poorState.missedItemIds.length });
    expect(queue.total).toBe(2);
  });

  it("orders due questions most overdue first, counts today's, and skips the one just reviewed", async () => {
    const now = new Date();
    const slugs = ["stream-windowing", "stream-joins", "kafka-rebalancing", "kafka-transactions"];
    for (const slug of slugs) await answer(other.id, slug, weak());
    const setDue = (slug: string, dueAt: Date) => db.reviewItem.updateMany({ where: { userId: other.id, question: { slug } }, data: { dueAt } });
    await setDue("stream-windowing", new Date(now.getTime() - 1 * DAY));
    await setDue("stream-joins", new Date(now.getTime() - 5 * DAY));
    await setDue("kafka-rebalancing", new Date(now.getTime() - 60_000));
    await setDue("kafka-transactions", new Date(endOfDay(now).getTime() + DAY)); // tomorrow: not due today

    const queue = await reviewQueue(db, other.id, now);
    expect(queue.due.map((entry) => entry.slug)).toEqual(["stream-joins", "stream-windowing", "kafka-rebalancing"]);
    expect(queue.upcoming.map((entry) => entry.slug)).toEqual(["kafka-transactions"]);
    expect(await dueTodayCount(db, other.id, now)).toBe(3);
    expect((await dueReviews(db, other.id, now)).map((row) => row.question.slug)).toEqual(["stream-joins", "stream-windowing", "kafka-rebalancing"]);

    expect(await nextDueQuestion(db, other.id, { now, exclude: "stream-joins" })).toMatchObject({ slug: "stream-windowing" });
    // Reviewing the most overdue one reschedules it to tomorrow at the earliest, so it leaves today's queue.
    await answer(other.id, "stream-joins", strong(question("stream-joins")));
    const after = await reviewQueue(db, other.id, now);
    expect(after.due.map((entry) => entry.slug)).toEqual(["stream-windowing", "kafka-rebalancing"]);
    expect(after.upcoming.map((entry) => entry.slug)).toContain("stream-joins");
  });

  it("schedules by the score alone: a strong answer that misses required points is not back tomorrow", async () => {
    const found = strongButIncomplete();
    expect(found, "no answer in the bank scores 7+ while missing two required points").toBeDefined();
    const outcome = await answer(third.id, found!.slug, found!.text);
    const score = outcome.result!.score;
    const state = (await reviewStateFor(db, third.id, found!.slug))!;
    expect(state.missedItemIds.length).toBeGreaterThanOrEqual(2);
    expect(state.lastScore).toBe(score);
    // 7–8.9 is quality 4 (back in 2 days), 9+ is 5 (3 days); the missed points are in the score already.
    expect(state.intervalDays).toBe(recallQuality(score) - 2);
    expect(state.intervalDays).toBeGreaterThanOrEqual(2);
    const tomorrow = new Date(Date.now() + DAY);
    expect((await reviewQueue(db, third.id, tomorrow)).due.map((entry) => entry.slug)).not.toContain(found!.slug);
  });

  it("counts every question in both lists, however few rows each list reads", async () => {
    const now = new Date();
    const slugs = bank.questions.slice(0, 12).map((q) => q.slug);
    for (const slug of slugs) await answer(many.id, slug, weak());
    // Three due today, the other nine coming back later, each on a day of its own.
    for (const [index, slug] of slugs.entries()) {
      const dueAt = index < 3 ? new Date(now.getTime() - (index + 1) * DAY) : new Date(endOfDay(now).getTime() + index * DAY);
      await db.reviewItem.updateMany({ where: { userId: many.id, question: { slug } }, data: { dueAt } });
    }
    const queue = await reviewQueue(db, many.id, now, { dueLimit: 2, upcomingLimit: 8 });
    expect(queue.due).toHaveLength(2);
    expect(queue.dueTotal).toBe(3);
    expect(queue.upcoming.map((entry) => entry.slug)).toEqual(slugs.slice(3, 11));
    expect(queue.upcomingTotal).toBe(9);
    expect(queue.total).toBe(12);
    const all = await reviewQueue(db, many.id, now, { upcomingLimit: 200 });
    expect(all.upcoming.map((entry) => entry.slug)).toEqual(slugs.slice(3));
    expect(all.upcomingTotal).toBe(9);
  });

  it("follows a later score of the latest attempt (an override, a re-score), but not of an older one, and keeps the schedule", async () => {
    const slug = "stream-windowing";
    const grader = { id: "user-grader", name: "Gil", email: "gil@example.test" };
    await db.user.create({ data: grader });
    const first = await answer(fourth.id, slug, weak());
    const second = await answer(fourth.id, slug, weak());
    const before = (await reviewStateFor(db, fourth.id, slug))!;
    expect(before.lastScore).toBeLessThan(3);
    expect(before.missedItemIds.length).toBeGreaterThan(0);

    // Overriding the older attempt changes nothing in the queue: it is not the last try.
    await overrideAttemptScore(db, { attemptId: first.attemptId, score: 8.5, comment: "Generous on the first try.", actorId: grader.id });
    expect((await reviewStateFor(db, fourth.id, slug))!.lastScore).toBe(before.lastScore);

    // Overriding the latest one shows the instructor's score; the checklist (and so the missed points) is carried over.
    await overrideAttemptScore(db, { attemptId: second.attemptId, score: 9, comment: "The idea is there.", actorId: grader.id });
    const overridden = (await reviewStateFor(db, fourth.id, slug))!;
    expect(overridden.lastScore).toBe(9);
    expect([...overridden.missedItemIds].sort()).toEqual([...before.missedItemIds].sort());
    expect(overridden.dueAt.getTime()).toBe(before.dueAt.getTime());
    expect(overridden.intervalDays).toBe(before.intervalDays);

    // A score that meets every required point empties the missed list.
    const current = await db.score.findFirstOrThrow({ where: { attemptId: second.attemptId, isCurrent: true }, select: { id: true } });
    await db.scoreItem.updateMany({ where: { scoreId: current.id, kind: "required" }, data: { met: true } });
    expect(await refreshReviewFromCurrentScore(db, [second.attemptId, first.attemptId])).toBe(1);
    expect((await reviewStateFor(db, fourth.id, slug))!.missedItemIds).toEqual([]);
  });

  it("keeps each user's queue to themselves", async () => {
    const mine = await reviewQueue(db, user.id, new Date(Date.now() + 30 * DAY));
    expect(mine.due.map((entry) => entry.slug).sort()).toEqual(["kafka-keys-and-ordering", "kafka-retention-replay"]);
    expect(await reviewStateFor(db, user.id, "stream-joins")).toBeNull();
  });
});
