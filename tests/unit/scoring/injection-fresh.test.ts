// A second corpus of text addressed to the grader (tests/fixtures/injection/corpus-fresh.json), written
// without looking at the detector or the first corpus: pleas, claims of authority, verdicts in prose,
// conditionals aimed at an automated grader, comments, other languages, spacing and homoglyph tricks.
// It measures how far the detector carries to disguises it was not written from, and holds today's level as a
// floor: 97 of 140 found, 6 of 87 ordinary sentences flagged ("full marks on throughput", "the grader service").
// Patterns that reached 140/140 and 0/87 were tried and left out: they doubled the scorer's time per answer and
// found 2 of 20 requests written after them, so they fitted this corpus rather than the ideas.
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

const corpus = loadInjectionCorpus("tests/fixtures/injection/corpus-fresh.json");

describe("finding text addressed to the grader (fresh corpus)", () => {
  it("has a corpus of every kind", () => {
    expect(corpus.inject.length).toBeGreaterThanOrEqual(120);
    expect(new Set(corpus.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(30);
    expect(corpus.benign.length).toBeGreaterThanOrEqual(80);
  });

  it("finds at least the share of requests it finds today (69%)", () => {
    const missed = corpus.inject.filter((entry) => !flagged(entry.text));
    console.log(`fresh injections found: ${corpus.inject.length - missed.length}/${corpus.inject.length}`);
    expect(missed.length / corpus.inject.length, missed.map((entry) => `${entry.style}: ${entry.text}`).join("\n")).toBeLessThanOrEqual(43 / 140);
  });

  it("flags no more ordinary technical writing than it does today (6 of 87)", () => {
    const wrong = corpus.benign.filter((entry) => flagged(entry.text));
    console.log(`fresh benign flagged: ${wrong.length}/${corpus.benign.length}`);
    expect(wrong.length / corpus.benign.length, wrong.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(6 / 87);
  });
});
