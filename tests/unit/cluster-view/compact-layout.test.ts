// The cluster diagram on a phone: below 75 % of its natural width the diagram is laid out as one
// stacked column at the container's own width (one unit per CSS pixel), so nothing runs off the side.
import { describe, expect, it } from "vitest";
import { createCluster, stepAll, type ClusterState } from "@/lib/cluster";
import { flightsBetween } from "@/components/cluster/flights";
import { layoutDiagram, type Box, type DiagramInput } from "@/components/cluster/layout";

function cluster(partitions: number): ClusterState {
  const state = createCluster({ brokers: 3, topics: [{ name: "events", partitions, replicationFactor: 3 }] }, "compact-test");
  return stepAll(state, [
    { type: "createProducer", producer: "p", config: { acks: "all" } },
    { type: "createConsumer", consumer: "c1", topics: ["events"], config: { groupId: "g", autoOffsetReset: "earliest" } },
    { type: "createConsumer", consumer: "c2", topics: ["events"], config: { groupId: "g", autoOffsetReset: "earliest" } },
  ]);
}

function inputOf(state: ClusterState): DiagramInput {
  return {
    cluster: state,
    topics: ["events"],
    producer: { id: "p", title: "producer", lines: ["acks=all", "idempotence on", "600 records/s"] },
    consumers: Object.values(state.consumers).map((c) => ({ id: c.id, group: c.config.groupId, status: "running", partitions: c.assignment })),
    groups: ["g"],
  };
}

const inside = (box: Box, outer: Box) => box.x >= outer.x && box.y >= outer.y && box.x + box.w <= outer.x + outer.w && box.y + box.h <= outer.y + outer.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("the compact diagram layout", () => {
  const state = cluster(4);
  const wide = layoutDiagram(inputOf(state));

  it("keeps the wide columns without a width, and when they fit at 75 % or more", () => {
    expect(wide.mode).toBe("wide");
    expect(layoutDiagram(inputOf(state), wide.width).mode).toBe("wide");
    expect(layoutDiagram(inputOf(state), Math.ceil(wide.width * 0.75)).mode).toBe("wide");
  });

  it("stacks everything inside a phone's width, one unit per pixel", () => {
    const layout = layoutDiagram(inputOf(state), 330.6);
    expect(layout.mode).toBe("compact");
    expect(layout.width).toBe(330);
    const picture = { x: 0, y: 0, w: layout.width, h: layout.height };
    const boxes: Box[] = [layout.producer!, ...layout.brokers, ...layout.groups, ...layout.lanes];
    for (const box of boxes) expect(inside(box, picture), JSON.stringify(box)).toBe(true);
    // One broker per row at this width, top to bottom, no two overlapping.
    expect(new Set(layout.brokers.map((b) => b.x)).size).toBe(1);
    for (let i = 1; i < layout.brokers.length; i++) expect(layout.brokers[i]!.y).toBeGreaterThan(layout.brokers[i - 1]!.y + layout.brokers[i - 1]!.h);
    // Producer above the brokers, the brokers above the group, the group above the lanes.
    expect(layout.producer!.y + layout.producer!.h).toBeLessThan(layout.brokers[0]!.y);
    expect(layout.brokers.at(-1)!.y + layout.brokers.at(-1)!.h).toBeLessThan(layout.groups[0]!.y);
    expect(layout.groups[0]!.y + layout.groups[0]!.h).toBeLessThan(layout.lanes[0]!.y);
    // Every replica inside its broker, every consumer inside its group.
    for (const broker of layout.brokers) for (const slot of broker.replicas) expect(inside(slot, broker)).toBe(true);
    for (const consumer of layout.groups[0]!.consumers) expect(inside(consumer, layout.groups[0]!)).toBe(true);
    // Each lane's bar spans the width, between its name and its stats.
    for (const lane of layout.lanes) {
      expect(lane.barW).toBe(layout.width - 4);
      expect(lane.labelY).toBeLessThan(lane.barY);
      expect(lane.statsY).toBeGreaterThan(lane.barY + lane.barH);
      expect(lane.statsY).toBeLessThanOrEqual(lane.y + lane.h);
    }
  });

  it("puts brokers and consumers side by side when a tablet has room", () => {
    const layout = layoutDiagram(inputOf(state), 760);
    expect(layout.mode).toBe("compact");
    expect(new Set(layout.brokers.map((b) => b.y)).size).toBe(1);
    for (let i = 1; i < layout.brokers.length; i++) expect(overlap(layout.brokers[i]!, layout.brokers[i - 1]!)).toBe(false);
    const [c1, c2] = layout.groups[0]!.consumers;
    expect(c1!.y).toBe(c2!.y);
    expect(overlap(c1!, c2!)).toBe(false);
  });

  it("flies records from the producer's foot to the leader, and down to the reading consumer's top", () => {
    const produced = stepAll(state, [{ type: "produce", producer: "p", topic: "events", partition: 0, count: 5 }]);
    const layout = layoutDiagram(inputOf(produced), 330);
    const leader = produced.topics.events!.partitions[0]!.leader;
    const [produce] = flightsBetween(state, produced, layout);
    expect(produce!.kind).toBe("produce");
    expect(produce!.from).toEqual({ x: layout.producer!.x + 20, y: layout.producer!.y + layout.producer!.h });
    expect(produce!.to.x).toBe(layout.replicas[`${leader}:events-0`]!.x);

    const consumed = stepAll(produced, [{ type: "advance", ms: 100 }]);
    const consume = flightsBetween(produced, consumed, layout).filter((flight) => flight.kind === "consume");
    expect(consume.length).toBeGreaterThan(0);
    const reader = layout.groups[0]!.consumers.find((c) => c.partitions.includes("events-0"))!;
    expect(consume[0]!.to).toEqual({ x: reader.x + reader.w / 2, y: reader.y });
    for (const flight of [produce!, ...consume]) {
      for (const point of [flight.from, flight.to]) {
        expect(point.x).toBeGreaterThanOrEqual(0);
        expect(point.x).toBeLessThanOrEqual(layout.width);
        expect(point.y).toBeGreaterThanOrEqual(0);
        expect(point.y).toBeLessThanOrEqual(layout.height);
      }
    }
  });
});
