import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { startWorkers } from "@/lib/jobs/workers";
import { stopQueue } from "@/lib/jobs/queue";
import { refineAttempt } from "@/lib/practice/refine";
import { submitAnswer } from "@/lib/practice/submit";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai";
import { createTestUser, type TestUser } from "../support/users";

const ANSWER =
  "Kafka is a distributed append-only log. Topics are split into partitions spread across brokers so throughput scales in parallel. " +
  "Consumers track offsets so they can resume after a crash and replay history.";

let database: TempDatabase;
let fake: FakeOpenAI;
let user: TestUser;
const llm = (behaviour: string) => ({ apiKey: "test-key", baseURL: fake.url, model: `fake-${behaviour}`, timeoutMs: 800 });

beforeAll(async () => {
  fake = await startFakeOpenAI({ behaviour: "good" });
  database = await setupAppDatabase({ OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake-model" });
  user = await createTestUser();
});
afterAll(async () => {
  await stopQueue();
  await fake.close();
  await db().$disconnect();
  await database.drop();
});

async function submitted() {
  const queued: string[] = [];
  const outcome = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-what-and-why", answer: ANSWER }, { enqueue: async (id) => void queued.push(id) });
  expect(queued).toEqual([outcome.attemptId]);
  return outcome;
}

describe("LLM refinement of a stored attempt", () => {
  it("queues a refinement when an OpenAI key is set, and keeps the rules score until it lands", async () => {
    const outcome = await submitted();
    expect(outcome.llmQueued).toBe(true);
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: outcome.attemptId }, include: { scores: true } });
    expect(attempt.llmStatus).toBe("pending");
    expect(attempt.scores.map((score) => score.scorer)).toEqual(["rules"]);
    expect(await db().llmUsage.count({ where: { userId: user.id, kind: "refinement" } })).toBeGreaterThanOrEqual(1);
  });

  it("adds the LLM score as current, with model and prompt version, keeping the rules score", async () => {
    const { attemptId } = await submitted();
    expect(await refineAttempt(db(), { attemptId, finalTry: false, llm: llm("good") })).toBe("refined");
    const scores = await db().score.findMany({ where: { attemptId }, orderBy: { createdAt: "asc" } });
    expect(scores.map((score) => [score.scorer, score.reason, score.isCurrent])).toEqual([
      ["rules", "initial", false],
      ["llm", "llm_refinement", true],
    ]);
    expect(scores[1]).toMatchObject({ model: "fake-good" });
    expect(scores[1]!.promptVersion).toBeTruthy();
    expect((await db().attempt.findUniqueOrThrow({ where: { id: attemptId } })).llmStatus).toBe("done");
    // The review queue shows the refined score, not the rules score it replaced.
    const review = await db().reviewItem.findFirstOrThrow({ where: { userId: user.id, question: { slug: "kafka-what-and-why" } } });
    expect(review.lastScore).toBe(scores[1]!.score);
  });

  it("asks for a retry on a failure and gives up on the final try, leaving the rules score", async () => {
    const broken = await startFakeOpenAI({ behaviour: "http-500" });
    try {
      const { attemptId } = await submitted();
      const config = { apiKey: "test-key", baseURL: broken.url, model: "fake-500", timeoutMs: 800 };
      expect(await refineAttempt(db(), { attemptId, finalTry: false, llm: config })).toBe("retry");
      expect(await refineAttempt(db(), { attemptId, finalTry: true, llm: config })).toBe("gave-up");
      const attempt = await db().attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { scores: true } });
      expect(attempt.llmStatus).toBe("failed");
      expect(attempt.llmError).toMatch(/LLM scorer unavailable/);
      expect(attempt.scores.map((score) => [score.scorer, score.isCurrent])).toEqual([["rules", true]]);
    } finally {
      await broken.close();
    }
  });

  it("runs through the real pg-boss queue and worker", async () => {
    await startWorkers();
    const outcome = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-what-and-why", answer: ANSWER });
    expect(outcome.llmQueued).toBe(true);
    await expect
      .poll(async () => (await db().attempt.findUniqueOrThrow({ where: { id: outcome.attemptId } })).llmStatus, { timeout: 30_000, interval: 250 })
      .toBe("done");
    const current = await db().score.findFirstOrThrow({ where: { attemptId: outcome.attemptId, isCurrent: true } });
    expect(current.scorer).toBe("llm");
  });
});
