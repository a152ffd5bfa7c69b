import { describe, expect, it } from "vitest";
import { formatBytes, formatFromMime, isGenericMime, pickRecorderMimeType, sniffAudioFormat } from "@/lib/voice/audio";
import { AppError } from "@/lib/errors";
import { readAudioUpload } from "@/lib/voice/upload";
import { silentWav, webmLike } from "./fixtures";

const ascii = (text: string, size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set([...text].map((char) => char.charCodeAt(0)));
  return bytes;
};

describe("audio formats", () => {
  it("reads MIME types with or without codec parameters", () => {
    expect(formatFromMime("audio/webm;codecs=opus")).toBe("webm");
    expect(formatFromMime("AUDIO/MP4")).toBe("mp4");
    expect(formatFromMime("audio/x-wav")).toBe("wav");
    expect(formatFromMime("text/plain")).toBeNull();
    expect(formatFromMime(undefined)).toBeNull();
    expect(isGenericMime("")).toBe(true);
    expect(isGenericMime("application/octet-stream")).toBe(true);
    expect(isGenericMime("image/png")).toBe(false);
  });

  it("recognises recordings by their first bytes", () => {
    expect(sniffAudioFormat(webmLike())).toBe("webm");
    expect(sniffAudioFormat(silentWav())).toBe("wav");
    expect(sniffAudioFormat(ascii("OggS"))).toBe("ogg");
    expect(sniffAudioFormat(ascii("fLaC"))).toBe("flac");
    expect(sniffAudioFormat(ascii("ID3"))).toBe("mp3");
    expect(sniffAudioFormat(ascii("\0\0\0\x20ftypM4A "))).toBe("mp4");
    expect(sniffAudioFormat(ascii("Hello, this is not audio"))).toBeNull();
    expect(sniffAudioFormat(new Uint8Array())).toBeNull();
  });

  it("asks MediaRecorder for webm/opus first and falls back in order", () => {
    expect(pickRecorderMimeType(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickRecorderMimeType((mime) => mime === "audio/mp4")).toBe("audio/mp4");
    expect(pickRecorderMimeType(() => false)).toBe("");
    expect(
      pickRecorderMimeType((mime) => {
        if (mime.includes("codecs")) throw new Error("unsupported parameter");
        return mime === "audio/webm";
      }),
    ).toBe("audio/webm");
  });

  it("formats sizes for messages", () => {
    expect(formatBytes(25 * 1024 * 1024)).toBe("25.0 MB");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(10)).toBe("10 bytes");
  });
});

function uploadRequest(parts: Record<string, Blob | string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "answer.bin");
  }
  return new Request("http://localhost/api/transcribe", { method: "POST", body: form, headers });
}

async function refusal(request: Request) {
  const error = await readAudioUpload(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readAudioUpload", () => {
  it("accepts a recording and reports its real format", async () => {
    const upload = await readAudioUpload(uploadRequest({ audio: new Blob([webmLike()], { type: "audio/webm;codecs=opus" }), durationMs: "4200" }));
    expect(upload.format).toBe("webm");
    expect(upload.durationMs).toBe(4200);
    expect(upload.bytes.length).toBe(512);
    // A generic type is fine when the bytes say audio.
    expect((await readAudioUpload(uploadRequest({ audio: new Blob([silentWav()]) }))).format).toBe("wav");
  });

  it("names the audio field when the file is missing, empty or not audio", async () => {
    const missing = await refusal(uploadRequest({ durationMs: "10" }));
    expect(missing).toMatchObject({ code: "bad_request", field: "audio" });
    expect(missing.message).toMatch(/field named "audio"/);
    expect((await refusal(uploadRequest({ audio: "just text" }))).message).toMatch(/attach the recording as a file/);
    expect((await refusal(uploadRequest({ audio: new Blob([], { type: "audio/webm" }) }))).message).toMatch(/empty/);
    expect((await refusal(uploadRequest({ audio: new Blob(["hello"], { type: "text/plain" }) }))).message).toMatch(/"text\/plain" is not a recording format/);
    expect((await refusal(uploadRequest({ audio: new Blob(["not really webm"], { type: "audio/webm" }) }))).message).toMatch(/does not look like an audio recording/);
  });

  it("refuses JSON bodies and recordings over ten minutes", async () => {
    const json = new Request("http://localhost/api/transcribe", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await refusal(json)).message).toMatch(/multipart\/form-data/);
    const long = await refusal(uploadRequest({ audio: new Blob([webmLike()], { type: "audio/webm" }), durationMs: String(11 * 60_000) }));
    expect(long).toMatchObject({ code: "bad_request", field: "audio" });
    expect(long.message).toMatch(/11:00 long; the limit is 10 minutes/);
  });

  it("refuses an oversized upload from its Content-Length before reading it (413)", async () => {
    const request = uploadRequest({ audio: new Blob([webmLike()], { type: "audio/webm" }) }, { "content-length": String(30 * 1024 * 1024) });
    const error = await refusal(request);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/30\.0 MB; the limit is 25\.0 MB/);
  });
});
