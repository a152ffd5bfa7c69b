// Who may see what, over real HTTP against the running app: every protected page and API route,
// for a visitor, two candidates (one owns the data), an instructor and an admin. Ids are real, so a
// candidate guessing another's id gets exactly what an attacker would.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";

const baseUrl = inject("baseUrl");
type Visitor = "anonymous" | "owner" | "otherCandidate" | "instructor" | "admin";
const cookies: Partial<Record<Visitor, string>> = {};
let attemptId = "";
let sessionId = "";
const database = new pg.Client({ connectionString: inject("databaseUrl") });

beforeAll(async () => {
  await database.connect();
  const roles: Record<Exclude<Visitor, "anonymous">, string> = { owner: "candidate", otherCandidate: "candidate", instructor: "instructor", admin: "admin" };
  let index = 0;
  for (const [visitor, role] of Object.entries(roles)) {
    const email = `matrix-${visitor}-${Date.now()}@example.com`;
    cookies[visitor as Visitor] = await signUp(baseUrl, { email, password: "matrix-password-1", name: visitor }, `10.9.0.${++index}`);
    await database.query(`UPDATE "user" SET role = $1 WHERE email = $2`, [role, email]);
  }
  const created = await fetch(`${baseUrl}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookies.owner! },
    body: JSON.stringify({ question: "kafka-architecture", answer: "Brokers store partitions; consumer groups share them; offsets track progress." }),
  });
  expect(created.status).toBe(201);
  attemptId = ((await created.json()) as { attempt: { id: string } }).attempt.id;
  const owner = await database.query(`SELECT "userId" FROM "Attempt" WHERE id = $1`, [attemptId]);
  const session = await database.query(
    `INSERT INTO "MockSession" (id, "userId", track, "questionSlugs", "updatedAt") VALUES (gen_random_uuid(), $1, 'kafka', $2, now()) RETURNING id`,
    [owner.rows[0].userId, ["kafka-what-and-why", "kafka-architecture", "kafka-topic-design", "kafka-delivery-guarantees", "kafka-consumer-lag"]],
  );
  sessionId = session.rows[0].id;
});
afterAll(() => database.end());

async function status(visitor: Visitor, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (visitor !== "anonymous") headers.set("cookie", cookies[visitor]!);
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("location") ?? "";
    return location.includes("/sign-in") ? "sign-in" : `redirect ${location}`;
  }
  return response.status;
}

const VISITORS: Visitor[] = ["anonymous", "owner", "otherCandidate", "instructor", "admin"];
type Row = [label: string, path: () => string, expected: Record<Visitor, number | "sign-in">, init?: () => RequestInit];

const signedIn = (code: number) => ({ anonymous: "sign-in" as const, owner: code, otherCandidate: code, instructor: code, admin: code });
const rows: Row[] = [
  ["page /questions", () => "/questions", { anonymous: 200, owner: 200, otherCandidate: 200, instructor: 200, admin: 200 }],
  ["page /history", () => "/history", signedIn(200)],
  ["page /demos", () => "/demos", { anonymous: 200, owner: 200, otherCandidate: 200, instructor: 200, admin: 200 }],
  ["page /demos/:scenario", () => "/demos/acks-durability", { anonymous: 200, owner: 200, otherCandidate: 200, instructor: 200, admin: 200 }],
  ["page /demos/unknown", () => "/demos/no-such-demo", { anonymous: 404, owner: 404, otherCandidate: 404, instructor: 404, admin: 404 }],
  ["page /interview", () => "/interview", signedIn(200)],
  ["page /review", () => "/review", signedIn(200)],
  ["page /attempts/:id", () => `/attempts/${attemptId}`, { anonymous: "sign-in", owner: 200, otherCandidate: 404, instructor: 200, admin: 200 }],
  ["page /interview/:id", () => `/interview/${sessionId}`, { anonymous: "sign-in", owner: 200, otherCandidate: 404, instructor: 404, admin: 404 }],
  ["page /admin/users", () => "/admin/users", { anonymous: "sign-in", owner: 403, otherCandidate: 403, instructor: 403, admin: 200 }],
  ["GET /api/attempts", () => "/api/attempts", { anonymous: 401, owner: 200, otherCandidate: 200, instructor: 200, admin: 200 }],
  ["GET /api/attempts/:id", () => `/api/attempts/${attemptId}`, { anonymous: 401, owner: 200, otherCandidate: 404, instructor: 200, admin: 200 }],
  ["GET /api/attempts/export", () => "/api/attempts/export?format=json", { anonymous: 401, owner: 200, otherCandidate: 200, instructor: 200, admin: 200 }],
  [
    "POST /api/attempts",
    () => "/api/attempts",
    { anonymous: 401, owner: 201, otherCandidate: 201, instructor: 201, admin: 201 },
    () => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "kafka-what-and-why", answer: "Kafka is a distributed log." }) }),
  ],
  [
    "POST /api/attempts from another site",
    () => "/api/attempts",
    { anonymous: 403, owner: 403, otherCandidate: 403, instructor: 403, admin: 403 },
    () => ({ method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: JSON.stringify({ question: "kafka-what-and-why", answer: "x" }) }),
  ],
  // This app runs without OPENAI_API_KEY: signed-in users learn transcription is not set up (503).
  ["POST /api/transcribe", () => "/api/transcribe", { anonymous: 401, owner: 503, otherCandidate: 503, instructor: 503, admin: 503 }, () => ({ method: "POST", body: new FormData() })],
  ["page /history/compare", () => "/history/compare", signedIn(200)],
  // The instructor studio: instructors and admins; a candidate gets the 403 page or 403 JSON.
  ...instructorPages(["/instructor", "/instructor/audit", "/instructor/questions/kafka-architecture", "/instructor/questions/kafka-architecture/edit", "/instructor/questions/kafka-architecture/diff?from=1&to=1"]),
  ["GET /api/instructor/questions", () => "/api/instructor/questions", instructorApi(200)],
  ["GET /api/instructor/questions/:slug/versions", () => "/api/instructor/questions/kafka-architecture/versions", instructorApi(200)],
  ["GET /api/instructor/questions/:slug/versions/1", () => "/api/instructor/questions/kafka-architecture/versions/1", instructorApi(200)],
  ["GET /api/instructor/questions/:slug/versions/1/export", () => "/api/instructor/questions/kafka-architecture/versions/1/export", instructorApi(200)],
  ["GET /api/instructor/audit", () => "/api/instructor/audit", instructorApi(200)],
  ["GET /api/instructor/questions/:slug/samples", () => "/api/instructor/questions/kafka-architecture/samples", instructorApi(200)],
  ["GET /api/instructor/rescore/:id (unknown)", () => "/api/instructor/rescore/00000000-0000-0000-0000-000000000000", instructorApi(404)],
  // Mutations with bodies that are refused for instructors too, so the matrix changes nothing it could trip over.
  // Publish and revert use a question no other e2e file edits (the instructor studio test publishes kafka-architecture v2).
  ["POST /api/instructor/questions/:slug/versions (invalid)", () => "/api/instructor/questions/kafka-architecture/versions", instructorApi(400), () => postJson({ baseVersion: 1, rubric: { items: [] } })],
  ["POST /api/instructor/questions/:slug/versions/1/publish (already active)", () => "/api/instructor/questions/kafka-isr-and-min-insync/versions/1/publish", instructorApi(409), () => postJson({})],
  ["POST /api/instructor/questions/:slug/versions/1/revert (identical)", () => "/api/instructor/questions/kafka-isr-and-min-insync/versions/1/revert", instructorApi(400), () => postJson({ baseVersion: 1 })],
  ["POST /api/instructor/questions/:slug/import (not markdown)", () => "/api/instructor/questions/kafka-architecture/import", instructorApi(400), () => postJson({ markdown: "no frontmatter", baseVersion: 1 })],
  ["POST /api/instructor/questions/:slug/bench (invalid)", () => "/api/instructor/questions/kafka-architecture/bench", instructorApi(400), () => postJson({ rubric: { items: [] } })],
  ["POST /api/instructor/questions/:slug/samples (invalid)", () => "/api/instructor/questions/kafka-architecture/samples", instructorApi(400), () => postJson({ label: "x", text: "y", expectedScore: 12 })],
  [
    "DELETE /api/instructor/questions/:slug/samples/:id (unknown)",
    () => "/api/instructor/questions/kafka-architecture/samples/00000000-0000-0000-0000-000000000000",
    instructorApi(404),
    () => ({ method: "DELETE" }),
  ],
  ["POST /api/instructor/attempts/:id/override (invalid)", () => `/api/instructor/attempts/${attemptId}/override`, instructorApi(400), () => postJson({ score: 11, comment: "too generous" })],
];

function instructorPages(paths: string[]): Row[] {
  return paths.map((path): Row => [`page ${path}`, () => path, { anonymous: "sign-in", owner: 403, otherCandidate: 403, instructor: 200, admin: 200 }]);
}

function instructorApi(code: number): Record<Visitor, number> {
  return { anonymous: 401, owner: 403, otherCandidate: 403, instructor: code, admin: code };
}

function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

describe("access matrix: routes × visitors", () => {
  it.each(rows)("%s", async (_label, path, expected, init) => {
    const actual: Record<string, number | string> = {};
    for (const visitor of VISITORS) actual[visitor] = await status(visitor, path(), init?.());
    expect(actual).toEqual(expected);
  });

  it("exports only the caller's own attempts", async () => {
    const response = await fetch(`${baseUrl}/api/attempts/export?format=json`, { headers: { cookie: cookies.otherCandidate! } });
    const text = await response.text();
    expect(text).not.toContain(attemptId);
  });
});
