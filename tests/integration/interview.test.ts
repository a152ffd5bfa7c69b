// Mock interviews end to end on a real Postgres: planning, answering through the real submit
// service (rules scorer), resuming, finishing with a stored summary, and ownership.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { LEVELS } from "@/lib/content/levels";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { AppError } from "@/lib/errors";
import type { InterviewSummary } from "@/lib/practice/assessment";
import { abandonInterview, advanceInterview, finishInterview, listInterviews, loadInterview, startInterview, submitInterviewAnswer } from "@/lib/practice/interview";
import { createTempDatabase, type TempDatabase } from "../support/database";

const bank = loadContentBank();
const byslug = new Map(bank.questions.map((question) => [question.slug, question]));
const rank = (slug: string) => LEVELS.find((level) => level.id === byslug.get(slug)!.level)!.rank;
const noQueue = { enqueue: async () => {} };

/** An answer that says every point of the rubric in its own "say it like this" words. */
const fullAnswer = (question: Question) => question.rubric.items.flatMap((item) => (item.hint ? [item.hint] : [])).join(" ");
/** The same, minus the points whose hint names a configuration key. */
const answerWithoutConfigs = (question: Question) =>
  question.rubric.items.flatMap((item) => (item.hint && !/\b[a-z]{2,}(?:\.[a-z_]{2,})+\b|acks=/.test(item.hint) ? [item.hint] : [])).join(" ");

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === code);
}

describe("mock interviews", () => {
  let database: TempDatabase;
  let db: Db;
  const alice = { id: "user-alice", name: "Alice", email: "alice@example.test" };
  const bob = { id: "user-bob", name: "Bob", email: "bob@example.test" };
  const carol = { id: "user-carol", name: "Carol", email: "carol@example.test" };

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    await syncQuestionBank(db, bank);
    await db.user.createMany({ data: [alice, bob, carol] });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  let sessionId: string;

  it("plans five questions of the chosen track, ranks 1 to 5, and allows one open interview at a time", async () => {
    ({ id: sessionId } = await startInterview(db, { userId: alice.id, track: "kafka", feedbackTiming: "after_each" }));
    const view = (await loadInterview(db, { userId: alice.id, sessionId }))!;
    expect(view.questions).toHaveLength(5);
    expect(view.questions.map((question) => question.track)).toEqual(Array(5).fill("kafka"));
    expect(view.questions.map((question) => rank(question.slug))).toEqual([1, 2, 3, 4, 5]);
    expect(view.stage).toEqual({ kind: "question", position: 0 });
    await expectAppError(startInterview(db, { userId: alice.id, track: "streaming", feedbackTiming: "at_end" }), "conflict");
    await expectAppError(startInterview(db, { userId: bob.id, track: "no-such-track", feedbackTiming: "at_end" }), "bad_request");
  });

  it("keeps another user out: loading is a 404 and every action is not_found", async () => {
    expect(await loadInterview(db, { userId: bob.id, sessionId })).toBeNull();
    expect(await loadInterview(db, { userId: bob.id, sessionId: "not-a-uuid" })).toBeNull();
    const slug = (await loadInterview(db, { userId: alice.id, sessionId }))!.questions[0]!.slug;
    await expectAppError(submitInterviewAnswer(db, { userId: bob.id, sessionId, position: 0, answer: fullAnswer(byslug.get(slug)!) }, noQueue), "not_found");
    await expectAppError(advanceInterview(db, { userId: bob.id, sessionId }), "not_found");
    await expectAppError(finishInterview(db, { userId: bob.id, sessionId }), "not_found");
    await expectAppError(abandonInterview(db, { userId: bob.id, sessionId }), "not_found");
    expect(await db.attempt.count({ where: { userId: bob.id } })).toBe(0);
    expect((await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("in_progress");
  });

  it("shows feedback after each answer, resumes on the same step, and refuses an answer for the wrong position", async () => {
    const view = (await loadInterview(db, { userId: alice.id, sessionId }))!;
    const first = byslug.get(view.questions[0]!.slug)!;
    await expectAppError(submitInterviewAnswer(db, { userId: alice.id, sessionId, position: 2, answer: fullAnswer(first) }, noQueue), "bad_request");
    const outcome = await submitInterviewAnswer(db, { userId: alice.id, sessionId, position: 0, answer: fullAnswer(first), timeSpentMs: 200_000 }, noQueue);
    expect(outcome).toMatchObject({ duplicate: false, finished: false });
    // "The tab closes": a fresh load lands on the same feedback, then on the next question.
    const resumed = (await loadInterview(db, { userId: alice.id, sessionId }))!;
    expect(resumed.stage).toEqual({ kind: "feedback", position: 0, last: false });
    expect(resumed.questions[0]!.attempt).toMatchObject({ id: outcome.attemptId, status: "scored", timeSpentMs: 200_000 });
    expect((await loadInterview(db, { userId: alice.id, sessionId }))!.stage).toEqual(resumed.stage);
    // A retried submit for the answered position stores nothing new.
    const again = await submitInterviewAnswer(db, { userId: alice.id, sessionId, position: 0, answer: "a second try" }, noQueue);
    expect(again).toMatchObject({ attemptId: outcome.attemptId, duplicate: true });
    await advanceInterview(db, { userId: alice.id, sessionId });
    expect((await loadInterview(db, { userId: alice.id, sessionId }))!.stage).toEqual({ kind: "question", position: 1 });
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: outcome.attemptId } });
    expect(attempt).toMatchObject({ mockSessionId: sessionId, mockPosition: 0, userId: alice.id });
  });

  it("completes after five answers with a stored summary: five rows and their average", async () => {
    const view = (await loadInterview(db, { userId: alice.id, sessionId }))!;
    for (const position of [1, 2, 3, 4]) {
      const question = byslug.get(view.questions[position]!.slug)!;
      const answer = position % 2 === 0 ? fullAnswer(question) : answerWithoutConfigs(question);
      await submitInterviewAnswer(db, { userId: alice.id, sessionId, position, answer, timeSpentMs: (question.timeBudgetMinutes + (position === 4 ? 2 : -1)) * 60_000 }, noQueue);
      const stage = (await loadInterview(db, { userId: alice.id, sessionId }))!.stage;
      expect(stage).toEqual({ kind: "feedback", position, last: position === 4 });
      expect(await advanceInterview(db, { userId: alice.id, sessionId })).toEqual({ finished: position === 4 });
    }
    const done = (await loadInterview(db, { userId: alice.id, sessionId }))!;
    expect(done.status).toBe("completed");
    expect(done.stage).toEqual({ kind: "completed" });
    const stored = await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.completedAt).not.toBeNull();
    const summary = stored.summary as unknown as InterviewSummary;
    expect(summary.rows).toHaveLength(5);
    expect(summary.rows.map((row) => row.slug)).toEqual(stored.questionSlugs);
    const scores = await db.score.findMany({ where: { isCurrent: true, attempt: { mockSessionId: sessionId } }, select: { score: true } });
    expect(scores).toHaveLength(5);
    const mean = scores.reduce((sum, score) => sum + score.score, 0) / 5;
    expect(summary.average).toBeCloseTo(Math.round(mean * 10) / 10, 5);
    expect(summary.rows[4]!.overtime).toBe(true);
    expect(summary.assessment.headline).toContain("Apache Kafka");
    expect(summary.assessment.overview.length).toBeGreaterThan(40);
    // Finishing again returns the stored summary; a finished interview takes no more answers.
    expect(await finishInterview(db, { userId: alice.id, sessionId })).toEqual(summary);
    await expectAppError(submitInterviewAnswer(db, { userId: alice.id, sessionId, position: 0, answer: "late" }, noQueue), "conflict");
  });

  it("with feedback at the end, goes straight on, resumes mid-way, and finishes itself after the fifth answer", async () => {
    const { id } = await startInterview(db, { userId: carol.id, track: "kafka", feedbackTiming: "at_end" });
    const view = (await loadInterview(db, { userId: carol.id, sessionId: id }))!;
    const slugs = view.questions.map((question) => question.slug);
    for (const position of [0, 1]) {
      await submitInterviewAnswer(db, { userId: carol.id, sessionId: id, position, answer: answerWithoutConfigs(byslug.get(slugs[position]!)!) }, noQueue);
    }
    const resumed = (await loadInterview(db, { userId: carol.id, sessionId: id }))!;
    expect(resumed.stage).toEqual({ kind: "question", position: 2 });
    expect(resumed.questions.map((question) => question.slug)).toEqual(slugs);
    expect(resumed.answeredCount).toBe(2);
    let finished = false;
    for (const position of [2, 3, 4]) {
      ({ finished } = await submitInterviewAnswer(db, { userId: carol.id, sessionId: id, position, answer: answerWithoutConfigs(byslug.get(slugs[position]!)!) }, noQueue));
    }
    expect(finished).toBe(true);
    const done = (await loadInterview(db, { userId: carol.id, sessionId: id }))!;
    expect(done.stage.kind).toBe("completed");
    expect(done.summary!.rows).toHaveLength(5);
    // Every answer left out the configuration keys: that is the gap the assessment names.
    expect(done.summary!.assessment.gap?.theme).toBe("config");
    expect(done.summary!.assessment.study.length).toBeGreaterThan(0);
    expect(done.summary!.assessment.study.every((item) => slugs.includes(item.slug))).toBe(true);
  });

  it("abandons an interview, lists it, and then lets a new one start", async () => {
    const { id } = await startInterview(db, { userId: bob.id, track: "streaming", feedbackTiming: "at_end" });
    await abandonInterview(db, { userId: bob.id, sessionId: id });
    expect((await loadInterview(db, { userId: bob.id, sessionId: id }))!.stage).toEqual({ kind: "abandoned" });
    await expectAppError(finishInterview(db, { userId: bob.id, sessionId: id }), "conflict");
    const list = await listInterviews(db, bob.id);
    expect(list.map((entry) => [entry.id, entry.status])).toEqual([[id, "abandoned"]]);
    const next = await startInterview(db, { userId: bob.id, track: "streaming", feedbackTiming: "after_each" });
    expect(next.id).not.toBe(id);
  });

  it("plans around what the user has practised most", async () => {
    // Alice has now answered one question per kafka level; a fresh plan prefers the ones she has not.
    const { id } = await startInterview(db, { userId: alice.id, track: "kafka", feedbackTiming: "after_each", seed: "5b1f1c1e-8c57-4a43-9a52-1d8f7f4f1a01" });
    const first = await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } });
    const second = await db.mockSession.findUniqueOrThrow({ where: { id } });
    const perLevel = (slug: string) => bank.questions.filter((question) => question.track === "kafka" && question.level === byslug.get(slug)!.level).length;
    second.questionSlugs.forEach((slug, position) => {
      if (perLevel(slug) > 1) expect(slug).not.toBe(first.questionSlugs[position]);
    });
    expect(second.id).toBe("5b1f1c1e-8c57-4a43-9a52-1d8f7f4f1a01");
  });
});
