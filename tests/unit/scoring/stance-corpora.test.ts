// A candidate who names a practice only to wave it away earns nothing for it; one who names it to use it, weighs
// its cost and recommends it, or rejects a bad practice, keeps the credit. Each corpus was written for the purpose
// by someone who never saw the detector (tests/fixtures/stance/, docs/calibration/stance-corpus-brief.md), never
// taken from calibration answers; each sentence is scored against a rubric whose point is the practice it names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditedForPractice as credited, type StanceEntry as Entry } from "./helpers";

interface Corpus {
  dismiss: Entry[];
  keep: Entry[];
}
const load = (file: string) => JSON.parse(readFileSync(`tests/fixtures/stance/${file}`, "utf8")) as Corpus;

// [file, what it holds, at least this many dismissals and keeps, at most this share of dismissals credited and of keeps lost]
// The ceilings sit a little above the figures after stance round 4 (credited, lost): 21/266, 11/158; 3/210, 4/114;
// 2/176, 6/97; 4/235, 2/129. Each corpus was fitted to once it had measured the rules as they stood.
const TUNED = [
  ["dismissals.json", "the first corpus: plain refusals, verdicts and config values that switch a practice off", 200, 150, 0.1, 0.09],
  ["dismissals-fresh.json", "spoken asides, indirect verdicts, contrasts, lists and pronoun snippets", 160, 100, 0.03, 0.05],
  ["dismissals-round3-a.json", "faint praise, conditions that never apply, deferral, cost framing, a weaker alternative said to suffice", 170, 90, 0.03, 0.08],
  ["dismissals-round4.json", "comparisons, audience, hype, futility at a clause's end, bypassing, doing nothing, consequences waved away", 200, 120, 0.03, 0.03],
  // Round 5 (a): the quiet shapes. 112/225 credited and 14/114 lost before its rules, 25 and 12 after.
  ["dismissals-round5-a.json", "weak values left on purpose, the failure chosen over the practice, concession then verdict, deferral, another mechanism said to suffice", 200, 100, 0.12, 0.11],
] as const;

describe.each(TUNED)("dismissals in %s (%s)", (file, _shapes, minDismiss, minKeep, maxCredited, maxLost) => {
  const corpus = load(file);

  it("has a corpus of both kinds", () => {
    expect(corpus.dismiss.length).toBeGreaterThanOrEqual(minDismiss);
    expect(corpus.keep.length).toBeGreaterThanOrEqual(minKeep);
  });

  it(`credits at most ${maxCredited * 100}% of the sentences that wave a practice away`, () => {
    const credit = corpus.dismiss.filter(credited);
    console.log(`${file}: dismissals credited ${credit.length}/${corpus.dismiss.length}`);
    expect(credit.length / corpus.dismiss.length, credit.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(maxCredited);
  });

  it(`loses at most ${maxLost * 100}% of the sentences that use a practice, or weigh its cost and recommend it`, () => {
    const kept = corpus.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry));
    console.log(`${file}: kept sentences not credited ${lost.length}/${kept.length}`);
    expect(lost.length / kept.length, lost.map((entry) => entry.text).join("\n")).toBeLessThanOrEqual(maxLost);
  });
});

// Corpora written alongside a round by another writer and kept aside: the rules were never fitted to them, so their
// figures are the honest ones for shapes nobody tuned on (only counts are printed).
// Round 3's: 55 of its 159 dismissals were credited and 12 of its 95 keeps lost before round 3's rules, 48 and 11
// after them, 42 and 11 after round 4's.
// Round 5's (same brief as round 5's fitted corpus): 105 of its 197 dismissals credited and 12 of its 111 keeps lost
// before round 5's rules, 96 and 13 after them. The rules caught the shapes of the corpus they were fitted to
// (112 → 25 credited) far better than the same shapes in another writer's words.
const ASIDE = [
  ["dismissals-round3-b.json", "round 3", 0.28, 0.12],
  ["dismissals-round5-b.json", "round 5", 0.5, 0.12],
] as const;

describe.each(ASIDE)("dismissals in %s, the corpus kept aside (%s)", (file, round, maxCredited, maxLost) => {
  it(`credits at most ${Math.round(maxCredited * 100)}% of its dismissals and loses at most ${Math.round(maxLost * 100)}% of its keeps (only counts are printed)`, () => {
    const aside = load(file);
    const credit = aside.dismiss.filter(credited).length;
    const kept = aside.keep.filter((entry) => !entry.bad);
    const lost = kept.filter((entry) => !credited(entry)).length;
    console.log(`${round} aside: dismissals credited ${credit}/${aside.dismiss.length}, kept sentences not credited ${lost}/${kept.length}`);
    expect(credit / aside.dismiss.length).toBeLessThanOrEqual(maxCredited);
    expect(lost / kept.length).toBeLessThanOrEqual(maxLost);
  });
});
