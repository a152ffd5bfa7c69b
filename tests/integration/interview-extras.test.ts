// Mock interviews, the parts added on top of the five-question flow, on a real Postgres through the
// real services: skipping a question (stored on the session, no attempt) and taking the skip back, and
// the interviewer's follow-up after each answer (chosen by the answer's weakest point, answered or
// skipped, scored against that point, kept out of attempts and the review queue).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { AppError } from "@/lib/errors";
import type { InterviewSummary } from "@/lib/practice/assessment";
import { chooseFollowUp } from "@/lib/practice/follow-up";
import { llmFollowUpWriter } from "@/lib/practice/follow-up-llm";
import {
  advanceInterview,
  answerInterviewFollowUp,
  finishInterview,
  inProgressInterview,
  loadInterview,
  skipInterviewFollowUp,
  skipInterviewQuestion,
  startInterview,
  submitInterviewAnswer,
  undoSkipInterviewQuestion,
} from "@/lib/practice/interview";
import { claimLlmCall } from "@/lib/practice/limits";
import { scoreWithRules } from "@/lib/scoring";
import { startFakeOpenAI } from "../support/fake-openai";
import { createTempDatabase, type TempDatabase } from "../support/database";

const bank = loadContentBank();
const byslug = new Map(bank.questions.map((question) => [question.slug, question]));
const noQueue = { enqueue: async () => {} };
const fullAnswer = (question: Question) => question.rubric.items.flatMap((item) => (item.hint ? [item.hint] : [])).join(" ");

/**
 * An answer that says every point in its own "say it like this" words except one that a follow-up of
 * the question is about, and the follow-up the rules' result of it should bring (worked out here from
 * the same pure functions the service uses).
 */
function answerMissingOnePoint(question: Question) {
  const required = question.rubric.items.filter((item) => item.kind === "required");
  const dropped =
    required.find((missed) => chooseFollowUp({ followUps: question.followUps, rubric: question.rubric, standings: question.rubric.items.map((item) => ({ id: item.id, met: item.id !== missed.id })) })?.match === "weakest") ??
    required[0]!;
  const text = question.rubric.items.flatMap((item) => (item.hint && item.id !== dropped.id ? [item.hint] : [])).join(" ");
  const result = scoreWithRules({ question, answer: text, vocabulary: bank.vocabulary, claims: bank.claims });
  const standings = result.items.map((item) => ({ id: item.id, met: item.met, ...(item.depth ? { depth: item.depth } : {}), ...(item.rejection ? { rejected: true } : {}) }));
  return { text, dropped, expected: chooseFollowUp({ followUps: question.followUps, rubric: question.rubric, standings })! };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === code);
}

describe("mock interview extras", () => {
  let database: TempDatabase;
  let db: Db;
  const dana = { id: "user-dana", name: "Dana", email: "dana@example.test" };
  const erin = { id: "user-erin", name: "Erin", email: "erin@example.test" };
  const finn = { id: "user-finn", name: "Finn", email: "finn@example.test" };
  const gus = { id: "user-gus", name: "Gus", email: "gus@example.test" };
  const hal = { id: "user-hal", name: "Hal", email: "hal@example.test" };

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    await syncQuestionBank(db, bank);
    await db.user.createMany({ data: [dana, erin, finn, gus, hal] });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  describe("skipping a question", () => {
    let sessionId: string;
    let slugs: string[];
    const answer = (position: number) => submitInterviewAnswer(db, { userId: dana.id, sessionId, position, answer: fullAnswer(byslug.get(slugs[position]!)!) }, noQueue);

    it("moves on without storing an attempt, survives a reload, and can be undone until the next step", async () => {
      ({ id: sessionId } = await startInterview(db, { userId: dana.id, track: "kafka", feedbackTiming: "after_each" }));
      slugs = (await loadInterview(db, { userId: dana.id, sessionId }))!.questions.map((question) => question.slug);
      await expectAppError(skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 1 }), "bad_request");
      await expectAppError(skipInterviewQuestion(db, { userId: erin.id, sessionId, position: 0 }), "not_found");

      await skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 0 });
      // A double click changes nothing.
      await skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 0 });
      const view = (await loadInterview(db, { userId: dana.id, sessionId }))!;
      expect(view.stage).toEqual({ kind: "question", position: 1 });
      expect(view.questions[0]).toMatchObject({ skipped: true, attempt: null });
      expect(view).toMatchObject({ skippedCount: 1, answeredCount: 0, undoableSkip: 0 });
      expect(await db.attempt.count({ where: { userId: dana.id } })).toBe(0);
      expect(await db.reviewItem.count({ where: { userId: dana.id } })).toBe(0);
      expect(await inProgressInterview(db, dana.id)).toMatchObject({ answered: 0, skipped: 1 });

      await undoSkipInterviewQuestion(db, { userId: dana.id, sessionId, position: 0 });
      const undone = (await loadInterview(db, { userId: dana.id, sessionId }))!;
      expect(undone.stage).toEqual({ kind: "question", position: 0 });
      expect(undone).toMatchObject({ skippedCount: 0, undoableSkip: null });
      await expectAppError(undoSkipInterviewQuestion(db, { userId: dana.id, sessionId, position: 1 }), "bad_request");
    });

    it("keeps a skip once the next question is answered, and refuses an answer for a skipped question", async () => {
      await answer(0);
      await advanceInterview(db, { userId: dana.id, sessionId });
      await skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 1 });
      await expectAppError(answer(1), "bad_request");
      await answer(2);
      await expectAppError(undoSkipInterviewQuestion(db, { userId: dana.id, sessionId, position: 1 }), "conflict");
      expect((await loadInterview(db, { userId: dana.id, sessionId }))!.stage).toEqual({ kind: "feedback", position: 2, last: false });
    });

    it("lands on 'See your results' after skipping the last question, and the summary counts skips as 0", async () => {
      await advanceInterview(db, { userId: dana.id, sessionId });
      await answer(3);
      await advanceInterview(db, { userId: dana.id, sessionId });
      await skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 4 });
      const ready = (await loadInterview(db, { userId: dana.id, sessionId }))!;
      expect(ready.stage).toEqual({ kind: "ready-to-finish" });
      expect(ready.undoableSkip).toBe(4);
      const summary = await finishInterview(db, { userId: dana.id, sessionId });
      expect(summary.rows.map((row) => Boolean(row.skipped))).toEqual([false, true, false, false, true]);
      expect(summary.rows.filter((row) => row.skipped).every((row) => row.score === 0 && row.attemptId === null)).toBe(true);
      const scores = await db.score.findMany({ where: { isCurrent: true, attempt: { mockSessionId: sessionId } }, select: { score: true } });
      expect(scores).toHaveLength(3);
      const mean = scores.reduce((sum, score) => sum + score.score, 0) / 5;
      expect(summary.average).toBeCloseTo(Math.round(mean * 10) / 10, 5);
      expect(summary.assessment.overview).toContain("you skipped as 0");
      const stored = (await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } })).summary as unknown as InterviewSummary;
      expect(stored.rows[1]!.skipped).toBe(true);
      // Only the three answers exist as attempts.
      expect(await db.attempt.count({ where: { userId: dana.id, mockSessionId: sessionId } })).toBe(3);
      await expectAppError(skipInterviewQuestion(db, { userId: dana.id, sessionId, position: 4 }), "conflict");
    });
  });

  describe("follow-ups with feedback after each answer", () => {
    let sessionId: string;
    let slugs: string[];
    const question = (position: number) => byslug.get(slugs[position]!)!;

    it("asks none when the session was started without them (and none for sessions from before)", async () => {
      const { id } = await startInterview(db, { userId: erin.id, track: "kafka", feedbackTiming: "after_each" });
      const first = (await loadInterview(db, { userId: erin.id, sessionId: id }))!;
      expect(first.askFollowUps).toBe(false);
      await submitInterviewAnswer(db, { userId: erin.id, sessionId: id, position: 0, answer: fullAnswer(byslug.get(first.questions[0]!.slug)!) }, noQueue);
      expect((await loadInterview(db, { userId: erin.id, sessionId: id }))!.questions[0]!.followUp).toBeNull();
      expect(await db.mockFollowUp.count({ where: { sessionId: id } })).toBe(0);
    });

    it("asks the follow-up that matches the answer's weakest point, alongside the feedback", async () => {
      ({ id: sessionId } = await startInterview(db, { userId: finn.id, track: "kafka", feedbackTiming: "after_each", askFollowUps: true }));
      slugs = (await loadInterview(db, { userId: finn.id, sessionId }))!.questions.map((entry) => entry.slug);
      const { text, dropped, expected } = answerMissingOnePoint(question(0));
      await submitInterviewAnswer(db, { userId: finn.id, sessionId, position: 0, answer: text }, noQueue);
      const view = (await loadInterview(db, { userId: finn.id, sessionId }))!;
      expect(view.stage).toEqual({ kind: "feedback", position: 0, last: false });
      expect(view.questions[0]!.followUp).toMatchObject({ status: "asked", source: "list", index: expected.index, prompt: expected.prompt, answer: null, score: null });
      expect(view.questions[0]!.followUp!.targets.map((target) => target.id)).toEqual(expected.targetItemIds);
      // The follow-up presses on a point the answer did not fully earn.
      expect(view.questions[0]!.followUp!.targets.length).toBe(1);
      expect(["weakest", "weak"]).toContain(expected.match);
      expect(expected.weakest!.share).toBeLessThan(1);
      expect(dropped.kind).toBe("required");
      // A retried submit asks nothing new.
      await submitInterviewAnswer(db, { userId: finn.id, sessionId, position: 0, answer: text }, noQueue);
      expect(await db.mockFollowUp.count({ where: { sessionId } })).toBe(1);
    });

    it("scores the reply against the point it presses on, once, without adding an attempt or touching the review queue", async () => {
      await expectAppError(answerInterviewFollowUp(db, { userId: erin.id, sessionId, position: 0, answer: "Not mine to answer." }), "not_found");
      await expectAppError(answerInterviewFollowUp(db, { userId: finn.id, sessionId, position: 0, answer: "   " }), "bad_request");
      await expectAppError(answerInterviewFollowUp(db, { userId: finn.id, sessionId, position: 3, answer: "No follow-up here yet." }), "not_found");
      const followUp = (await loadInterview(db, { userId: finn.id, sessionId }))!.questions[0]!.followUp!;
      const target = question(0).rubric.items.find((item) => item.id === followUp.targets[0]!.id)!;
      const reviewBefore = await db.reviewItem.findMany({ where: { userId: finn.id } });
      const outcome = await answerInterviewFollowUp(db, { userId: finn.id, sessionId, position: 0, answer: target.hint!, answerSource: "voice", timeSpentMs: 40_000 });
      expect(outcome.duplicate).toBe(false);
      expect(outcome.score).toBeGreaterThan(5);
      const stored = await db.mockFollowUp.findFirstOrThrow({ where: { sessionId, position: 0 } });
      expect(stored).toMatchObject({ status: "answered", answer: target.hint, answerSource: "voice", timeSpentMs: 40_000, score: outcome.score });
      const result = stored.result as { items: { id: string; met: boolean; kind: string }[] };
      expect(result.items[0]).toMatchObject({ id: target.id, met: true, kind: "required" });
      // Only the target point is scored: no other required point of the question is in the result.
      expect(result.items.filter((item) => item.kind !== "misconception").map((item) => item.id)).toEqual([target.id]);
      expect(await answerInterviewFollowUp(db, { userId: finn.id, sessionId, position: 0, answer: "A second go." })).toMatchObject({ duplicate: true, score: outcome.score });
      await expectAppError(skipInterviewFollowUp(db, { userId: finn.id, sessionId, position: 0 }), "conflict");
      expect(await db.attempt.count({ where: { userId: finn.id } })).toBe(1);
      expect(await db.reviewItem.findMany({ where: { userId: finn.id } })).toEqual(reviewBefore);
      const view = (await loadInterview(db, { userId: finn.id, sessionId }))!;
      expect(view.stage).toEqual({ kind: "feedback", position: 0, last: false });
      expect(view.questions[0]!.followUp).toMatchObject({ status: "answered", score: outcome.score });
    });

    it("counts a follow-up left unanswered as skipped when the candidate moves on", async () => {
      await advanceInterview(db, { userId: finn.id, sessionId });
      await submitInterviewAnswer(db, { userId: finn.id, sessionId, position: 1, answer: fullAnswer(question(1)) }, noQueue);
      expect((await loadInterview(db, { userId: finn.id, sessionId }))!.questions[1]!.followUp?.status).toBe("asked");
      await advanceInterview(db, { userId: finn.id, sessionId });
      const view = (await loadInterview(db, { userId: finn.id, sessionId }))!;
      expect(view.stage).toEqual({ kind: "question", position: 2 });
      expect(view.questions[1]!.followUp?.status).toBe("skipped");
      await expectAppError(answerInterviewFollowUp(db, { userId: finn.id, sessionId, position: 1, answer: "Too late now." }), "conflict");
    });

    it("puts each follow-up in the summary, out of the average", async () => {
      for (const position of [2, 3, 4]) {
        await submitInterviewAnswer(db, { userId: finn.id, sessionId, position, answer: fullAnswer(question(position)) }, noQueue);
        if (position === 3) await skipInterviewFollowUp(db, { userId: finn.id, sessionId, position });
        await advanceInterview(db, { userId: finn.id, sessionId });
      }
      const summary = (await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } })).summary as unknown as InterviewSummary;
      expect(summary.rows.map((row) => row.followUp?.status)).toEqual(["answered", "skipped", "skipped", "skipped", "skipped"]);
      expect(summary.rows[0]!.followUp).toMatchObject({ covered: true, targets: [expect.any(String)] });
      const scores = await db.score.findMany({ where: { isCurrent: true, attempt: { mockSessionId: sessionId } }, select: { score: true } });
      expect(summary.average).toBeCloseTo(Math.round((scores.reduce((sum, score) => sum + score.score, 0) / 5) * 10) / 10, 5);
      expect(await db.mockFollowUp.count({ where: { sessionId, status: "asked" } })).toBe(0);
    });
  });

  describe("follow-ups with feedback at the end", () => {
    it("asks right after each answer, holds the next question until it is answered or skipped, and finishes after the last one", async () => {
      const { id: sessionId } = await startInterview(db, { userId: gus.id, track: "streaming", feedbackTiming: "at_end", askFollowUps: true });
      const slugs = (await loadInterview(db, { userId: gus.id, sessionId }))!.questions.map((entry) => entry.slug);
      const answer = (position: number) => submitInterviewAnswer(db, { userId: gus.id, sessionId, position, answer: fullAnswer(byslug.get(slugs[position]!)!) }, noQueue);
      expect(await answer(0)).toMatchObject({ finished: false });
      expect((await loadInterview(db, { userId: gus.id, sessionId }))!.stage).toEqual({ kind: "follow-up", position: 0, last: false });
      await expectAppError(answer(1), "bad_request");
      await expectAppError(skipInterviewQuestion(db, { userId: gus.id, sessionId, position: 1 }), "bad_request");
      await skipInterviewFollowUp(db, { userId: gus.id, sessionId, position: 0 });
      expect((await loadInterview(db, { userId: gus.id, sessionId }))!.stage).toEqual({ kind: "question", position: 1 });
      for (const position of [1, 2, 3]) {
        await answer(position);
        await skipInterviewFollowUp(db, { userId: gus.id, sessionId, position });
      }
      expect(await answer(4)).toMatchObject({ finished: false });
      expect((await loadInterview(db, { userId: gus.id, sessionId }))!.stage).toEqual({ kind: "follow-up", position: 4, last: true });
      const followUp = (await loadInterview(db, { userId: gus.id, sessionId }))!.questions[4]!.followUp!;
      const target = byslug.get(slugs[4]!)!.rubric.items.find((item) => item.id === followUp.targets[0]!.id)!;
      expect(await answerInterviewFollowUp(db, { userId: gus.id, sessionId, position: 4, answer: target.hint! })).toMatchObject({ finished: true });
      const done = (await loadInterview(db, { userId: gus.id, sessionId }))!;
      expect(done.stage).toEqual({ kind: "completed" });
      expect(done.summary!.rows.map((row) => row.followUp?.status)).toEqual(["skipped", "skipped", "skipped", "skipped", "answered"]);
      expect(done.summary!.rows[4]!.followUp!.score).toBeGreaterThan(5);
    });
  });

  describe("follow-ups written by the model (OPENAI_API_KEY set)", () => {
    const WRITTEN = "Suppose that point came up in a design review: how would you explain it to a sceptical colleague?";

    it("stores the model's follow-up for the weakest point, records the call in the budget, and scores the reply against that point", async () => {
      const fake = await startFakeOpenAI({
        routes: {
          "/v1/chat/completions": (_req, _body, res) => {
            const text = JSON.stringify({ id: "c", object: "chat.completion", created: 0, model: "fake-model", choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify({ followUp: WRITTEN }), refusal: null }, finish_reason: "stop", logprobs: null }] });
            res.writeHead(200, { "content-type": "application/json" });
            res.end(text);
          },
        },
      });
      try {
        const writer = llmFollowUpWriter({ config: { apiKey: "k", baseURL: fake.url, model: "fake-model", timeoutMs: 2_000 }, claim: (userId) => claimLlmCall(db, userId, "follow_up") });
        const { id: sessionId } = await startInterview(db, { userId: hal.id, track: "kafka", feedbackTiming: "after_each", askFollowUps: true });
        const slugs = (await loadInterview(db, { userId: hal.id, sessionId }))!.questions.map((entry) => entry.slug);
        const first = byslug.get(slugs[0]!)!;
        const { text, expected } = answerMissingOnePoint(first);
        await submitInterviewAnswer(db, { userId: hal.id, sessionId, position: 0, answer: text }, { ...noQueue, followUpWriter: writer });
        const followUp = (await loadInterview(db, { userId: hal.id, sessionId }))!.questions[0]!.followUp!;
        expect(followUp).toMatchObject({ source: "llm", index: null, prompt: WRITTEN, status: "asked" });
        // Aimed at the weakest point itself, even where the list had no follow-up on it.
        expect(followUp.targets.map((target) => target.id)).toEqual([expected.weakest!.id]);
        expect(await db.mockFollowUp.findFirstOrThrow({ where: { sessionId, position: 0 }, select: { model: true } })).toEqual({ model: "fake-model" });
        expect(await db.llmUsage.count({ where: { userId: hal.id, kind: "follow_up" } })).toBe(1);
        const target = first.rubric.items.find((item) => item.id === expected.weakest!.id)!;
        const outcome = await answerInterviewFollowUp(db, { userId: hal.id, sessionId, position: 0, answer: target.hint! });
        const stored = await db.mockFollowUp.findFirstOrThrow({ where: { sessionId, position: 0 } });
        expect((stored.result as { items: { id: string }[] }).items[0]!.id).toBe(target.id);
        expect(stored.score).toBe(outcome.score);

        // The model failing (or the writer giving nothing) falls back to the list.
        await advanceInterview(db, { userId: hal.id, sessionId });
        await submitInterviewAnswer(db, { userId: hal.id, sessionId, position: 1, answer: fullAnswer(byslug.get(slugs[1]!)!) }, { ...noQueue, followUpWriter: async () => null });
        const fallback = (await loadInterview(db, { userId: hal.id, sessionId }))!.questions[1]!.followUp!;
        expect(fallback.source).toBe("list");
        expect(byslug.get(slugs[1]!)!.followUps).toContain(fallback.prompt);
      } finally {
        await fake.close();
      }
    });
  });
});
