// A candidate who names a practice only to wave it away earns nothing for it; one who names it to use it,
// or to reject a bad practice, keeps the credit. The corpus (tests/fixtures/stance/dismissals.json) was
// written for the purpose, never taken from calibration answers; each sentence is scored against a rubric
// whose point is the practice it names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditedForPractice, type StanceEntry as Entry } from "./helpers";

const corpus = JSON.parse(readFileSync("tests/fixtures/stance/dismissals.json", "utf8")) as { dismiss: Entry[]; keep: Entry[] };

const credited = creditedForPractice;

describe("dismissals, in the candidates' many ways of putting them", () => {
  it("has a corpus of both kinds", () => {
    expect(corpus.dismiss.length).toBeGreaterThanOrEqual(200);
    expect(corpus.keep.length).toBeGreaterThanOrEqual(150);
  });

  it("credits at most 15% of the sentences that wave a practice away", () => {
    const credit = corpus.dismiss.filter(credited);
    console.log(`dismissals credited: ${credit.length}/${corpus.dismiss.length}`);
    expect(credit.length / corpus.dismiss.length, credit.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.15);
  });

  it("keeps crediting at least 90% of the sentences that use a practice, or reject a bad one, with the same words", () => {
    const kept = corpus.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry));
    console.log(`kept sentences not credited: ${lost.length}/${kept.length}`);
    expect(lost.length / kept.length, lost.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.1);
  });
});
