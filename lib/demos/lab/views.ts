// Views for the UI and for the challenge checks: one row per consumer the lab runs, and a group's lag.
// They read a lab state (and, for the lag, which topic and group the scenario is about); they never
// look a scenario up by id, so scenario definitions can use them.
import { highWatermarkOf, type ClusterState, type ConsumerState } from "@/lib/cluster";
import { SECOND } from "./core";
import type { LabConsumerRow, LabScenario, LabState, LagPoint } from "./types";

/** One row per consumer the lab runs: its status as a learner would describe it, and its partitions. */
export function consumerRows(state: LabState): LabConsumerRow[] {
  return state.consumers.flatMap((info): LabConsumerRow[] => {
    const consumer = state.cluster.consumers[info.id];
    if (!consumer || consumer.status === "closed") return [];
    const status =
      consumer.status === "crashed" ? "crashed" : isIdle(state.cluster, consumer) ? "idle" : info.slow || consumer.status === "stalled" ? "slow" : "running";
    const partitions = [...consumer.assignment].sort((a, b) => {
      const pa = a.lastIndexOf("-");
      const pb = b.lastIndexOf("-");
      const ta = a.slice(0, pa);
      const tb = b.slice(0, pb);
      return ta === tb ? Number(a.slice(pa + 1)) - Number(b.slice(pb + 1)) : ta < tb ? -1 : 1;
    });
    const capacityPerSec = consumer.status === "crashed" ? 0 : Math.floor((consumer.config.maxPollRecords * SECOND) / consumer.config.pollIntervalMs);
    return [{ consumer: info.id, group: info.group, status, partitions, capacityPerSec }];
  });
}

/** The lag of the scenario's group on the scenario's topic (null when the scenario has no group). */
export function groupLag(state: LabState, scenario: Pick<LabScenario, "topic" | "group">): LagPoint | null {
  return scenario.group ? lagOf(state.cluster, scenario.topic, scenario.group) : null;
}

/** A group's lag on a topic: high watermark minus the owner's position (else the committed offset). */
export function lagOf(cluster: ClusterState, topicName: string, groupId: string): LagPoint | null {
  const topic = cluster.topics[topicName];
  if (!topic) return null;
  const group = cluster.groups[groupId];
  const byPartition: Record<string, number> = {};
  let total = 0;
  for (const partition of topic.partitions) {
    const tp = `${topicName}-${partition.index}`;
    const hw = highWatermarkOf(cluster, topicName, partition.index);
    let position: number | undefined;
    if (group) {
      for (const member of group.members) {
        const consumer = cluster.consumers[member];
        if (consumer && consumer.status !== "closed" && consumer.assignment.includes(tp)) {
          position = consumer.positions[tp];
          break;
        }
      }
      position ??= group.committed[tp]?.offset;
    }
    const lag = Math.max(0, hw - (position ?? partition.logStartOffset));
    byPartition[tp] = lag;
    total += lag;
  }
  return { t: cluster.now, total, byPartition };
}

/** A running member of a stable group that was given no partition. */
export function isIdle(cluster: ClusterState, consumer: ConsumerState): boolean {
  if (consumer.status !== "running" || !consumer.inGroup || consumer.assignment.length > 0) return false;
  return cluster.groups[consumer.config.groupId]?.state === "Stable";
}
