// What every scenario definition starts from: its listing entry with its seed, and the lab most scenarios
// open on (three brokers, the safe producer, the range assignor).
import type { ClusterConfig } from "@/lib/cluster";
import type { LabScenario, LabSetup } from "../lab/types";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/**
 * A listing entry (scenarios/<family>.meta.ts) and the lab's seed. The seed is "lab-<id>": a shared run
 * link names its seed, so changing it would not break old links, but it would change every fresh lab.
 */
export function scenarioMeta({ id, title, summary }: Pick<LabScenario, "id" | "title" | "summary">): Pick<LabScenario, "id" | "title" | "summary" | "seed"> {
  return { id, title, summary, seed: `lab-${id}` };
}

/** acks=all, idempotent, retries at Kafka's default (Integer.MAX_VALUE). */
export const SAFE_PRODUCER: LabSetup["producer"] = { acks: "all", idempotence: true, retries: 2147483647 };

/** What a scenario's lab changes from the usual one; labSetup fills in the rest. */
export interface LabSpec extends Omit<Partial<LabSetup>, "cluster" | "workload" | "slowFactor"> {
  /** Cluster settings beside the three brokers and the topics. */
  cluster?: Omit<Partial<ClusterConfig>, "brokers" | "topics">;
  /** The workload starts with no hot-key skew. */
  workload: Omit<LabSetup["workload"], "keySkew">;
  slowFactor: number;
}

/**
 * A lab on three brokers with `topics`: the safe producer, the range assignor, and no consumers at
 * start (with no consumer settings) unless `spec` says otherwise.
 */
export function labSetup(topics: ClusterConfig["topics"], { cluster, workload, ...spec }: LabSpec): LabSetup {
  return {
    cluster: { brokers: 3, ...cluster, topics },
    producer: SAFE_PRODUCER,
    workload: { keySkew: 0, ...workload },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    ...spec,
  };
}

/**
 * A window demo: a one-partition topic, no workload and no consumers, and the scenario's stream app
 * counting `keyCount` keys with this window.
 */
export function windowedAppSetup(topic: string, keyCount: number, streamApp: NonNullable<LabSetup["streamApp"]>): LabSetup {
  return labSetup([{ name: topic, partitions: 1, replicationFactor: 3 }], { workload: { ratePerSec: 0, keyCount }, slowFactor: 0.1, streamApp });
}
