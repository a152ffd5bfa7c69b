// Small helpers for driving the simulator in tests: a client that fails loudly on unexpected errors.
import { expect } from "vitest";
import { createCluster, step, type ClusterAction, type ClusterConfig, type ClusterState } from "@/lib/cluster";

export interface Driver {
  readonly state: ClusterState;
  /** Applies an action that must succeed. */
  run(action: ClusterAction): ClusterState;
  /** Applies an action that must fail; returns the error message. */
  reject(action: ClusterAction): string;
  eventsOf(kind: string): ClusterState["events"];
}

export function drive(config: Partial<ClusterConfig>, seed: string | number = "fixed-seed"): Driver {
  let state = createCluster(config, seed);
  expect(state.lastError, "cluster config").toBeNull();
  return {
    get state() {
      return state;
    },
    run(action) {
      state = step(state, action);
      expect(state.lastError?.message ?? null, `${action.type} should succeed`).toBeNull();
      return state;
    },
    reject(action) {
      const before = state;
      state = step(state, action);
      expect(state.lastError, `${action.type} should fail`).not.toBeNull();
      expect(state.errorCount).toBe(before.errorCount + 1);
      return state.lastError!.message;
    },
    eventsOf(kind) {
      return state.events.filter((event) => event.kind === kind);
    },
  };
}

/** The leader's records of a partition as values. */
export function values(state: ClusterState, topic: string, partition: number): (string | null)[] {
  const p = state.topics[topic]!.partitions[partition]!;
  const log = p.logs[String(p.leader >= 0 ? p.leader : p.replicas[0])]!;
  const out: (string | null)[] = [];
  for (let offset = p.logStartOffset; offset < log.leo; offset++) {
    const chunk = log.chunks.find((c) => offset >= c.base && offset < c.base + c.keys.length)!;
    out.push(chunk.values[offset - chunk.base]!);
  }
  return out;
}
