// Corrective contrasts ("X, not Y") and trailing verdicts ("… is false", "… is wrong"): what each asserts and what it
// denies. The rubric below is self-contained so the tests do not depend on the question bank.
import { describe, expect, it } from "vitest";
import { rubricSchema, type Vocabulary } from "@/lib/content/schema";
import { scoreWithRules, type ScorableQuestion } from "@/lib/scoring";
import { analyseNegation } from "@/lib/scoring/negation";
import { analyseText } from "@/lib/scoring/normalise";

const vocabulary: Vocabulary = {
  "contrast-subjects": ["rabbit*", "sqs"],
};

const question: ScorableQuestion = {
  slug: "test-contrast-not",
  modelAnswer: "Order holds within a partition. Records stay until retention removes them. Consumers pull at their own pace.",
  rubric: rubricSchema.parse({
    items: [
      { id: "per-partition", label: "Order holds per partition", kind: "required", weight: 2, concept: ["order* ... (per partition | within * partition)"], hint: "Say where order holds." },
      { id: "pull", label: "Consumers pull", kind: "required", weight: 1, concept: ["consumer* ... pull*"], hint: "Say how consumers get records." },
      {
        id: "deleted-on-read",
        label: "Misconception: records are deleted once read",
        kind: "misconception",
        weight: 2,
        concept: ["(delet* | remov*) ... (once | after | when) ... (read | consumed)"],
        correction: "Retention, not reading, removes records.",
      },
      {
        id: "global-order",
        label: "Misconception: order holds across the topic",
        kind: "misconception",
        weight: 2,
        concept: ["order* ... (globally | across * topic)"],
        correction: "Order holds within a partition only.",
      },
      {
        id: "auto-commit-off",
        label: "Misconception: auto-commit is off by default",
        kind: "misconception",
        weight: 2,
        concept: ["auto commit ... (false | off) ... default"],
        correction: "enable.auto.commit defaults to true.",
      },
      {
        id: "read-unreplicated",
        label: "Misconception: consumers read to the log end",
        kind: "misconception",
        weight: 2,
        concept: ["consumer* ... read* ... log end"],
        correction: "Consumers read up to the high watermark.",
      },
    ],
  }),
};

const met = (answer: string, id: string) => scoreWithRules({ question, answer, vocabulary, claims: [] }).items.find((item) => item.id === id)!.met;
const elliptical = (sentence: string) => analyseNegation(analyseText(sentence)).elliptical[0] === 1;
/** The words a sentential negation covers, in order. */
const underVerdict = (sentence: string) => {
  const analysed = analyseText(sentence);
  const { sentential } = analyseNegation(analysed);
  return analysed.tokens.filter((_, i) => sentential[i]).map((token) => token.n);
};

describe("a corrective contrast asserts what comes before ', not Y'", () => {
  it("charges a wrong claim made before the correction", () => {
    expect(met("Kafka deletes each record once it is consumed, not later.", "deleted-on-read")).toBe(true);
    expect(met("The broker removes a message after it is read, not afterwards.", "deleted-on-read")).toBe(true);
    expect(met("Auto commit is off by default, not on.", "auto-commit-off")).toBe(true);
  });

  it("earns a point stated before the correction", () => {
    expect(met("Ordering holds per partition, not globally.", "per-partition")).toBe(true);
    expect(met("Kafka consumers pull, not push.", "pull")).toBe(true);
  });

  it("denies what only the correction says", () => {
    expect(met("Ordering holds per partition, not globally.", "global-order")).toBe(false);
    expect(met("Records go when retention runs out, not once consumed.", "deleted-on-read")).toBe(false);
    expect(met("Event time decides which window a record lands in, not which order it has across the topic.", "global-order")).toBe(false);
  });

  it("is not an elliptical denial, whether one word or a clause follows the 'not'", () => {
    expect(elliptical("Deterministic, not random, so a card's events stay on one partition.")).toBe(false);
    expect(elliptical("So roughly eight to ten topics, not hundreds.")).toBe(false);
    expect(elliptical("Event time decides the order inside a window, not which window a record belongs to.")).toBe(false);
  });
});

describe("elliptical denials still say the claim of someone else", () => {
  it("a name or a pronoun after the 'not' is the subject the claim is denied of", () => {
    for (const answer of [
      "Some brokers delete each record once it is consumed, not Kafka.",
      "Some brokers delete each record once it is consumed, not kafka.",
      "Older systems delete each record once it is consumed, not Pulsar.",
      "Some teams delete each record once it is consumed, not us.",
    ]) {
      expect(elliptical(answer)).toBe(true);
      expect(met(answer, "deleted-on-read")).toBe(false);
    }
  });

  it("after a conjunction, and with a verb that closes the clause", () => {
    for (const answer of [
      "Some brokers delete each record once it is consumed, but not Kafka.",
      "Some brokers delete each record once it is consumed, Kafka doesn't.",
      "Some brokers delete each record once it is consumed, Kafka does not.",
    ]) {
      expect(met(answer, "deleted-on-read")).toBe(false);
    }
    // "but not <word>" keeps the old reading: a share group's "assigns partitions, but not exclusively" is a true claim.
    expect(elliptical("The coordinator assigns partitions to members, but not exclusively, so members can share one.")).toBe(true);
  });
});

describe("'not yet' is no elliptical denial", () => {
  it("charges the claim around it", () => {
    expect(elliptical("Consumers read up to the log end, including records not yet replicated.")).toBe(false);
    expect(met("Consumers read up to the log end, including records not yet replicated.", "read-unreplicated")).toBe(true);
  });

  it("while a 'not' that closes its clause still is one", () => {
    expect(elliptical("Some brokers delete each record once it is consumed, Kafka does not, yet people expect it.")).toBe(true);
  });
});

describe("a trailing 'false' that is a setting's value is no verdict", () => {
  it("after a setting's name or before 'by default'", () => {
    expect(underVerdict("enable.auto.commit is false by default, so nothing gets committed.")).toEqual([]);
    expect(underVerdict("unclean_leader_election_enable is false, so a lagging replica never leads.")).toEqual([]);
    expect(underVerdict("Auto commit is false by default.")).toEqual([]);
    expect(met("enable.auto.commit is false by default, so unless you turn it on nothing gets committed.", "auto-commit-off")).toBe(true);
  });

  it("while a verdict on a statement still denies it", () => {
    expect(underVerdict("That auto commit is off by default is false.")).toContain("auto");
    expect(met("That auto commit is off by default is false.", "auto-commit-off")).toBe(false);
    expect(met("Kafka deletes each record once it is consumed, which is false.", "deleted-on-read")).toBe(false);
  });
});

describe("a trailing verdict with its own subject judges that subject", () => {
  it("leaves the clause before it asserted", () => {
    expect(met("Kafka keeps ordering only per partition, so anyone who tells you the whole topic is ordered is wrong.", "per-partition")).toBe(true);
    expect(met("Kafka keeps ordering per partition, and the idea of one order for everything is a myth.", "per-partition")).toBe(true);
    expect(met("Kafka deletes each record once it is consumed, so the old docs are wrong.", "deleted-on-read")).toBe(true);
  });

  it("and denies what it names", () => {
    expect(met("Records stay until retention removes them, so the belief that they are deleted once read is wrong.", "deleted-on-read")).toBe(false);
  });

  it("a verdict that points back still reaches the clause before it", () => {
    expect(met("Kafka deletes each record once it is consumed, and that is a myth.", "deleted-on-read")).toBe(false);
    expect(met("Kafka keeps one order across the topic, which is false.", "global-order")).toBe(false);
    expect(underVerdict("Kafka deletes each record once it is consumed, and that is a myth.")).toContain("deletes");
  });
});
