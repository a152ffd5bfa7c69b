// step is pure: the input state is never modified, whatever the action, bulk workloads included; and the
// state is plain JSON.
import { describe, expect, it } from "vitest";
import { createCluster, step, stepAll, type ClusterAction, type ClusterState } from "@/lib/cluster";

function cluster(): ClusterState {
  return stepAll(createCluster({ brokers: 3, topics: [{ name: "t", partitions: 4, replicationFactor: 3 }] }, "purity"), [
    { type: "createProducer", producer: "p" },
    { type: "createProducer", producer: "tx", config: { transactionalId: "tx-1" } },
    { type: "createConsumer", consumer: "c1", topics: ["t"], config: { groupId: "g", autoOffsetReset: "earliest" } },
    { type: "createStreamApp", app: "counts", sourceTopic: "t", window: { kind: "hopping", sizeMs: 10_000, advanceMs: 5_000 } },
  ]);
}

const actions: ClusterAction[] = [
  { type: "produce", producer: "p", topic: "t", key: "k", value: "v", count: 3 },
  { type: "produce", producer: "p", topic: "t", value: "null-key", count: 5 },
  { type: "advance", ms: 7000 },
  { type: "runWorkload", producer: "p", topic: "t", records: 5000, keys: ["a", "b", "c"], consumeGroup: "g" },
  { type: "runWorkload", producer: "p", topic: "t", records: 3000, keys: null },
  { type: "crashBroker", broker: 2 },
  { type: "advance", ms: 10_000 },
  { type: "startBroker", broker: 2 },
  { type: "addPartitions", topic: "t", totalPartitions: 6 },
  { type: "seekToBeginning", consumer: "c1" },
  { type: "initTransactions", producer: "tx" },
  { type: "beginTransaction", producer: "tx" },
  { type: "produce", producer: "tx", topic: "t", value: "in-tx" },
  { type: "advance", ms: 500 },
  { type: "abortTransaction", producer: "tx" },
  { type: "createConsumer", consumer: "c2", topics: ["t"], config: { groupId: "g" } },
  { type: "crashConsumer", consumer: "c1" },
  { type: "advance", ms: 60_000 },
];

describe("purity", () => {
  it("never modifies the input state, action after action", () => {
    let state = cluster();
    for (const action of actions) {
      const snapshot = structuredClone(state);
      const next = step(state, action);
      expect(next.lastError?.message ?? null, action.type).toBeNull();
      expect(state, `${action.type} modified its input`).toEqual(snapshot);
      state = next;
    }
  });

  it("branching from an old state does not disturb a newer one sharing its chunks", () => {
    const base = step(cluster(), { type: "produce", producer: "p", topic: "t", key: "k", value: "first" });
    const a = step(base, { type: "produce", producer: "p", topic: "t", key: "k", value: "branch-a" });
    const aSnapshot = structuredClone(a);
    step(base, { type: "produce", producer: "p", topic: "t", key: "k", value: "branch-b" });
    expect(a).toEqual(aSnapshot);
  });

  it("the state is plain JSON", () => {
    let state = cluster();
    for (const action of actions) state = step(state, action);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
