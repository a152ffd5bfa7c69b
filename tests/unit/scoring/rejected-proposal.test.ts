// A wrong idea put on the table and turned down as a whole ("The first proposal was one topic per channel. We rejected
// it.") is not a claim the answer makes. Probe set 10's strong answers, told as design reviews, do this; one lost 3
// points to a misconception it had rejected. Only the rejection of a whole proposal counts: a wrong claim that waves a
// practice away ("X is deleted once read, which I'd avoid relying on") still stands.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { falseClaimsIn } from "@/lib/scoring/false-claims";

const bank = loadContentBank();
const charged = (text: string) => falseClaimsIn(text, bank.vocabulary, bank.claims).map((hit) => hit.id);
const WRONG = "records get deleted from the topic as soon as a consumer reads them";

describe("a wrong idea proposed and then turned down", () => {
  it("is not charged when the next sentence rejects the proposal as a whole", () => {
    for (const text of [
      `The first proposal was that ${WRONG}. We rejected it.`,
      `Someone suggested that ${WRONG}. I pushed back.`,
      `The original plan assumed ${WRONG}. We said no.`,
    ]) expect(charged(text), text).toEqual([]);
  });

  it("is charged when the proposal is adopted, affirmed, or stated as fact", () => {
    for (const text of [
      `The first proposal was that ${WRONG}. We went with it.`,
      `Someone suggested that ${WRONG}. That is how it works.`,
      `In Kafka, ${WRONG}, which I'd avoid relying on.`,
    ]) expect(charged(text), text).not.toEqual([]);
  });
});
