// Export records and file names (lib/history/export.ts).
import { describe, expect, it } from "vitest";
import { exportFilename, toExportRecord, type ExportSourceRow } from "@/lib/history/export";

describe("toExportRecord", () => {
  const row: ExportSourceRow = {
    id: "id-1",
    createdAt: new Date("2026-01-02T03:04:05.678Z"),
    status: "scored",
    answer: "Kafka is a log.",
    answerSource: "voice",
    timeSpentMs: 61_000,
    mockSessionId: "mock-1",
    question: { slug: "kafka-architecture", title: "How Kafka works", track: "kafka", level: "warm-up" },
    scores: [
      {
        score: 6.5,
        scorer: "llm",
        rubricVersion: { version: 3 },
        items: [
          { itemId: "log", kind: "required", met: true },
          { itemId: "isr", kind: "required", met: false },
          { itemId: "extra", kind: "bonus", met: true },
          { itemId: "tiered", kind: "bonus", met: false },
          { itemId: "exactly-once", kind: "misconception", met: true },
          { itemId: "push", kind: "misconception", met: false },
        ],
      },
    ],
  };

  it("flattens the attempt and its current score, splitting points into met, missed and misconceptions", () => {
    expect(toExportRecord(row)).toEqual({
      id: "id-1",
      createdAt: "2026-01-02T03:04:05.678Z",
      question: "kafka-architecture",
      questionTitle: "How Kafka works",
      track: "kafka",
      level: "warm-up",
      status: "scored",
      score: 6.5,
      scorer: "llm",
      rubricVersion: "v3",
      timeSpentMs: 61_000,
      answerSource: "voice",
      mockSessionId: "mock-1",
      metItemIds: ["log", "extra"],
      missedItemIds: ["isr", "tiered"],
      misconceptionItemIds: ["exactly-once"],
      answer: "Kafka is a log.",
    });
  });

  it("leaves the score fields empty for an unscored attempt", () => {
    const record = toExportRecord({ ...row, status: "pending", timeSpentMs: null, mockSessionId: null, scores: [] });
    expect(record).toMatchObject({ status: "pending", score: null, scorer: null, rubricVersion: null, timeSpentMs: null, mockSessionId: null });
    expect([record.metItemIds, record.missedItemIds, record.misconceptionItemIds]).toEqual([[], [], []]);
    expect(toExportRecord({ ...row, scores: [{ ...row.scores[0]!, rubricVersion: null }] }).rubricVersion).toBeNull();
  });
});

describe("exportFilename", () => {
  it("names the file after the UTC day and the format", () => {
    expect(exportFilename("csv", new Date("2026-03-04T23:59:00Z"))).toBe("offset-attempts-2026-03-04.csv");
    expect(exportFilename("json", new Date("2026-03-05T00:00:00Z"))).toBe("offset-attempts-2026-03-05.json");
  });
});
