import { afterEach, describe, expect, it } from "vitest";
import { transcribeAudio, VOCABULARY_PROMPT } from "@/lib/voice/transcribe";
import { startFakeOpenAI, type FakeOpenAI, type MultipartBody, type TranscriptionBehaviour } from "../../support/fake-openai";
import { silentWav, webmLike } from "./fixtures";

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function run(transcription: TranscriptionBehaviour, timeoutMs = 400) {
  fake = await startFakeOpenAI({ transcription, transcript: "Consumers pull from brokers and commit offsets." });
  return transcribeAudio({ audio: webmLike(), format: "webm", config: { apiKey: "test-key", baseURL: fake.url, model: "fake-whisper", timeoutMs } });
}

describe("transcribeAudio (fake OpenAI server on loopback)", () => {
  it("sends the recording as multipart with the model, a named file and the vocabulary prompt", async () => {
    const outcome = await run("good");
    expect(outcome).toEqual({ ok: true, text: "Consumers pull from brokers and commit offsets.", attempts: 1 });
    expect(fake!.requests).toHaveLength(1);
    const request = fake!.requests[0]!;
    expect(request.path).toBe("/v1/audio/transcriptions");
    expect(request.headers.authorization).toBe("Bearer test-key");
    const body = request.body as MultipartBody;
    expect(body.fields.model).toBe("fake-whisper");
    expect(body.fields.response_format).toBe("json");
    expect(body.fields.prompt).toBe(VOCABULARY_PROMPT);
    expect(body.files).toHaveLength(1);
    expect(body.files[0]).toMatchObject({ field: "file", filename: "answer.webm", size: 512 });
    expect([...body.files[0]!.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  });

  it("names the file after the real format", async () => {
    fake = await startFakeOpenAI();
    await transcribeAudio({ audio: silentWav(), format: "mp4", config: { apiKey: "k", baseURL: fake.url, model: "m" }, prompt: "" });
    const body = fake.requests[0]!.body as MultipartBody;
    expect(body.files[0]!.filename).toBe("answer.m4a");
    expect(body.fields.prompt).toBeUndefined();
  });

  it("retries once after a server error", async () => {
    const outcome = await run("fail-once");
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(fake!.requests).toHaveLength(2);
  });

  it("gives up after two server errors", async () => {
    expect(await run("http-500")).toEqual({ ok: false, failure: "upstream_error", reason: "HTTP 500 (after 2 attempts)", attempts: 2 });
  });

  it("gives up after two timeouts", async () => {
    const started = Date.now();
    expect(await run("hang", 200)).toEqual({ ok: false, failure: "unavailable", reason: "timed out after 200 ms (after 2 attempts)", attempts: 2 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("does not retry audio the service refuses", async () => {
    expect(await run("bad-audio")).toEqual({ ok: false, failure: "rejected_audio", reason: "HTTP 400 (after 1 attempt)", attempts: 1 });
  });

  it("reports a connection failure as unavailable", async () => {
    fake = await startFakeOpenAI();
    const url = fake.url;
    await fake.close();
    fake = undefined;
    const outcome = await transcribeAudio({ audio: webmLike(), format: "webm", config: { apiKey: "k", baseURL: url, model: "m", timeoutMs: 500 } });
    expect(outcome).toMatchObject({ ok: false, failure: "unavailable", reason: "could not connect (after 2 attempts)" });
  });
});
