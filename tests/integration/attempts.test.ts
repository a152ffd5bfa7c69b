import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAttempt } from "@/app/api/attempts/[id]/route";
import { GET as listAttemptsRoute, POST as postAttempt } from "@/app/api/attempts/route";
import { previousTryScore } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { submitAnswer } from "@/lib/practice/submit";
import { MAX_ANSWER_CHARS } from "@/lib/scoring";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { createTestUser, requestAs, type TestUser } from "../support/users";

const GOOD_ANSWER =
  "Kafka is a distributed append-only commit log. LinkedIn built it to replace a tangle of point-to-point integrations. " +
  "Topics are split into partitions spread across brokers, so reads and writes scale in parallel. " +
  "Each consumer group tracks its offset, so a consumer resumes where it left off and can replay history. " +
  "Records are retained for a configured period, days or weeks, whether or not anyone read them. " +
  "A database stores the current state; Kafka stores the history of changes. " +
  "RabbitMQ pushes messages and deletes them once acknowledged, while Kafka consumers pull and many groups can read the same topic.";

let database: TempDatabase;
let alice: TestUser;
let bob: TestUser;
let instructor: TestUser;

beforeAll(async () => {
  database = await setupAppDatabase({ OFFSET_SUBMITS_PER_MINUTE: "6" });
  alice = await createTestUser("candidate", "Alice");
  bob = await createTestUser("candidate", "Bob");
  instructor = await createTestUser("instructor", "Ines");
});
afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

describe("submitAnswer", () => {
  it("stores the attempt, scores it with evidence and schedules a review", async () => {
    const outcome = await submitAnswer(db(), { userId: alice.id, questionSlug: "kafka-what-and-why", answer: GOOD_ANSWER, timeSpentMs: 95_000 });
    expect(outcome.duplicate).toBe(false);
    // Every point is right but stated without mechanism or trade-offs: a good, not a top, score.
    expect(outcome.result!.score).toBeGreaterThanOrEqual(6);
    expect(outcome.result!.score).toBeLessThan(9);
    const stored = await db().attempt.findUniqueOrThrow({ where: { id: outcome.attemptId }, include: { scores: { include: { items: true } } } });
    expect(stored).toMatchObject({ status: "scored", timeSpentMs: 95_000, answer: GOOD_ANSWER, llmStatus: "not_requested" });
    expect(stored.scores).toHaveLength(1);
    expect(stored.scores[0]).toMatchObject({ scorer: "rules", reason: "initial", isCurrent: true, score: outcome.result!.score });
    // The times the submit path reads back from its own statements are the stored ones, in UTC.
    expect(outcome.fresh!.createdAt.toISOString()).toBe(stored.createdAt.toISOString());
    expect(outcome.fresh!.scoredAt.toISOString()).toBe(stored.scores[0]!.createdAt.toISOString());
    const partitions = stored.scores[0]!.items.find((item) => item.itemId === "partitions-for-scale");
    expect(partitions?.met).toBe(true);
    expect(partitions?.evidence[0]).toContain("partitions spread across brokers");
    const review = await db().reviewItem.findFirstOrThrow({ where: { userId: alice.id } });
    expect(review.dueAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("finds the score of the last earlier try at the same question, and none on a first try", async () => {
    const user = await createTestUser("candidate", "Tess");
    const first = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-what-and-why", answer: "Kafka is a log. Consumers read it." });
    await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-architecture", answer: "Brokers store partitions on disk." });
    const second = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-what-and-why", answer: GOOD_ANSWER });
    const third = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-what-and-why", answer: "Kafka keeps records in partitions." });
    const attempt = (id: string) => db().attempt.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true, questionId: true, createdAt: true } });
    expect(await previousTryScore(db(), await attempt(first.attemptId))).toBeNull();
    expect(await previousTryScore(db(), await attempt(second.attemptId))).toBe(first.result!.score);
    // The other question's attempt in between does not count; the latest earlier try does.
    expect(await previousTryScore(db(), await attempt(third.attemptId))).toBe(second.result!.score);
    // Someone else's tries never count.
    const other = await submitAnswer(db(), { userId: bob.id, questionSlug: "kafka-what-and-why", answer: GOOD_ANSWER });
    expect(await previousTryScore(db(), await attempt(other.attemptId))).toBeNull();
  });

  it("makes one attempt from a repeated idempotency key", async () => {
    const input = { userId: alice.id, questionSlug: "kafka-architecture", answer: "Brokers store partitions.", idempotencyKey: "double-click-1234" };
    const first = await submitAnswer(db(), input);
    const second = await submitAnswer(db(), input);
    expect(second).toMatchObject({ attemptId: first.attemptId, duplicate: true });
    expect(await db().attempt.count({ where: { userId: alice.id, idempotencyKey: "double-click-1234" } })).toBe(1);
  });

  it("refuses empty, over-long and unknown-question answers without storing anything", async () => {
    const before = await db().attempt.count();
    await expect(submitAnswer(db(), { userId: bob.id, questionSlug: "kafka-architecture", answer: "   " })).rejects.toMatchObject({ code: "bad_request", field: "answer" });
    await expect(submitAnswer(db(), { userId: bob.id, questionSlug: "kafka-architecture", answer: "x".repeat(MAX_ANSWER_CHARS + 1) })).rejects.toThrow(
      /the limit is 20,000/,
    );
    await expect(submitAnswer(db(), { userId: bob.id, questionSlug: "no-such-question", answer: "hello" })).rejects.toMatchObject({ field: "question" });
    expect(await db().attempt.count()).toBe(before);
  });

  it("rate-limits submissions per user with a clear message", async () => {
    const user = await createTestUser();
    for (let index = 0; index < 6; index++) {
      await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-architecture", answer: `Answer number ${index} about brokers.` });
    }
    const error = await submitAnswer(db(), { userId: user.id, questionSlug: "kafka-architecture", answer: "One too many." }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).message).toMatch(/submitted 6 answers in the last minute.*again in \d+ s/);
    // Another user is not affected.
    await expect(submitAnswer(db(), { userId: bob.id, questionSlug: "kafka-architecture", answer: "Brokers store data." })).resolves.toBeTruthy();
  });
});

describe("the attempts API", () => {
  let aliceAttemptId: string;

  it("POST creates an attempt and returns it with its score (201)", async () => {
    const response = await postAttempt(
      requestAs(alice, "/api/attempts", { method: "POST", body: { question: "kafka-what-and-why", answer: GOOD_ANSWER, idempotencyKey: "api-key-00001" }, headers: { origin: "http://localhost:3000" } }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { attempt: { id: string; status: string; score: { score: number; scorer: string; items: { id: string; met: boolean; evidence: string[] }[] } } };
    expect(body.attempt.status).toBe("scored");
    expect(body.attempt.score.scorer).toBe("rules");
    expect(body.attempt.score.items.find((item) => item.id === "vs-rabbitmq")?.met).toBe(true);
    aliceAttemptId = body.attempt.id;
    // The POST answer is built without re-reading the attempt; it must be exactly what GET returns.
    const fetched = await getAttempt(requestAs(alice, `/api/attempts/${aliceAttemptId}`), { params: Promise.resolve({ id: aliceAttemptId }) });
    expect(((await fetched.json()) as { attempt: unknown }).attempt).toEqual(body.attempt);

    const again = await postAttempt(requestAs(alice, "/api/attempts", { method: "POST", body: { question: "kafka-what-and-why", answer: GOOD_ANSWER, idempotencyKey: "api-key-00001" } }));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { attempt: { id: string }; duplicate: boolean })).toMatchObject({ attempt: { id: aliceAttemptId }, duplicate: true });
  });

  it.each([
    [{ rawBody: "{not json" }, "body", /not valid JSON/],
    [{ body: { answer: "hi" } }, "question", /question: is required/],
    [{ body: { question: "kafka-architecture" } }, "answer", /answer: is required/],
    [{ body: { question: "kafka-architecture", answer: "hi", bogus: 1 } }, "body", /bogus/],
    [{ body: { question: "kafka-architecture", answer: "hi", timeSpentMs: -5 } }, "timeSpentMs", /timeSpentMs/],
  ])("POST with bad input → 400 naming the field (%#)", async (init, field, message) => {
    const response = await postAttempt(requestAs(alice, "/api/attempts", { method: "POST", ...init }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(message);
  });

  it("POST refuses a signed-out caller (401) and a cross-site browser request (403)", async () => {
    expect((await postAttempt(requestAs(null, "/api/attempts", { method: "POST", body: { question: "kafka-architecture", answer: "hi" } }))).status).toBe(401);
    const crossSite = await postAttempt(
      requestAs(alice, "/api/attempts", { method: "POST", body: { question: "kafka-architecture", answer: "hi" }, headers: { origin: "https://evil.example" } }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("GET lists only the caller's attempts, paginated", async () => {
    const response = await listAttemptsRoute(requestAs(alice, "/api/attempts?pageSize=2&page=1"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; pages: number; attempts: { id: string }[] };
    const aliceCount = await db().attempt.count({ where: { userId: alice.id } });
    expect(body.total).toBe(aliceCount);
    expect(body.attempts).toHaveLength(2);
    expect(body.pages).toBe(Math.ceil(aliceCount / 2));
    const bobs = (await (await listAttemptsRoute(requestAs(bob, "/api/attempts?pageSize=100"))).json()) as { attempts: { id: string }[] };
    expect(bobs.attempts.map((attempt) => attempt.id)).not.toContain(aliceAttemptId);
    expect((await listAttemptsRoute(requestAs(alice, "/api/attempts?pageSize=500"))).status).toBe(400);
    const impossible = await listAttemptsRoute(requestAs(alice, "/api/attempts?from=2026-02-31"));
    expect(impossible.status).toBe(400);
    expect(((await impossible.json()) as { error: { field: string; message: string } }).error).toMatchObject({ field: "from", message: "from: must be a real date like 2026-01-31" });
    // The end day is inclusive: today's attempts are in a list that ends today.
    const today = new Date().toISOString().slice(0, 10);
    const endingToday = (await (await listAttemptsRoute(requestAs(alice, `/api/attempts?to=${today}&pageSize=100`))).json()) as { total: number };
    expect(endingToday.total).toBe(aliceCount);
  });

  it("GET /api/attempts/:id is 404 for anyone but the owner, an instructor or an admin", async () => {
    const read = (user: TestUser | null, id = aliceAttemptId) => getAttempt(requestAs(user, `/api/attempts/${id}`), { params: Promise.resolve({ id }) });
    expect((await read(alice)).status).toBe(200);
    expect((await read(instructor)).status).toBe(200);
    expect((await read(bob)).status).toBe(404);
    expect((await read(null)).status).toBe(401);
    expect((await read(alice, "00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await read(alice, "not-a-uuid")).status).toBe(404);
  });
});
