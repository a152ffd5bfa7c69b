// acks, min.insync.replicas, the high watermark, ISR lag and idempotence against vectors.json
// (rules.md §4) — first the rule functions, then the same rows through the simulation.
import { describe, expect, it } from "vitest";
import {
  acksAllOutcome,
  admitProduce,
  checkIdempotentBatch,
  effectiveMinIsr,
  highWatermarkOf,
  initialFollowerState,
  isCaughtUp,
  nextHighWatermark,
  rememberBatch,
  reportedOffset,
  TOPIC_DEFAULTS,
  updateFetchState,
  type Acks,
  type FollowerState,
  type ProducerStateEntry,
} from "@/lib/cluster";
import { drive } from "./helpers";
import { vectors } from "./vectors";

describe("HW does not advance under min ISR (PartitionTest, Kafka >= 3.7)", () => {
  const steps = vectors.replication.hw_not_advanced_under_min_isr_PartitionTest.steps;
  const L = 1;
  const F1 = 2;
  const F2 = 3;
  // min.insync.replicas=3, replicas [L,F1,F2], ISR [L,F1], leader LEO 10; followers start at 0.
  const situations: { isr: number[]; maximalIsr: number[]; leos: Record<number, number> }[] = [
    { isr: [L, F1], maximalIsr: [L, F1], leos: { [F1]: 0, [F2]: 0 } },
    { isr: [L, F1], maximalIsr: [L, F1], leos: { [F1]: 10, [F2]: 0 } },
    { isr: [L, F1], maximalIsr: [L, F1, F2], leos: { [F1]: 10, [F2]: 10 } },
    { isr: [L, F1, F2], maximalIsr: [L, F1, F2], leos: { [F1]: 10, [F2]: 10 } },
  ];
  it.each(steps.map((s, i) => [s.state, s, i] as const))("%s", (_state, vector, index) => {
    const situation = situations[index]!;
    const hw = nextHighWatermark({
      currentHw: 0,
      leaderLeo: 10,
      isr: situation.isr,
      maximalIsr: situation.maximalIsr,
      effectiveMinIsr: effectiveMinIsr({ ...TOPIC_DEFAULTS, minInsyncReplicas: 3 }, 3),
      followerLeo: (broker) => situation.leos[broker] ?? 0,
      waitingToJoin: [],
      leader: L,
    });
    expect(hw).toBe(vector.expected_hw);
    if (vector.is_under_min_isr !== undefined) expect(situation.isr.length < 3).toBe(vector.is_under_min_isr);
  });
  it("has one situation per vector step", () => {
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBe(situations.length);
  });

  it("in the simulation: acks=1 writes stay invisible until the ISR is back at min.insync.replicas", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 3 } }] });
    sim.run({ type: "throttleBroker", broker: 3, recordsPerFetch: 0 });
    sim.run({ type: "advance", ms: 46_000 }); // broker 3 leaves the ISR only once it lags; nothing to lag on yet
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x", count: 10 });
    sim.run({ type: "advance", ms: 46_000 });
    const partition = sim.state.topics.t!.partitions[0]!;
    expect(partition.isr).toEqual([1, 2]);
    expect(partition.logs["2"]!.leo).toBe(10);
    expect(highWatermarkOf(sim.state, "t", 0)).toBe(0);
    sim.run({ type: "throttleBroker", broker: 3, recordsPerFetch: null });
    sim.run({ type: "advance", ms: 500 });
    expect(sim.state.topics.t!.partitions[0]!.isr).toEqual([1, 2, 3]);
    expect(highWatermarkOf(sim.state, "t", 0)).toBe(10);
  });
});

describe("ISR lag (ReplicaTest)", () => {
  const spec = vectors.replication.isr_lag_ReplicaTest;
  const lag = spec.replica_lag_time_max_ms;
  const T = 1_000_000;
  const fresh = (): FollowerState => initialFollowerState(-1);
  const checks: Record<string, () => void> = {
    testIsCaughtUpWhenReplicaIsCaughtUpToLogEnd: () => {
      let state = fresh();
      expect(isCaughtUp(state, 10, T, lag)).toBe(false);
      state = updateFetchState(state, 10, 10, T);
      expect(isCaughtUp(state, 10, T, lag)).toBe(true);
      expect(isCaughtUp(state, 10, T + 30_001, lag)).toBe(true);
    },
    testIsCaughtUpWhenReplicaIsNotCaughtUpToLogEnd: () => {
      let state = fresh();
      expect(isCaughtUp(state, 10, T, lag)).toBe(false);
      state = updateFetchState(state, 5, 10, T);
      expect(isCaughtUp(state, 10, T, lag)).toBe(false);
      state = updateFetchState(state, 10, 15, T);
      expect(isCaughtUp(state, 16, T, lag)).toBe(true);
      expect(isCaughtUp(state, 16, T + 30_001, lag)).toBe(false);
    },
    testUpdateFetchState: () => {
      const [t1, t2, t3] = [T + 1, T + 2, T + 3];
      let state = fresh();
      state = updateFetchState(state, 5, 10, t1);
      expect(state.lastCaughtUpTimeMs).toBe(0);
      state = updateFetchState(state, 10, 15, t2);
      expect(state.lastCaughtUpTimeMs).toBe(t1);
      state = updateFetchState(state, 15, 15, t3);
      expect(state.lastCaughtUpTimeMs).toBe(t3);
    },
  };
  let ran = 0;
  it.each(spec.cases.map((c) => [c.name, c] as const))("%s", (name) => {
    expect(checks[name], `no check for ${name}`).toBeDefined();
    checks[name]!();
    ran++;
  });
  it("ran every case in the file", () => {
    expect(spec.cases.length).toBeGreaterThan(0);
    expect(ran).toBe(spec.cases.length);
  });

  it("in the simulation: a stalled follower leaves the ISR between 30 and 45 s (checked every 15 s)", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]] }] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "throttleBroker", broker: 2, recordsPerFetch: 0 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x" });
    sim.run({ type: "advance", ms: 29_000 });
    expect(sim.state.topics.t!.partitions[0]!.isr).toContain(2);
    sim.run({ type: "advance", ms: 16_000 });
    expect(sim.state.topics.t!.partitions[0]!.isr).not.toContain(2);
    const shrink = sim.eventsOf("isr-shrink")[0]!;
    expect(shrink.message).toMatch(/Broker 2 dropped out of the ISR of t-0: it has not caught up for 30 s \(replica.lag.time.max.ms\)/);
    expect(shrink.t).toBeGreaterThanOrEqual(30_000);
    expect(shrink.t).toBeLessThanOrEqual(45_000);
  });
});

describe("idempotent producer duplicates (UnifiedLogTest#testDuplicateAppends)", () => {
  const steps = vectors.replication.idempotent_producer_UnifiedLogTest_testDuplicateAppends.steps;
  it("replays every step", () => {
    expect(steps.length).toBeGreaterThan(0);
    let entry: ProducerStateEntry | undefined;
    let nextOffset = 0;
    const append = (firstSeq: number, count: number) => {
      const batch = { epoch: 0, firstSeq, lastSeq: firstSeq + count - 1 };
      const check = checkIdempotentBatch(entry, batch);
      if (check.kind === "append") {
        entry = rememberBatch(entry, batch, nextOffset, nextOffset + count - 1);
        nextOffset += count;
        return { kind: "append" as const, first: nextOffset - count, last: nextOffset - 1 };
      }
      if (check.kind === "duplicate") return { kind: "duplicate" as const, first: check.firstOffset, last: check.lastOffset };
      return { kind: check.kind };
    };
    let ran = 0;
    // 1. six single-record batches, seq 0..5 → offsets 0..5
    expect(steps[0]!.append).toContain("seq 0..5");
    for (let seq = 0; seq < 6; seq++) expect(append(seq, 1)).toEqual({ kind: "append", first: seq, last: seq });
    ran++;
    // 2. a 3-record batch, seq 6..8 → offsets 6..8
    expect(append(6, 3)).toEqual({ kind: "append", first: 6, last: 8 });
    ran++;
    // 3. the same batch again → duplicate, original offsets
    expect(append(6, 3)).toEqual({ kind: "duplicate", first: 6, last: 8 });
    ran++;
    // 4. baseSeq 7, two records: partial overlap → OutOfOrderSequence
    expect(append(7, 2)).toEqual({ kind: "out-of-order-sequence" });
    ran++;
    // 5. seq 2 (still among the last 5 batches) → duplicate accepted
    expect(append(2, 1)).toEqual({ kind: "duplicate", first: 2, last: 2 });
    ran++;
    // 6. seq 1 (older than the last 5) → OutOfOrderSequence
    expect(append(1, 1)).toEqual({ kind: "out-of-order-sequence" });
    ran++;
    // 7. seq 9, then the same batch again → the first append's offsets
    expect(append(9, 1)).toEqual({ kind: "append", first: 9, last: 9 });
    expect(append(9, 1)).toEqual({ kind: "duplicate", first: 9, last: 9 });
    ran++;
    expect(ran).toBe(steps.length);
  });

  it("rejects an older producer epoch and a new epoch that does not start at 0", () => {
    const entry = rememberBatch(undefined, { epoch: 3, firstSeq: 0, lastSeq: 0 }, 0, 0);
    expect(checkIdempotentBatch(entry, { epoch: 2, firstSeq: 1, lastSeq: 1 }).kind).toBe("invalid-producer-epoch");
    expect(checkIdempotentBatch(entry, { epoch: 4, firstSeq: 5, lastSeq: 5 }).kind).toBe("out-of-order-sequence");
    expect(checkIdempotentBatch(entry, { epoch: 4, firstSeq: 0, lastSeq: 0 }).kind).toBe("append");
    const wrapped = rememberBatch(undefined, { epoch: 0, firstSeq: 2147483647, lastSeq: 2147483647 }, 0, 0);
    expect(checkIdempotentBatch(wrapped, { epoch: 0, firstSeq: 0, lastSeq: 0 }).kind).toBe("append");
  });
});

describe("min.insync.replicas × acks decision table", () => {
  const cases = vectors.replication.min_isr_acks_decision_table.cases;
  const acksOf = (value: string): Acks => (value === "all" ? "all" : value === "1" ? 1 : 0);

  it.each(cases.map((c) => [`RF ${c.rf}, min.insync ${c.min_isr}, ISR ${c.isr_size}, acks=${c.acks}`, c] as const))("%s (rules)", (_label, row) => {
    const acks = acksOf(row.acks);
    const minIsr = effectiveMinIsr({ ...TOPIC_DEFAULTS, minInsyncReplicas: row.min_isr }, row.rf);
    const admission = admitProduce(acks, row.isr_size, minIsr);
    if (row.expected.startsWith("NotEnoughReplicas")) {
      expect(admission).toBe("not-enough-replicas");
      return;
    }
    expect(admission).toBe("append");
    if (acks === 0) expect(reportedOffset(acks, 7)).toBe(-1);
    if (acks === "all") expect(acksAllOutcome(1, 1, row.isr_size, minIsr)).toBe("acknowledged");
    if (row.expected.includes("HW does not advance")) {
      const hw = nextHighWatermark({
        currentHw: 0,
        leaderLeo: 1,
        isr: Array.from({ length: row.isr_size }, (_, i) => i + 1),
        maximalIsr: Array.from({ length: row.isr_size }, (_, i) => i + 1),
        effectiveMinIsr: minIsr,
        followerLeo: () => 1,
        waitingToJoin: [],
        leader: 1,
      });
      expect(hw).toBe(0);
    }
  });

  it.each(cases.map((c) => [`RF ${c.rf}, min.insync ${c.min_isr}, ISR ${c.isr_size}, acks=${c.acks}`, c] as const))("%s (simulation)", (_label, row) => {
    const replicas = Array.from({ length: row.rf }, (_, i) => i + 1);
    const sim = drive({
      brokers: 3,
      topics: [{ name: "t", partitions: 1, replicationFactor: row.rf, replicaAssignment: [replicas], config: { minInsyncReplicas: row.min_isr } }],
    });
    // Shrink the ISR to the row's size by stopping followers (controlled shutdown leaves the ISR at once).
    for (const broker of replicas.slice(row.isr_size).reverse()) sim.run({ type: "stopBroker", broker });
    expect(sim.state.topics.t!.partitions[0]!.isr).toHaveLength(row.isr_size);
    sim.run({ type: "createProducer", producer: "p", config: { acks: acksOf(row.acks) } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x" });
    sim.run({ type: "advance", ms: 300 });
    const producer = sim.state.producers.p!;
    const leaderLog = sim.state.topics.t!.partitions[0]!.logs["1"]!;
    if (row.expected.startsWith("NotEnoughReplicas")) {
      expect(leaderLog.leo).toBe(0); // nothing appended
      expect(producer.stats.acknowledged).toBe(0);
      expect(sim.eventsOf("produce-retry")[0]!.message).toMatch(/NotEnoughReplicas/);
      return;
    }
    expect(leaderLog.leo).toBe(1);
    expect(producer.stats.acknowledged).toBe(1);
    if (row.acks === "0") expect(producer.recentDeliveries[0]!.baseOffset).toBe(-1);
    // Since 3.7 the HW stays put while the ISR is below the effective min ISR, whatever the acks.
    const underMinIsr = row.isr_size < Math.min(row.min_isr, row.rf);
    expect(leaderLog.hw).toBe(underMinIsr ? 0 : 1);
  });
});
