// The scripted walkthrough under each demo page replays the lab's guided steps on the scenario's seed:
// every step shows exactly the cluster the lab shows after that step, with the notes the lab wrote, and
// what it tells the learner really happened in the simulation.
import { describe, expect, it } from "vitest";
import { partitionForKey, renderTopics } from "@/lib/cluster";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { createLab, labStep } from "@/lib/demos/lab";
import { buildWalkthrough, type Walkthrough } from "@/lib/demos/walkthrough";
import { scenario } from "./helpers";

function walkthrough(id: string): Walkthrough {
  const built = buildWalkthrough(id);
  expect(built, id).not.toBeNull();
  return built!;
}

const kinds = (w: Walkthrough, step: number) => w.steps[step - 1]!.notes.map((n) => n.kind);
const text = (w: Walkthrough, step: number) => w.steps[step - 1]!.notes.map((n) => n.message).join("\n");

describe("buildWalkthrough", () => {
  it.each([...DEMO_SCENARIO_IDS])("%s replays the lab's guided steps, step for step", (id) => {
    const w = walkthrough(id);
    const s = scenario(id);
    let lab = createLab(id);
    expect(w.title).toBe(s.title);
    expect(w.initial).toMatchObject({ virtualTimeMs: lab.cluster.now, topics: renderTopics(lab.cluster) });
    expect(w.steps.map((step) => step.title)).toEqual(s.steps.map((step) => step.title));
    for (const [index, step] of w.steps.entries()) {
      const before = lab;
      lab = labStep(lab, { type: "guidedStep", index });
      expect(step.error, `step ${index + 1}`).toBeNull();
      expect(step).toMatchObject({ index: index + 1, instruction: s.steps[index]!.instruction, notice: s.steps[index]!.notice, virtualTimeMs: lab.cluster.now });
      expect(step.topics).toBe(renderTopics(lab.cluster));
      expect(step.groups.map((g) => g.id)).toEqual(Object.keys(lab.cluster.groups).sort());
      expect(step.notes.map((n) => n.message)).toEqual(lab.notes.filter((n) => n.seq >= before.noteSeq).map((n) => n.message));
    }
    expect(w.initial.topics).toMatch(/Topic: /);
    for (const step of w.steps) expect(step.topics).toMatch(/Topic: /);
    // The story is told by the lab's explanations (the engine's own sentences among them), not just the steps' text.
    expect(w.steps.flatMap((step) => step.notes).length).toBeGreaterThan(0);
    // Time moves forward through the story.
    const times = [w.initial.virtualTimeMs, ...w.steps.map((step) => step.virtualTimeMs)];
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("cluster-tour: a crashed broker loses its leaderships, and comes back as a follower", () => {
    const w = walkthrough("cluster-tour");
    expect(kinds(w, 3)).toEqual(expect.arrayContaining(["broker-killed", "broker-fenced", "leader-elected"]));
    expect(w.steps[2]!.topics).not.toMatch(/Leader: 2\b/);
    expect(kinds(w, 4)).toContain("isr-expand");
    expect(w.steps[3]!.topics).not.toMatch(/Leader: 2\b/);
    for (const line of w.steps[3]!.topics.split("\n").filter((l) => l.includes("Partition:"))) expect(line).toMatch(/Isr: \d,\d,\d/);
  });

  it("key-partitioning: growing the topic to six partitions moves keys", () => {
    const w = walkthrough("key-partitioning");
    expect(w.steps[0]!.topics).toMatch(/PartitionCount: 3/);
    expect(w.steps[1]!.topics).toMatch(/PartitionCount: 6/);
    expect(text(w, 2)).toMatch(/murmur2\(key\) % 6/);
    expect(["alice", "bob"].some((key) => partitionForKey(key, 3) !== partitionForKey(key, 6))).toBe(true);
  });

  it("consumer-group-scaling: the fourth consumer sits idle until a fourth partition", () => {
    const w = walkthrough("consumer-group-scaling");
    expect(text(w, 3)).toMatch(/^c4 is idle: group 'analytics' has 4 members but clicks has only 3 partitions/m);
    expect(w.steps[3]!.topics).toMatch(/PartitionCount: 4/);
    expect(kinds(w, 4)).toContain("rebalance");
  });

  it("rebalance-assignors: an eager rebalance, then incremental ones after the switch", () => {
    const w = walkthrough("rebalance-assignors");
    expect(text(w, 1)).toMatch(/range assignor, eager/);
    expect(kinds(w, 2)).toContain("assignor");
    expect(text(w, 3)).toMatch(/cooperative-sticky round 1/);
    expect(text(w, 3)).not.toMatch(/eager/);
  });

  it("offsets-and-commits: a crash between auto-commits hands the partition over and payments are processed again", () => {
    const w = walkthrough("offsets-and-commits");
    expect(kinds(w, 2)).toEqual(expect.arrayContaining(["consumer-crashed", "member-expired", "rebalance", "duplicates"]));
    expect(text(w, 2)).toMatch(/c1 crashed without leaving the group/);
  });

  it("retention-replay: a second group replays from offset 0; retention then moves the log start", () => {
    const w = walkthrough("retention-replay");
    expect(w.steps[1]!.groups.map((g) => g.id)).toContain("analytics");
    expect(kinds(w, 3)).toContain("retention");
    expect(w.steps[3]!.groups.map((g) => g.id)).toContain("audit-late");
  });

  it("acks-durability: acks=1 loses acknowledged records when the leader dies; broker 2 takes over", () => {
    const w = walkthrough("acks-durability");
    const loss = w.steps[0]!.notes.find((n) => n.kind === "acked-loss");
    expect(loss?.tone).toBe("loss");
    expect(loss?.message).toMatch(/acks=1/);
    expect(w.steps[0]!.topics).toMatch(/Partition: 0\s+Leader: 2/);
    expect(kinds(w, 2)).toContain("truncation");
    expect(kinds(w, 3)).not.toContain("acked-loss");
  });

  it("min-isr: with two brokers down the leader refuses acks=all writes with NotEnoughReplicas", () => {
    const w = walkthrough("min-isr");
    // min.insync.replicas=1: once brokers 2 and 3 are fenced, the ISR is the leader alone.
    expect(kinds(w, 1)).toEqual(expect.arrayContaining(["broker-killed", "broker-fenced"]));
    expect(w.steps[0]!.topics).toMatch(/Isr: 1\b/);
    // min.insync.replicas=2: every write is refused instead.
    expect(w.steps[1]!.topics).toMatch(/Isr: 1\b/);
    expect(kinds(w, 2)).toEqual(expect.arrayContaining(["topic-settings", "broker-fenced", "challenge-met"]));
    expect(text(w, 2)).toMatch(/every write since was refused \(NotEnoughReplicas\)/);
    // Played for the learner: the conditions hold, but the note says the run does not complete the challenge.
    expect(text(w, 2)).toMatch(/^Done for you: .* reset and get there with your own moves\.$/m);
    expect(text(w, 2)).not.toMatch(/Challenge met/);
  });

  it("leader-election: a stuck follower leaves the ISR and an unclean election loses what it missed", () => {
    const w = walkthrough("leader-election");
    expect(kinds(w, 1)).toContain("isr-shrink");
    expect(kinds(w, 3)).toEqual(expect.arrayContaining(["unclean-election", "acked-loss"]));
    expect(w.steps[2]!.topics).toMatch(/Leader: 3/);
  });

  it("idempotent-producer: a retry without idempotence writes a duplicate; with it, the broker recognises it", () => {
    const w = walkthrough("idempotent-producer");
    expect(kinds(w, 1)).toContain("duplicate-written");
    expect(kinds(w, 2)).toContain("duplicate-detected");
    expect(kinds(w, 2)).not.toContain("duplicate-written");
  });

  it("transactions-eos: a committed, an aborted and a retried transaction move the group's offset twice", () => {
    const w = walkthrough("transactions-eos");
    expect(kinds(w, 1)).toContain("transaction-committed");
    expect(kinds(w, 2)).toContain("transaction-aborted");
    expect(kinds(w, 3)).toContain("transaction-committed");
    // CURRENT-OFFSET of orders-0 in `kafka-consumer-groups --describe --group billing`: the committed offset.
    const committed = (step: number) => Number(/^billing\s+orders\s+0\s+(\d+)/m.exec(w.steps[step - 1]!.groups.find((g) => g.id === "billing")!.output)![1]);
    expect(committed(1)).toBeGreaterThan(0);
    expect(committed(2)).toBe(committed(1));
    expect(committed(3)).toBeGreaterThan(committed(2));
  });

  it("consumer-lag: a fifth consumer idles; a slowed consumer lags its partition", () => {
    const w = walkthrough("consumer-lag");
    expect(kinds(w, 3)).toContain("idle-consumer");
    expect(text(w, 3)).toMatch(/^c5 is idle/m);
    expect(kinds(w, 5)).toContain("consumer-pace");
  });

  it("stream scenarios: the window changes and the late record that is dropped are explained", () => {
    expect(kinds(walkthrough("time-windows"), 2)).toContain("window-settings");
    expect(text(walkthrough("late-data-grace"), 3)).toMatch(/dropped key sensor-1 @00:05:00/);
    expect(walkthrough("session-windows").steps).toHaveLength(2);
  });

  it("is built once per scenario and returns null for an unknown one", () => {
    expect(buildWalkthrough("cluster-tour")).toBe(buildWalkthrough("cluster-tour"));
    expect(buildWalkthrough("no-such-demo")).toBeNull();
  });
});
