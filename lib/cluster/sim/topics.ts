// Topics: creation with replica placement, adding partitions (never removing), config changes.
import { ActionError, type Draft } from "./draft";
import { TOPIC_CONFIG_NAMES, topicConfigError, topicSpecError } from "./config";
import { emptyLog } from "./log";
import { initialFollowerState } from "../rules/replica-lag";
import { isBrokerEligible, retryOfflineElections } from "./controller";
import { plural } from "../../format/text";
import { requestRebalance } from "./groups";
import type { PartitionState, TopicConfig, TopicSpec, TopicState } from "./types";

/**
 * The classic rack-unaware placement (AdminUtils.assignReplicasToBrokers): leaders round-robin from a
 * random start, followers shifted by a random amount that grows each time the partitions wrap around
 * the brokers. KRaft's StripedReplicaPlacer spreads replicas the same way when there are no racks;
 * the randomness comes from the seeded PRNG, so a seed always places the same way.
 */
function placeReplicas(
  d: Draft,
  brokers: readonly number[],
  partitions: number,
  replicationFactor: number,
  startPartition = 0,
  fixedStartIndex = -1,
): number[][] {
  const n = brokers.length;
  const startIndex = fixedStartIndex >= 0 ? fixedStartIndex : d.randomInt(n);
  let shift = fixedStartIndex >= 0 ? fixedStartIndex : d.randomInt(n);
  const placement: number[][] = [];
  for (let current = startPartition; current < startPartition + partitions; current++) {
    if (current > 0 && current % n === 0) shift += 1;
    const first = (current + startIndex) % n;
    const replicas = [brokers[first]!];
    for (let j = 0; j < replicationFactor - 1; j++) {
      replicas.push(brokers[(first + 1 + ((shift + j) % (n - 1))) % n]!);
    }
    placement.push(replicas);
  }
  return placement;
}

function newPartition(d: Draft, index: number, replicas: number[]): PartitionState {
  const isr = replicas.filter((broker) => isBrokerEligible(d, broker));
  const leader = isr[0] ?? -1;
  const logs: PartitionState["logs"] = {};
  const followers: PartitionState["followers"] = {};
  for (const broker of replicas) {
    logs[String(broker)] = { ...emptyLog(), epochs: broker === leader ? [[0, 0]] : [] };
    if (broker !== leader) followers[String(broker)] = { ...initialFollowerState(0), lastCaughtUpTimeMs: d.now };
  }
  return {
    index,
    replicas,
    isr,
    leader,
    leaderEpoch: 0,
    logStartOffset: 0,
    logs,
    followers,
    segments: [{ baseOffset: 0, sizeBytes: 0, createdAtMs: d.now, maxTimestamp: -1 }],
    producers: {},
    openTransactions: {},
    abortedTransactions: [],
    pending: [],
  };
}

function availableBrokers(d: Draft): number[] {
  return Object.values(d.state.brokers)
    .filter((broker) => broker.status === "online" && !broker.fenced)
    .map((broker) => broker.id)
    .sort((a, b) => a - b);
}

export function createTopic(d: Draft, spec: TopicSpec): void {
  const brokers = availableBrokers(d);
  const problem = topicSpecError(spec, brokers.length, Object.keys(d.state.topics));
  if (problem) throw new ActionError(problem);
  const placement = spec.replicaAssignment ?? placeReplicas(d, brokers, spec.partitions, spec.replicationFactor);
  const overrides = Object.keys(spec.config ?? {}) as (keyof TopicConfig)[];
  const topic: TopicState = {
    name: spec.name,
    topicId: d.uuid(),
    config: { ...d.state.config.topicDefaults, ...(spec.config ?? {}) },
    overrides,
    partitions: placement.map((replicas, index) => newPartition(d, index, [...replicas])),
  };
  d.state.topics = d.own(d.state.topics);
  d.state.topics[spec.name] = topic;
  const settings = overrides.map((key) => `${TOPIC_CONFIG_NAMES[key]}=${String(topic.config[key])}`).join(", ");
  d.emit(
    "topic-created",
    `Created topic ${spec.name} with ${plural(spec.partitions, "partition")}, each on ${plural(spec.replicationFactor, "broker")} ` +
      `(replication factor ${spec.replicationFactor})${settings ? `; ${settings}` : ""}. Leaders: ` +
      topic.partitions.map((p) => `${spec.name}-${p.index} on ${p.leader}`).join(", ") + ".",
    { topic: spec.name },
  );
}

/** kafka-topics --alter --partitions: only up. Keys hash modulo the new count, so keyed records remap. */
export function addPartitions(d: Draft, topicName: string, total: number): void {
  const existing = d.state.topics[topicName];
  if (!existing) throw new ActionError(`Topic '${topicName}' does not exist.`);
  const current = existing.partitions.length;
  if (!Number.isInteger(total) || total <= 0) throw new ActionError(`The new partition count must be a positive whole number, got ${total}.`);
  if (total === current) throw new ActionError(`Topic already has ${current} partitions.`);
  if (total < current) {
    // InvalidPartitionsException; Kafka cannot remove partitions.
    throw new ActionError(`Topic currently has ${current} partitions, which is higher than the requested ${total}. Kafka can add partitions but never remove them.`);
  }
  const brokers = availableBrokers(d);
  const rf = existing.partitions[0]!.replicas.length;
  if (rf > brokers.length) throw new ActionError(`Replication factor ${rf} is larger than the ${brokers.length} brokers available.`);
  const firstReplica = existing.partitions[0]!.replicas[0]!;
  const startIndex = Math.max(0, brokers.indexOf(firstReplica));
  const placement = placeReplicas(d, brokers, total - current, rf, current, startIndex);
  const topic = d.topic(topicName);
  topic.partitions = d.own(topic.partitions);
  placement.forEach((replicas, i) => topic.partitions.push(newPartition(d, current + i, replicas)));
  d.emit(
    "partitions-added",
    `Topic ${topicName} now has ${total} partitions (was ${current}). The default partitioner uses murmur2(key) % ${total} from now on, ` +
      "so many keys now land on a different partition than their older records: per-key ordering across the change is lost.",
    { topic: topicName, from: current, to: total },
  );
  // Subscribed groups notice the new partitions on a metadata refresh (metadata.max.age.ms, 5 min by
  // default) and rebalance; the simulator rebalances them at once.
  for (const group of Object.values(d.state.groups)) {
    const subscribed = group.members.some((id) => d.state.consumers[id]?.subscription.includes(topicName));
    if (subscribed && group.state !== "Empty") requestRebalance(d, group.id, `${topicName} now has ${total} partitions`);
  }
}

export function alterTopicConfig(d: Draft, topicName: string, config: Partial<TopicConfig>): void {
  if (!d.state.topics[topicName]) throw new ActionError(`Topic '${topicName}' does not exist.`);
  const problem = topicConfigError(config);
  if (problem) throw new ActionError(problem);
  const keys = Object.keys(config) as (keyof TopicConfig)[];
  if (keys.length === 0) throw new ActionError("No config to change.");
  const topic = d.topic(topicName);
  topic.config = { ...topic.config, ...config };
  topic.overrides = [...topic.overrides.filter((key) => !keys.includes(key)), ...keys];
  d.emit(
    "topic-config",
    `Topic ${topicName}: ${keys.map((key) => `${TOPIC_CONFIG_NAMES[key]}=${String(topic.config[key])}`).join(", ")}.`,
    { topic: topicName },
  );
  if (config.uncleanLeaderElectionEnable === true) {
    d.emit(
      "unclean-pending",
      `In KRaft a dynamically enabled unclean.leader.election.enable is picked up by the periodic unclean election check (unclean.leader.election.interval.ms), not instantly.`,
      { topic: topicName },
    );
  }
}

export { retryOfflineElections };
