// Defaults (vectors.json config_defaults_at_snapshot, rules.md §2 and §4) and validation with messages
// that say what is wrong. Validation returns a message instead of throwing: bad input becomes an
// error on the state, never an exception in the UI.
import { ASSIGNMENT_STRATEGIES } from "../assignors/types";
import type { ClusterConfig, ConsumerConfig, ProducerConfig, TopicConfig, TopicSpec } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPIC_DEFAULTS: TopicConfig = {
  minInsyncReplicas: 1, // ServerLogConfigs.MIN_IN_SYNC_REPLICAS_DEFAULT
  uncleanLeaderElectionEnable: false, // LogConfig.DEFAULT_UNCLEAN_LEADER_ELECTION_ENABLE (since 0.11)
  retentionMs: 7 * DAY_MS, // log.retention.hours=168
  retentionBytes: -1,
  segmentMs: 7 * DAY_MS,
  segmentBytes: 1024 * 1024 * 1024,
};

/** Kafka's config names, for messages and `Configs:` in kafka-topics --describe. */
export const TOPIC_CONFIG_NAMES: Record<keyof TopicConfig, string> = {
  minInsyncReplicas: "min.insync.replicas",
  uncleanLeaderElectionEnable: "unclean.leader.election.enable",
  retentionMs: "retention.ms",
  retentionBytes: "retention.bytes",
  segmentMs: "segment.ms",
  segmentBytes: "segment.bytes",
};

export const CLUSTER_DEFAULTS: ClusterConfig = {
  brokers: 3,
  replicaLagTimeMaxMs: 30_000, // ReplicationConfigs.REPLICA_LAG_TIME_MAX_MS_DEFAULT
  brokerSessionTimeoutMs: 9_000, // KRaft broker.session.timeout.ms
  logRetentionCheckIntervalMs: 300_000,
  uncleanLeaderElectionIntervalMs: 300_000,
  replicaFetchIntervalMs: 50,
  topicDefaults: TOPIC_DEFAULTS,
  eventLogLimit: 500,
  topics: [],
};

export const PRODUCER_DEFAULTS: ProducerConfig = {
  acks: "all", // default since 3.0 (ProducerConfig)
  enableIdempotence: true,
  retries: 2147483647,
  maxInFlightRequestsPerConnection: 5,
  batchSize: 16384,
  deliveryTimeoutMs: 120_000,
  requestTimeoutMs: 30_000,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 1000,
  transactionalId: null,
  transactionTimeoutMs: 60_000,
  partitionerIgnoreKeys: false,
};

export const CONSUMER_DEFAULTS: Omit<ConsumerConfig, "groupId"> = {
  groupInstanceId: null,
  assignmentStrategy: "range", // first of the default [RangeAssignor, CooperativeStickyAssignor]
  autoOffsetReset: "latest",
  enableAutoCommit: true,
  autoCommitIntervalMs: 5000,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3000,
  maxPollIntervalMs: 300_000,
  maxPollRecords: 500,
  isolationLevel: "read_uncommitted",
  processing: "sync",
  pollIntervalMs: 100,
  processingRatePerSec: 0,
};

function isPositiveInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** Kafka's legal topic names: [a-zA-Z0-9._-], 1..249 characters, not "." or "..". */
function topicNameError(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0) return "Topic name is illegal, it can't be empty.";
  if (name === "." || name === "..") return "Topic name cannot be \".\" or \"..\".";
  if (name.length > 249) return `Topic name is illegal, it can't be longer than 249 characters, topic name: ${name}`;
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return null;
}

export function topicConfigError(config: Partial<TopicConfig>): string | null {
  if (config.minInsyncReplicas !== undefined && !isPositiveInt(config.minInsyncReplicas)) {
    return `min.insync.replicas must be a whole number of at least 1, got ${String(config.minInsyncReplicas)}.`;
  }
  if (config.uncleanLeaderElectionEnable !== undefined && typeof config.uncleanLeaderElectionEnable !== "boolean") {
    return "unclean.leader.election.enable must be true or false.";
  }
  for (const key of ["retentionMs", "retentionBytes"] as const) {
    const value = config[key];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && (value === -1 || value >= 0))) {
      return `${TOPIC_CONFIG_NAMES[key]} must be -1 (unlimited) or a non-negative number, got ${String(value)}.`;
    }
  }
  if (config.segmentMs !== undefined && !isPositiveInt(config.segmentMs)) {
    return `segment.ms must be a positive number of milliseconds, got ${String(config.segmentMs)}.`;
  }
  if (config.segmentBytes !== undefined && !(isPositiveInt(config.segmentBytes) && config.segmentBytes >= 14)) {
    return `segment.bytes must be at least 14, got ${String(config.segmentBytes)}.`;
  }
  return null;
}

/** The checks CreateTopics makes, with the broker's messages where Kafka has one. */
export function topicSpecError(spec: TopicSpec, brokerCount: number, existing: readonly string[]): string | null {
  const nameProblem = topicNameError(spec?.name);
  if (nameProblem) return nameProblem;
  if (existing.includes(spec.name)) return `Topic '${spec.name}' already exists.`;
  if (!isPositiveInt(spec.partitions)) {
    return `Number of partitions must be larger than 0, got ${String(spec.partitions)} for topic '${spec.name}'.`;
  }
  if (spec.partitions > 1000) return `The simulator supports at most 1000 partitions per topic, got ${spec.partitions}.`;
  if (!isPositiveInt(spec.replicationFactor)) {
    return `Replication factor must be larger than 0, got ${String(spec.replicationFactor)} for topic '${spec.name}'.`;
  }
  if (spec.replicationFactor > brokerCount) {
    // InvalidReplicationFactorException: "Replication factor: 4 larger than available brokers: 3."
    return (
      `Replication factor ${spec.replicationFactor} is larger than the ${brokerCount} brokers available ` +
      `(Kafka: "Replication factor: ${spec.replicationFactor} larger than available brokers: ${brokerCount}.").`
    );
  }
  if (spec.replicaAssignment) {
    if (spec.replicaAssignment.length !== spec.partitions) {
      return `The replica assignment lists ${spec.replicaAssignment.length} partitions but the topic has ${spec.partitions}.`;
    }
    for (const [partition, replicas] of spec.replicaAssignment.entries()) {
      if (replicas.length !== spec.replicationFactor) {
        return `Partition ${partition} lists ${replicas.length} replicas but the replication factor is ${spec.replicationFactor}.`;
      }
      if (new Set(replicas).size !== replicas.length) return `Partition ${partition} lists the same broker twice.`;
      const unknown = replicas.find((broker) => !(Number.isInteger(broker) && broker >= 1 && broker <= brokerCount));
      if (unknown !== undefined) return `Partition ${partition} is assigned to broker ${unknown}, which does not exist.`;
    }
  }
  return topicConfigError(spec.config ?? {});
}

export function clusterConfigError(config: Partial<ClusterConfig>): string | null {
  if (config.brokers !== undefined && !(isPositiveInt(config.brokers) && config.brokers <= 9)) {
    return `A cluster needs between 1 and 9 brokers in the simulator, got ${String(config.brokers)}.`;
  }
  for (const key of [
    "replicaLagTimeMaxMs",
    "brokerSessionTimeoutMs",
    "logRetentionCheckIntervalMs",
    "uncleanLeaderElectionIntervalMs",
    "replicaFetchIntervalMs",
  ] as const) {
    const value = config[key];
    if (value !== undefined && !isPositiveInt(value)) return `${key} must be a positive whole number of ms, got ${String(value)}.`;
  }
  if (config.eventLogLimit !== undefined && !isPositiveInt(config.eventLogLimit)) {
    return `eventLogLimit must be a positive whole number, got ${String(config.eventLogLimit)}.`;
  }
  if (config.topicDefaults) return topicConfigError(config.topicDefaults);
  return null;
}

export function resolveClusterConfig(config: Partial<ClusterConfig> = {}): ClusterConfig {
  return {
    ...CLUSTER_DEFAULTS,
    ...config,
    topicDefaults: { ...TOPIC_DEFAULTS, ...(config.topicDefaults ?? {}) },
    topics: config.topics ?? [],
  };
}

/**
 * ProducerConfig#postProcessAndValidateIdempotenceConfigs (rules.md §4.6): explicitly enabling
 * idempotence with acks other than all, retries 0 or more than 5 in flight is a ConfigException; a
 * defaulted idempotence is silently turned off instead.
 */
export function resolveProducerConfig(input: Partial<ProducerConfig> = {}): { config: ProducerConfig; error: string | null } {
  const merged: ProducerConfig = { ...PRODUCER_DEFAULTS, ...input };
  if (![0, 1, "all"].includes(merged.acks)) {
    return { config: merged, error: `acks must be 0, 1 or "all", got ${String(merged.acks)}.` };
  }
  if (!isPositiveInt(merged.maxInFlightRequestsPerConnection)) {
    return { config: merged, error: "max.in.flight.requests.per.connection must be at least 1." };
  }
  if (!(Number.isInteger(merged.retries) && merged.retries >= 0)) return { config: merged, error: "retries must be 0 or more." };
  if (!isPositiveInt(merged.batchSize)) return { config: merged, error: "batch.size must be a positive number of bytes." };
  for (const key of ["deliveryTimeoutMs", "requestTimeoutMs", "transactionTimeoutMs"] as const) {
    if (!isPositiveInt(merged[key])) return { config: merged, error: `${key} must be a positive number of ms.` };
  }
  if (!isNonNegativeNumber(merged.retryBackoffMs) || !isNonNegativeNumber(merged.retryBackoffMaxMs)) {
    return { config: merged, error: "retry.backoff.ms must not be negative." };
  }
  const explicit = input.enableIdempotence === true;
  const conflicts: string[] = [];
  if (merged.maxInFlightRequestsPerConnection > 5) {
    conflicts.push("Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.");
  }
  if (merged.retries === 0) conflicts.push("Must set retries to non-zero when using the idempotent producer.");
  if (merged.acks !== "all") conflicts.push('Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.');
  if (merged.transactionalId !== null && conflicts.length > 0) {
    return { config: merged, error: `Cannot use a transactional producer here: ${conflicts[0]}` };
  }
  if (merged.enableIdempotence && conflicts.length > 0) {
    if (explicit) return { config: merged, error: conflicts[0]! };
    merged.enableIdempotence = false;
  }
  if (merged.transactionalId !== null) merged.enableIdempotence = true;
  return { config: merged, error: null };
}

export function resolveConsumerConfig(input: Partial<ConsumerConfig> & { groupId: string }): {
  config: ConsumerConfig;
  error: string | null;
} {
  const config: ConsumerConfig = { ...CONSUMER_DEFAULTS, ...input };
  if (typeof config.groupId !== "string" || config.groupId.length === 0) {
    return { config, error: "group.id must be set to use a consumer group." };
  }
  if (!ASSIGNMENT_STRATEGIES.includes(config.assignmentStrategy)) {
    return { config, error: `partition.assignment.strategy must be one of ${ASSIGNMENT_STRATEGIES.join(", ")}.` };
  }
  if (!["earliest", "latest", "none"].includes(config.autoOffsetReset)) {
    return { config, error: 'auto.offset.reset must be "earliest", "latest" or "none".' };
  }
  if (!["read_uncommitted", "read_committed"].includes(config.isolationLevel)) {
    return { config, error: 'isolation.level must be "read_uncommitted" or "read_committed".' };
  }
  if (!["sync", "async", "commit-before-process"].includes(config.processing)) {
    return { config, error: 'processing must be "sync", "async" or "commit-before-process".' };
  }
  for (const key of ["autoCommitIntervalMs", "sessionTimeoutMs", "heartbeatIntervalMs", "maxPollIntervalMs", "maxPollRecords", "pollIntervalMs"] as const) {
    if (!isPositiveInt(config[key])) return { config, error: `${key} must be a positive whole number.` };
  }
  if (config.heartbeatIntervalMs >= config.sessionTimeoutMs) {
    return { config, error: "heartbeat.interval.ms must be lower than session.timeout.ms." };
  }
  if (!isNonNegativeNumber(config.processingRatePerSec)) return { config, error: "processingRatePerSec must not be negative." };
  return { config, error: null };
}

/**
 * Defaults from vectors.json config_defaults_at_snapshot that the simulator does not model as a
 * setting, and what it does instead.
 */
export const UNMODELLED_DEFAULTS: Record<string, string> = {
  "linger.ms": "0: every produce action is sent at once; records of one action to one partition share a batch.",
  "partitioner.adaptive.partitioning.enable":
    "Not modelled: the sticky partitioner picks uniformly (seeded) among partitions that have a leader; broker load does not bias it.",
  "librdkafka partitioner": "Not applicable: the simulator implements the Java client's murmur2 partitioner (what other clients must match).",
};

/** rules.md §4.2: min(min.insync.replicas, #assigned replicas), since 3.7 (KAFKA-15583). */
export function effectiveMinIsr(config: TopicConfig, replicationFactor: number): number {
  return Math.min(config.minInsyncReplicas, replicationFactor);
}
