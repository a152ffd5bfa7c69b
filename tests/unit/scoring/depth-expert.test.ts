// Depth for terse, expert wording: a point stated precisely and briefly reads "explained" when its sentence carries
// the mechanism in an expert's shorthand (an arrow, a formula, a verb saying what one part does to another), and a
// sentence that strings several statements together can explain one point per statement. Plain wording of the same
// points, and keyword lists, stay "named". The rubric is self-contained so the tests do not depend on the question bank.
import { describe, expect, it } from "vitest";
import { rubricSchema } from "@/lib/content/schema";
import { scoreWithRules, type ScorableQuestion } from "@/lib/scoring";

const question: ScorableQuestion = {
  slug: "test-depth-expert",
  modelAnswer: "An idle partition holds the watermark back. Windows close at end plus grace. Adding partitions remaps keys.",
  rubric: rubricSchema.parse({
    items: [
      { id: "idle", label: "Idle partitions hold the watermark back", kind: "required", weight: 2, concept: ["idle ... (partition* | source*)"], hint: "Say what an idle partition does to the watermark." },
      { id: "grace", label: "Windows accept late records for a grace period", kind: "required", weight: 2, concept: ["grace"], hint: "Say how long a window waits for stragglers." },
      { id: "fencing", label: "A new producer epoch fences zombies", kind: "required", weight: 2, concept: ["epoch"], hint: "Say how an old producer instance is shut out." },
      { id: "remap", label: "Adding partitions moves keys", kind: "required", weight: 2, concept: ["add* ... partition*"], hint: "Say what adding partitions does to keyed data." },
      { id: "side-output", label: "Too-late records go to a side output", kind: "bonus", weight: 1, concept: ["side output*"], hint: "Say where the latest records can go." },
      { id: "allowed-lateness", label: "Allowed lateness re-fires a window", kind: "bonus", weight: 1, concept: ["allowed lateness | allowedlateness"], hint: "Say how a closed window takes a late record." },
      { id: "hot-key", label: "Finds the hot key", kind: "bonus", weight: 1, concept: ["hot key"], hint: "Say which key is hot." },
      { id: "salting", label: "Salts the hot key", kind: "bonus", weight: 1, concept: ["(split* | salt*) ... hot key"], hint: "Say how the hot key is spread out." },
      { id: "merge", label: "Merges partial results", kind: "bonus", weight: 1, concept: ["partial* ... merg*"], hint: "Say how per-salt results are combined." },
      { id: "acks", label: "acks=all", kind: "bonus", weight: 1, concept: ["acks=all"], hint: "Say which acks setting is durable." },
      { id: "idempotence", label: "Idempotence", kind: "bonus", weight: 1, concept: ["idempoten*"], hint: "Say how retries stay single." },
      { id: "wrong", label: "A wrong claim", kind: "misconception", weight: 1, concept: ["zzqqwrong"], correction: "Nothing in these sentences makes it." },
    ],
  }),
};

const depthOf = (answer: string, id: string) => {
  const item = scoreWithRules({ question, answer, vocabulary: {}, claims: [] }).items.find((i) => i.id === id)!;
  expect(item.met, `${id} should be met by: ${answer}`).toBe(true);
  return item.depth;
};

describe("depth: an arrow from a cause to its effect explains", () => {
  it("reads a chain written with arrows as a mechanism", () => {
    expect(depthOf("An idle partition holds back the operator's watermark → downstream windows never fire and keyed state keeps growing.", "idle")).toBe("explained");
    expect(depthOf("Idle source subtask -> the combined watermark sits still -> nothing downstream gets emitted at all.", "idle")).toBe("explained");
    expect(depthOf("Adding partitions under a live keyed topic => existing customer keys land elsewhere and their history splits.", "remap")).toBe("explained");
  });

  it("does not take a dash between words for an arrow", () => {
    expect(depthOf("An idle partition is a common sight – especially on quiet weekend topics in smaller clusters.", "idle")).toBe("named");
    expect(depthOf("Adding partitions is a well-known topic in operations, and teams discuss it quite often.", "remap")).toBe("named");
  });
});

describe("depth: a formula relating terms explains", () => {
  it("reads arithmetic and bounds between terms as a mechanism", () => {
    expect(depthOf("The window closes at window end + grace, and records later than that are counted as dropped.", "grace")).toBe("explained");
    expect(depthOf("Store retention ≥ window size + grace, or late records find their window already purged from disk.", "grace")).toBe("explained");
    expect(depthOf("The watermark emitted per idle source is maxSeenTimestamp − bound, held for every downstream operator window.", "idle")).toBe("explained");
    expect(depthOf("Restore time ≈ download of the latest state + replay since the checkpoint, so the grace window matters.", "grace")).toBe("explained");
  });

  it("does not read a pairing of names, a version floor or a language name as a formula", () => {
    expect(depthOf("Our grace handling uses Kafka + Flink together, which is the common pairing in many teams.", "grace")).toBe("named");
    expect(depthOf("Adding partitions is supported by C++ clients and the Java client alike in every modern release.", "remap")).toBe("named");
    expect(depthOf("Grace is configured on the window definition = the usual place where people set such options.", "grace")).toBe("named");
  });

  it("reads a '+' as a sum only where the sum is a value, not where it means 'and'", () => {
    expect(depthOf("Kafka Streams drops each window's state at end + grace, and later records find nothing to join.", "grace")).toBe("explained");
    expect(depthOf("Session end = last event + inactivity gap, and grace is added on top of that for stragglers.", "grace")).toBe("explained");
    expect(depthOf("Our grace setup uses batching + compression on the sink, like most teams do in production.", "grace")).toBe("named");
    expect(depthOf("We use it for batching + compression, and grace is set on every window in the job.", "grace")).toBe("named");
  });
});

describe("depth: verbs saying what one part does to another explain", () => {
  it("reads expert verbs of effect as a mechanism", () => {
    expect(depthOf("Every initTransactions call bumps the producer epoch stored on the coordinator for that transactional id.", "fencing")).toBe("explained");
    expect(depthOf("A restarted instance fences its zombie predecessor, whose older epoch the partition leaders now refuse outright.", "fencing")).toBe("explained");
    expect(depthOf("Adding partitions later remaps every key whose hash lands differently, splitting per-key history across old and new logs.", "remap")).toBe("explained");
    expect(depthOf("A single idle partition stalls the combined watermark of the whole source operator and its downstream windows.", "idle")).toBe("explained");
  });

  it("does not read everyday verbs of the same kind as a mechanism", () => {
    expect(depthOf("Adding partitions breaks the ordering for some customer keys in the topic over time.", "remap")).toBe("named");
    expect(depthOf("The epoch of the producer stops the older producer from writing more records to partitions.", "fencing")).toBe("named");
  });
});

describe("depth: a sentence of several statements explains one point per statement", () => {
  it("lets statements joined by semicolons each explain their point", () => {
    const answer = "Grace is one minute by default; allowedLateness re-fires the window; a side output takes the rest.";
    for (const id of ["grace", "allowed-lateness", "side-output"]) expect(depthOf(answer, id), id).toBe("explained");
  });

  it("still counts a keyword list as crammed, with semicolons or without", () => {
    for (const answer of ["We use acks=all; idempotence; grace by default.", "We use acks=all, idempotence and grace by default."]) {
      for (const id of ["acks", "idempotence", "grace"]) expect(depthOf(answer, id), `${id}: ${answer}`).toBe("named");
    }
  });

  it("counts a point read from another point's words as the same statement, not one more to explain", () => {
    // "hot key" lies inside "split … hot key": two points, one statement, and the merge is the second.
    const answer = "Split the hot key by hash % 16; merge partial sums per key downstream.";
    for (const id of ["hot-key", "salting", "merge"]) expect(depthOf(answer, id), id).toBe("explained");
    // Three different points squeezed into a short clause without a statement of their own stay named.
    const crammed = "Split hot key, merge partials, acks=all always.";
    for (const id of ["salting", "merge", "acks"]) expect(depthOf(crammed, id), id).toBe("named");
  });
});

describe("depth: plain wording of the same points stays named", () => {
  it("does not credit a bare statement of the point", () => {
    expect(depthOf("Idle partitions can be a problem for the watermark in Flink jobs.", "idle")).toBe("named");
    expect(depthOf("Kafka Streams windows have a grace period for records that are a little late.", "grace")).toBe("named");
    expect(depthOf("Zombie producers are handled with an epoch on the producer.", "fencing")).toBe("named");
    // "so" is left out on purpose: plain answers use it as often as strong ones.
    expect(depthOf("You can add partitions later, so the key for some customers goes to a new place.", "remap")).toBe("named");
  });
});
