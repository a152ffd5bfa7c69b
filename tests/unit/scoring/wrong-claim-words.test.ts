// The words that make a wrong claim do not also earn a point: "acks=1 is plenty once idempotence is on"
// states no idempotence point, it is an error about idempotence. Words of the same sentence outside the
// claim, and other sentences, still earn what they state.
import { describe, expect, it } from "vitest";
import { rubricSchema } from "@/lib/content/schema";
import { scoreWithRules } from "@/lib/scoring";

const rubric = rubricSchema.parse({
  items: [
    { id: "idempotence", label: "Idempotent producer", kind: "required", weight: 2, concept: ["idempoten*"], hint: "Turn on the idempotent producer so retries cannot duplicate records." },
    { id: "acks-all", label: "acks=all", kind: "required", weight: 2, concept: ["acks=all"], hint: "Use acks=all so every in-sync replica has the write before it is acknowledged." },
    ...[1, 2, 3].map((n) => ({ id: `other-${n}`, label: "Another point", kind: "required", weight: 1, concept: [`zzqq${n}`], hint: "Another point of the rubric." })),
    {
      id: "acks-one-enough",
      label: "Misconception: acks=1 is enough with idempotence",
      kind: "misconception",
      weight: 2,
      concept: ["acks=1 ... (plenty | enough) ... idempoten*"],
      correction: "Idempotence removes duplicates from retries; it does not make a leader-only acknowledgement durable.",
    },
  ],
});
const question = { slug: "wrong-claim-words", modelAnswer: "", rubric };
const met = (answer: string) => {
  const result = scoreWithRules({ question, answer, vocabulary: {}, claims: [] });
  return Object.fromEntries(result.items.filter((item) => !item.id.startsWith("other-")).map((item) => [item.id, item.met]));
};

describe("words that make a wrong claim", () => {
  it("earn no point when the point's words are all inside the claim", () => {
    expect(met("acks=1 is plenty once idempotence is on.")).toEqual({ idempotence: false, "acks-all": false, "acks-one-enough": true });
  });

  it("leave the point to words of its own, in the same sentence or another", () => {
    expect(met("Idempotence dedupes retried batches by sequence number, though acks=1 is plenty once idempotence is on.")).toMatchObject({ idempotence: true, "acks-one-enough": true });
    expect(met("We turn on idempotence. Still, acks=1 is plenty once idempotence is on.")).toMatchObject({ idempotence: true, "acks-one-enough": true });
  });

  it("do not stop the sentence's other points", () => {
    expect(met("acks=1 is plenty once idempotence is on, and the payments topic uses acks=all.")).toMatchObject({ idempotence: false, "acks-all": true });
  });
});
