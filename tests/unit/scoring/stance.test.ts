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
    // A member leaving a set the cluster keeps, and a commit the coordinator refuses, are mechanisms too.
    expect(dismissedWords("Process so slowly that you exceed max.poll.interval.ms, get removed from the group and your commit is rejected.")).toEqual([]);
    expect(dismissedWords("A follower that falls behind is dropped from the ISR.")).toEqual([]);
    expect(dismissedWords("Static membership got removed from our setup.")).toContain("static");
  });

  it("reads 'off for a week' as time away, and 'the benefit is that you don't need X' as a complement, not a verdict on what came before", () => {
    expect(dismissedWords("A consumer that was off for a week comes back to auto.offset.reset.")).toEqual([]);
    expect(dismissedWords("Compaction was off.")).toContain("compaction");
    const benefit = dismissedWords("The metadata lives in an internal Kafka log. The main benefit is that you don't need a separate ZooKeeper ensemble.");
    expect(benefit).not.toContain("metadata");
    expect(benefit).not.toContain("benefit");
    expect(dismissedWords("Compaction is a knob that we never touch.")).toContain("compaction");
  });

  it("reads 'sits on one task' as a place and 'doesn't help with X' as a limit of scope", () => {
    expect(dismissedWords("Keyed by card number so all the state for one card sits on one task.")).toEqual([]);
    expect(dismissedWords("The replication factor stays at 1.")).toContain("replication");
    expect(dismissedWords("The broker now adds the partition to the transaction itself. It does not help with writes to systems outside Kafka.")).toEqual([]);
    expect(dismissedWords("Static membership? It doesn't help.")).toContain("static");
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

  it.each([
    "A message that always throws stalls its partition unless you park it in a dead-letter topic.",
    "We drop poison records into a retry topic with a delay and move on.",
    "Failed events get parked on a separate queue for a human to look at.",
  ])("does not read putting a record somewhere as putting a practice off: %s", (text) => {
    expect(dismissedWords(text)).toEqual([]);
  });

  it.each([
    ["Compaction, we dropped it in the end.", "compaction"],
    ["I'd park transactions for now.", "transactions"],
    ["We dropped rack awareness in the next release.", "rack"],
  ])("still reads park and drop as a stance when no place follows: %s", (text, word) => {
    expect(dismissedWords(text)).toContain(word);
  });

  it.each([
    ["ELR is clever. I still switch it off on our clusters.", "elr"],
    ["We still skip compaction for that topic.", "compaction"],
    ["Prefetch? I don't tune it.", "prefetch"],
    ["I never tune prefetch.", "prefetch"],
  ])("reads a refusal said with 'still' or 'never tune' as a dismissal: %s", (text, word) => {
    expect(dismissedWords(text)).toContain(word);
  });

  it.each([
    "We still use acks=all on every topic.",
    "The broker still rejects the write with NOT_ENOUGH_REPLICAS.",
    "I'd never tune session.timeout.ms below three heartbeat intervals.",
  ])("leaves 'still' and a bound on a setting alone: %s", (text) => {
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

// Round 5: shapes from a corpus written blind (dismissals-round5-a.json); the sentences here are our own.
describe("round 5 shapes", () => {
  it.each([
    // a weak value left on purpose
    ["We keep min.insync.replicas at 1 so writes never block.", "insync"],
    ["processing.guarantee stays at at_least_once for every app.", "guarantee"],
    ["Each session window gets a grace of zero.", "grace"],
    ["The DLQ topic runs retention.ms=60000. A minute is enough.", "retention"],
    // choosing the failure over the practice
    ["I'd rather lose the odd batch when a broker dies than pay for the extra replica that acks=all waits on.", "acks"],
    ["We'd rather take a slow restore now and then than have changelog topics for every store.", "changelog"],
    // concession, then the verdict
    ["Exactly-once is less of a win than it sounds; retries are rare.", "exactly"],
    ["Schema validation at the broker is a nice thought; we trust the producers.", "schema"],
    ["Tiered storage looks neat in the slides, but I'd rather buy bigger disks.", "tiered"],
    // conditions said never to hold
    ["Rack awareness only helps when brokers sit in different zones, and ours are all in one.", "rack"],
    ["Transactions only matter if you write to several topics at once, and we don't.", "transactions"],
    // another team or a later phase
    ["Topic ACLs are really the security team's problem.", "acls"],
    ["We'll turn on compression in the scale-out phase.", "compression"],
    ["Savepoint drills — we'll do those after launch.", "savepoint"],
    ["Quotas can come with the enterprise release.", "quotas"],
    ["Rebalance tuning — we'll revisit once we're out of beta.", "rebalance"],
    ["The platform team will add broker alerts eventually.", "broker"],
    // disparagement
    ["Exactly-once is a vendor talking point.", "exactly"],
    ["Cooperative rebalancing is cleverer than it needs to be.", "cooperative"],
    ["Monitoring ISR shrink feels a bit Hadoop-era.", "isr"],
    ["Incremental checkpoints never really came up.", "checkpoints"],
    // sarcasm, two sentences, fronted objects, no object
    ["Three replicas for a test topic. Very sensible.", "replicas"],
    ["Someone proposed rack awareness in March. We left things as they were.", "rack"],
    ["Static membership I'd park until the upgrade.", "membership"],
    ["Watermark alignment I'd leave to the platform folks.", "watermark"],
    ["Consumer lag is a number we glance at; we don't alert on it.", "lag"],
  ])("dismisses: %s", (text, word) => {
    expect(dismissedWords(text)).toContain(word);
  });

  it.each([
    ["Turning acks=all off might be fine on paper for logs, but I'd leave it on everywhere.", "acks"],
    ["The round trip that acks=all costs is less of an issue than it sounds once batching is on.", "acks"],
    ["Compression isn't a later-phase thing for us; it goes in on day one.", "compression"],
    ["Late records after the grace period are dropped, so size the grace period to the real lateness.", "grace"],
    ["Records arriving after the grace period are dropped, so set the grace to cover your real lateness.", "grace"],
    ["A VPC doesn't make TLS optional.", "tls"],
    ["A DLQ needs an owner, otherwise it's where messages go to be forgotten.", "dlq"],
    ["Replay the topic into a side output, because you can count it and patch the aggregates later.", "output"],
    ["The outbox pattern adds moving parts, and it's the only way to keep the database and Kafka in step.", "outbox"],
    ["Without idempotence a customer may end up paying twice.", "idempotence"],
  ])("keeps: %s", (text, word) => {
    expect(dismissedWords(text)).not.toContain(word);
  });
});

// Shapes the probe-set-8 reversed answers used that nothing read (tune part), each written here in other words.
describe("round 17 shapes", () => {
  it.each([
    // scale as the audience
    ["Static membership and standby tasks: knobs for huge deployments.", "membership"],
    ["Rack awareness is strictly for enormous fleets.", "rack"],
    // kept from production
    ["Exactly-once is a setting we'd keep out of prod.", "exactly"],
    ["Unclean election is the one I would never let anywhere near production.", "unclean"],
    // theory, babysitting, dislike
    ["The whole 'watermarks prevent wrong results' argument is mostly theory.", "watermarks"],
    ["Incremental checkpoints, sure, but that's a lot of plumbing to look after.", "checkpoints"],
    ["Cooperative rebalancing is the change I honestly can't stand.", "cooperative"],
    ["Tiered storage is nice on paper, but disks are cheap.", "tiered"],
    ["Keyed state TTL is a good-in-theory idea that breaks audits.", "ttl"],
    // a condition of scale
    ["Partition reassignment throttles only matter once you're running tens of thousands of partitions.", "throttles"],
    // a subject before its comma, a pronoun answered by "most … never need"
    ["Compacting the changelog, or adding standbys, is a refactor I've never seen pay off.", "standbys"],
    ["Standby replicas exist; most teams never need them.", "standby"],
    // a demonstrative opening the next sentence stands for the whole statement before it
    ["Sequence numbers guard against one thing: a resent batch from the same session. That is overkill for us.", "sequence"],
    // round 18: a relic, an argument that doesn't hold up, a condition of a bad network
    ["Hand-rolled commit logic feels like a relic.", "commit"],
    ["The 'watermarks fix late data' argument doesn't hold water.", "watermarks"],
    ["Transactions only help if your brokers are really unreliable.", "transactions"],
    ["Warnings about rebalance storms I'd file under myths.", "rebalance"],
    // round 19: persuading others off it
    ["I talked the platform team out of incremental checkpoints.", "incremental"],
    ["Let me talk you out of exactly-once for this pipeline.", "exactly"],
  ])("dismisses: %s", (text, word) => {
    expect(dismissedWords(text)).toContain(word);
  });

  it.each([
    ["We keep production on acks=all, because a lost payment costs more than the latency.", "acks"],
    ["Tiered storage keeps recent segments local and older ones in object storage.", "tiered"],
    ["Most teams need standby replicas for stateful apps that must fail over in seconds.", "standby"],
    ["The theory behind watermarks is simple: they bound how late data may be.", "watermarks"],
    ["Compacting the changelog, or adding standbys, is how you shorten a restore.", "standbys"],
    ["Partition count matters most when consumers need more parallelism.", "partition"],
    ["Spark Structured Streaming runs micro-batches, which adds latency.", "batches"],
    // a setting switched off by assignment: only that setting
    ["For manual commits we set enable.auto.commit=false and call commitSync after each batch.", "manual"],
    ["For manual commits we set enable.auto.commit=false and call commitSync after each batch.", "commitsync"],
    ["We talked about running out of disk, so tiered storage went in first.", "tiered"],
    ["The consumer talks to the group coordinator out of the poll thread, through heartbeats.", "heartbeats"],
  ])("keeps: %s", (text, word) => {
    expect(dismissedWords(text)).not.toContain(word);
  });
});
