// Read-only views of a state: what the CLI tools would print, lag, what a group lost or read twice,
// and the records of a partition. Views never change the state.
import {
  renderConsumerGroupMembers,
  renderConsumerGroupOffsets,
  renderConsumerGroupState,
  type AssignmentColumnStyle,
  type GroupDescription,
  type GroupStateDescription,
  type ToolOutput,
} from "../cli/consumer-groups";
import { javaStringHash } from "../hash/java-collections";
import { renderTopicDescribe, type ElrStyle, type TopicDescriptionInput } from "../cli/topics";
import { parseTopicPartition } from "../assignors/types";
import { TOPIC_CONFIG_NAMES } from "./config";
import { countRanges } from "./ledger";
import { readRange, type RecordView } from "./log";
import { highWatermark, lastStableOffset, logEndOffset, replicaLog } from "./partition-ops";
import type { ClusterState, GroupStateName } from "./types";

export function describeTopics(state: ClusterState, topics?: readonly string[]): TopicDescriptionInput[] {
  const names = topics ?? Object.keys(state.topics).sort();
  return names.flatMap((name) => {
    const topic = state.topics[name];
    if (!topic) return [];
    return [
      {
        topic: name,
        topicId: topic.topicId,
        configs: topic.overrides.map((key): [string, string] => [TOPIC_CONFIG_NAMES[key], String(topic.config[key])]),
        partitions: topic.partitions.map((p) => ({ partition: p.index, leader: p.leader, replicas: p.replicas, isr: p.isr })),
      },
    ];
  });
}

/** `kafka-topics.sh --describe [--topic T]`. */
export function renderTopics(state: ClusterState, options: { topic?: string; elr?: ElrStyle } = {}): string {
  if (options.topic !== undefined && !state.topics[options.topic]) {
    return `Error while executing topic command : Topic '${options.topic}' does not exist as expected\n`;
  }
  return renderTopicDescribe(describeTopics(state, options.topic !== undefined ? [options.topic] : undefined), { elr: options.elr });
}

function describedState(state: GroupStateName): GroupDescription["state"] {
  return state;
}

/** What DescribeConsumerGroups + ListConsumerGroupOffsets + ListOffsets(latest) return for a group. */
export function describeGroup(state: ClusterState, groupId: string): GroupDescription | null {
  const group = state.groups[groupId];
  if (!group) return null;
  const members = group.members
    .map((id) => state.consumers[id]!)
    .filter((consumer) => consumer.inGroup && consumer.status !== "closed")
    .map((consumer) => ({
      consumerId: consumer.memberId,
      host: consumer.host,
      clientId: consumer.id,
      ...(consumer.config.groupInstanceId ? { groupInstanceId: consumer.config.groupInstanceId } : {}),
      assignment: consumer.assignment.flatMap((tp) => {
        const ref = parseTopicPartition(tp);
        return ref ? [ref] : [];
      }),
    }));
  const committed: Record<string, number> = {};
  for (const [tp, value] of Object.entries(group.committed)) committed[tp] = value.offset;
  const logEndOffsets: Record<string, number | undefined> = {};
  const partitions = new Set([...Object.keys(committed), ...members.flatMap((m) => m.assignment.map((a) => `${a.topic}-${a.partition}`))]);
  for (const tp of partitions) {
    const ref = parseTopicPartition(tp);
    const partition = ref ? state.topics[ref.topic]?.partitions[ref.partition] : undefined;
    // ListOffsets(latest) with read_uncommitted answers the high watermark; no leader, no answer.
    logEndOffsets[tp] = partition && partition.leader >= 0 ? highWatermark(partition) : undefined;
  }
  return { groupId, state: describedState(group.state), members, committed, logEndOffsets };
}

/** `kafka-consumer-groups.sh --describe --group G` (offsets view). */
export function renderGroupOffsets(state: ClusterState, groupId: string): ToolOutput {
  return renderConsumerGroupOffsets(describeGroup(state, groupId), groupId);
}

/** `kafka-consumer-groups.sh --describe --group G --members [--verbose]`. */
export function renderGroupMembers(state: ClusterState, groupId: string, options: { verbose?: boolean; assignmentStyle?: AssignmentColumnStyle } = {}): ToolOutput {
  return renderConsumerGroupMembers(describeGroup(state, groupId), { groupId, ...options });
}

/**
 * The group coordinator: the leader of the group's __consumer_offsets partition, abs(hash(groupId)) % 50.
 * The simulator does not model that internal topic, so it maps the partition onto the running brokers
 * (documented simplification); host and port are illustrative.
 */
function groupCoordinator(state: ClusterState, groupId: string): { host: string; port: number; id: number } {
  const offsetsPartition = (javaStringHash(groupId) & 0x7fffffff) % 50;
  const running = Object.values(state.brokers).filter((b) => b.status === "online").map((b) => b.id).sort((a, b) => a - b);
  const id = running.length > 0 ? running[offsetsPartition % running.length]! : -1;
  return { host: `broker-${id}`, port: 9092, id };
}

/** `kafka-consumer-groups.sh --describe --group G --state`. */
export function renderGroupState(state: ClusterState, groupId: string): ToolOutput {
  const group = state.groups[groupId];
  if (!group) return renderConsumerGroupState(null, groupId);
  const description: GroupStateDescription = {
    groupId,
    state: group.state,
    coordinator: groupCoordinator(state, groupId),
    assignmentStrategy: group.protocol ?? "",
    members: describeGroup(state, groupId)!.members.length,
  };
  return renderConsumerGroupState(description);
}

export interface PartitionLag {
  partition: string;
  owner: string | null;
  committed: number | null;
  position: number | null;
  highWatermark: number;
  logEndOffset: number;
  /**
   * HW − committed offset, what kafka-consumer-groups shows. Clamped at 0: right after a leader change
   * the new leader's HW can briefly trail an offset the group committed (the real tool then prints a
   * negative lag); the records themselves are all there.
   */
  lag: number;
}

export function lagReport(state: ClusterState, groupId: string): PartitionLag[] {
  const group = state.groups[groupId];
  if (!group) return [];
  const topics = new Set(group.members.flatMap((id) => state.consumers[id]?.subscription ?? []));
  for (const tp of Object.keys(group.committed)) {
    const ref = parseTopicPartition(tp);
    if (ref) topics.add(ref.topic);
  }
  const rows: PartitionLag[] = [];
  for (const topicName of [...topics].sort()) {
    const topic = state.topics[topicName];
    if (!topic) continue;
    for (const partition of topic.partitions) {
      const tp = `${topicName}-${partition.index}`;
      const owner = group.members.find((id) => state.consumers[id]?.assignment.includes(tp)) ?? null;
      const committed = group.committed[tp]?.offset ?? null;
      const hw = highWatermark(partition);
      rows.push({
        partition: tp,
        owner,
        committed,
        position: owner ? (state.consumers[owner]!.positions[tp] ?? null) : null,
        highWatermark: hw,
        logEndOffset: logEndOffset(partition),
        lag: Math.max(0, hw - (committed ?? partition.logStartOffset)),
      });
    }
  }
  return rows;
}

export interface DeliverySummary {
  partition: string;
  processed: number;
  duplicates: number;
  lost: number;
}

/** Per partition: records the group's application processed, processed twice, and lost. */
export function deliveryReport(state: ClusterState, groupId: string): DeliverySummary[] {
  const group = state.groups[groupId];
  if (!group) return [];
  return Object.entries(group.ledger)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([partition, ledger]) => ({
      partition,
      processed: countRanges(ledger.processed),
      duplicates: ledger.duplicates,
      lost: countRanges(ledger.lost),
    }));
}

/** The high watermark of a partition (what read_uncommitted consumers can read up to). */
export function highWatermarkOf(state: ClusterState, topic: string, partition: number): number {
  const p = state.topics[topic]?.partitions[partition];
  return p ? highWatermark(p) : 0;
}

export interface ReplicaView {
  broker: number;
  logEndOffset: number;
  highWatermark: number;
  inIsr: boolean;
  isLeader: boolean;
}

export interface PartitionView {
  topic: string;
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: ReplicaView[];
  isr: number[];
  logStartOffset: number;
  highWatermark: number;
  lastStableOffset: number;
  logEndOffset: number;
}

export function partitionView(state: ClusterState, topic: string, index: number): PartitionView | null {
  const partition = state.topics[topic]?.partitions[index];
  if (!partition) return null;
  return {
    topic,
    partition: index,
    leader: partition.leader,
    leaderEpoch: partition.leaderEpoch,
    replicas: partition.replicas.map((broker) => {
      const log = replicaLog(partition, broker);
      return { broker, logEndOffset: log.leo, highWatermark: log.hw, inIsr: partition.isr.includes(broker), isLeader: broker === partition.leader };
    }),
    isr: partition.isr,
    logStartOffset: partition.logStartOffset,
    highWatermark: highWatermark(partition),
    lastStableOffset: lastStableOffset(partition),
    logEndOffset: logEndOffset(partition),
  };
}

/** Records of one replica's log (the leader's by default), for the UI and for tests. */
export function partitionRecords(
  state: ClusterState,
  topic: string,
  index: number,
  options: { broker?: number; from?: number; limit?: number } = {},
): RecordView[] {
  const partition = state.topics[topic]?.partitions[index];
  if (!partition) return [];
  const broker = options.broker ?? (partition.leader >= 0 ? partition.leader : partition.replicas[0]!);
  const log = replicaLog(partition, broker);
  const from = Math.max(options.from ?? partition.logStartOffset, partition.logStartOffset);
  return readRange(log, from, from + (options.limit ?? 1000));
}
