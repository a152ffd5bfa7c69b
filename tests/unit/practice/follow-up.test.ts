// Choosing the interviewer's follow-up from a question's own list by the answer's weakest rubric point,
// and scoring the reply against that point alone.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric, RubricItem } from "@/lib/content/schema";
import { chooseFollowUp, followUpOverlap, followUpRubric, rankWeakPoints, scoreFollowUp, stem, type ItemStanding } from "@/lib/practice/follow-up";
import { scoreWithRules } from "@/lib/scoring";

const item = (id: string, label: string, concept: string[], extra: Partial<RubricItem> = {}): RubricItem => ({
  id,
  label,
  kind: "required",
  weight: 2,
  concept,
  hint: `Say it plainly: ${label.toLowerCase()}.`,
  ...extra,
});

// A small rubric about consumer offsets, with a bonus and a misconception.
const RUBRIC: Rubric = {
  items: [
    item("offsets-committed", "Offsets are committed after processing", ["commit* ... offset*"]),
    item("auto-reset", "auto.offset.reset decides where a new group starts", ["auto.offset.reset | (earliest | latest) ... (new group | no committed)"]),
    item("rebalance", "A rebalance moves partitions when a consumer leaves", ["rebalanc* ... (partition* | consumer*)"], { weight: 1.5 }),
    item("lag-metric", "Lag is measured per partition", ["lag ... partition*"], { kind: "bonus", weight: 1 }),
    item("deletes-on-read", "Misconception: reading deletes the record", ["(read* | consum*) ... delet*"], { kind: "misconception", hint: undefined, correction: "Reading never deletes a record; retention does." }),
  ],
};
const FOLLOW_UPS = [
  "A new consumer group seems to have missed a day of data. Is it the earliest or latest setting?",
  "What happens to partition ownership when a consumer leaves and a rebalance starts?",
];
const standings = (overrides: Record<string, Partial<ItemStanding>>): ItemStanding[] =>
  RUBRIC.items.map((candidate) => ({ id: candidate.id, met: candidate.kind !== "misconception", ...overrides[candidate.id] }));

describe("stem", () => {
  it("folds the endings that patterns and follow-ups spell differently", () => {
    expect(stem("deleted")).toBe("delet");
    expect(stem("removes")).toBe("remov");
    expect(stem("partitions")).toBe("partition");
    expect(stem("policies")).toBe("policy");
    expect(stem("process")).toBe("process");
  });
});

describe("rankWeakPoints", () => {
  it("puts required points first, missed before waved away before only named, heavier first", () => {
    const ranked = rankWeakPoints(RUBRIC, standings({ "offsets-committed": { depth: "named" }, "auto-reset": { met: false, rejected: true }, rebalance: { met: false }, "lag-metric": { met: false } }));
    expect(ranked.map((point) => [point.id, point.state])).toEqual([
      ["rebalance", "missed"],
      ["auto-reset", "rejected"],
      ["offsets-committed", "named"],
      ["lag-metric", "missed"],
    ]);
    expect(ranked[2]!.share).toBeCloseTo(0.65, 5);
    // Of two missed required points, the heavier is weaker.
    const both = rankWeakPoints(RUBRIC, standings({ "auto-reset": { met: false }, rebalance: { met: false } }));
    expect(both.slice(0, 2).map((point) => point.id)).toEqual(["auto-reset", "rebalance"]);
  });

  it("never ranks misconceptions, and reads a point without a standing as missed", () => {
    const ranked = rankWeakPoints(RUBRIC, []);
    expect(ranked.map((point) => point.id)).not.toContain("deletes-on-read");
    expect(ranked.filter((point) => point.kind === "required").every((point) => point.state === "missed")).toBe(true);
  });
});

describe("followUpOverlap", () => {
  it("counts the words a follow-up shares with an item's label and patterns, rare words more than common ones", () => {
    const pool = RUBRIC.items.filter((candidate) => candidate.kind !== "misconception");
    const [autoReset, rebalance] = [pool[1]!, pool[2]!];
    expect(followUpOverlap(FOLLOW_UPS[0]!, autoReset, pool)).toBeGreaterThan(followUpOverlap(FOLLOW_UPS[0]!, rebalance, pool));
    expect(followUpOverlap(FOLLOW_UPS[1]!, rebalance, pool)).toBeGreaterThan(followUpOverlap(FOLLOW_UPS[1]!, autoReset, pool));
    expect(followUpOverlap("Tell me about your weekend?", autoReset, pool)).toBe(0);
  });
});

describe("chooseFollowUp", () => {
  it("asks the follow-up that matches the answer's weakest point", () => {
    const missedReset = chooseFollowUp({ followUps: FOLLOW_UPS, rubric: RUBRIC, standings: standings({ "auto-reset": { met: false } }) })!;
    expect(missedReset).toMatchObject({ index: 0, prompt: FOLLOW_UPS[0], targetItemIds: ["auto-reset"], match: "weakest" });
    expect(missedReset.weakest?.id).toBe("auto-reset");
    const missedRebalance = chooseFollowUp({ followUps: FOLLOW_UPS, rubric: RUBRIC, standings: standings({ rebalance: { met: false } }) })!;
    expect(missedRebalance).toMatchObject({ index: 1, targetItemIds: ["rebalance"], match: "weakest" });
  });

  it("aims at a point only named when nothing was missed", () => {
    const choice = chooseFollowUp({ followUps: FOLLOW_UPS, rubric: RUBRIC, standings: standings({ rebalance: { depth: "named" } }) })!;
    expect(choice).toMatchObject({ index: 1, targetItemIds: ["rebalance"], match: "weakest" });
  });

  it("falls back to the next weak point when no follow-up touches the weakest one", () => {
    const choice = chooseFollowUp({ followUps: FOLLOW_UPS, rubric: RUBRIC, standings: standings({ "offsets-committed": { met: false }, rebalance: { met: false } }) })!;
    // offsets-committed is the weakest (heavier, earlier), but neither follow-up is about committing offsets.
    expect(choice.weakest?.id).toBe("offsets-committed");
    expect(choice).toMatchObject({ index: 1, targetItemIds: ["rebalance"], match: "weak" });
  });

  it("with every required point covered, presses on a missed bonus point, else the closest point", () => {
    const bonusFollowUps = ["Where would you look at lag, per partition or per topic?", ...FOLLOW_UPS];
    expect(chooseFollowUp({ followUps: bonusFollowUps, rubric: RUBRIC, standings: standings({ "lag-metric": { met: false } }) })).toMatchObject({
      index: 0,
      targetItemIds: ["lag-metric"],
      match: "weakest",
    });
    const onlyOffTopic = chooseFollowUp({ followUps: ["How would you pick the rebalance protocol for a new consumer fleet?"], rubric: RUBRIC, standings: standings({ "offsets-committed": { met: false } }) })!;
    expect(onlyOffTopic).toMatchObject({ index: 0, targetItemIds: ["rebalance"], match: "closest" });
  });

  it("asks the first follow-up, aimed at the weakest point, when none shares a word with the rubric; none without follow-ups", () => {
    expect(chooseFollowUp({ followUps: ["Tell me about a time you disagreed with a colleague?"], rubric: RUBRIC, standings: standings({ rebalance: { met: false } }) })).toMatchObject({
      index: 0,
      targetItemIds: ["rebalance"],
      match: "first",
      overlap: 0,
    });
    expect(chooseFollowUp({ followUps: [], rubric: RUBRIC, standings: [] })).toBeNull();
  });

  it("on the real bank, always names a follow-up of the question and a required or bonus point of its rubric", () => {
    const bank = loadContentBank();
    let onTheWeakest = 0;
    let cases = 0;
    for (const question of bank.questions) {
      for (const missed of question.rubric.items.filter((candidate) => candidate.kind === "required")) {
        const choice = chooseFollowUp({ followUps: question.followUps, rubric: question.rubric, standings: question.rubric.items.map((candidate) => ({ id: candidate.id, met: candidate.id !== missed.id })) })!;
        expect(question.followUps[choice.index]).toBe(choice.prompt);
        const target = question.rubric.items.find((candidate) => candidate.id === choice.targetItemIds[0]);
        expect(target?.kind).not.toBe("misconception");
        expect(choice.weakest?.id).toBe(missed.id);
        cases += 1;
        if (choice.match === "weakest") onTheWeakest += 1;
      }
    }
    // Most single missed points have a follow-up of their own in the list.
    expect(onTheWeakest / cases).toBeGreaterThan(0.6);
  });
});

describe("scoring a follow-up's reply", () => {
  const bank = loadContentBank();
  const question = bank.questions.find((candidate) => candidate.slug === "kafka-what-and-why")!;
  const score = (answer: string) => scoreFollowUp({ question, targetItemIds: ["retention-not-deletion"], prompt: question.followUps[1]!, answer, vocabulary: bank.vocabulary, claims: bank.claims });

  it("scores against the targeted point alone, made required, with the question's misconceptions", () => {
    const rubric = followUpRubric(question.rubric, ["real-use-case"]);
    expect(rubric.items.filter((candidate) => candidate.kind !== "misconception").map((candidate) => [candidate.id, candidate.kind])).toEqual([["real-use-case", "required"]]);
    expect(rubric.items.filter((candidate) => candidate.kind === "misconception").length).toBe(question.rubric.items.filter((candidate) => candidate.kind === "misconception").length);
    expect(() => followUpRubric(question.rubric, ["deletes-after-read"])).toThrow(/deletes-after-read/);
    expect(() => followUpRubric(question.rubric, ["no-such-item"])).toThrow(/no-such-item/);
  });

  it("gives a short reply that explains the point a high score, uncapped for being short", () => {
    const outcome = score(
      "Retention removes them, not reading: records are kept for a configured period, seven days by default, and the broker deletes whole old segments once they pass retention.ms, whether or not anyone consumed them.",
    );
    expect(outcome.items[0]).toMatchObject({ id: "retention-not-deletion", kind: "required", met: true });
    expect(outcome.score).toBeGreaterThanOrEqual(9);
    expect(outcome.flags.map((flag) => flag.code)).not.toContain("thin");
    // The same reply against the whole question would score far lower: the follow-up asks one thing.
    const whole = scoreWithRules({ question, answer: "Retention removes them, not reading: records are kept for a configured period, seven days by default, whether or not anyone consumed them.", vocabulary: bank.vocabulary, claims: bank.claims });
    expect(whole.score).toBeLessThan(5);
  });

  it("gives a reply that misses the point a low score, with the hint, and lists a wrong claim with its correction", () => {
    const off = score("Kafka is really fast because it batches records and uses zero-copy to send data from the page cache to the network.");
    expect(off.items[0]).toMatchObject({ id: "retention-not-deletion", met: false });
    expect(off.items[0]!.hint).toBeTruthy();
    expect(off.score).toBeLessThan(3);
    const wrong = score("Kafka deletes a message once it has been consumed by the consumer group, so the data is gone after it is read.");
    const claimed = wrong.items.filter((candidate) => candidate.kind === "misconception" && candidate.met);
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed[0]!.correction).toBeTruthy();
    expect(wrong.score).toBeLessThan(3);
  });
});
