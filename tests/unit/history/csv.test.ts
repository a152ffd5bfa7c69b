// Export records as CSV (lib/history/csv.ts), never with a cell a spreadsheet would run.
import { describe, expect, it } from "vitest";
import { csvChunk, neutraliseFormula } from "@/lib/history/csv";
import type { ExportRecord } from "@/lib/history/export";

describe("csvChunk", () => {
  const record: ExportRecord = {
    id: "id-1",
    createdAt: "2026-01-01T00:00:00.000Z",
    question: "kafka-architecture",
    questionTitle: "How Kafka works, briefly",
    track: "kafka",
    level: "warm-up",
    status: "scored",
    score: 7.5,
    scorer: "rules",
    rubricVersion: "v2",
    timeSpentMs: 1000,
    answerSource: "typed",
    mockSessionId: null,
    metItemIds: ["a", "b"],
    missedItemIds: [],
    misconceptionItemIds: ["m"],
    answer: 'Line one, "quoted"\nline two',
  };

  it("writes a header once and quotes commas, quotes and newlines", () => {
    const withHeader = csvChunk([record], { header: true });
    expect(withHeader.split("\n")[0]).toBe(
      "attempt_id,created_at,question,question_title,track,level,status,score,scorer,rubric_version,time_spent_ms,answer_source,mock_session_id,met_item_ids,missed_item_ids,misconception_item_ids,answer",
    );
    expect(withHeader).toContain('id-1,2026-01-01T00:00:00.000Z,kafka-architecture,"How Kafka works, briefly",kafka,warm-up,scored,7.5,rules,v2,1000,typed,,a;b,,m,"Line one, ""quoted""\nline two"\n');
    expect(csvChunk([record], { header: false }).startsWith("id-1,")).toBe(true);
    expect(csvChunk([], { header: true })).toMatch(/^attempt_id,.*,answer\n$/);
  });
});

describe("neutraliseFormula", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1+1", "'+1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-cmd", "'-cmd"],
    ["-4.5", "-4.5"],
    ["Kafka is a log", "Kafka is a log"],
    ["", ""],
  ])("%j → %j", (cell, expected) => expect(neutraliseFormula(cell)).toBe(expected));
});

describe("csvChunk", () => {
  it("never writes a cell a spreadsheet would run", () => {
    const csv = csvChunk([{ answer: "=1+2" } as never], { header: false });
    expect(csv).toContain("'=1+2");
  });
});
