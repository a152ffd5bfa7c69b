// Rubric points against sentences that state them in other words, and sentences that use their words
// without earning them (tests/fixtures/paraphrases/, docs/calibration/paraphrase-brief.md). The tune part
// guided pattern changes; the aside part, written by other people, only measures them, so its floors are
// the honest figure for paraphrases nobody tuned on.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { checkParaphrases, loadParaphrases, summariseParaphrases, type ParaphraseFile } from "@/lib/scoring/paraphrases";
import { durability, vocabulary } from "./helpers";

const bank = loadContentBank();

describe("checkParaphrases", () => {
  const small = { questions: [{ ...durability, slug: "test-durability" }], vocabulary, claims: [] } as unknown as Parameters<typeof checkParaphrases>[1];

  it("reports which sentences earn their point, scoring each on its own", () => {
    const file: ParaphraseFile = {
      question: "test-durability",
      items: { "acks-all": { meets: ["Producers run with acks=all so every in sync replica acknowledges the write."], misses: ["acks=all? Overkill, we never bother with it."] } },
    };
    const outcomes = checkParaphrases([file], small);
    expect(outcomes.map((outcome) => [outcome.expect, outcome.met])).toEqual([["meets", true], ["misses", false]]);
    expect(summariseParaphrases(outcomes)).toEqual({ meets: 1, meetsEarned: 1, misses: 1, missesEarned: 0, wrong: 1, wrongCharged: 0, meetsCharged: 0, moreWrong: 0, moreWrongCharged: 0 });
  });

  it("counts a reversed statement (the first miss) as charged when it makes one of the rubric's wrong claims", () => {
    const file: ParaphraseFile = {
      question: "test-durability",
      items: { "acks-all": { meets: ["Producers run with acks=all so every in sync replica acknowledges the write."], misses: ["acks=1 is safe enough, the leader alone holds the write.", "We talked about acks."] } },
    };
    const outcomes = checkParaphrases([file], small);
    expect(outcomes.map((outcome) => [outcome.expect, outcome.wrong, outcome.charged])).toEqual([
      ["meets", false, false],
      ["misses", true, true],
      ["misses", false, false],
    ]);
    expect(summariseParaphrases(outcomes)).toMatchObject({ wrong: 1, wrongCharged: 1, meetsCharged: 0 });
  });

  it("names an unknown question or rubric point", () => {
    expect(() => checkParaphrases([{ question: "nope", items: {} }], small)).toThrow('no question "nope"');
    expect(() => checkParaphrases([{ question: "test-durability", items: { ghost: { meets: [], misses: [] } } }], small)).toThrow('no rubric point "ghost"');
  });
});

describe.each([
  // [part, at least this share of paraphrases earn their point, at most this share of non-statements do]
  // Measured when the rubrics were tuned on the tune part (rules-9): tune 99.0% and 4.6%; aside, which
  // nobody tuned on, 96.2% and 8.9% (it was 94.3% and 13.6% before the round).
  // Then [at least this share of reversed or wrong statements charged as a wrong claim, of round 7's wrong lists,
  // at most this share of correct statements charged]. After catalogue rounds 6 and 7 (rules-10): tune 93.0%,
  // 99.1%, 0.1%; aside, written by other people and never tuned on, 52.0% (27.5% before round 6), 19.9% (19.0%
  // before round 7: each aside statement is an idea of its own), 0.9%. After round 8 (ideas brainstormed from the
  // questions, not from these sentences) and the true-statement fixes (rules-11): aside 52.9%, 21.7%, 0.8%. After
  // the defaults table and rounds 9 and 10 (beliefs and probe-set ideas, none from these sentences; rules-12): aside
  // 53.8%, 22.6%, 0.8%.
  ["tune", 0.98, 0.055, 0.9, 0.97, 0.005],
  ["aside", 0.955, 0.095, 0.53, 0.22, 0.01],
] as const)("the %s paraphrase set", (part, minEarned, maxWronglyEarned, minCharged, minMoreCharged, maxCorrectCharged) => {
  const files = loadParaphrases(part);
  // Scoring every sentence of a part takes seconds: once for both figures.
  let summary: ReturnType<typeof summariseParaphrases> | undefined;
  const summarised = () => (summary ??= summariseParaphrases(checkParaphrases(files, bank)));

  it("covers every question's rubric points", () => {
    expect(files.map((file) => file.question).sort()).toEqual(bank.questions.map((question) => question.slug).sort());
    for (const file of files) {
      const question = bank.questions.find((candidate) => candidate.slug === file.question)!;
      const points = question.rubric.items.filter((item) => item.kind !== "misconception").map((item) => item.id);
      expect(Object.keys(file.items).sort(), file.question).toEqual([...points].sort());
    }
  });

  it(`earns at least ${minEarned * 100}% of paraphrases and at most ${maxWronglyEarned * 100}% of non-statements`, () => {
    const summary = summarised();
    console.log(`${part} paraphrases: earned ${summary.meetsEarned}/${summary.meets}, wrongly earned ${summary.missesEarned}/${summary.misses}`);
    expect(summary.meetsEarned / summary.meets).toBeGreaterThanOrEqual(minEarned);
    expect(summary.missesEarned / summary.misses).toBeLessThanOrEqual(maxWronglyEarned);
  });

  it(`charges at least ${minCharged * 100}% of reversed statements as a wrong claim, and at most ${maxCorrectCharged * 100}% of correct ones`, () => {
    const summary = summarised();
    console.log(`${part} paraphrases: charged ${summary.wrongCharged}/${summary.wrong} reversed, ${summary.moreWrongCharged}/${summary.moreWrong} round-7 wrong, ${summary.meetsCharged}/${summary.meets} correct`);
    expect(summary.wrongCharged / summary.wrong).toBeGreaterThanOrEqual(minCharged);
    expect(summary.moreWrongCharged / summary.moreWrong).toBeGreaterThanOrEqual(minMoreCharged);
    expect(summary.meetsCharged / summary.meets).toBeLessThanOrEqual(maxCorrectCharged);
  });
});
