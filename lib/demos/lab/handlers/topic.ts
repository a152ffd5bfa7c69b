// Topic settings: add partitions, min.insync.replicas, retention.ms and unclean leader election, each
// explained; what Kafka does not allow (fewer partitions, a new replication factor) is refused with why.
import { plural } from "@/lib/format/text";
import { formatMs } from "@/lib/format/time";
import { engine, isInt, LabError, note } from "../core";
import { baseline } from "../durability";
import type { LabAction, LabScenario, LabState } from "../types";

function topicOf(lab: LabState, scenario: LabScenario) {
  const topic = lab.cluster.topics[scenario.topic];
  if (!topic) throw new LabError(`Topic '${scenario.topic}' does not exist.`);
  return topic;
}

export function setTopic(lab: LabState, scenario: LabScenario, action: Extract<LabAction, { type: "setTopic" }>): LabState {
  const topic = topicOf(lab, scenario);
  let next = lab;
  const { partitions, replicationFactor, minInsyncReplicas, retentionMs, uncleanLeaderElection } = action;
  const changes: string[] = [];
  if (replicationFactor !== undefined) {
    const current = topic.partitions[0]?.replicas.length ?? 0;
    if (!isInt(replicationFactor) || replicationFactor !== current) {
      throw new LabError(
        `'${topic.name}' has replication factor ${current}. Changing it means moving replicas with a partition reassignment (kafka-reassign-partitions.sh), which this lab does not model.`,
      );
    }
  }
  if (partitions !== undefined) {
    const current = topic.partitions.length;
    if (!isInt(partitions) || partitions < 1) throw new LabError(`A partition count is a whole number of at least 1, got ${String(partitions)}.`);
    if (partitions < current) {
      throw new LabError(
        `'${topic.name}' has ${current} partitions and Kafka can only add partitions, never remove them: the records in a removed partition would have nowhere to go. To shrink, create a new topic and move the data.`,
      );
    }
    if (partitions > 64) throw new LabError("The lab keeps topics at 64 partitions or fewer.");
    if (partitions > current) {
      next = engine(next, { type: "addPartitions", topic: topic.name, totalPartitions: partitions });
      changes.push(
        `'${topic.name}' now has ${partitions} partitions. The default partitioner computes murmur2(key) % ${partitions} now, so some keys map to a different partition than before: their new records no longer follow their old ones in order.`,
      );
    }
  }
  const config: Record<string, unknown> = {};
  if (minInsyncReplicas !== undefined) {
    if (!isInt(minInsyncReplicas) || minInsyncReplicas < 1) throw new LabError(`min.insync.replicas is a whole number of at least 1, got ${String(minInsyncReplicas)}.`);
    config.minInsyncReplicas = minInsyncReplicas;
  }
  if (retentionMs !== undefined) {
    if (!isInt(retentionMs) || (retentionMs < 1000 && retentionMs !== -1)) throw new LabError(`retention.ms is -1 (keep forever) or at least 1000 ms, got ${String(retentionMs)}.`);
    config.retentionMs = retentionMs;
  }
  if (uncleanLeaderElection !== undefined) {
    if (typeof uncleanLeaderElection !== "boolean") throw new LabError("unclean.leader.election.enable is true or false.");
    config.uncleanLeaderElectionEnable = uncleanLeaderElection;
  }
  if (Object.keys(config).length > 0) {
    next = engine(next, { type: "alterTopicConfig", topic: topic.name, config });
    if (minInsyncReplicas !== undefined) {
      const rf = topic.partitions[0]?.replicas.length ?? 0;
      changes.push(
        minInsyncReplicas > rf
          ? `min.insync.replicas=${minInsyncReplicas} is more than the ${rf} replicas: every acks=all write will now fail with NotEnoughReplicas.`
          : `min.insync.replicas=${minInsyncReplicas}: an acks=all write needs ${plural(minInsyncReplicas, "in-sync replica")} (the leader included) or it is refused instead of risking loss. acks=0 and acks=1 ignore it.`,
      );
    }
    if (retentionMs !== undefined) {
      changes.push(
        retentionMs === -1
          ? "retention.ms=-1: closed segments are kept forever."
          : `retention.ms=${retentionMs}: closed segments whose newest record is older than ${formatMs(retentionMs)} are deleted at the next retention check, whether or not anyone read them.`,
      );
    }
    if (uncleanLeaderElection !== undefined) {
      changes.push(
        uncleanLeaderElection
          ? "unclean.leader.election.enable=true: if no in-sync replica survives, an out-of-sync one may lead, and what only the old leader had is lost."
          : "unclean.leader.election.enable=false: a partition waits offline rather than elect a replica that may be missing acknowledged records.",
      );
    }
  }
  if (changes.length === 0) throw new LabError("Nothing to change: give partitions, minInsyncReplicas, retentionMs or uncleanLeaderElection.");
  for (const message of changes) next = note(next, "info", "topic-settings", message);
  return { ...next, baseline: baseline(next) };
}
