// The lab reducer's edges: invalid actions are refused with a message and change nothing, the client
// notifies its subscribers, consumer rows say what each consumer is doing, and the panels stay bounded.
import { describe, expect, it, vi } from "vitest";
import {
  LAG_SERIES_LIMIT,
  LAB_QUANTUM_MS,
  NOTE_LIMIT,
  consumerRows,
  createLab,
  createLabClient,
  labStep,
  type LabAction,
  type LabState,
} from "@/lib/demos/lab";
import { MAX_TICK_QUANTA } from "@/lib/demos/lab";
import { expectRejected, guided, noteKinds, play } from "../helpers";

/** An action of a shape TypeScript would refuse, as a damaged link or a buggy caller could send. */
const raw = (action: unknown) => action as LabAction;

describe("invalid actions are refused and change nothing", () => {
  const tour = () => play(createLab("cluster-tour"), [{ type: "tick", quanta: 5 }]);

  it("time: ticks are whole numbers from 1 to MAX_TICK_QUANTA", () => {
    const lab = tour();
    for (const quanta of [-1, 0, 1.5, Number.NaN, MAX_TICK_QUANTA + 1]) {
      expectRejected(lab, { type: "tick", quanta }, new RegExp(`quanta must be between 1 and ${MAX_TICK_QUANTA} \\(ten minutes\\), got ${quanta}`));
    }
    expectRejected(lab, raw({ type: "tick", quanta: "5" }), /quanta must be between 1 and/);
  });

  it("brokers: only ones that exist, and only when the change makes sense", () => {
    const lab = tour();
    expectRejected(lab, { type: "killBroker", broker: 9 }, /^There is no broker 9; this cluster has brokers 1, 2, 3\.$/);
    expectRejected(lab, { type: "restartBroker", broker: 0 }, /There is no broker 0/);
    const down = play(lab, [{ type: "killBroker", broker: 2 }]);
    expectRejected(down, { type: "killBroker", broker: 2 }, /Broker 2 is not running \(it is crashed\)/);
    expectRejected(lab, { type: "restartBroker", broker: 1 }, /^Broker 1 is already running\.$/);
  });

  it("topic: partitions are only added, replication is not reassigned, and something must change", () => {
    const lab = tour();
    expectRejected(lab, { type: "setTopic", partitions: 2 }, /'orders' has 3 partitions and Kafka can only add partitions, never remove them/);
    expectRejected(lab, { type: "setTopic", partitions: 0 }, /at least 1, got 0/);
    expectRejected(lab, { type: "setTopic", partitions: 65 }, /64 partitions or fewer/);
    expectRejected(lab, { type: "setTopic", replicationFactor: 2 }, /replication factor 3\. Changing it means moving replicas/);
    expectRejected(lab, { type: "setTopic", minInsyncReplicas: 0 }, /min\.insync\.replicas is a whole number of at least 1, got 0/);
    expectRejected(lab, { type: "setTopic", retentionMs: 10 }, /retention\.ms is -1 \(keep forever\) or at least 1000 ms, got 10/);
    expectRejected(lab, { type: "setTopic", uncleanLeaderElection: "yes" as unknown as boolean }, /unclean\.leader\.election\.enable is true or false/);
    expectRejected(lab, { type: "setTopic" }, /Nothing to change/);
    expectRejected(lab, { type: "setTopic", partitions: 3 }, /Nothing to change/);
    // A valid part does not sneak through when another part is invalid.
    expectRejected(lab, { type: "setTopic", partitions: 6, minInsyncReplicas: -2 }, /min\.insync\.replicas/);
  });

  it("consumers: only the lab's own, at most 16, with a valid group id", () => {
    const lab = tour();
    expectRejected(lab, { type: "removeConsumer", consumer: "c9" }, /^There is no consumer 'c9'; the lab's consumers are c1\.$/);
    expectRejected(lab, { type: "crashConsumer", consumer: "auditor" }, /There is no consumer 'auditor'/);
    expectRejected(lab, { type: "slowConsumer", consumer: "c2", slow: true }, /There is no consumer 'c2'/);
    expectRejected(lab, { type: "slowConsumer", consumer: "c1", slow: false }, /c1 is already at full speed/);
    expectRejected(play(lab, [{ type: "slowConsumer", consumer: "c1", slow: true }]), { type: "slowConsumer", consumer: "c1", slow: true }, /c1 is already slow/);
    expectRejected(lab, { type: "addConsumer", group: "no spaces please" }, /A group id uses letters, digits/);
    expectRejected(lab, { type: "addConsumer", group: "g".repeat(41) }, /at most 40 characters/);
    const full = play(lab, Array.from({ length: 15 }, (): LabAction => ({ type: "addConsumer" })));
    expect(full.consumers).toHaveLength(16);
    expectRejected(full, { type: "addConsumer" }, /at most 16 consumers/);
    const none = play(createLab("min-isr"), []);
    expectRejected(none, { type: "removeConsumer", consumer: "c1" }, /^There is no consumer 'c1'\.$/);
  });

  it("producer, workload and produce: values in range", () => {
    const lab = tour();
    expectRejected(lab, raw({ type: "setProducer", acks: "2", idempotence: true, retries: 1 }), /acks is "0", "1" or "all", got 2/);
    expectRejected(lab, { type: "setProducer", acks: "all", idempotence: true, retries: -1 }, /retries is a whole number from 0 to 2147483647, got -1/);
    expectRejected(lab, raw({ type: "setProducer", acks: "all", idempotence: "yes", retries: 1 }), /idempotence is true or false/);
    expectRejected(lab, { type: "setWorkload", ratePerSec: -1, keySkew: 0 }, /rate is between 0 and 20000 records per second, got -1/);
    expectRejected(lab, { type: "setWorkload", ratePerSec: 20_001, keySkew: 0 }, /got 20001/);
    expectRejected(lab, { type: "setWorkload", ratePerSec: 10, keySkew: 1.5 }, /Key skew is the share .* between 0 and 1, got 1\.5/);
    expectRejected(lab, { type: "setWorkload", ratePerSec: 10, keySkew: 0, keyCount: 2.5 }, /number of keys is a whole number/);
    expectRejected(lab, { type: "produce", key: "k", count: 0 }, /Produce between 1 and 1000 records at a time, got 0/);
    expectRejected(lab, { type: "produce", key: "k", count: 1001 }, /got 1001/);
    expectRejected(lab, { type: "produce", key: "k".repeat(101) }, /Keep keys under 100 characters/);
    expectRejected(lab, raw({ type: "produce", key: 42 }), /A key is a string, or null/);
    expectRejected(lab, { type: "produce", key: "k", value: "v".repeat(201) }, /at most 200 characters/);
    expectRejected(lab, { type: "produce", key: "k", timestamp: -5 }, /non-negative number of milliseconds, got -5/);
    expectRejected(lab, { type: "dropAcks", count: 0 }, /dropAcks needs a count between 1 and 100, got 0/);
    expectRejected(lab, { type: "dropAcks", count: 101 }, /got 101/);
  });

  it("assignors, windows, transactions and guided steps only where they apply", () => {
    const lab = tour();
    expectRejected(lab, { type: "setAssignor", strategy: "range" }, /The group already uses range/);
    expectRejected(lab, raw({ type: "setAssignor", strategy: "random" }), /range, roundrobin, sticky or cooperative-sticky, got random/);
    expectRejected(lab, { type: "setWindow", sizeMs: 1000 }, /This scenario has no stream application to change/);
    expectRejected(lab, { type: "transaction", outcome: "commit" }, /This scenario has no transactional application/);
    expectRejected(lab, { type: "guidedStep", index: 4 }, /^This scenario has guided steps 0 to 3; there is no step 4\.$/);
    expectRejected(lab, { type: "guidedStep", index: -1 }, /there is no step -1/);
    expectRejected(play(createLab("time-windows"), []), { type: "setWindow", sizeMs: -1 }, /sizeMs is a whole number of milliseconds up to a day, got -1/);
    // After an abort the app rewinds: until it has read the orders again there is nothing to commit.
    const aborted = play(createLab("transactions-eos"), [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "abort" }]);
    expectRejected(aborted, { type: "transaction", outcome: "commit" }, /The app has read no new orders since its last committed transaction/);
    expectRejected(aborted, raw({ type: "transaction", outcome: "maybe" }), /ends with "commit" or "abort", got maybe/);
  });

  it("actions that are not actions at all", () => {
    const lab = tour();
    expectRejected(lab, raw({ type: "formatDisk" }), /^The lab does not know the action 'formatDisk'\.$/);
    expectRejected(lab, raw(null), /An action must be an object with a 'type'/);
    expectRejected(lab, raw("tick"), /An action must be an object with a 'type'/);
    expectRejected(lab, raw({ quanta: 3 }), /An action must be an object with a 'type'/);
  });

  it("a state of an unknown scenario gets an error, not an exception", () => {
    const lab = { ...createLab("cluster-tour"), scenarioId: "kafka-on-mars" } as unknown as LabState;
    const next = labStep(lab, { type: "tick", quanta: 1 });
    expect(next.lastError).toBe("There is no lab scenario 'kafka-on-mars'.");
    expect(next.cluster).toBe(lab.cluster);
  });

  it("the next valid action clears the error", () => {
    const bad = labStep(tour(), { type: "killBroker", broker: 9 });
    expect(bad.lastError).not.toBeNull();
    expect(labStep(bad, { type: "tick", quanta: 1 }).lastError).toBeNull();
  });
});

describe("createLabClient", () => {
  it("dispatches through labStep and notifies subscribers until they unsubscribe", () => {
    const initial = createLab("cluster-tour");
    const client = createLabClient(initial);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = client.subscribe(first);
    client.subscribe(second);
    expect(client.getState()).toBe(initial);

    const returned = client.dispatch({ type: "tick", quanta: 2 });
    expect(returned).toBe(client.getState());
    expect(returned.cluster.now).toBe(initial.cluster.now + 2 * LAB_QUANTUM_MS);
    expect(returned).toEqual(labStep(initial, { type: "tick", quanta: 2 }));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);

    // A refused action is news too: the view shows its error.
    client.dispatch({ type: "killBroker", broker: 9 });
    expect(client.getState().lastError).toMatch(/There is no broker 9/);
    expect(first).toHaveBeenCalledTimes(2);

    unsubscribe();
    client.dispatch({ type: "tick", quanta: 1 });
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(3);
  });

  it("reset replaces the state and notifies; a listener may unsubscribe while being notified", () => {
    const client = createLabClient(createLab("cluster-tour"));
    const calls: string[] = [];
    const off = client.subscribe(() => {
      calls.push("a");
      off();
    });
    client.subscribe(() => calls.push("b"));
    const other = createLab("consumer-lag");
    client.reset(other);
    expect(client.getState()).toBe(other);
    client.dispatch({ type: "reset" });
    expect(calls).toEqual(["a", "b", "b"]);
    expect(client.getState().scenarioId).toBe("consumer-lag");
    expect(client.getState().actions).toEqual([]);
  });
});

describe("consumerRows", () => {
  it("lists running consumers with their partitions in numeric order and their records/s", () => {
    // 25 records per poll every 100 ms: 250 records/s.
    let lab = createLab("consumer-group-scaling");
    expect(consumerRows(lab)).toEqual([{ consumer: "c1", group: "analytics", status: "running", partitions: ["clicks-0", "clicks-1", "clicks-2"], capacityPerSec: 250 }]);
    lab = play(lab, [{ type: "setTopic", partitions: 12 }, { type: "tick", quanta: 10 }]);
    expect(consumerRows(lab)[0]!.partitions).toEqual(Array.from({ length: 12 }, (_, i) => `clicks-${i}`));
  });

  it("marks a consumer beyond the partition count idle, once, with a note that says why", () => {
    let lab = play(createLab("key-partitioning"), [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 10 }]);
    const rows = consumerRows(lab);
    expect(rows.map((r) => r.status)).toEqual(["running", "running", "running", "idle"]);
    expect(rows.filter((r) => r.status === "running").every((r) => r.partitions.length === 1)).toBe(true);
    expect(rows[3]).toMatchObject({ consumer: "c4", partitions: [] });
    const idle = lab.notes.filter((n) => n.kind === "idle-consumer");
    expect(idle).toHaveLength(1);
    expect(idle[0]!.tone).toBe("warning");
    expect(idle[0]!.message).toMatch(/^c4 is idle: group 'shipping' has 4 members but orders has only 3 partitions/);
    lab = play(lab, [{ type: "tick", quanta: 30 }]);
    expect(lab.notes.filter((n) => n.kind === "idle-consumer")).toHaveLength(1);
    // A fourth partition puts it to work.
    lab = play(lab, [{ type: "setTopic", partitions: 4 }, { type: "tick", quanta: 10 }]);
    expect(consumerRows(lab).map((r) => r.status)).toEqual(["running", "running", "running", "running"]);
    expect(lab.idleReported).toEqual([]);
  });

  it("shows a slow consumer's reduced pace and a crashed consumer until it is removed", () => {
    // consumer-lag: 25 records per 100 ms poll, slowFactor 0.2 → 5 per poll, 50 records/s.
    let lab = play(createLab("consumer-lag"), [{ type: "slowConsumer", consumer: "c1", slow: true }]);
    expect(consumerRows(lab)[0]).toMatchObject({ consumer: "c1", status: "slow", capacityPerSec: 50 });
    expect(lab.notes.at(-1)).toMatchObject({ kind: "consumer-pace", tone: "warning" });
    lab = play(lab, [{ type: "slowConsumer", consumer: "c1", slow: false }, { type: "crashConsumer", consumer: "c2" }]);
    expect(consumerRows(lab).map((r) => [r.consumer, r.status, r.capacityPerSec])).toEqual([
      ["c1", "running", 250],
      ["c2", "crashed", 0],
    ]);
    expect(noteKinds(lab)).toContain("consumer-crashed");
    // After session.timeout.ms the group hands c2's partitions to c1.
    const sessionMs = lab.cluster.consumers.c2!.config.sessionTimeoutMs;
    lab = play(lab, [{ type: "tick", quanta: sessionMs / LAB_QUANTUM_MS + 20 }]);
    expect(consumerRows(lab).map((r) => r.partitions.length)).toEqual([4, 0]);
    lab = play(lab, [{ type: "removeConsumer", consumer: "c2" }]);
    expect(consumerRows(lab).map((r) => r.consumer)).toEqual(["c1"]);
    expect(lab.notes.at(-1)?.kind).toBe("consumer-removed");
    // Removing a running one closes it in the engine too.
    lab = play(lab, [{ type: "removeConsumer", consumer: "c1" }]);
    expect(consumerRows(lab)).toEqual([]);
    expect(lab.cluster.consumers.c1!.status).toBe("closed");
  });
});

describe("bounds", () => {
  it("keeps the last NOTE_LIMIT notes, oldest first, numbered without gaps", () => {
    let lab = createLab("consumer-lag");
    for (let i = 0; i < 60; i++) {
      lab = play(lab, [
        { type: "slowConsumer", consumer: "c1", slow: true },
        { type: "slowConsumer", consumer: "c1", slow: false },
      ]);
    }
    expect(lab.noteSeq).toBeGreaterThanOrEqual(120);
    expect(lab.notes).toHaveLength(NOTE_LIMIT);
    expect(lab.notes.map((n) => n.seq)).toEqual(Array.from({ length: NOTE_LIMIT }, (_, i) => lab.noteSeq - NOTE_LIMIT + i));
  });

  it("keeps the last LAG_SERIES_LIMIT lag points, one per tick, ending now", () => {
    const lab = play(createLab("cluster-tour"), [{ type: "tick", quanta: LAG_SERIES_LIMIT + 100 }]);
    expect(lab.lagSeries).toHaveLength(LAG_SERIES_LIMIT);
    expect(lab.lagSeries.at(-1)!.t).toBe(lab.cluster.now);
    expect(lab.lagSeries.map((p) => p.t)).toEqual(Array.from({ length: LAG_SERIES_LIMIT }, (_, i) => lab.cluster.now - (LAG_SERIES_LIMIT - 1 - i) * LAB_QUANTUM_MS));
    for (const point of lab.lagSeries) expect(point.total).toBe(Object.values(point.byPartition).reduce((a, b) => a + b, 0));
  });

  it("stays within both limits over a long, eventful run", () => {
    let lab = guided("consumer-lag");
    lab = play(lab, [
      { type: "crashConsumer", consumer: "c2" },
      { type: "setTopic", partitions: 8 },
      { type: "addConsumer" },
      { type: "tick", quanta: 600 },
      { type: "setWorkload", ratePerSec: 600, keySkew: 0.9 },
      { type: "tick", quanta: 600 },
    ]);
    expect(lab.lastError).toBeNull();
    expect(lab.notes.length).toBeLessThanOrEqual(NOTE_LIMIT);
    expect(lab.lagSeries.length).toBeLessThanOrEqual(LAG_SERIES_LIMIT);
    expect(lab.noteSeq).toBeGreaterThanOrEqual(lab.notes.length);
  });
});
