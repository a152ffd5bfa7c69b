// Corpora of text addressed to the grader written blind after the fresh corpus, each split by style in two: the
// detector was widened on part a only; part b was never read (tests/fixtures/injection/corpus-round*-{a,b}.json).
//
// A third corpus of text addressed to the grader, written blind to the detector and to the earlier corpora
// (tests/fixtures/injection/corpus-round3-*.json, 160 requests in 63 styles and 120 ordinary sentences in 56), split
// by style in two: the detector's idea rules were widened on part a only; part b was never read.
// Measured before the widening (after the ideas had been written from the fresh corpus): part a 42 of 80 found,
// part b 56 of 80 (48 with the detector before the ideas). After: part a 80 of 80, part b 59 of 80; ordinary
// sentences flagged 5 of 59 and 2 of 61 (a grading pipeline built on Kafka, "full marks on the stamp card").
//
// A fourth corpus of text addressed to the grader, written blind after the third, in the way candidates slip it in
// (mid-paragraph asides, closing lines, claims about what the rubric or the reference answer expects, haggling,
// seniority, confidentiality, fake quotes, fifteen languages), split by style in two
// (tests/fixtures/injection/corpus-round4-*.json): the detector was widened on part a only; part b was never read.
// Part b, found: 36 of 82 with the session-start detector, 47 after the ideas written from the fresh and third
// corpora, 46 after part a's widening (its styles are not part a's: what part a taught did not carry over).
// Ordinary sentences flagged in part b: 6, 8, 8 of 57. Part a: 28 of 78 before, 76 after; 0 of 63 flagged.
//
// A fifth corpus, written blind after probe set 8 (220 requests in 93 styles, 165 ordinary snippets in 76 styles, from
// candidates' own moves: a diagram that "did not upload", the same grade as the last question, a fake policy, bargaining,
// appeals, config and CSV rows, obfuscations), split by style in two (tests/fixtures/injection/corpus-round5-*.json).
// Before any widening: part a 82 of 111 found, part b 86 of 109; ordinary snippets flagged 6 of 83 and 1 of 82. The
// idea rules were widened on part a only (a reviewer named by a virtue, the maximum awarded, the reference said to be
// stale, a section credited in full, mistakes set aside for the scoring, a grade said to be locked or the same as
// another): part a 103 of 111; part b, never read, still 86 of 109: its styles are not part a's, and what part a taught
// did not carry over to them, as with round 4.
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

// [round, styles per part at least, requests of part a it may miss, requests of part b it must find, ordinary
// sentences it may flag in part a and in part b]
const ROUNDS = [
  ["round3", 30, 0, 59, 5, 2],
  ["round4", 25, 2, 46, 0, 8],
  ["round5", 40, 8, 86, 6, 1],
] as const;

describe.each(ROUNDS)("finding text addressed to the grader (%s)", (round, minStyles, maxMissedTuned, minFoundAside, maxFlaggedTuned, maxFlaggedAside) => {
  const tuned = loadInjectionCorpus(`tests/fixtures/injection/corpus-${round}-a.json`);
  const aside = loadInjectionCorpus(`tests/fixtures/injection/corpus-${round}-b.json`);

  it("holds both parts, each of many styles", () => {
    for (const part of [tuned, aside]) {
      expect(part.inject.length).toBeGreaterThanOrEqual(75);
      expect(new Set(part.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(minStyles);
      expect(part.benign.length).toBeGreaterThanOrEqual(55);
    }
  });

  it(`misses at most ${maxMissedTuned} requests of the part it was widened on`, () => {
    const missed = tuned.inject.filter((entry) => !flagged(entry.text));
    expect(missed.length, missed.map((entry) => `${entry.style}: ${entry.text}`).join("\n")).toBeLessThanOrEqual(maxMissedTuned);
  });

  it(`finds at least ${minFoundAside} requests of the part nobody read`, () => {
    const found = aside.inject.filter((entry) => flagged(entry.text)).length;
    console.log(`${round} aside injections found: ${found}/${aside.inject.length}`);
    expect(found).toBeGreaterThanOrEqual(minFoundAside);
  });

  it("flags no more ordinary technical writing than it did when measured", () => {
    const wrong = tuned.benign.filter((entry) => flagged(entry.text));
    expect(wrong.length, wrong.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(maxFlaggedTuned);
    expect(aside.benign.filter((entry) => flagged(entry.text)).length).toBeLessThanOrEqual(maxFlaggedAside);
  });
});
