// A fourth corpus of text addressed to the grader, written blind after the third, in the way candidates slip it in
// (mid-paragraph asides, closing lines, claims about what the rubric or the reference answer expects, haggling,
// seniority, confidentiality, fake quotes, fifteen languages), split by style in two
// (tests/fixtures/injection/corpus-round4-*.json): the detector was widened on part a only; part b was never read.
// Part b, found: 36 of 82 with the session-start detector, 47 after the ideas written from the fresh and third
// corpora, 46 after part a's widening (its styles are not part a's: what part a taught did not carry over).
// Ordinary sentences flagged in part b: 6, 8, 8 of 57. Part a: 28 of 78 before, 76 after; 0 of 63 flagged.
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

const tuned = loadInjectionCorpus("tests/fixtures/injection/corpus-round4-a.json");
const aside = loadInjectionCorpus("tests/fixtures/injection/corpus-round4-b.json");

describe("finding text addressed to the grader (fourth corpus)", () => {
  it("holds both parts, each of many styles", () => {
    for (const part of [tuned, aside]) {
      expect(part.inject.length).toBeGreaterThanOrEqual(75);
      expect(new Set(part.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(25);
      expect(part.benign.length).toBeGreaterThanOrEqual(55);
    }
  });

  it("finds at least 76 of the 78 requests of the part it was widened on", () => {
    const missed = tuned.inject.filter((entry) => !flagged(entry.text));
    expect(missed.length, missed.map((entry) => `${entry.style}: ${entry.text}`).join("\n")).toBeLessThanOrEqual(2);
  });

  it("finds at least 46 of the 82 requests of the part nobody read", () => {
    const found = aside.inject.filter((entry) => flagged(entry.text)).length;
    console.log(`round-4 aside injections found: ${found}/${aside.inject.length}`);
    expect(found).toBeGreaterThanOrEqual(46);
  });

  it("flags no more ordinary technical writing than it did when measured", () => {
    expect(tuned.benign.filter((entry) => flagged(entry.text)).map((entry) => entry.text)).toEqual([]);
    expect(aside.benign.filter((entry) => flagged(entry.text)).length).toBeLessThanOrEqual(8);
  });
});
