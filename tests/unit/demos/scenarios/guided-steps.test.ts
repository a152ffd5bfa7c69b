// Every lab scenario: it opens cleanly, each guided step runs without an error, and what a step's
// notice tells the learner to look at is really there in the engine's state afterwards.
import { describe, expect, it } from "vitest";
import { highWatermarkOf, partitionForKey } from "@/lib/cluster";
import { LAB_SCENARIOS, consumerRows, createLab, groupLag, labStep, type LabState } from "@/lib/demos/lab";
import { guided, noteKinds, outcome, play, records, scenario, tickedMs } from "../helpers";

describe.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))("lab scenario %s", (id, s) => {
  it("opens with the scenario's topic, consumers and settings, no error and no news", () => {
    const lab = createLab(id);
    expect(lab.lastError).toBeNull();
    expect(lab.scenarioId).toBe(id);
    expect(lab.seed).toBe(s.seed);
    expect(lab.stepIndex).toBe(0);
    expect(lab.stepsDoneBy).toEqual([]);
    expect(lab.stepStartedAt).toBe(lab.cluster.now);
    expect(lab.assisted).toBe(false);
    expect(lab.actions).toEqual([]);
    expect(lab.cluster.topics[s.topic]).toBeDefined();
    expect(lab.consumers).toHaveLength(s.setup.consumers);
    expect(lab.producer.acks).toBe(s.setup.producer.acks);
    expect(lab.cluster.now).toBe((s.setup.warmupQuanta ?? 0) * 100);
    // Setup and warm-up are the starting point: the learner starts with an empty notes panel.
    expect(lab.notes).toEqual([]);
    expect(lab.challenge === null).toBe(s.challenge === null);
    expect(s.steps.length).toBeGreaterThanOrEqual(2);
    expect(s.steps.length).toBeLessThanOrEqual(5);
    for (const step of s.steps) {
      expect(step.title && step.instruction && step.notice).toBeTruthy();
      expect(step.actions.length).toBeGreaterThan(0);
      expect(step.actions.some((a) => a.type === "guidedStep" || a.type === "reset")).toBe(false);
    }
  });

  it("performs every guided step in order, without an error, exactly as its actions one by one", () => {
    let lab = createLab(id);
    for (const [index, step] of s.steps.entries()) {
      const before = lab;
      lab = labStep(lab, { type: "guidedStep", index });
      expect(lab.lastError, `step ${index}`).toBeNull();
      // Done by the lab, and only this step: the next one waits for its own state.
      expect(lab.stepIndex).toBe(index + 1);
      expect(lab.stepsDoneBy).toEqual(Array.from({ length: index + 1 }, () => "lab"));
      expect(lab.stepStartedAt).toBe(lab.cluster.now);
      expect(lab.assisted).toBe(true);
      expect(lab.actions.at(-1)).toEqual({ type: "guidedStep", index });
      // Time moves only by the step's ticks (a transaction also waits for its writes to be acknowledged).
      const played = lab.cluster.now - before.cluster.now;
      if (step.actions.some((a) => a.type === "transaction")) expect(played).toBeGreaterThanOrEqual(tickedMs(step.actions));
      else expect(played).toBe(tickedMs(step.actions));
      // A guided step is nothing more than its actions, and those actions done by hand tick it off too.
      const manual = play(before, step.actions);
      expect(outcome(manual)).toBe(outcome(lab));
      expect(manual.stepIndex).toBe(index + 1);
    }
    expect(lab.stepIndex).toBe(s.steps.length);
  });
});

describe("guided steps", () => {
  it("never move stepIndex back when an earlier step is repeated", () => {
    let lab = guided("cluster-tour", 2);
    lab = labStep(lab, { type: "guidedStep", index: 0 });
    expect(lab.lastError).toBeNull();
    expect(lab.stepIndex).toBe(2);
    expect(lab.stepsDoneBy).toEqual(["lab", "lab"]);
  });

  it("are all or nothing: a step whose second action fails changes nothing", () => {
    // Step 2 of the tour kills broker 2; with broker 2 already down that action fails.
    const lab = play(guided("cluster-tour", 2), [{ type: "killBroker", broker: 2 }]);
    const next = labStep(lab, { type: "guidedStep", index: 2 });
    expect(next.lastError).toMatch(/Broker 2 is not running/);
    expect(next.cluster).toBe(lab.cluster);
    expect(next.stepIndex).toBe(2);
    expect(next.actions).toEqual(lab.actions);
  });
});

/** The group's lag on the scenario topic, by partition. */
function lagBy(lab: LabState): Record<string, number> {
  return groupLag(lab, scenario(lab.scenarioId))!.byPartition;
}

function lagTotal(lab: LabState): number {
  return groupLag(lab, scenario(lab.scenarioId))!.total;
}

describe("what the guided steps show", () => {
  it("cluster-tour: one key, one partition; the group splits the work; a crash moves leaders; the broker rejoins", () => {
    const s = scenario("cluster-tour");
    let lab = play(createLab("cluster-tour"), [{ type: "guidedStep", index: 0 }]);
    const orders = records(lab.cluster, "orders").filter((r) => r.key === "customer-1" && r.value === "order");
    expect(orders).toHaveLength(3);
    const partition = partitionForKey("customer-1", 3);
    expect(orders.every((r) => r.partition === partition)).toBe(true);
    // Written by the leader, copied by both followers, then below the high watermark for the consumer.
    const last = Math.max(...orders.map((r) => r.offset));
    const p = lab.cluster.topics.orders!.partitions[partition]!;
    for (const broker of p.replicas) expect(p.logs[String(broker)]!.leo).toBeGreaterThan(last);
    expect(highWatermarkOf(lab.cluster, "orders", partition)).toBeGreaterThan(last);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    const rows = consumerRows(lab);
    expect(rows.map((r) => r.status)).toEqual(["running", "running"]);
    expect(rows.every((r) => r.partitions.length > 0)).toBe(true);
    expect(rows.flatMap((r) => r.partitions).sort()).toEqual(["orders-0", "orders-1", "orders-2"]);

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    for (const part of lab.cluster.topics.orders!.partitions) {
      expect(part.leader).not.toBe(2);
      expect(lab.cluster.brokers[String(part.leader)]!.status).toBe("online");
      expect(part.isr).not.toContain(2);
    }
    expect(noteKinds(lab)).toEqual(expect.arrayContaining(["broker-killed", "broker-fenced", "leader-elected"]));

    lab = play(lab, [{ type: "guidedStep", index: 3 }]);
    expect(lab.cluster.brokers["2"]!.status).toBe("online");
    for (const part of lab.cluster.topics.orders!.partitions) {
      expect(part.isr).toContain(2);
      // It does not take its leaderships back by itself.
      expect(part.leader).not.toBe(2);
    }
    expect(noteKinds(lab)).toContain("isr-expand");
    expect(s.steps).toHaveLength(4);
  });

  it("key-partitioning: a key keeps its partition and order until the partition count changes", () => {
    let lab = guided("key-partitioning", 1);
    for (const key of ["alice", "bob"]) {
      const own = records(lab.cluster, "orders").filter((r) => r.key === key);
      expect(own).toHaveLength(4);
      expect(new Set(own.map((r) => r.partition))).toEqual(new Set([partitionForKey(key, 3)]));
      const offsets = own.map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lab.cluster.topics.orders!.partitions).toHaveLength(6);
    expect(noteKinds(lab)).toContain("topic-settings");
    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    // Every key whose murmur2 bucket differs between 3 and 6 partitions that got new records now lives on both.
    const byKey = new Map<string, Set<number>>();
    for (const r of records(lab.cluster, "orders")) if (r.key) byKey.set(r.key, (byKey.get(r.key) ?? new Set()).add(r.partition));
    const split = [...byKey].filter(([, parts]) => parts.size > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const [key, parts] of split) expect(parts).toEqual(new Set([partitionForKey(key, 3), partitionForKey(key, 6)]));
  });

  it("consumer-group-scaling: lag grows, grows more slowly with three consumers, a fourth idles until a fourth partition", () => {
    let lab = createLab("consumer-group-scaling");
    const lags = [lagTotal(lab)];
    for (let index = 0; index < 4; index++) {
      lab = play(lab, [{ type: "guidedStep", index }]);
      lags.push(lagTotal(lab));
      if (index === 1) {
        expect(consumerRows(lab).map((r) => r.partitions.length)).toEqual([1, 1, 1]);
      }
      if (index === 2) {
        const idle = consumerRows(lab).filter((r) => r.status === "idle");
        expect(idle.map((r) => [r.consumer, r.partitions])).toEqual([["c4", []]]);
        const note = lab.notes.find((n) => n.kind === "idle-consumer");
        expect(note?.message).toMatch(/^c4 is idle: group 'analytics' has 4 members but clicks has only 3 partitions/);
      }
    }
    // One consumer (250/s) against 900/s: lag grows; three (750/s): it still grows, more slowly.
    expect(lags[1]! - lags[0]!).toBeGreaterThan(0);
    expect(lags[2]! - lags[1]!).toBeGreaterThan(0);
    expect(lags[2]! - lags[1]!).toBeLessThan(lags[1]! - lags[0]!);
    // Four partitions: nobody idle, four consumers at 250/s each outpace 900/s and the lag shrinks.
    expect(consumerRows(lab).map((r) => [r.status, r.partitions.length])).toEqual([
      ["running", 1],
      ["running", 1],
      ["running", 1],
      ["running", 1],
    ]);
    const later = play(lab, [{ type: "tick", quanta: 50 }]);
    expect(lagTotal(later)).toBeLessThan(lagTotal(lab));
  });

  it("rebalance-assignors: range rebalances eagerly; cooperative-sticky moves only what changes owner", () => {
    let lab = createLab("rebalance-assignors");
    lab = play(lab, [{ type: "guidedStep", index: 0 }]);
    expect(consumerRows(lab).map((r) => r.partitions.length)).toEqual([2, 2, 2]);
    expect(lab.rebalances.eager).toBeGreaterThan(0);
    expect(lab.cluster.groups.workers!.protocol).toBe("range");

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lab.cluster.groups.workers!.protocol).toBe("cooperative-sticky");
    expect(noteKinds(lab)).toContain("assignor");
    const owned = new Map(consumerRows(lab).map((r) => [r.consumer, r.partitions]));
    const cooperativeBefore = lab.rebalances.cooperative;

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    const rows = consumerRows(lab);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.partitions.length > 0)).toBe(true);
    // The three members kept a subset of what they had; the newcomer got only what was revoked.
    for (const row of rows) {
      const before = owned.get(row.consumer);
      if (before) for (const tp of row.partitions) expect(before).toContain(tp);
    }
    expect(lab.rebalances.cooperative).toBeGreaterThan(cooperativeBefore);
    expect(lab.rebalances.eagerSinceAssignor).toBe(0);
  });

  it("offsets-and-commits: a crash between auto-commits makes the next owner process the uncommitted payments again", () => {
    const s = scenario("offsets-and-commits");
    let lab = guided("offsets-and-commits", 1);
    const c1 = lab.cluster.consumers.c1!;
    const tp = c1.assignment[0]!;
    const commit = lab.cluster.groups.ledger!.committed[tp]!;
    // Offsets move only every auto.commit.interval.ms (5 s): c1 is ahead of its last commit.
    expect(lab.cluster.now - commit.committedAtMs).toBeLessThan(5000);
    expect(c1.positions[tp]).toBeGreaterThan(commit.offset);

    // Step 1 up to the crash, to see what was uncommitted at that moment.
    const [untilCrash] = s.steps[1]!.actions;
    const atCrash = play(lab, [untilCrash!]);
    const uncommitted = atCrash.cluster.consumers.c1!.positions[tp]! - atCrash.cluster.groups.ledger!.committed[tp]!.offset;
    expect(uncommitted).toBeGreaterThan(0);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    const group = lab.cluster.groups.ledger!;
    expect(group.ledger[tp]!.duplicates).toBe(uncommitted);
    expect(lab.cluster.consumers.c2!.assignment.sort()).toEqual(["payments-0", "payments-1"]);
    expect(noteKinds(lab)).toEqual(expect.arrayContaining(["consumer-crashed", "rebalance"]));
  });

  it("retention-replay: reading deletes nothing, a new group replays from 0, retention then moves the log start", () => {
    let lab = guided("retention-replay", 1);
    const audit = () => lab.cluster.topics.audit!.partitions;
    expect(audit().map((p) => p.logStartOffset)).toEqual([0, 0]);
    expect(lagTotal(lab)).toBeLessThan(10);
    expect(audit().every((p) => highWatermarkOf(lab.cluster, "audit", p.index) > 0)).toBe(true);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    const analytics = lab.cluster.groups.analytics!;
    for (const p of audit()) expect(analytics.ledger[`audit-${p.index}`]!.processed[0]![0]).toBe(0);

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(audit().every((p) => p.logStartOffset > 0)).toBe(true);
    expect(noteKinds(lab)).toContain("retention");

    lab = play(lab, [{ type: "guidedStep", index: 3 }]);
    const late = lab.cluster.groups["audit-late"]!;
    // Deleted history cannot be replayed: the new group starts at the new log start.
    for (const p of audit()) expect(late.ledger[`audit-${p.index}`]!.processed[0]![0]).toBe(p.logStartOffset);
  });

  it("acks-durability: acks=1 loses acknowledged records when the leader dies; acks=all with min ISR 2 loses nothing more", () => {
    let lab = guided("acks-durability", 1);
    expect(lab.durability.lostTotal).toBeGreaterThan(0);
    expect(lab.durability.lost.every((l) => l.tp === "payments-0" && l.acks === "1")).toBe(true);
    expect(lab.durability.lost.reduce((n, l) => n + l.to - l.from, 0)).toBe(lab.durability.lostTotal);
    const loss = lab.notes.find((n) => n.kind === "acked-loss");
    expect(loss?.tone).toBe("loss");
    expect(loss?.message).toMatch(/acks=1/);
    expect(lab.cluster.topics.payments!.partitions[0]!.leader).toBe(2);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    // The old leader drops what only it had before following broker 2.
    expect(noteKinds(lab)).toContain("truncation");
    expect(lab.cluster.topics.payments!.partitions[0]!.isr).toContain(1);
    const lostBefore = lab.durability.lostTotal;
    const ackedBefore = lab.durability.ackedTotal;

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(lab.producer).toMatchObject({ acks: "all", idempotence: true });
    expect(lab.cluster.topics.payments!.config.minInsyncReplicas).toBe(2);
    const kill = lab.kills.at(-1)!;
    expect(kill).toMatchObject({ broker: 2, led: ["payments-0"], acks: "all", minInsyncReplicas: 2 });
    expect(lab.durability.ackedTotal).toBeGreaterThan(ackedBefore);
    expect(lab.durability.lostTotal).toBe(lostBefore);
    const leader = lab.cluster.topics.payments!.partitions[0]!.leader;
    expect([1, 3]).toContain(leader);
  });

  it("min-isr: with min ISR 1 a lone leader acknowledges single copies; with 2 it refuses them", () => {
    let lab = guided("min-isr", 1);
    expect(lab.cluster.topics.payments!.partitions[0]!.isr).toEqual([1]);
    expect(lab.durability.ackedSingleCopy).toBeGreaterThan(0);
    expect(lab.durability.lostTotal).toBe(0);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lab.cluster.topics.payments!.partitions[0]!.isr).toEqual([1]);
    expect(lab.durability.ackedSingleCopy).toBe(lab.baseline.ackedSingleCopy);
    expect(lab.cluster.events.some((e) => /NotEnoughReplicas/.test(e.message))).toBe(true);
  });

  it("leader-election: a stuck follower leaves the ISR, and an unclean election loses what it missed", () => {
    let lab = guided("leader-election", 1);
    const p = () => lab.cluster.topics.orders!.partitions[0]!;
    expect(p().isr).toEqual([1, 2]);
    expect(highWatermarkOf(lab.cluster, "orders", 0)).toBeGreaterThan(p().logs["3"]!.leo);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(p().isr).toEqual([1]);
    const behind = p().logs["3"]!.leo;

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(p().leader).toBe(3);
    expect(noteKinds(lab)).toEqual(expect.arrayContaining(["unclean-election", "acked-loss"]));
    expect(lab.durability.lostTotal).toBeGreaterThan(0);
    // Only what broker 3 never copied is lost.
    expect(lab.durability.lost.every((l) => l.tp === "orders-0" && l.from >= behind)).toBe(true);
  });

  it("idempotent-producer: a lost acknowledgement duplicates the payment, unless the broker recognises the retry", () => {
    let lab = guided("idempotent-producer", 1);
    const charges = () => records(lab.cluster, "payments").filter((r) => r.value === "charge 42").length;
    expect(charges()).toBe(2);
    expect(lab.durability.duplicatesWritten).toBe(1);
    expect(noteKinds(lab)).toContain("duplicate-written");

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(charges()).toBe(3);
    expect(lab.durability.duplicatesWritten).toBe(1);
    expect(lab.durability.duplicatesAvoided).toBe(1);
    expect(noteKinds(lab)).toContain("duplicate-detected");
  });

  it("transactions-eos: committed invoices become visible with the offsets; aborted ones only to read_uncommitted", () => {
    let lab = guided("transactions-eos", 1);
    const committedOffset = () => lab.cluster.groups.billing!.committed["orders-0"]!.offset;
    const rc = () => lab.cluster.consumers["auditor-committed"]!.processedCount;
    const ru = () => lab.cluster.consumers["auditor-uncommitted"]!.processedCount;
    expect(lab.transactions.committed).toBe(1);
    expect(committedOffset()).toBeGreaterThan(0);
    expect(rc()).toBe(committedOffset());

    const offsetBeforeAbort = committedOffset();
    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lab.transactions.aborted).toBe(1);
    expect(committedOffset()).toBe(offsetBeforeAbort);
    expect(ru()).toBeGreaterThan(rc());

    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(lab.transactions.committed).toBe(2);
    expect(committedOffset()).toBeGreaterThan(offsetBeforeAbort);
    expect(rc()).toBe(committedOffset());
  });

  it("consumer-lag: lag grows by about (600 − 2 × 250)/s, scaling out clears it, a hot key or a slow consumer lags one partition", () => {
    let lab = createLab("consumer-lag");
    const start = lagTotal(lab);
    lab = play(lab, [{ type: "guidedStep", index: 0 }]);
    const grown = lagTotal(lab) - start;
    expect(grown).toBeGreaterThan(500 * 0.8);
    expect(grown).toBeLessThan(500 * 1.2);

    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lagTotal(lab)).toBeLessThan(100);
    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(consumerRows(lab).filter((r) => r.status === "idle").map((r) => r.consumer)).toEqual(["c5"]);

    lab = play(lab, [{ type: "guidedStep", index: 3 }]);
    const hot = `events-${partitionForKey("user-7", 4)}`;
    for (const [tp, lag] of Object.entries(lagBy(lab))) {
      if (tp === hot) expect(lag).toBeGreaterThan(100);
      else expect(lag).toBe(0);
    }

    const hotLag = lagBy(lab)[hot]!;
    lab = play(lab, [{ type: "guidedStep", index: 4 }]);
    const c1 = consumerRows(lab).find((r) => r.consumer === "c1")!;
    expect(c1.status).toBe("slow");
    expect(c1.capacityPerSec).toBe(50);
    const slowTp = c1.partitions[0]!;
    expect(lagBy(lab)[slowTp]!).toBeGreaterThan(slowTp === hot ? hotLag : 0);
    for (const [tp, lag] of Object.entries(lagBy(lab))) if (tp !== slowTp && tp !== hot) expect(lag).toBe(0);
  });

  it("time-windows: epoch-aligned tumbling windows with exclusive ends, then overlapping hopping windows", () => {
    let lab = guided("time-windows", 1);
    const counts = () => {
      const latest = new Map<string, number | null>();
      for (const o of lab.cluster.streams[lab.streamApp!]!.outputs) if (o.key === "/home") latest.set(`${o.start}-${o.end}`, o.count);
      return Object.fromEntries(latest);
    };
    expect(counts()).toEqual({ "0-60000": 3, "60000-120000": 1 });
    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(lab.cluster.streams[lab.streamApp!]!.window).toMatchObject({ kind: "hopping", sizeMs: 60_000, advanceMs: 30_000 });
    // [0:30, 1:30) holds 0:40, 0:59.999 and 1:00.
    expect(counts()["30000-90000"]).toBe(3);
    expect(counts()["0-60000"]).toBe(3);
  });

  it("session-windows: two bursts are two sessions until an event within the gap of both merges them", () => {
    const live = (lab: LabState) => {
      const latest = new Map<string, { start: number; end: number; count: number | null }>();
      for (const o of lab.cluster.streams[lab.streamApp!]!.outputs) if (o.key === "alice") latest.set(`${o.start}-${o.end}`, o);
      return [...latest.values()].filter((w) => w.count !== null).map((w) => [w.start, w.end, w.count]);
    };
    let lab = guided("session-windows", 1);
    expect(live(lab)).toEqual([
      [0, 120_000, 2],
      [720_000, 780_000, 2],
    ]);
    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(live(lab)).toEqual([[0, 780_000, 5]]);
  });

  it("late-data-grace: emit-final waits for window end + grace; a record behind that is dropped", () => {
    let lab = guided("late-data-grace", 1);
    const app = () => lab.cluster.streams[lab.streamApp!]!;
    expect(app().processed).toBe(3);
    expect(app().outputs).toEqual([]);
    lab = play(lab, [{ type: "guidedStep", index: 1 }]);
    expect(app().outputs.map((o) => [o.start, o.end, o.count, o.final])).toEqual([[0, 600_000, 3, true]]);
    lab = play(lab, [{ type: "guidedStep", index: 2 }]);
    expect(app().dropped).toBe(1);
    expect(app().drops[0]).toMatchObject({ timestamp: 5 * 60_000, start: 0, end: 600_000 });
    expect(noteKinds(lab)).toContain("late-drop");
  });
});
