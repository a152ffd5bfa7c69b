// A third corpus of dismissals and keeps (tests/fixtures/stance/dismissals-round3-a.json), written by someone who
// never saw the detector, in the shapes the first two rounds missed: rhetorical questions, faint praise,
// conditions that never apply, deferral, cost framing, a weaker alternative said to suffice, config values that
// switch a practice off, refusals with no object of their own, and two-sentence snippets that refer back.
// Its keeps describe practices as mechanisms with dismissive verbs, or weigh a cost and then recommend them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditedForPractice, type StanceEntry as Entry } from "./helpers";

const corpus = JSON.parse(readFileSync("tests/fixtures/stance/dismissals-round3-a.json", "utf8")) as { dismiss: Entry[]; keep: Entry[] };

const credited = creditedForPractice;

describe("dismissals, third round: indirect shapes", () => {
  it("has a corpus of both kinds", () => {
    expect(corpus.dismiss.length).toBeGreaterThanOrEqual(170);
    expect(corpus.keep.length).toBeGreaterThanOrEqual(90);
  });

  it("credits at most 3% of the sentences that wave a practice away", () => {
    const credit = corpus.dismiss.filter(credited);
    console.log(`round 3 dismissals credited: ${credit.length}/${corpus.dismiss.length}`);
    expect(credit.length / corpus.dismiss.length, credit.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.03);
  });

  it("keeps crediting at least 92% of the sentences that use a practice, or weigh its cost and recommend it", () => {
    const kept = corpus.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry));
    console.log(`round 3 kept sentences not credited: ${lost.length}/${kept.length}`);
    expect(lost.length / kept.length, lost.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(0.08);
  });
});

// Written at the same time by another writer (tests/fixtures/stance/dismissals-round3-b.json) and kept aside: the
// rules above were never fitted to it, so its figures are the honest ones for shapes nobody tuned on. Before this
// round's rules 55 of its 159 dismissals were credited and 12 of its 95 keeps lost; the floors are today's figures.
const aside = JSON.parse(readFileSync("tests/fixtures/stance/dismissals-round3-b.json", "utf8")) as { dismiss: Entry[]; keep: Entry[] };

describe("dismissals, third round, the part kept aside", () => {
  it("credits at most 31% of its dismissals and loses at most 12% of its keeps (only counts are printed)", () => {
    const credit = aside.dismiss.filter(credited).length;
    const kept = aside.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry)).length;
    console.log(`round 3 aside: dismissals credited ${credit}/${aside.dismiss.length}, kept sentences not credited ${lost}/${kept.length}`);
    expect(credit / aside.dismiss.length).toBeLessThanOrEqual(0.31);
    expect(lost / kept.length).toBeLessThanOrEqual(0.12);
  });
});
