import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as transcribe } from "@/app/api/transcribe/route";
import { db } from "@/lib/db/prisma";
import { LIMITS } from "@/lib/practice/limits";
import { AUDIO_LIMITS } from "@/lib/voice/audio";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { startFakeOpenAI, type FakeOpenAI, type MultipartBody } from "../support/fake-openai";
import { createTestUser, type TestUser } from "../support/users";
import { silentWav, webmLike } from "../unit/voice/fixtures";

// POST /api/transcribe end to end: a real session cookie, a real Postgres for the LLM budget, and the
// fake OpenAI server on 127.0.0.1 standing in for the transcription API.
let database: TempDatabase;
let fake: FakeOpenAI;
let user: TestUser;

const TIMEOUT_MS = 300;

beforeAll(async () => {
  fake = await startFakeOpenAI({ transcript: "Kafka stores an ordered log per partition." });
  database = await setupAppDatabase({
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: fake.url,
    OPENAI_TRANSCRIBE_MODEL: "fake-whisper",
    OPENAI_TRANSCRIBE_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  user = await createTestUser("candidate", "Vera Voice");
});
afterAll(async () => {
  await fake.close();
  await db().$disconnect();
  await database.drop();
});
beforeEach(() => {
  fake.setTranscription("good", "Kafka stores an ordered log per partition.");
  fake.requests.length = 0;
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

function post(
  who: TestUser | null,
  parts: Record<string, Blob | string> = { audio: new Blob([webmLike()], { type: "audio/webm;codecs=opus" }) },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "answer.webm");
  }
  return transcribe(
    new Request("http://localhost:3000/api/transcribe", {
      method: "POST",
      body: form,
      headers: { host: "localhost:3000", origin: "http://localhost:3000", ...(who ? { cookie: who.cookie } : {}), ...headers },
    }),
  );
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  return body.error;
}

const transcriptions = (userId: string) => db().llmUsage.count({ where: { userId, kind: "transcription" } });

describe("POST /api/transcribe", () => {
  it("returns the transcript and counts one LLM call", async () => {
    const before = await transcriptions(user.id);
    const response = await post(user, { audio: new Blob([webmLike()], { type: "audio/webm;codecs=opus" }), durationMs: "5300" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ text: "Kafka stores an ordered log per partition." });
    expect(await transcriptions(user.id)).toBe(before + 1);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!.body as MultipartBody;
    expect(sent.fields.model).toBe("fake-whisper");
    expect(sent.files[0]).toMatchObject({ filename: "answer.webm", size: 512 });
  });

  it("accepts other formats, named by their content", async () => {
    const response = await post(user, { audio: new Blob([silentWav()], { type: "application/octet-stream" }) });
    expect(response.status).toBe(200);
    expect((fake.requests[0]!.body as MultipartBody).files[0]!.filename).toBe("answer.wav");
  });

  it("retries once when the service fails once", async () => {
    fake.setTranscription("fail-once");
    const response = await post(user);
    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it("answers 502 with a clear message when the service keeps failing", async () => {
    fake.setTranscription("http-500");
    const response = await post(user);
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toEqual({
      code: "upstream_failed",
      message: "Transcription is unavailable right now — type your answer or try again.",
    });
    expect(fake.requests).toHaveLength(2);
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/upstream_error: HTTP 500 \(after 2 attempts\)/));
  });

  it("answers 503 after a timeout and one retry", async () => {
    fake.setTranscription("hang");
    const started = Date.now();
    const response = await post(user);
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toBe("Transcription is unavailable right now — type your answer or try again.");
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2 + 2000);
  });

  it("answers 400 when the service cannot read the audio", async () => {
    fake.setTranscription("bad-audio");
    const response = await post(user);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ field: "audio", message: expect.stringMatching(/could not be transcribed.*Record again or type/) });
  });

  it("refuses a missing, empty or non-audio file with 400 naming `audio`, without calling the service", async () => {
    const missing = await post(user, { durationMs: "1000" });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: "bad_request", field: "audio", message: expect.stringMatching(/"audio"/) });

    const wrongType = await post(user, { audio: new Blob(["%PDF-1.7"], { type: "application/pdf" }) });
    expect(wrongType.status).toBe(400);
    expect((await errorOf(wrongType)).message).toMatch(/"application\/pdf" is not a recording format we accept; send webm, ogg/);

    const disguised = await post(user, { audio: new Blob(["plain text pretending"], { type: "audio/webm" }) });
    expect(disguised.status).toBe(400);
    expect((await errorOf(disguised)).message).toMatch(/does not look like an audio recording/);

    const tooLong = await post(user, { audio: new Blob([webmLike()], { type: "audio/webm" }), durationMs: String(10 * 60_000 + 30_000) });
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).message).toMatch(/10:30 long; the limit is 10 minutes/);
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a recording over 25 MB with 413", async () => {
    const big = new Uint8Array(AUDIO_LIMITS.maxBytes + 1);
    big.set(webmLike());
    const response = await post(user, { audio: new Blob([big], { type: "audio/webm" }) });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: "payload_too_large", field: "audio", message: expect.stringMatching(/the limit is 25\.0 MB/) });

    const declared = await post(user, undefined, { "content-length": String(40 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(fake.requests).toHaveLength(0);
  });

  it("needs a signed-in user (401) and a same-site request (403)", async () => {
    const anonymous = await post(null);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("unauthorized");
    const crossSite = await post(user, undefined, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(fake.requests).toHaveLength(0);
  });

  it("answers 429 with Retry-After and when to retry once the hourly LLM budget is spent", async () => {
    const busy = await createTestUser("candidate", "Busy");
    const now = Date.now();
    // The oldest call in the window is 40 minutes old: it leaves the budget in about 20 minutes.
    await db().llmUsage.createMany({
      data: Array.from({ length: LIMITS.llmCallsPerHour }, (_, index) => ({
        userId: busy.id,
        kind: index % 2 === 0 ? ("refinement" as const) : ("transcription" as const),
        createdAt: new Date(now - 40 * 60_000 + index * 1000),
      })),
    });
    const response = await post(busy);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(19 * 60);
    expect(retryAfter).toBeLessThanOrEqual(20 * 60);
    const error = await errorOf(response);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(new RegExp(`this hour's ${LIMITS.llmCallsPerHour} AI calls.*available again in 20 min — meanwhile, type your answer`));
    expect(fake.requests).toHaveLength(0);
    // Other users keep their own budget.
    expect((await post(user)).status).toBe(200);
  });
});
