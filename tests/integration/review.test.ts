// The review queue on a real Postgres: answers scheduled through the real submit service (which
// calls recordReview), what is due and in which order, and how scores move the next review.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { dueReviews } from "@/lib/practice/review";
import { dueTodayCount, endOfDay, nextDueQuestion, reviewQueue, reviewStateFor } from "@/lib/practice/review-queue";
import { submitAnswer } from "@/lib/practice/submit";
import { createTempDatabase, type TempDatabase } from "../support/database";

const bank = loadContentBank();
const question = (slug: string) => bank.questions.find((candidate) => candidate.slug === slug)!;
const strong = (q: Question) => q.rubric.items.flatMap((item) => (item.hint ? [item.hint] : [])).join(" ");
const weak = () => "It moves data between systems and a lot of companies use it for streaming things quickly.";
const DAY = 24 * 60 * 60 * 1000;
const noQueue = { enqueue: async () => {} };

describe("review queue", () => {
  let database: TempDatabase;
  let db: Db;
  const user = { id: "user-reviewer", name: "Rae", email: "rae@example.test" };
  const other = { id: "user-other", name: "Oz", email: "oz@example.test" };
  let key = 0;
  const answer = (userId: string, slug: string, text: string) =>
    submitAnswer(db, { userId, questionSlug: slug, answer: text, idempotencyKey: `review-test-${(key += 1)}` }, noQueue);

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    await syncQuestionBank(db, bank);
    await db.user.createMany({ data: [user, other] });
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
    expect(goodState.lastScore).toBeGreaterThanOrEqual(8);
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

  it("keeps each user's queue to themselves", async () => {
    const mine = await reviewQueue(db, user.id, new Date(Date.now() + 30 * DAY));
    expect(mine.due.map((entry) => entry.slug).sort()).toEqual(["kafka-keys-and-ordering", "kafka-retention-replay"]);
    expect(await reviewStateFor(db, user.id, "stream-joins")).toBeNull();
  });
});
