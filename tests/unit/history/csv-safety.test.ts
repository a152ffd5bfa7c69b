import { describe, expect, it } from "vitest";
import { csvChunk, neutraliseFormula } from "@/lib/db/history";

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
