// Bad input never throws into the UI: the state stays as it was, plus an error that says what is wrong.
import { describe, expect, it } from "vitest";
import { createCluster, createClient, step, type ClusterAction, type ClusterState } from "@/lib/cluster";

function base(): ClusterState {
  let state = createCluster({ brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 3 }] }, "errors");
  state = step(state, { type: "createProducer", producer: "p" });
  state = step(state, { type: "createConsumer", consumer: "c1", topics: ["orders"], config: { groupId: "g1" } });
  expect(state.lastError).toBeNull();
  return state;
}

/** Everything except the error bookkeeping must be identical to the input. */
function withoutErrorFields(state: ClusterState) {
  const { events, eventSeq, lastError, errorCount, droppedEvents, ...rest } = state;
  void events;
  void eventSeq;
  void lastError;
  void errorCount;
  void droppedEvents;
  return rest;
}

const invalid: [string, ClusterAction | unknown, RegExp][] = [
  ["0 partitions", { type: "createTopic", topic: { name: "t", partitions: 0, replicationFactor: 1 } }, /Number of partitions must be larger than 0/],
  ["RF above the broker count", { type: "createTopic", topic: { name: "t", partitions: 1, replicationFactor: 4 } }, /Replication factor 4 is larger than the 3 brokers available/],
  ["an existing topic", { type: "createTopic", topic: { name: "orders", partitions: 1, replicationFactor: 1 } }, /Topic 'orders' already exists/],
  ["an illegal topic name", { type: "createTopic", topic: { name: "bad name!", partitions: 1, replicationFactor: 1 } }, /illegal/],
  ["an unknown topic (produce)", { type: "produce", producer: "p", topic: "payments", value: "x" }, /Topic 'payments' does not exist/],
  ["an unknown topic (subscribe)", { type: "createConsumer", consumer: "c9", topics: ["payments"], config: { groupId: "g" } }, /Topic 'payments' does not exist/],
  ["a consumer in two groups", { type: "joinGroup", consumer: "c1", groupId: "g2" }, /already a member of group 'g1'; a KafkaConsumer belongs to one group at a time/],
  ["a consumer id reused for another group", { type: "createConsumer", consumer: "c1", topics: ["orders"], config: { groupId: "g2" } }, /already a member of group 'g1'/],
  ["an unknown producer", { type: "produce", producer: "nobody", topic: "orders", value: "x" }, /Producer 'nobody' does not exist/],
  ["an unknown broker", { type: "crashBroker", broker: 7 }, /Broker 7 does not exist/],
  ["stopping a stopped broker", { type: "startBroker", broker: 1 }, /Broker 1 is already running/],
  ["removing partitions", { type: "addPartitions", topic: "orders", totalPartitions: 2 }, /higher than the requested 2.*never remove/],
  ["a negative advance", { type: "advance", ms: -5 }, /forward by a whole number/],
  ["a non-numeric advance", { type: "advance", ms: "soon" }, /forward by a whole number/],
  ["a bad partition", { type: "produce", producer: "p", topic: "orders", value: "x", partition: 9 }, /Partition 9 is not in the range \[0...2\]/],
  ["seeking an unassigned partition", { type: "seek", consumer: "c1", partition: "orders-7", offset: 0 }, /No current assignment for partition orders-7/],
  ["an unknown action", { type: "explode" }, /Unknown action type 'explode'/],
  ["not an action", null, /must be an object with a string 'type'/],
  ["min.insync.replicas 0", { type: "alterTopicConfig", topic: "orders", config: { minInsyncReplicas: 0 } }, /min.insync.replicas must be a whole number of at least 1/],
  ["a mismatched assignor", { type: "createConsumer", consumer: "c2", topics: ["orders"], config: { groupId: "g1", assignmentStrategy: "roundrobin" } }, /InconsistentGroupProtocolException/],
  ["transactions without transactional.id", { type: "beginTransaction", producer: "p" }, /no transactional.id/],
  ["a workload of 0 records", { type: "runWorkload", producer: "p", topic: "orders", records: 0, keys: null }, /between 1 and/],
  ["a sliding window with negative difference", { type: "createStreamApp", app: "s", sourceTopic: "orders", window: { kind: "sliding", sizeMs: -1 } }, /must not be negative/],
  ["a hopping window advancing more than its size", { type: "createStreamApp", app: "s", sourceTopic: "orders", window: { kind: "hopping", sizeMs: 10, advanceMs: 20 } }, /advancement interval/],
];

describe("invalid actions", () => {
  it.each(invalid)("%s leaves the state unchanged and says why", (_label, action, message) => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = step(before, action as ClusterAction);
    expect(after.lastError?.message).toMatch(message);
    expect(after.errorCount).toBe(before.errorCount + 1);
    expect(withoutErrorFields(after)).toEqual(withoutErrorFields(before));
    const last = after.events.at(-1)!;
    expect(last.kind).toBe("error");
    expect(last.message).toBe(after.lastError!.message);
    // The input itself was not touched.
    expect(before).toEqual(snapshot);
  });

  it("a successful action clears lastError", () => {
    const failed = step(base(), { type: "crashBroker", broker: 99 });
    expect(failed.lastError).not.toBeNull();
    expect(step(failed, { type: "advance", ms: 1 }).lastError).toBeNull();
  });

  it("an invalid cluster config starts a default cluster and records the problem", () => {
    const state = createCluster({ brokers: 0 }, 1);
    expect(state.lastError?.message).toMatch(/between 1 and 9 brokers/);
    expect(Object.keys(state.brokers)).toHaveLength(3);
  });

  it("an invalid initial topic is reported, the others are created", () => {
    const state = createCluster({ brokers: 2, topics: [{ name: "ok", partitions: 1, replicationFactor: 2 }, { name: "bad", partitions: 1, replicationFactor: 3 }] }, 1);
    expect(Object.keys(state.topics)).toEqual(["ok"]);
    expect(state.lastError?.message).toMatch(/Replication factor 3 is larger than the 2 brokers available/);
  });

  it("the client never throws either", () => {
    const client = createClient({ seed: "client" });
    let notified = 0;
    const unsubscribe = client.subscribe(() => notified++);
    expect(() => client.dispatch({ type: "nope" } as unknown as ClusterAction)).not.toThrow();
    expect(client.getState().lastError).not.toBeNull();
    client.dispatch({ type: "createTopic", topic: { name: "t", partitions: 1, replicationFactor: 1 } });
    expect(client.getState().topics.t).toBeDefined();
    expect(notified).toBe(2);
    unsubscribe();
    client.dispatch({ type: "advance", ms: 10 });
    expect(notified).toBe(2);
  });
});
