// A second corpus of dismissals and keeps (tests/fixtures/stance/dismissals-fresh.json), written without
// looking at the detector or the first corpus, to measure how far the detector generalises to shapes of
// dismissal it was not tuned on: spoken asides, indirect verdicts, config values that switch a practice off,
// contrasts, lists and two-sentence snippets with a pronoun.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditedForPractice, type StanceEntry as Entry } from "./helpers";

const corpus = JSON.parse(readFileSync("tests/fixtures/stance/dismissals-fresh.json", "utf8")) as { dismiss: Entry[]; keep: Entry[] };

const credited = creditedForPractice;

describe("dismissals, written fresh, in shapes the first corpus did not hold", () => {
  it("has a corpus of both kinds", () => {
    expect(corpus.dismiss.length).toBeGreaterThanOrEqual(160);
    expect(corpus.keep.length).toBeGreaterThanOrEqual(100);
  });

  it("credits at most 20% of the sentences that wave a practice away", () => {
    const credit = corpus.dismiss.filter(credited);
    console.log(`fresh dismissals credited: ${credit.length}/${corpus.dismiss.length}`);
    expect(credit.length / corpus.dismiss.length, credit.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.2);
  });

  it("keeps crediting at least 90% of the sentences that use a practice, or reject a bad one, with the same words", () => {
    const kept = corpus.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry));
    console.log(`fresh kept sentences not credited: ${lost.length}/${kept.length}`);
    expect(lost.length / kept.length, lost.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.1);
  });
});
