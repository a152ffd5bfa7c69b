// A fourth corpus of dismissals and keeps (tests/fixtures/stance/dismissals-round4.json), written by someone who
// never saw the detector: comparisons and substitutions, deferral and audience, hype and cargo cult, "people think X,
// but really…", rhetorical questions, bypassing or working around a practice, verdicts at the end of a sentence,
// doing nothing, consequences waved away, and second sentences that dismiss with a pronoun. Its keeps describe
// practices as mechanisms with dismissive verbs, weigh a cost and then recommend them, or reject a bad practice.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditedForPractice, type StanceEntry as Entry } from "./helpers";

const corpus = JSON.parse(readFileSync("tests/fixtures/stance/dismissals-round4.json", "utf8")) as { dismiss: Entry[]; keep: Entry[] };

const credited = creditedForPractice;

// Measured before this round's rules: 134 of the 235 dismissals credited and 18 of the 129 keeps (bad practices aside)
// lost. After them: 4/235 credited and 2/129 lost. The ceilings below are those figures with a little slack.
describe("dismissals, fourth round", () => {
  it("has a corpus of both kinds", () => {
    expect(corpus.dismiss.length).toBeGreaterThanOrEqual(200);
    expect(corpus.keep.length).toBeGreaterThanOrEqual(120);
  });

  it("credits at most 3% of the sentences that wave a practice away (before: 134/235, after: 4/235)", () => {
    const credit = corpus.dismiss.filter(credited);
    console.log(`round 4 dismissals credited: ${credit.length}/${corpus.dismiss.length}`);
    expect(credit.length / corpus.dismiss.length, credit.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.03);
  });

  it("keeps crediting at least 97% of the sentences that use a practice, or weigh its cost and recommend it (before: 18/129 lost, after: 2/129)", () => {
    const kept = corpus.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry));
    console.log(`round 4 kept sentences not credited: ${lost.length}/${kept.length}`);
    expect(lost.length / kept.length, lost.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.03);
  });
});
