// Partition#makeLeader: a new leader whose ISR is only itself moves its high watermark to its log end
// at once (maybeIncrementLeaderHW), instead of waiting for the next write to recompute it.
import { describe, expect, it } from "vitest";
import { drive } from "./helpers";

describe("a new leader alone in the ISR", () => {
  it.each([10, 20, 30, 40, 60, 80])("exposes every record it holds right after the election (crash %i ms after the writes)", (afterMs) => {
    const sim = drive({ topics: [{ name: "orders", partitions: 1, replicationFactor: 2, replicaAssignment: [[1, 2]] }] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "produce", producer: "p", topic: "orders", value: "x", count: 5 });
    sim.run({ type: "advance", ms: afterMs });
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "advance", ms: 10_000 });
    const partition = sim.state.topics.orders!.partitions[0]!;
    expect(partition.leader).toBe(2);
    expect(partition.isr).toEqual([2]);
    const log = partition.logs["2"]!;
    expect(log.hw).toBe(log.leo);
  });
});
