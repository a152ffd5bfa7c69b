// What every scenario definition starts from: its catalog entry (title and summary), its seed, and the
// producer most labs start with.
import { DEMO_SCENARIOS, type DemoScenarioId } from "../catalog";
import type { LabScenario, LabSetup } from "../lab/types";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/**
 * The catalog's title and summary for `id`, and the lab's seed. The seed is "lab-<id>": a shared run link
 * names its seed, so changing it would not break old links, but it would change every fresh lab.
 */
export function scenarioMeta(id: DemoScenarioId): Pick<LabScenario, "id" | "title" | "summary" | "seed"> {
  const entry = DEMO_SCENARIOS.find((scenario) => scenario.id === id)!;
  return { id, title: entry.title, summary: entry.summary, seed: `lab-${id}` };
}

/** acks=all, idempotent, retries at Kafka's default (Integer.MAX_VALUE). */
export const SAFE_PRODUCER: LabSetup["producer"] = { acks: "all", idempotence: true, retries: 2147483647 };

/**
 * A window demo: a one-partition topic, no workload and no consumers, and the scenario's stream app
 * counting `keyCount` keys with this window.
 */
export function windowedAppSetup(topic: string, keyCount: number, streamApp: NonNullable<LabSetup["streamApp"]>): LabSetup {
  return {
    cluster: { brokers: 3, topics: [{ name: topic, partitions: 1, replicationFactor: 3 }] },
    producer: SAFE_PRODUCER,
    workload: { ratePerSec: 0, keySkew: 0, keyCount },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    streamApp,
  };
}
