// The export as a byte stream (lib/history/export-stream.ts), fed by chunks of records.
import { describe, expect, it } from "vitest";
import type { ExportRecord } from "@/lib/history/export";
import { exportByteStream } from "@/lib/history/export-stream";

const record = (id: string, answer = `answer ${id}`): ExportRecord => ({
  id,
  createdAt: "2026-01-01T00:00:00.000Z",
  question: "kafka-architecture",
  questionTitle: "How Kafka works",
  track: "kafka",
  level: "warm-up",
  status: "scored",
  score: 7,
  scorer: "rules",
  rubricVersion: "v1",
  timeSpentMs: null,
  answerSource: "typed",
  mockSessionId: null,
  metItemIds: ["a"],
  missedItemIds: [],
  misconceptionItemIds: [],
  answer,
});

async function* chunksOf(chunks: ExportRecord[][], log: string[] = []): AsyncGenerator<ExportRecord[]> {
  try {
    for (const chunk of chunks) {
      log.push(`read ${chunk.length}`);
      yield chunk;
    }
  } finally {
    log.push("closed");
  }
}

const now = new Date("2026-02-03T04:05:06.000Z");
const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("exportByteStream", () => {
  it("writes JSON with the time, the filters, every record and the count", async () => {
    const stream = await exportByteStream(chunksOf([[record("1"), record("2")], [record("3")]]), { values: { track: "kafka" }, format: "json", now });
    const body = await text(stream);
    expect(body).toBe(
      `{"exportedAt":"2026-02-03T04:05:06.000Z","filters":{"track":"kafka"},"attempts":[\n${JSON.stringify(record("1"))},\n${JSON.stringify(record("2"))},\n${JSON.stringify(record("3"))}\n],"count":3}\n`,
    );
    expect(JSON.parse(body)).toMatchObject({ count: 3, filters: { track: "kafka" }, attempts: [{ id: "1" }, { id: "2" }, { id: "3" }] });
  });

  it("writes CSV with the header once, before the first chunk", async () => {
    const body = await text(await exportByteStream(chunksOf([[record("1")], [record("2", "=cmd")]]), { values: {}, format: "csv", now }));
    const lines = body.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^attempt_id,created_at,.*,answer$/);
    expect(lines[1]).toMatch(/^1,.*,answer 1$/);
    expect(lines[2]).toMatch(/^2,.*,'=cmd$/);
  });

  it("is a valid empty file when there is nothing to export", async () => {
    expect(await text(await exportByteStream(chunksOf([]), { values: {}, format: "json", now }))).toBe(
      '{"exportedAt":"2026-02-03T04:05:06.000Z","filters":{},"attempts":[],"count":0}\n',
    );
    expect(await text(await exportByteStream(chunksOf([]), { values: {}, format: "csv", now }))).toMatch(/^attempt_id,.*,answer\n$/);
  });

  it("reads the first chunk before returning, so its failure is the caller's error", async () => {
    const log: string[] = [];
    const stream = await exportByteStream(chunksOf([[record("1")], [record("2")]], log), { values: {}, format: "csv", now });
    expect(log).toEqual(["read 1"]);
    await text(stream);
    expect(log).toEqual(["read 1", "read 1", "closed"]);

    async function* failing(): AsyncGenerator<ExportRecord[]> {
      throw new Error("database down");
    }
    await expect(exportByteStream(failing(), { values: {}, format: "json", now })).rejects.toThrow("database down");
  });

  it("errors the stream when a later chunk fails", async () => {
    async function* failsLater(): AsyncGenerator<ExportRecord[]> {
      yield [record("1")];
      throw new Error("connection lost");
    }
    const stream = await exportByteStream(failsLater(), { values: {}, format: "json", now });
    await expect(text(stream)).rejects.toThrow("connection lost");
  });

  it("closes the chunks when the reader cancels", async () => {
    const log: string[] = [];
    const stream = await exportByteStream(chunksOf([[record("1")], [record("2")], [record("3")]], log), { values: {}, format: "json", now });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    // The stream may have asked for the next chunk already; the last one is never read.
    expect(log.at(-1)).toBe("closed");
    expect(log.filter((line) => line.startsWith("read")).length).toBeLessThan(3);
  });
});
