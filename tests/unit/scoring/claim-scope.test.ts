// Where a wrong claim is and is not made, for shapes the round-6 catalogue writers found the matcher misreading:
// a counterfactual's consequence, "…or not" closing a clause, "however many", "doesn't matter who", and a claim
// scoped down to a part at once ("only within each sub-key").
import { describe, expect, it } from "vitest";
import { rubricSchema } from "@/lib/content/schema";
import { falseClaimSchema, type FalseClaim } from "@/lib/content/claims";
import { scoreWithRules, type ScorableQuestion } from "@/lib/scoring";
import { falseClaimsIn } from "@/lib/scoring/false-claims";

const question: ScorableQuestion = {
  slug: "test-claim-scope",
  modelAnswer: "Checkpoints let a job restore its state after a crash. Records stay for the retention period whoever read them.",
  rubric: rubricSchema.parse({
    items: [
      { id: "retention", label: "Records stay for the retention period", kind: "required", weight: 2, concept: ["(kept | stay*) ... (week* | days)"], hint: "Say records stay for the retention period." },
      { id: "checkpoints", label: "Checkpoints restore state", kind: "required", weight: 2, concept: ["checkpoint* ... restor*"], hint: "Say checkpoints restore state." },
      { id: "state-lost", label: "Misconception: a crash loses the state", kind: "misconception", weight: 2, concept: ["crash ... (loses | lost) ... state"], correction: "Checkpoints restore it." },
      { id: "zk-needed", label: "Misconception: ZooKeeper elects the controller", kind: "misconception", weight: 2, concept: ["zookeeper ... elect*"], correction: "KRaft elects it." },
      { id: "any-broker", label: "Misconception: leaders go to the least loaded broker", kind: "misconception", weight: 2, concept: ["least loaded broker ... leader"], correction: "Only in-sync replicas are eligible." },
      { id: "salt-order", label: "Misconception: salting keeps a key's order", kind: "misconception", weight: 2, concept: ["salt* keep* order*"], correction: "Order holds per sub-key only." },
      { id: "extra-share", label: "Misconception: extra consumers share partitions", kind: "misconception", weight: 2, concept: ["consumers ... share the work"], correction: "A partition has one owner in a group." },
    ],
  }),
};

const met = (answer: string, id: string) => scoreWithRules({ question, answer, vocabulary: {}, claims: [] }).items.find((item) => item.id === id)!.met;

describe("where a wrong claim is made", () => {
  it("reads what breaks in a sentence opening 'Without X, …' as a warning, not a claim about the system", () => {
    expect(met("A crash loses the state and the counts start over.", "state-lost")).toBe(true);
    expect(met("Without checkpointing, a crash loses the state and the counts start over.", "state-lost")).toBe(false);
    // Only a sentence that opens on the counterfactual: a "without" further on conditions nothing.
    expect(met("Our job runs fine without tuning, and a crash loses the state and the counts start over.", "state-lost")).toBe(true);
  });

  it("reads a practice put in an 'if you…' clause whose main clause names what goes wrong as a warning against it", () => {
    expect(met("Salting keeps order, so nothing changes for consumers.", "salt-order")).toBe(true);
    expect(met("If you think salting keeps order, you will break every per-key aggregate.", "salt-order")).toBe(false);
    expect(met("And if we assume salting keeps order, the counts end up corrupted.", "salt-order")).toBe(false);
    // The outcome denied, or good, leaves the practice advised; a claim made in the main clause is still made.
    expect(met("If you salt, salting keeps order and you lose nothing.", "salt-order")).toBe(true);
    expect(met("If you think salting keeps order, consumers see no change.", "salt-order")).toBe(true);
    expect(met("If the partitioner changes, salting keeps order and nothing breaks.", "salt-order")).toBe(true);
  });

  it("does not join the two halves of ', or' alternatives into one claim, but reads through a parenthetical 'or'", () => {
    expect(met("Consumers share the work when you add more of them.", "extra-share")).toBe(true);
    expect(met("Consumers sit idle past the partition count, or the new members share the work once partitions are added.", "extra-share")).toBe(false);
    expect(met("Consumers, or at least most of them, share the work whatever the partition count.", "extra-share")).toBe(true);
  });

  it("does not read '…, X or not.' as an elliptical denial", () => {
    expect(met("The controller makes the least loaded broker the new leader, in sync or not.", "any-broker")).toBe(true);
    expect(met("The controller makes the least loaded broker the new leader, but Kafka does not.", "any-broker")).toBe(false);
  });

  it("reads 'however many' as a degree, not a turn", () => {
    expect(met("Add consumers freely, however many partitions there are, and the consumers all share the work.", "extra-share")).toBe(true);
    expect(met("Add consumers freely. However, idle consumers never share the work.", "extra-share")).toBe(false);
  });

  it("reads 'doesn't matter who …' as a concession, not a dismissal", () => {
    expect(met("Records are kept for a week, doesn't matter who read them.", "retention")).toBe(true);
    expect(met("Records are kept for a week, which doesn't really matter.", "retention")).toBe(false);
  });

  it("reads a claim scoped down at once ('only within', 'only per') as the scoped statement, but not one hedged with 'unless'", () => {
    expect(met("Salting keeps order, so nothing changes for consumers.", "salt-order")).toBe(true);
    expect(met("Salting keeps order only within each sub-key, not across the merchant.", "salt-order")).toBe(false);
    expect(met("Salting keeps order unless two keys collide.", "salt-order")).toBe(true);
  });
});

describe("a catalogue claim's `unless` phrases", () => {
  const claim: FalseClaim = {
    ...falseClaimSchema.parse({
      id: "replays-harmless",
      topic: "exactly-once",
      claim: "Replays are harmless because Kafka's exactly-once stops side effects repeating",
      correction: "Exactly-once covers Kafka writes and offsets; replayed side effects repeat unless they are idempotent.",
      concept: ["(replay* | reprocess*) ... harmless"],
      unless: ["idempotent", "{upserts}"],
      says: ["With exactly-once on, replays are harmless."],
      nearMiss: ["Feature writes are idempotent upserts, so replays are harmless."],
    }),
    track: "kafka",
    sourcePath: "test.yml",
    line: 1,
  };
  const vocabulary = { upserts: ["upsert*", "merge into"] };
  const charged = (text: string) => falseClaimsIn(text, vocabulary, [claim]).map((hit) => hit.id);

  it("keep the claim from being made in a sentence that holds one of them, as a phrase or through a set", () => {
    expect(charged("With exactly-once on, replays are harmless.")).toEqual(["replays-harmless"]);
    expect(charged("Feature writes are idempotent, so replays are harmless.")).toEqual([]);
    expect(charged("We write with MERGE INTO, so replays are harmless.")).toEqual([]);
  });

  it("reach only the sentence the claim is made in", () => {
    expect(charged("Our sink is idempotent. Still, with exactly-once on, replays are harmless anyway.")).toEqual(["replays-harmless"]);
  });
});
