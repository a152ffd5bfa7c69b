// What the hardening probe broke, against a real Postgres: limits that hold under concurrency, one
// first admin, attempts a crash left unscored, database outages, hostile auth bodies, and bad input
// that must answer 4xx naming the problem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryConfig } from "pg";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as attemptRoute } from "@/app/api/attempts/[id]/route";
import { GET as listRoute, POST as submitRoute } from "@/app/api/attempts/route";
import { POST as importRoute } from "@/app/api/instructor/questions/[slug]/import/route";
import { auth } from "@/lib/auth/auth";
import { FAILED_SIGN_INS_ALLOWED } from "@/lib/auth/request-guard";
import { insertAttempt } from "@/lib/db/attempts";
import { db, DRIVER_POOL, driverPool, type Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { runRescoreJob } from "@/lib/instructor/rescore";
import { sweepStuckAttempts } from "@/lib/practice/finish-scoring";
import { assertAnonymousScoringAllowed, LIMITS } from "@/lib/practice/limits";
import { submitAnswer } from "@/lib/practice/submit";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { createTestUser, requestAs } from "../support/users";

const SLUG = "kafka-architecture";
const ANSWER = "Brokers store partitions of each topic; a partition's leader takes writes and followers copy them.";
let database: TempDatabase;

beforeAll(async () => {
  database = await setupAppDatabase({ OFFSET_SUBMITS_PER_MINUTE: "20" });
});
afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

function authRequest(path: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`http://localhost:3000/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000", ...headers },
    body: text,
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("the first account", () => {
  // Runs first: it needs a database with no users.
  it("becomes the only admin even when eight people sign up at once", async () => {
    for (let trial = 0; trial < 3; trial++) {
      await db().user.deleteMany({});
      await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          auth().api.signUpEmail({ body: { email: `first-${trial}-${index}@example.com`, password: "a-long-test-password", name: `First ${index}` } }),
        ),
      );
      expect(await db().user.count()).toBe(8);
      expect(await db().user.count({ where: { role: "admin" } })).toBe(1);
    }
    await db().user.deleteMany({});
  });
});

describe("the submission limit", () => {
  it("stores exactly the limit when 40 submissions race, and tells the rest when to come back", async () => {
    const user = await createTestUser();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) => submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: `${ANSWER} (${index})` })),
    );
    const refused = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => (outcome as PromiseRejectedResult).reason as AppError);
    expect(await db().attempt.count({ where: { userId: user.id } })).toBe(LIMITS.submitsPerMinute);
    expect(refused).toHaveLength(40 - LIMITS.submitsPerMinute);
    for (const error of refused) {
      expect(error.code).toBe("rate_limited");
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    }

    const response = await submitRoute(requestAs(user, "/api/attempts", { method: "POST", body: { question: SLUG, answer: ANSWER } }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("never refuses the retry of an answer already stored", async () => {
    const user = await createTestUser();
    const first = await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "retry-after-limit" });
    for (let index = 1; index < LIMITS.submitsPerMinute; index++) await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: `${ANSWER} ${index}` });
    const retry = await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "retry-after-limit" });
    expect(retry).toMatchObject({ attemptId: first.attemptId, duplicate: true });
  });

  it("limits anonymous scoring per address, each address on its own budget", async () => {
    for (let index = 0; index < LIMITS.anonymousScoresPerMinute; index++) await assertAnonymousScoringAllowed(db(), "198.51.100.7");
    const error = await rejection(assertAnonymousScoringAllowed(db(), "198.51.100.7"));
    expect(error).toMatchObject({ code: "rate_limited" });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(assertAnonymousScoringAllowed(db(), "198.51.100.8")).resolves.toBeUndefined();
  });
});

describe("attempts a crash left unscored", () => {
  async function storeUnscored(userId: string, options: { idempotencyKey?: string; status?: "pending" | "failed"; ageMs?: number } = {}) {
    const context = (await getScoringContext(db(), SLUG))!;
    const { id } = await insertAttempt(db(), {
      userId,
      questionId: context.questionId,
      rubricVersionId: context.rubricVersionId,
      answer: ANSWER,
      answerSource: "typed",
      idempotencyKey: options.idempotencyKey,
    });
    await db().attempt.update({ where: { id }, data: { status: options.status ?? "pending", createdAt: new Date(Date.now() - (options.ageMs ?? 0)) } });
    return id;
  }

  it("are scored by a retry with the same idempotency key", async () => {
    const user = await createTestUser();
    const id = await storeUnscored(user.id, { idempotencyKey: "killed-mid-submit" });
    const retry = await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "killed-mid-submit" });
    expect(retry).toMatchObject({ attemptId: id, duplicate: true });
    const stored = await db().attempt.findUniqueOrThrow({ where: { id }, include: { scores: true } });
    expect(stored.status).toBe("scored");
    expect(stored.scores).toHaveLength(1);
    expect(await db().reviewItem.count({ where: { userId: user.id } })).toBe(1);
    // A second retry finds it scored and leaves it alone.
    await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "killed-mid-submit" });
    expect(await db().score.count({ where: { attemptId: id } })).toBe(1);
  });

  it("are scored by the sweeper once they are a minute old, fresh ones left to their request", async () => {
    const user = await createTestUser();
    const old = await storeUnscored(user.id, { ageMs: 5 * 60_000 });
    const oldFailed = await storeUnscored(user.id, { status: "failed", ageMs: 2 * 60_000 });
    const fresh = await storeUnscored(user.id);
    const outcome = await sweepStuckAttempts(db());
    expect(outcome.scored).toBeGreaterThanOrEqual(2);
    const statuses = Object.fromEntries((await db().attempt.findMany({ where: { id: { in: [old, oldFailed, fresh] } } })).map((row) => [row.id, row.status]));
    expect(statuses).toEqual({ [old]: "scored", [oldFailed]: "scored", [fresh]: "pending" });
  });

  it("are included when a published rubric re-scores its question", async () => {
    const user = await createTestUser();
    const id = await storeUnscored(user.id);
    const context = (await getScoringContext(db(), SLUG))!;
    const job = await db().rescoreJob.create({ data: { questionId: context.questionId, rubricVersionId: context.rubricVersionId } });
    await runRescoreJob(db(), { id: job.id });
    expect((await db().attempt.findUniqueOrThrow({ where: { id } })).status).toBe("scored");
  });
});

describe("a database outage", () => {
  it("answers 503 with Retry-After and says the answer was not saved when it could not be", async () => {
    const user = await createTestUser();
    await getScoringContext(db(), SLUG); // the question's rubric is cached, as on a warm server
    const { createPrismaClient } = await import("@/lib/db/prisma");
    const down = createPrismaClient("postgresql://postgres@127.0.0.1:1/offline");
    try {
      const error = await rejection(submitAnswer(down, { userId: user.id, questionSlug: SLUG, answer: ANSWER }));
      expect(error).toMatchObject({ code: "database_unavailable", status: 503 });
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.message).toMatch(/not saved/);
    } finally {
      await down.$disconnect();
    }
  });

  it("says the answer was saved when the outage came after storing it, and the retry finishes it", async () => {
    const user = await createTestUser();
    const connectionLost = Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    // The database vanishes just as the score is written (a statement that goes straight to the driver).
    const pool = driverPool(db());
    const flakyPool = new Proxy(pool, {
      get(target, property, receiver) {
        if (property === "query") {
          return (config: QueryConfig) => (config.text.includes('INSERT INTO "Score"') ? Promise.reject(connectionLost) : target.query(config));
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const flaky = new Proxy(db(), {
      get(target, property, receiver) {
        if (property === DRIVER_POOL) return { pool: flakyPool, config: {} };
        return Reflect.get(target, property, receiver);
      },
    }) as Db;
    const error = await rejection(submitAnswer(flaky, { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "outage-after-save" }));
    expect(error).toMatchObject({ code: "database_unavailable", status: 503 });
    expect(error.message).toMatch(/was saved/);
    const [stored] = await db().attempt.findMany({ where: { userId: user.id } });
    expect(stored).toMatchObject({ answer: ANSWER, status: "pending" });

    const retry = await submitAnswer(db(), { userId: user.id, questionSlug: SLUG, answer: ANSWER, idempotencyKey: "outage-after-save" });
    expect(retry).toMatchObject({ attemptId: stored!.id, duplicate: true });
    expect((await db().attempt.findUniqueOrThrow({ where: { id: stored!.id } })).status).toBe("scored");
  });
});

describe("sign-in and sign-up bodies", () => {
  it("refuses a 1 MB display name with 413 and stores nothing", async () => {
    const response = await authPost(authRequest("/sign-up/email", { email: "huge@example.com", password: "a-long-test-password", name: "x".repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/larger than 8 KB/);
    expect(await db().user.count({ where: { email: "huge@example.com" } })).toBe(0);
  });

  it("names an over-long display name, and a NUL byte, as 400s", async () => {
    const long = await authPost(authRequest("/sign-up/email", { email: "long@example.com", password: "a-long-test-password", name: "n".repeat(200) }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message).toBe("name: must be at most 80 characters");
    const nul = await authPost(authRequest("/sign-up/email", { email: "nul@example.com", password: "a-long-test-password", name: "Ada\u0000" }));
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { message: string }).message).toMatch(/^name: contains a NUL character/);
    expect(await db().user.count({ where: { email: { in: ["long@example.com", "nul@example.com"] } } })).toBe(0);
  });

  it("pauses an account after repeated wrong passwords, whatever address each guess claims", async () => {
    const email = "target@example.com";
    const password = "the-right-password-1";
    expect((await authPost(authRequest("/sign-up/email", { email, password, name: "Target" }))).status).toBe(200);
    for (let guess = 0; guess < FAILED_SIGN_INS_ALLOWED; guess++) {
      const response = await authPost(authRequest("/sign-in/email", { email, password: `wrong-${guess}-password` }, { "x-forwarded-for": `203.0.113.${guess}`, [CLIENT_IP_HEADER]: `203.0.113.${guess}` }));
      expect(response.status).toBe(401);
    }
    const paused = await authPost(authRequest("/sign-in/email", { email, password }, { [CLIENT_IP_HEADER]: "198.51.100.99" }));
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(((await paused.json()) as { message: string }).message).toMatch(/Too many failed sign-ins for this account/);

    // The pause ends with its window; a success then clears the count.
    await db().rateLimitWindow.update({ where: { key: `sign-in-failures:${email}` }, data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    expect((await authPost(authRequest("/sign-in/email", { email, password }))).status).toBe(200);
    expect(await db().rateLimitWindow.count({ where: { key: `sign-in-failures:${email}` } })).toBe(0);
  });
});

describe("bad input answers 4xx naming the problem", () => {
  it("a NUL byte in an answer or a query parameter", async () => {
    const user = await createTestUser();
    const submit = await submitRoute(requestAs(user, "/api/attempts", { method: "POST", body: { question: SLUG, answer: "Kafka\u0000" } }));
    expect(submit.status).toBe(400);
    expect(((await submit.json()) as { error: { field: string } }).error.field).toBe("answer");
    const list = await listRoute(requestAs(user, "/api/attempts?question=kafka%00"));
    expect(list.status).toBe(400);
    expect(((await list.json()) as { error: { message: string } }).error.message).toMatch(/^question: contains a NUL character/);
    expect(await db().attempt.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a 36-character id that is not a UUID", async () => {
    const user = await createTestUser();
    for (const id of ["------------------------------------", "0123456789abcdef0123456789abcdef----"]) {
      const response = await attemptRoute(requestAs(user, `/api/attempts/${id}`), params({ id }));
      expect(response.status).toBe(404);
    }
  });

  it("a YAML alias bomb in rubric import", async () => {
    const instructor = await createTestUser("instructor");
    const bomb = [
      "---",
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "---",
      "body",
    ].join("\n");
    const response = await importRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG}/import`, { method: "POST", body: { markdown: bomb, baseVersion: 1 } }),
      params({ slug: SLUG }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/alias/i);
  });
});
