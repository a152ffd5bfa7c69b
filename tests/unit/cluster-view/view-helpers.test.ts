// The cluster view's pure helpers, checked against real engine states: where things are drawn,
// which dots fly after a step, how frames become simulated time, and how the event log is merged.
import { describe, expect, it } from "vitest";
import { createCluster, step, stepAll, type ClusterState } from "@/lib/cluster";
import { flightsBetween } from "@/components/cluster/flights";
import { mergeLog } from "@/components/cluster/event-log";
import { formatClock, formatVirtualTime } from "@/components/cluster/format";
import { summariseLag } from "@/components/cluster/lag-chart";
import { laneX, layoutDiagram, niceCeiling, replicaKey, type ConsumerInput, type DiagramInput } from "@/components/cluster/layout";
import { advanceClock, startClock } from "@/components/cluster/playback";

function baseCluster(): ClusterState {
  let state = createCluster({ brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 3, config: { minInsyncReplicas: 2 } }] }, "view-test");
  state = stepAll(state, [
    { type: "createProducer", producer: "p", config: { acks: "all" } },
    { type: "createConsumer", consumer: "c1", topics: ["orders"], config: { groupId: "g", autoOffsetReset: "earliest" } },
  ]);
  return state;
}

function consumersOf(state: ClusterState): ConsumerInput[] {
  return Object.values(state.consumers).map((c) => ({
    id: c.id,
    group: c.config.groupId,
    status: c.status === "crashed" ? "crashed" : c.assignment.length === 0 ? "idle" : "running",
    partitions: c.assignment,
  }));
}

function inputOf(state: ClusterState): DiagramInput {
  return { cluster: state, topics: ["orders"], producer: { id: "p", title: "p", lines: ["acks=all"] }, consumers: consumersOf(state), groups: ["g"] };
}

describe("layoutDiagram", () => {
  it("gives every replica a slot in its broker's card, with the leader marked", () => {
    const state = baseCluster();
    const layout = layoutDiagram(inputOf(state));
    expect(layout.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    expect(Object.keys(layout.replicas)).toHaveLength(9);
    for (const partition of state.topics.orders!.partitions) {
      const leader = layout.replicas[replicaKey(partition.leader, `orders-${partition.index}`)]!;
      expect(leader.role).toBe("leader");
      const broker = layout.brokers.find((b) => b.id === partition.leader)!;
      // Inside its broker's card.
      expect(leader.x).toBeGreaterThanOrEqual(broker.x);
      expect(leader.x + leader.w).toBeLessThanOrEqual(broker.x + broker.w);
      expect(leader.y + leader.h).toBeLessThanOrEqual(broker.y + broker.h);
    }
    // Columns do not overlap: producer, brokers, group from left to right.
    expect(layout.producer!.x + layout.producer!.w).toBeLessThan(layout.brokers[0]!.x);
    expect(layout.brokers[2]!.x + layout.brokers[2]!.w).toBeLessThan(layout.groups[0]!.x);
    expect(layout.groups[0]!.x + layout.groups[0]!.w).toBeLessThanOrEqual(layout.width);
    // Lanes sit under the columns and inside the picture.
    expect(layout.lanes).toHaveLength(3);
    expect(layout.lanes[0]!.y).toBeGreaterThan(layout.brokers[0]!.y + layout.brokers[0]!.h);
    expect(layout.lanes[2]!.y + layout.lanes[2]!.h).toBeLessThanOrEqual(layout.height);
  });

  it("marks a crashed leader as down, followers on a stopped broker offline, and a lagging follower out of sync", () => {
    let state = baseCluster();
    const leader = state.topics.orders!.partitions[0]!.leader;
    state = step(state, { type: "crashBroker", broker: leader });
    let layout = layoutDiagram(inputOf(state));
    const slot = layout.replicas[replicaKey(leader, "orders-0")]!;
    expect(slot.role).toBe("leader");
    expect(slot.brokerDown).toBe(true);
    // After broker.session.timeout.ms the controller fences it and elects another leader.
    state = step(state, { type: "advance", ms: 10_000 });
    layout = layoutDiagram(inputOf(state));
    expect(layout.replicas[replicaKey(leader, "orders-0")]!.role).toBe("offline");
    const newLeader = state.topics.orders!.partitions[0]!.leader;
    expect(newLeader).not.toBe(leader);
    expect(layout.replicas[replicaKey(newLeader, "orders-0")]!.role).toBe("leader");
    expect(layout.brokers.find((b) => b.id === leader)!.status).toBe("crashed");

    // A follower the leader no longer counts as in sync (the engine's own ISR shrink is tested in
    // tests/unit/cluster; here only the drawing of it).
    const healthy = baseCluster();
    const p0 = healthy.topics.orders!.partitions[0]!;
    const follower = p0.replicas.find((b) => b !== p0.leader)!;
    const shrunk: ClusterState = {
      ...healthy,
      topics: { orders: { ...healthy.topics.orders!, partitions: [{ ...p0, isr: p0.isr.filter((b) => b !== follower) }, ...healthy.topics.orders!.partitions.slice(1)] } },
    };
    expect(layoutDiagram(inputOf(shrunk)).replicas[replicaKey(follower, "orders-0")]!.role).toBe("out-of-sync");
  });

  it("puts each group's committed offset and the high watermark on the lanes", () => {
    let state = baseCluster();
    state = stepAll(state, [
      { type: "produce", producer: "p", topic: "orders", partition: 1, count: 40 },
      { type: "advance", ms: 6_000 },
      { type: "commit", consumer: "c1" },
    ]);
    const layout = layoutDiagram(inputOf(state));
    const lane = layout.lanes.find((l) => l.tp === "orders-1")!;
    expect(lane.leo).toBe(40);
    expect(lane.hw).toBe(40);
    expect(lane.committed).toEqual([{ group: "g", offset: 40, index: 0 }]);
    expect(layout.scale).toBe(niceCeiling(40));
    expect(laneX(lane, layout.scale, lane.hw)).toBeCloseTo(lane.barX + (40 / layout.scale) * lane.barW);
    expect(laneX(lane, layout.scale, 10 * layout.scale)).toBe(lane.barX + lane.barW);
  });

  it("lists an idle consumer when a group has more members than partitions", () => {
    let state = baseCluster();
    for (const id of ["c2", "c3", "c4"]) {
      state = step(state, { type: "createConsumer", consumer: id, topics: ["orders"], config: { groupId: "g", autoOffsetReset: "earliest" } });
    }
    const layout = layoutDiagram(inputOf(state));
    const consumers = layout.groups[0]!.consumers;
    expect(consumers).toHaveLength(4);
    expect(consumers.filter((c) => c.status === "idle")).toHaveLength(1);
    expect(consumers.flatMap((c) => c.partitions).sort()).toEqual(["orders-0", "orders-1", "orders-2"]);
  });
});

describe("niceCeiling", () => {
  it("rounds up to a readable scale", () => {
    expect(niceCeiling(0)).toBe(10);
    expect(niceCeiling(11)).toBe(15);
    expect(niceCeiling(101)).toBe(150);
    expect(niceCeiling(2001)).toBe(2500);
    expect(niceCeiling(999_999)).toBe(1_000_000);
  });
});

describe("flightsBetween", () => {
  it("flies produced, replicated and consumed records along the right paths, bounded per step", () => {
    const before = baseCluster();
    const produced = step(before, { type: "produce", producer: "p", topic: "orders", partition: 2, count: 5 });
    const layout = layoutDiagram(inputOf(produced));
    const leader = produced.topics.orders!.partitions[2]!.leader;
    const first = flightsBetween(before, produced, layout);
    expect(first.map((f) => f.kind)).toEqual(["produce"]);
    expect(first[0]!.to.x).toBe(layout.replicas[replicaKey(leader, "orders-2")]!.x);

    // 100 ms later both followers copied the records and the consumer read them.
    const consumed = step(produced, { type: "advance", ms: 100 });
    const second = flightsBetween(produced, consumed, layout);
    expect(second.filter((f) => f.kind === "replicate")).toHaveLength(2);
    const consume = second.filter((f) => f.kind === "consume");
    expect(consume.map((f) => f.tp)).toEqual(["orders-2"]);
    const reader = layout.groups[0]!.consumers.find((c) => c.id === "c1")!;
    expect(consume[0]!.to).toEqual({ x: reader.x, y: reader.y + reader.h / 2 });

    // A thousand records in one step still make a handful of dots.
    const flood = step(consumed, { type: "runWorkload", producer: "p", topic: "orders", records: 3000, keys: ["a", "b", "c", "d"], consumeGroup: "g" });
    const many = flightsBetween(consumed, flood, layoutDiagram(inputOf(flood)), 10);
    expect(many.length).toBeGreaterThan(0);
    expect(many.length).toBeLessThanOrEqual(10);
    expect(flightsBetween(flood, flood, layout)).toEqual([]);
  });
});

describe("advanceClock", () => {
  const options = { quantumMs: 100, speed: 1, minIntervalMs: 100 };

  it("dispatches whole quanta of simulated time at most every minIntervalMs", () => {
    let clock = startClock(0);
    let quanta = 0;
    // 60 frames per second for 3 seconds at 1×: 30 quanta of 100 ms.
    for (let frame = 1; frame <= 180; frame++) {
      const result = advanceClock(clock, (frame * 1000) / 60, 1000 / 60, options);
      clock = result.clock;
      quanta += result.quanta;
    }
    expect(quanta).toBeGreaterThanOrEqual(29);
    expect(quanta).toBeLessThanOrEqual(30);
  });

  it("scales with speed and caps a long pause", () => {
    let clock = startClock(0);
    let total = 0;
    for (let frame = 1; frame <= 60; frame++) {
      const result = advanceClock(clock, (frame * 1000) / 60, 1000 / 60, { ...options, speed: 10 });
      clock = result.clock;
      total += result.quanta;
    }
    expect(total).toBeGreaterThanOrEqual(99);
    expect(total).toBeLessThanOrEqual(100);
    // A tab hidden for a minute comes back with at most maxQuanta.
    const back = advanceClock(startClock(0), 60_000, 60_000, { ...options, maxQuanta: 20 });
    expect(back.quanta).toBe(20);
    // Half speed: 100 ms of real time is not yet a quantum.
    expect(advanceClock(startClock(0), 100, 100, { ...options, speed: 0.5 }).quanta).toBe(0);
  });
});

describe("mergeLog", () => {
  it("puts the newest first, a note above the events of its moment, and hides routine events unless asked", () => {
    const events = [
      { seq: 1, t: 0, kind: "topic-created", message: "created" },
      { seq: 2, t: 100, kind: "workload", message: "sent 100" },
      { seq: 3, t: 200, kind: "truncation", message: "broker 1 truncated" },
    ];
    const notes = [{ seq: 1, t: 200, tone: "loss" as const, kind: "acked-loss", message: "an acknowledged record was lost" }];
    const merged = mergeLog(events, notes, { routine: false, limit: 10 });
    expect(merged.map((e) => e.message)).toEqual(["an acknowledged record was lost", "broker 1 truncated", "created"]);
    expect(merged[0]!.tone).toBe("loss");
    expect(merged[0]!.kind).toBe("acked-loss");
    expect(mergeLog(events, notes, { routine: true, limit: 10 }).map((e) => e.kind)).toContain("workload");
    expect(mergeLog(events, notes, { routine: true, limit: 2 })).toHaveLength(2);
    // A note that repeats an event (same moment, same words) replaces it.
    const echoed = mergeLog(events, [{ seq: 2, t: 200, tone: "warning" as const, message: "broker 1 truncated" }], { routine: false, limit: 10 });
    expect(echoed.map((e) => [e.kind, e.message])).toEqual([
      ["note", "broker 1 truncated"],
      ["topic-created", "created"],
    ]);
  });
});

describe("formatting", () => {
  it("formats virtual time and the clock", () => {
    expect(formatVirtualTime(850)).toBe("850 ms");
    expect(formatVirtualTime(12_500)).toBe("12.5 s");
    expect(formatVirtualTime(200_000)).toBe("3 min 20 s");
    expect(formatClock(0)).toBe("00:00.0");
    expect(formatClock(61_234)).toBe("01:01.2");
  });

  it("summarises lag: now, max and the worst partition", () => {
    const summary = summariseLag([
      { t: 0, total: 5, byPartition: { "e-0": 5 } },
      { t: 100, total: 30, byPartition: { "e-0": 10, "e-1": 20 } },
      { t: 200, total: 12, byPartition: { "e-0": 2, "e-1": 10 } },
    ]);
    expect(summary).toEqual({ now: 12, max: 30, worstPartition: "e-1", worstLag: 10 });
  });
});
