// Text addressed to the grader, in 38 disguises (tests/fixtures/injection/corpus.json, written for the
// purpose, never taken from calibration answers), and ordinary technical writing that uses the same words.
import { describe, expect, it } from "vitest";
import { flaggedAsInjection as flagged, loadInjectionCorpus } from "./helpers";

const corpus = loadInjectionCorpus("tests/fixtures/injection/corpus.json");

describe("finding text addressed to the grader", () => {
  it("has a corpus of every kind", () => {
    expect(corpus.inject.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.inject.map((entry) => entry.style)).size).toBeGreaterThanOrEqual(30);
    expect(corpus.benign.length).toBeGreaterThanOrEqual(100);
  });

  it("finds at least 98% of the disguised requests, and at least one of every style", () => {
    const missed = corpus.inject.filter((entry) => !flagged(entry.text));
    console.log(`injections found: ${corpus.inject.length - missed.length}/${corpus.inject.length}`);
    expect(missed.length / corpus.inject.length, missed.map((entry) => `${entry.style}: ${entry.text}`).join("\n")).toBeLessThanOrEqual(0.02);
    const styles = new Set(corpus.inject.map((entry) => entry.style));
    for (const style of styles) expect(corpus.inject.some((entry) => entry.style === style && flagged(entry.text)), style).toBe(true);
  });

  it("leaves ordinary technical writing alone", () => {
    expect(corpus.benign.filter((entry) => flagged(entry.text)).map((entry) => entry.text)).toEqual([]);
  });
});
