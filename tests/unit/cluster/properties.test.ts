// Invariants under random action sequences (fast-check): durability with acks=all, monotonic offsets,
// one owner per partition, non-negative lag, determinism and purity of step.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCluster, lagReport, step, type ClusterAction, type ClusterState } from "@/lib/cluster";

const TOPIC = "orders";
const PARTITIONS = 3;

function initial(seed: number): ClusterState {
  let state = createCluster(
    { brokers: 3, topics: [{ name: TOPIC, partitions: PARTITIONS, replicationFactor: 3, config: { minInsyncReplicas: 2 } }] },
    seed,
  );
  state = step(state, { type: "createProducer", producer: "p", config: { acks: "all", deliveryTimeoutMs: 20_000 } });
  for (const id of ["c1", "c2", "c3"]) {
    state = step(state, { type: "createConsumer", consumer: id, topics: [TOPIC], config: { groupId: "g", autoOffsetReset: "earliest", assignmentStrategy: "cooperative-sticky" } });
  }
  expect(state.lastError).toBeNull();
  return state;
}

type Op =
  | { kind: "produce"; key: string; count: number }
  | { kind: "advance"; ms: number }
  | { kind: "crash"; broker: number }
  | { kind: "stop"; broker: number }
  | { kind: "start"; broker: number }
  | { kind: "stall"; broker: number }
  | { kind: "unstall"; broker: number }
  | { kind: "crashConsumer"; consumer: string }
  | { kind: "restartConsumer"; consumer: string };

const broker = fc.integer({ min: 1, max: 3 });
const consumer = fc.constantFrom("c1", "c2", "c3");
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("produce" as const), key: fc.constantFrom("a", "b", "c", "d", "e", "ü", "日本"), count: fc.integer({ min: 1, max: 5 }) }) },
  // Long enough to cross replica.lag.time.max.ms (30 s) and broker.session.timeout.ms (9 s).
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 1, max: 60_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("crash" as const), broker }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("stop" as const), broker }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("start" as const), broker }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("stall" as const), broker }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unstall" as const), broker }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("crashConsumer" as const), consumer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restartConsumer" as const), consumer }) },
);

/**
 * Turns an op into an action, keeping at most RF − min.insync.replicas = 1 broker impaired (down or
 * stalled) at a time; ops that would exceed that become a short advance.
 */
function toAction(state: ClusterState, o: Op): ClusterAction {
  const impaired = Object.values(state.brokers).filter((b) => b.status !== "online" || b.fetchLimit === 0).map((b) => b.id);
  const target = "broker" in o ? state.brokers[String(o.broker)]! : null;
  switch (o.kind) {
    case "produce":
      return { type: "produce", producer: "p", topic: TOPIC, key: o.key, value: `${o.key}:${state.eventSeq}`, count: o.count };
    case "advance":
      return { type: "advance", ms: o.ms };
    case "crash":
    case "stop":
      if (impaired.length > 0 || target!.status !== "online") return { type: "advance", ms: 100 };
      return o.kind === "crash" ? { type: "crashBroker", broker: o.broker } : { type: "stopBroker", broker: o.broker };
    case "start":
      return target!.status === "online" ? { type: "advance", ms: 100 } : { type: "startBroker", broker: o.broker };
    case "stall":
      if (impaired.length > 0 || target!.status !== "online") return { type: "advance", ms: 100 };
      return { type: "throttleBroker", broker: o.broker, recordsPerFetch: 0 };
    case "unstall":
      return { type: "throttleBroker", broker: o.broker, recordsPerFetch: null };
    case "crashConsumer":
      return state.consumers[o.consumer]!.status === "running" ? { type: "crashConsumer", consumer: o.consumer } : { type: "advance", ms: 100 };
    case "restartConsumer":
      return state.consumers[o.consumer]!.status === "crashed" ? { type: "restartConsumer", consumer: o.consumer } : { type: "advance", ms: 100 };
  }
}

function leaderRecords(state: ClusterState, partition: number): { leo: number; valueAt: (offset: number) => string | null } | null {
  const p = state.topics[TOPIC]!.partitions[partition]!;
  if (p.leader < 0) return null;
  const log = p.logs[String(p.leader)]!;
  return {
    leo: log.leo,
    valueAt: (offset) => {
      const chunk = log.chunks.find((c) => offset >= c.base && offset < c.base + c.keys.length);
      return chunk ? chunk.values[offset - chunk.base]! : null;
    },
  };
}

const settings = { numRuns: 80, seed: 4242 };
const ops = fc.array(op, { minLength: 5, maxLength: 50 });

describe("invariants", () => {
  it("acks=all with at most RF − min.insync.replicas failures: nothing below the high watermark is ever lost", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), ops, (seed, sequence) => {
        let state = initial(seed);
        // offset → value of every record that was ever below a high watermark, per partition
        const committed: Map<number, string | null>[] = Array.from({ length: PARTITIONS }, () => new Map());
        for (const o of sequence) {
          state = step(state, toAction(state, o));
          for (let partition = 0; partition < PARTITIONS; partition++) {
            const p = state.topics[TOPIC]!.partitions[partition]!;
            const leader = leaderRecords(state, partition);
            if (!leader) continue;
            for (const [offset, value] of committed[partition]!) {
              expect(offset, `partition ${partition} lost committed offset ${offset}`).toBeLessThan(leader.leo);
              expect(leader.valueAt(offset)).toBe(value);
            }
            const hw = p.logs[String(p.leader)]!.hw;
            for (let offset = 0; offset < hw; offset++) if (!committed[partition]!.has(offset)) committed[partition]!.set(offset, leader.valueAt(offset));
          }
        }
      }),
      settings,
    );
  }, 60_000);

  it("offsets only grow: acknowledged offsets, committed offsets and log starts never go back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), ops, (seed, sequence) => {
        let state = initial(seed);
        const lastAck: number[] = Array(PARTITIONS).fill(-1);
        const lastCommitted: number[] = Array(PARTITIONS).fill(-1);
        const lastStart: number[] = Array(PARTITIONS).fill(0);
        const seenBatches = new Set<number>();
        for (const o of sequence) {
          state = step(state, toAction(state, o));
          for (const delivery of state.producers.p!.recentDeliveries) {
            if (!delivery.ok || seenBatches.has(delivery.batchId)) continue;
            seenBatches.add(delivery.batchId);
            // Delivered out of batch order is fine; what matters is that an offset is never handed out twice.
            expect(delivery.baseOffset).not.toBe(lastAck[delivery.partition]);
            lastAck[delivery.partition] = Math.max(lastAck[delivery.partition]!, delivery.baseOffset);
          }
          for (let partition = 0; partition < PARTITIONS; partition++) {
            const committed = state.groups.g!.committed[`${TOPIC}-${partition}`]?.offset ?? -1;
            expect(committed).toBeGreaterThanOrEqual(lastCommitted[partition]!);
            lastCommitted[partition] = committed;
            const start = state.topics[TOPIC]!.partitions[partition]!.logStartOffset;
            expect(start).toBeGreaterThanOrEqual(lastStart[partition]!);
            lastStart[partition] = start;
          }
        }
      }),
      settings,
    );
  }, 60_000);

  it("a partition has at most one owner in the group, and lag is never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), ops, (seed, sequence) => {
        let state = initial(seed);
        for (const o of sequence) {
          state = step(state, toAction(state, o));
          const owned = state.groups.g!.members.flatMap((id) => state.consumers[id]!.assignment);
          expect(new Set(owned).size).toBe(owned.length);
          for (const row of lagReport(state, "g")) {
            expect(row.lag).toBeGreaterThanOrEqual(0);
            // The true backlog is never negative: a group never commits past the leader's log end.
            if (row.committed !== null && state.topics[TOPIC]!.partitions[Number(row.partition.split("-")[1])]!.leader >= 0) {
              expect(row.committed).toBeLessThanOrEqual(row.logEndOffset);
            }
          }
        }
      }),
      settings,
    );
  }, 60_000);

  it("the same seed and actions give the same state, and step never modifies its input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), ops, (seed, sequence) => {
        let first = initial(seed);
        let second = initial(seed);
        for (const o of sequence) {
          const action = toAction(first, o);
          const before = structuredClone(first);
          const next = step(first, action);
          expect(first).toEqual(before); // pure: the input is untouched
          first = next;
          second = step(second, action);
        }
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        // And the state survives a JSON round trip unchanged.
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 60_000);
});
