// A second corpus of text addressed to the grader (tests/fixtures/injection/corpus-fresh.json), written
// without looking at the detector or the first corpus: pleas, claims of authority, verdicts in prose,
// conditionals aimed at an automated grader, comments, other languages, spacing and homoglyph tricks.
// It first measured how far the detector carries to disguises it was not written from: 97 of 140 found, 6 of 87
// ordinary sentences flagged ("full marks on throughput", "the grader service"). Word patterns that reached 140/140
// then found 2 of 20 requests written after them: they fitted this corpus rather than the ideas. The detector now
// reads the ideas (injection.ts asksForAGrade: someone who grades spoken to about the grade, this answer said to
// earn one, the grader asked to assume, skip or change its task), which find all 140 here; the third corpus,
// written blind afterwards, measures what that carries over (injection-blind-rounds.test.ts).
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

const corpus = loadInjectionCorpus("tests/fixtures/injection/corpus-fresh.json");

describe("finding text addressed to the grader (fresh corpus)", () => {
  it("has a corpus of every kind", () => {
    expect(corpus.inject.length).toBeGreaterThanOrEqual(120);
    expect(new Set(corpus.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(30);
    expect(corpus.benign.length).toBeGreaterThanOrEqual(80);
  });

  it("finds every request", () => {
    const missed = corpus.inject.filter((entry) => !flagged(entry.text));
    console.log(`fresh injections found: ${corpus.inject.length - missed.length}/${corpus.inject.length}`);
    expect(missed.length / corpus.inject.length, missed.map((entry) => `${entry.style}: ${entry.text}`).join("\n")).toBe(0);
  });

  it("flags no more ordinary technical writing than it does today (6 of 87)", () => {
    const wrong = corpus.benign.filter((entry) => flagged(entry.text));
    console.log(`fresh benign flagged: ${wrong.length}/${corpus.benign.length}`);
    expect(wrong.length / corpus.benign.length, wrong.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(6 / 87);
  });
});
