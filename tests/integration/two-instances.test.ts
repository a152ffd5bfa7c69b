// Scaling out: two Offset servers (production builds, each with its own job workers) against one
// PostgreSQL must behave as one: a session made on one is valid on the other, the submission limit
// and idempotency keys hold across both, and a re-score job runs exactly once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, signUp, type RunningApp } from "../support/app-server";
import { createTempDatabase, type TempDatabase } from "../support/database";

const SLUG = "kafka-what-and-why";
const LIMIT = 6;
let database: TempDatabase;
let a: RunningApp;
let b: RunningApp;
let admin: string;
let candidate: string;

beforeAll(async () => {
  database = await createTempDatabase(inject("adminDatabaseUrl"), "offset_scale");
  const env = { OFFSET_SUBMITS_PER_MINUTE: String(LIMIT), OFFSET_TRUSTED_PROXIES: "loopback" };
  // One at a time: the first builds the app when the sources changed (on a fresh clone, the first
  // production build of the test run, which can take several minutes on a busy 2-core machine), applies
  // the migrations and mirrors the question bank.
  a = await startApp({ databaseUrl: database.url, env, readyTimeoutMs: 15 * 60_000 });
  b = await startApp({ databaseUrl: database.url, env });
  admin = await signUp(a.baseUrl, { email: "admin@example.com", password: "admin-password-1", name: "Admin" }, "10.1.0.1");
  candidate = await signUp(b.baseUrl, { email: "cand@example.com", password: "cand-password-1", name: "Cand" }, "10.1.0.2");
}, 20 * 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

function call(app: RunningApp, cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { cookie, origin: app.baseUrl, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const answer = (index: number) => `Kafka is a distributed, replicated commit log; consumers track offsets and can replay (${index}).`;

describe("two instances against one database", () => {
  it("share sessions: an account made on one is signed in on the other", async () => {
    const onB = (await (await call(b, admin, "/api/auth/get-session")).json()) as { user: { email: string; role: string } };
    expect(onB.user).toMatchObject({ email: "admin@example.com", role: "admin" });
    const onA = (await (await call(a, candidate, "/api/auth/get-session")).json()) as { user: { email: string; role: string } };
    expect(onA.user).toMatchObject({ email: "cand@example.com", role: "candidate" });
  });

  it("share one submission limit", async () => {
    const responses = await Promise.all(
      Array.from({ length: LIMIT * 2 }, (_, index) => call(index % 2 ? a : b, candidate, "/api/attempts", { method: "POST", body: { question: SLUG, answer: answer(index) } })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LIMIT);
    for (const response of responses.filter((candidateResponse) => candidateResponse.status === 429)) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    const list = (await (await call(a, candidate, "/api/attempts?pageSize=50")).json()) as { total: number };
    expect(list.total).toBe(LIMIT);
  });

  it("share idempotency keys: the same submission sent to both makes one attempt", async () => {
    const user = await signUp(a.baseUrl, { email: "twice@example.com", password: "twice-password-1", name: "Twice" }, "10.1.0.3");
    const body = { question: SLUG, answer: answer(99), idempotencyKey: "sent-to-both-instances" };
    const [first, second] = await Promise.all([call(a, user, "/api/attempts", { method: "POST", body }), call(b, user, "/api/attempts", { method: "POST", body })]);
    const ids = await Promise.all([first, second].map(async (response) => ((await response.json()) as { attempt: { id: string } }).attempt.id));
    expect(ids[0]).toBe(ids[1]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(((await (await call(b, user, "/api/attempts")).json()) as { total: number }).total).toBe(1);
  });

  it("run a re-score job exactly once, though both run workers", async () => {
    const workspace = (await (await call(a, admin, `/api/instructor/questions/${SLUG}/versions`)).json()) as {
      active: { version: number; rubric: { items: Array<{ kind: string; weight: number }> } };
      latest: { version: number };
    };
    const rubric = { items: workspace.active.rubric.items.map((item, index) => (index === 0 ? { ...item, weight: item.weight + 1 } : item)) };
    const saved = await call(a, admin, `/api/instructor/questions/${SLUG}/versions`, { method: "POST", body: { baseVersion: workspace.latest.version, rubric } });
    expect(saved.status).toBe(201);
    const { version } = (await saved.json()) as { version: { version: number } };
    const published = await call(b, admin, `/api/instructor/questions/${SLUG}/versions/${version.version}/publish`, { method: "POST" });
    expect(published.status).toBe(200);
    const { rescoreJobId } = (await published.json()) as { rescoreJobId: string };

    let job: { status: string; processed: number; total: number } | undefined;
    for (let wait = 0; wait < 120 && job?.status !== "done"; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = (await (await call(a, admin, `/api/instructor/rescore/${rescoreJobId}`)).json()) as typeof job;
    }
    expect(job).toMatchObject({ status: "done" });

    // Each scored attempt carries exactly one re-score under the new version, and the audit log one finish.
    const attempts = (await (await call(a, candidate, "/api/attempts?pageSize=50")).json()) as { attempts: Array<{ id: string }> };
    for (const { id } of attempts.attempts) {
      const detail = (await (await call(b, candidate, `/api/attempts/${id}`)).json()) as { attempt: { scoreHistory: Array<{ reason: string }> } };
      expect(detail.attempt.scoreHistory.filter((score) => score.reason === "rescore")).toHaveLength(1);
    }
    const audit = (await (await call(a, admin, `/api/instructor/audit?question=${SLUG}`)).json()) as { events: Array<{ action: string }> };
    expect(audit.events.filter((event) => event.action === "rescore.finish")).toHaveLength(1);
  });
});
