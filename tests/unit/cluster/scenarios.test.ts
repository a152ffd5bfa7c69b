// Every engine story (fixtures/scenarios.ts) runs on its seed without errors, and what its captions claim
// really happens.
import { describe, expect, it } from "vitest";
import { deliveryReport, lagReport, partitionForKey, renderGroupOffsets, type ClusterState } from "@/lib/cluster";
import { DEMO_SCENARIOS } from "@/lib/demos/catalog";
import { runScenario, scenarioById, SCENARIOS } from "./fixtures/scenarios";
import { values } from "./helpers";

function final(id: string): ClusterState {
  const scenario = scenarioById(id);
  expect(scenario, id).toBeDefined();
  return runScenario(scenario!).final;
}

const claims: Record<string, (state: ClusterState) => void> = {
  "cluster-tour": (state) => {
    const topic = state.topics.orders!;
    for (const p of topic.partitions) {
      expect(p.replicas).toHaveLength(3);
      expect(p.isr).toHaveLength(3);
    }
    expect(state.consumers["billing-1"]!.processedCount).toBe(4);
    const partition = partitionForKey("customer-1", 3);
    expect(values(state, "orders", partition).filter((v) => v === "order #1" || v === "order #4")).toEqual(["order #1", "order #4"]);
  },
  "key-partitioning": (state) => {
    for (const key of ["alice", "bob", "carol", "dave"]) {
      expect(values(state, "orders", partitionForKey(key, 3))).toContain(`${key} #${["alice", "bob", "carol", "dave"].indexOf(key)}`);
      expect(values(state, "orders", partitionForKey(key, 6))).toContain(`${key} after resize`);
    }
    expect(["alice", "bob", "carol", "dave"].some((key) => partitionForKey(key, 3) !== partitionForKey(key, 6))).toBe(true);
  },
  "consumer-group-scaling": (state) => {
    const sizes = ["c1", "c2", "c3", "c4"].map((id) => state.consumers[id]!.assignment.length);
    expect(sizes).toEqual([1, 1, 1, 0]);
  },
  "rebalance-assignors": (state) => {
    const size = (id: string) => state.consumers[id]!.assignment.length;
    expect([size("range-A"), size("range-B")]).toEqual([4, 2]);
    expect([size("rr-A"), size("rr-B")]).toEqual([3, 3]);
    expect([size("coop-A"), size("coop-B"), size("coop-C")]).toEqual([2, 2, 2]);
    const coopRounds = state.events.filter((e) => e.kind === "rebalance" && e.group === "coop-group").map((e) => e.round);
    expect(coopRounds).toEqual([1, 1, 2, 1, 2]);
  },
  "offsets-and-commits": (state) => {
    const [report] = deliveryReport(state, "ledger");
    expect(report).toMatchObject({ partition: "payments-0", duplicates: 10 + 20, lost: 0 });
    expect(state.events.some((e) => e.kind === "duplicates")).toBe(true);
    expect(state.events.some((e) => e.kind === "replay")).toBe(true);
  },
  "retention-replay": (state) => {
    expect(state.topics.audit!.partitions[0]!.logStartOffset).toBe(10);
    expect(state.consumers.replayer!.processedCount).toBe(15 + 10);
    expect(state.consumers["late-replayer"]!.processedCount).toBe(5);
  },
  "acks-durability": (state) => {
    expect(values(state, "acks1", 0)).toEqual([]); // the acks=1 record was acknowledged, then lost
    expect(state.producers.fast!.stats.acknowledged).toBe(1);
    expect(values(state, "acksall", 0)).toEqual(["order-1"]); // acks=all: retried and kept
    expect(state.producers.safe!.stats.acknowledged).toBe(1);
  },
  "min-isr": (state) => {
    expect(values(state, "payments", 0)).toEqual(["tx-1", "tx-2", "tx-3"]);
    expect(state.events.some((e) => e.kind === "produce-retry" && /NotEnoughReplicas/.test(e.message))).toBe(true);
    expect(state.producers.bank!.stats).toMatchObject({ acknowledged: 3, failed: 0 });
  },
  "leader-election": (state) => {
    expect(values(state, "clean", 0)).toHaveLength(10);
    expect(values(state, "unclean", 0)).toHaveLength(5);
    expect(state.events.some((e) => e.kind === "partition-offline" && e.topic === "clean")).toBe(true);
    expect(state.events.some((e) => e.kind === "unclean-election" && e.topic === "unclean")).toBe(true);
    expect(state.events.some((e) => e.kind === "truncation" && e.topic === "unclean" && e.count === 5)).toBe(true);
  },
  "idempotent-producer": (state) => {
    expect(values(state, "with-idempotence", 0)).toEqual(["charge card 42"]);
    expect(values(state, "without-idempotence", 0)).toEqual(["charge card 42", "charge card 42"]);
  },
  "transactions-eos": (state) => {
    expect(state.consumers["auditor-committed"]!.recent.map((r) => r.value)).toEqual(["invoice", "invoice", "invoice"]);
    expect(state.consumers["auditor-uncommitted"]!.processedCount).toBe(5);
    expect(state.groups.billing!.committed["orders-0"]!.offset).toBe(3);
  },
  "consumer-lag": (state) => {
    const hot = `events-${partitionForKey("user-7", 6)}`;
    const lag = lagReport(state, "dashboards");
    const hotRow = lag.find((row) => row.partition === hot)!;
    expect(hotRow.lag).toBeGreaterThan(2000);
    for (const row of lag) {
      if (row.partition === hot) continue;
      expect(row.lag).toBeLessThan(hotRow.lag / 10);
    }
    expect(renderGroupOffsets(state, "dashboards").stdout).toContain(String(hotRow.lag));
  },
  "time-windows": (state) => {
    const tumbling = state.streams["tumbling-counts"]!.outputs;
    const last = (start: number) => tumbling.filter((o) => o.start === start).at(-1)!;
    expect(last(0)).toMatchObject({ end: 60_000, count: 3 });
    expect(last(60_000)).toMatchObject({ count: 1 });
    const hopping = state.streams["hopping-counts"]!.outputs;
    const windows = [...new Set(hopping.map((o) => o.start))].sort((a, b) => a - b);
    expect(windows).toEqual([0, 30_000, 60_000]);
    expect(hopping.filter((o) => o.start === 30_000).at(-1)!.count).toBe(3);
  },
  "session-windows": (state) => {
    const outputs = state.streams.sessions!.outputs;
    // The bridging record: a tombstone for each of the two sessions it merges, then the merged session.
    expect(outputs.slice(-3)).toEqual([
      { key: "alice", start: 0, end: 2 * 60_000, count: null, timestamp: 2 * 60_000, final: false },
      { key: "alice", start: 12 * 60_000, end: 13 * 60_000, count: null, timestamp: 13 * 60_000, final: false },
      { key: "alice", start: 0, end: 13 * 60_000, count: 5, timestamp: 13 * 60_000, final: false },
    ]);
  },
  "late-data-grace": (state) => {
    const app = state.streams["per-10-min"]!;
    expect(app.outputs).toEqual([{ key: "sensor-1", start: 0, end: 600_000, count: 3, timestamp: 540_000, final: true }]);
    expect(app.dropped).toBe(1);
    expect(app.drops[0]!.message).toMatch(/dropped key sensor-1 @00:05:00/);
  },
};

describe("demo scenarios", () => {
  it("has a preset for every scenario id in lib/demos/catalog.ts", () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual(DEMO_SCENARIOS.map((s) => s.id).sort());
  });

  it.each(SCENARIOS.map((s) => [s.id] as const))("%s runs without errors and every step has a caption", (id) => {
    const run = runScenario(scenarioById(id)!);
    expect(run.states.map((s) => s.lastError?.message ?? null).filter(Boolean)).toEqual([]);
    for (const step of run.scenario.steps) expect(step.caption.length).toBeGreaterThan(10);
  });

  it.each(Object.keys(claims).map((id) => [id] as const))("%s does what its captions say", (id) => {
    claims[id]!(final(id));
  });

  it("every scenario has a claims check", () => {
    expect(Object.keys(claims).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
  });

  it("replays identically on the same seed", () => {
    for (const scenario of SCENARIOS) {
      expect(JSON.stringify(runScenario(scenario).final)).toBe(JSON.stringify(runScenario(scenario).final));
    }
  });
});
