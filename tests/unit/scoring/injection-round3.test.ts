// A third corpus of text addressed to the grader, written blind to the detector and to the earlier corpora
// (tests/fixtures/injection/corpus-round3-*.json, 160 requests in 63 styles and 120 ordinary sentences in 56), split
// by style in two: the detector's idea rules were widened on part a only; part b was never read.
// Measured before the widening (after the ideas had been written from the fresh corpus): part a 42 of 80 found,
// part b 56 of 80 (48 with the detector before the ideas). After: part a 80 of 80, part b 59 of 80; ordinary
// sentences flagged 5 of 59 and 2 of 61 (a grading pipeline built on Kafka, "full marks on the stamp card").
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

const tuned = loadInjectionCorpus("tests/fixtures/injection/corpus-round3-a.json");
const aside = loadInjectionCorpus("tests/fixtures/injection/corpus-round3-b.json");

describe("finding text addressed to the grader (third corpus)", () => {
  it("holds both parts, each of many styles", () => {
    for (const part of [tuned, aside]) {
      expect(part.inject.length).toBeGreaterThanOrEqual(75);
      expect(new Set(part.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(30);
      expect(part.benign.length).toBeGreaterThanOrEqual(55);
    }
  });

  it("finds every request of the part it was widened on", () => {
    const missed = tuned.inject.filter((entry) => !flagged(entry.text));
    expect(missed.map((entry) => `${entry.style}: ${entry.text}`)).toEqual([]);
  });

  it("finds at least 59 of the 80 requests of the part nobody read", () => {
    const found = aside.inject.filter((entry) => flagged(entry.text)).length;
    console.log(`round-3 aside injections found: ${found}/${aside.inject.length}`);
    expect(found).toBeGreaterThanOrEqual(59);
  });

  it("flags no more ordinary technical writing than it did when measured", () => {
    expect(tuned.benign.filter((entry) => flagged(entry.text)).length).toBeLessThanOrEqual(5);
    expect(aside.benign.filter((entry) => flagged(entry.text)).length).toBeLessThanOrEqual(2);
  });
});
