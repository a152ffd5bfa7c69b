import { describe, expect, it } from "vitest";
import { parseConceptPattern, PatternSyntaxError, setsUsed } from "@/lib/content/concept-pattern";

describe("parseConceptPattern", () => {
  it("splits near-terms and alternatives", () => {
    const pattern = parseConceptPattern("(consumer* | instances) ... partition* ... idle | no more than");
    expect(pattern.terms).toHaveLength(3);
    expect(pattern.terms[0]!.alternatives).toEqual([
      { kind: "phrase", text: "consumer*" },
      { kind: "phrase", text: "instances" },
    ]);
    expect(pattern.terms[2]!.alternatives.map((alternative) => alternative.kind === "phrase" && alternative.text)).toEqual(["idle", "no more than"]);
  });

  it("recognises synonym sets and config keys", () => {
    const pattern = parseConceptPattern("{acks-all} | acks=-1 ... min.insync.replicas=2");
    expect(setsUsed(pattern)).toEqual(["acks-all"]);
    expect(pattern.terms[1]!.alternatives).toEqual([{ kind: "phrase", text: "min.insync.replicas=2" }]);
  });

  it("allows a lone * between two words", () => {
    expect(() => parseConceptPattern("where * left off")).not.toThrow();
  });

  it.each([
    ["", /empty pattern/],
    ["a ... ", /term 2 is empty/],
    ["(a | b", /unbalanced parentheses/],
    ["a (b | c) d", /parentheses can only wrap a whole term/],
    ["a || b", /empty alternative/],
    ["pre*fix", /may only end a word/],
    ["* left", /must sit between two words/],
    ["{Bad Set}", /synonym set must stand alone/],
  ])("rejects %j", (source, message) => {
    expect(() => parseConceptPattern(source)).toThrow(PatternSyntaxError);
    expect(() => parseConceptPattern(source)).toThrow(message);
  });
});
