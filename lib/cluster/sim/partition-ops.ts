// Small helpers every module uses to read and update one partition through the draft.
import type { Draft } from "./draft";
import { emptyLog, recordAt } from "./log";
import type { FollowerState, PartitionState, ReplicaLog, TopicState } from "./types";
import { RECORD_ABORT_MARKER, RECORD_COMMIT_MARKER } from "./types";
import { effectiveMinIsr as effectiveMinIsrOf } from "./config";

export function tpName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

export function replicaLog(partition: PartitionState, broker: number): ReplicaLog {
  return partition.logs[String(broker)] ?? emptyLog();
}

/** The leader's log, or null while the partition is offline. */
export function leaderLog(partition: PartitionState): ReplicaLog | null {
  return partition.leader >= 0 ? replicaLog(partition, partition.leader) : null;
}

/** The high watermark consumers see: the leader's, or the best any replica knows while offline. */
export function highWatermark(partition: PartitionState): number {
  const log = leaderLog(partition);
  if (log) return log.hw;
  return Math.max(0, ...Object.values(partition.logs).map((l) => l.hw));
}

export function logEndOffset(partition: PartitionState): number {
  const log = leaderLog(partition);
  return log ? log.leo : Math.max(0, ...Object.values(partition.logs).map((l) => l.leo));
}

export function setReplicaLog(d: Draft, partition: PartitionState, broker: number, log: ReplicaLog): void {
  partition.logs = d.own(partition.logs);
  partition.logs[String(broker)] = log;
}

export function setFollowerState(d: Draft, partition: PartitionState, broker: number, state: FollowerState): void {
  partition.followers = d.own(partition.followers);
  partition.followers[String(broker)] = state;
}

export function topicEffectiveMinIsr(topic: TopicState): number {
  return effectiveMinIsrOf(topic.config, topic.partitions[0]?.replicas.length ?? 1);
}

/**
 * The last stable offset (rules.md §4.3): read_committed consumers read below it. It is the first
 * offset of the earliest open transaction, capped by the high watermark.
 */
export function lastStableOffset(partition: PartitionState): number {
  const hw = highWatermark(partition);
  const open = Object.values(partition.openTransactions);
  return open.length === 0 ? hw : Math.min(hw, ...open);
}

/** ListOffsets by timestamp (offsetsForTimes): the first record at or after `timestamp`, else the high watermark. */
export function offsetForTimestamp(partition: PartitionState, timestamp: number): number {
  const log = replicaLog(partition, partition.leader >= 0 ? partition.leader : partition.replicas[0]!);
  const end = highWatermark(partition);
  for (let offset = partition.logStartOffset; offset < end; offset++) {
    const record = recordAt(log, offset);
    if (record && record.kind !== RECORD_COMMIT_MARKER && record.kind !== RECORD_ABORT_MARKER && record.timestamp >= timestamp) return offset;
  }
  return end;
}

export function brokerList(brokers: readonly number[]): string {
  return brokers.length === 0 ? "nobody" : brokers.join(",");
}
