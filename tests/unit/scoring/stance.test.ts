// A sentence that names a practice only to wave it away never earns the point for it; one that uses the
// same verbs to describe a mechanism still does.
import { describe, expect, it } from "vitest";
import { scoreWithRules } from "@/lib/scoring";
import { analyseText } from "@/lib/scoring/normalise";
import { analyseStance } from "@/lib/scoring/stance";
import { rubricSchema } from "@/lib/content/schema";
import { durability, vocabulary } from "./helpers";

const met = (answer: string, id: string) => scoreWithRules({ question: durability, answer, vocabulary, claims: [] }).items.find((item) => item.id === id)!.met;

/** The words of `text` that lie in a dismissal's scope. */
function dismissedWords(text: string): string[] {
  const analysed = analyseText(text);
  const dismissed = analyseStance(analysed);
  return analysed.tokens.filter((_, index) => dismissed[index]).map((token) => token.n);
}

describe("dismissals", () => {
  it.each([
    "acks=all? I'd stay away from it, it only makes things harder.",
    "Honestly acks=all isn't worth the bother.",
    "acks=all is overkill for most teams.",
    "I would avoid acks=all, min.insync.replicas=2 and the rest of that ceremony.",
    "Skip acks=all and just go with the defaults.",
    "You can safely ignore acks=all in practice.",
    "Some people insist on acks=all, but that is overkill.",
    "acks=all just adds latency.",
    "We tried acks=all, but it only makes things slower.",
    "acks=all doesn't really matter once you have replication.",
    "There is no real need for acks=all here.",
    "acks=all only matters when the volumes are huge.",
    "acks=all only really pays off if your traffic is massive.",
  ])("does not credit: %s", (answer) => {
    expect(met(answer, "acks-all")).toBe(false);
  });

  it.each([
    "We use acks=all so that every in-sync replica acknowledges the write.",
    "Idempotence avoids duplicates, and acks=all means every in-sync replica acknowledges the write.",
    "Consumers skip aborted records, and the producer uses acks=all for durability.",
    "I'd avoid acks=1 and use acks=all instead, so every in-sync replica acknowledges.",
    "acks=all is not optional for payments.",
    "Without acks=1 shortcuts, acks=all waits for every in-sync replica.",
    "acks=all matters most when the volumes are huge, because a lost batch is then many records.",
    "acks=all gives durable writes but adds latency.",
  ])("still credits: %s", (answer) => {
    expect(met(answer, "acks-all")).toBe(true);
  });

  it("reads 'table' as putting off only when it is said as a verb: in stream processing a table is a thing", () => {
    expect(dismissedWords("Table-table joins exist.")).toEqual([]);
    expect(dismissedWords("Table = current state per key; a stream is every change.")).toEqual([]);
    expect(dismissedWords("Let's table compaction until next quarter.")).toContain("compaction");
    expect(dismissedWords("We tabled compaction for now.")).toContain("compaction");
  });

  it("reads a passive removal of a thing the system handles as a mechanism, of a practice as a dismissal", () => {
    expect(dismissedWords("A member silent for session.timeout.ms (45 seconds by default) is removed.")).toEqual([]);
    expect(dismissedWords("Each transaction has its own epoch, and a straggler from the previous one is rejected as stale.")).toEqual([]);
    expect(dismissedWords("In our setup compaction was removed last year.")).toContain("compaction");
    expect(dismissedWords("Anything still carrying the old epoch is rejected, so a straggler can't land in the next transaction.")).toEqual([]);
    expect(dismissedWords("After the grace period records are dropped, or routed to a side output.")).toEqual([]);
    expect(dismissedWords("After that, dropped or sideOutputLateData.")).toEqual([]);
    expect(dismissedWords("We dropped the side output.")).toContain("side");
    // Lowering a setting when something is slow is tuning, not working round a practice.
    expect(dismissedWords("If processing is slow I lower max.poll.records, batch the database writes, and add consumers.")).toEqual([]);
    expect(dismissedWords("When the checkpoint times out we just disable it.").length).toBeGreaterThan(0);
  });

  it("reads a heading as a heading and a version number as a version, not as sarcasm or putting off", () => {
    expect(dismissedWords("What could go wrong")).toEqual([]);
    expect(dismissedWords("Transactions everywhere? What could possibly go wrong?").length).toBeGreaterThan(0);
    expect(dismissedWords("Protocol v2 is enabled with the transaction.version=2 feature in 4.0.")).toEqual([]);
    expect(dismissedWords("Honestly, exactly-once is a v2 problem for us.")).toContain("exactly");
  });

  it("dismisses a list after the cue, up to the turn to what the candidate would do instead", () => {
    expect(dismissedWords("I'd skip compaction, transactions and rack awareness and just use defaults.")).toEqual(["compaction", "transactions", "and", "rack", "awareness", "and"]);
  });

  it("reaches back to a short question that a pronoun stands for", () => {
    expect(dismissedWords("Compaction? I'd stay away from it.")).toEqual(["compaction"]);
  });

  it("sums up a list before 'all overkill'", () => {
    expect(dismissedWords("Compaction, transactions, rack awareness: all overkill.")).toEqual(["compaction", "transactions", "rack", "awareness", "all"]);
  });

  it.each([
    "Transactions are disabled by default, and compaction stays off unless you set cleanup.policy=compact.",
    "Rack awareness is off out of the box; the client setting is false until you give each consumer a client.rack.",
  ])("does not read a described default as a dismissal: %s", (text) => {
    expect(dismissedWords(text)).toEqual([]);
  });

  it("still reads a switched-off practice as a dismissal when no default is described", () => {
    expect(dismissedWords("Compaction is off for us.")).toContain("compaction");
  });

  it("does not earn a point across sentences from a sentence that waves that point away", () => {
    const question = {
      ...durability,
      rubric: rubricSchema.parse({
        items: [
          { id: "joins-windowed", label: "Stream-stream joins need a window", kind: "required", weight: 2, near: 20, concept: ["(impressions * clicks | stream-stream) ... (window* | time bound)"], hint: "Say the join needs a time window." },
          ...durability.rubric.items.slice(1),
        ],
      }),
    };
    const metIn = (answer: string) => scoreWithRules({ question, answer, vocabulary, claims: [] }).items[0]!.met;
    // The dismissed sentence's other words ("impressions and clicks") do not pair with the next sentence's "window".
    expect(metIn("For impressions and clicks I'd skip the windowed stream-stream join. You have to pick a window and a grace period.")).toBe(false);
    // Without the dismissal the same two sentences earn it.
    expect(metIn("For impressions and clicks I'd use a stream-stream join. You have to pick a window and a grace period.")).toBe(true);
  });

  it("leaves a true statement of absence alone when the pattern itself states the absence", () => {
    expect(met("You can never remove partitions from a topic, so plan the count.", "partitions-never-removed")).toBe(true);
  });
});
