// The simulation's state and actions. The state is one plain JSON-serialisable object — no classes,
// Maps or typed arrays — so it can be saved, diffed, replayed and handed to React as is. It includes
// the PRNG state: the same seed and the same actions always give the same state.
import type { AssignmentStrategy } from "../assignors/types";

export type BrokerId = number;
/** "topic-N", the way Kafka's tools and vectors.json name a partition. */
export type TopicPartitionName = string;
export type Acks = 0 | 1 | "all";

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

/** Topic-level configs the simulator models (TopicConfig names in comments). */
export interface TopicConfig {
  /** min.insync.replicas (default 1). */
  minInsyncReplicas: number;
  /** unclean.leader.election.enable (default false since 0.11). */
  uncleanLeaderElectionEnable: boolean;
  /** retention.ms (default 7 days; -1 = keep forever). */
  retentionMs: number;
  /** retention.bytes per partition (default -1 = no size limit). */
  retentionBytes: number;
  /** segment.ms (default 7 days): the active segment rolls when it is older. */
  segmentMs: number;
  /** segment.bytes (default 1 GiB). */
  segmentBytes: number;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  config?: Partial<TopicConfig>;
  /** Explicit replica assignment (partition → broker ids), as `--replica-assignment` allows. */
  replicaAssignment?: BrokerId[][];
}

export interface ClusterConfig {
  /** Number of brokers, ids 1..n. */
  brokers: number;
  /** replica.lag.time.max.ms (default 30000). */
  replicaLagTimeMaxMs: number;
  /** broker.session.timeout.ms (KRaft, default 9000): how long the controller waits before fencing. */
  brokerSessionTimeoutMs: number;
  /** log.retention.check.interval.ms (default 300000). */
  logRetentionCheckIntervalMs: number;
  /** unclean.leader.election.interval.ms (KRaft, default 300000): periodic unclean elections. */
  uncleanLeaderElectionIntervalMs: number;
  /**
   * Simulation knob: how often followers fetch. Real followers long-poll and get data within
   * milliseconds; a visible interval lets a learner crash a leader "before replication".
   */
  replicaFetchIntervalMs: number;
  /** Broker-wide topic defaults (log.retention.ms, min.insync.replicas, ...). */
  topicDefaults: TopicConfig;
  /** How many events the state keeps; older ones are dropped and counted. */
  eventLogLimit: number;
  /** Topics created at start. */
  topics: TopicSpec[];
}

export interface ProducerConfig {
  /** acks (default "all" since 3.0). */
  acks: Acks;
  /** enable.idempotence (default true; requires acks=all, retries > 0, max.in.flight <= 5). */
  enableIdempotence: boolean;
  /** retries (default Integer.MAX_VALUE). */
  retries: number;
  /** max.in.flight.requests.per.connection (default 5). */
  maxInFlightRequestsPerConnection: number;
  /** batch.size (default 16384): also when the sticky partitioner switches for null keys. */
  batchSize: number;
  /** delivery.timeout.ms (default 120000). */
  deliveryTimeoutMs: number;
  /** request.timeout.ms (default 30000). */
  requestTimeoutMs: number;
  /** retry.backoff.ms (default 100) and retry.backoff.max.ms (default 1000, KIP-580). */
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** transactional.id (default none). */
  transactionalId: string | null;
  /** transaction.timeout.ms (default 60000). */
  transactionTimeoutMs: number;
  /** partitioner.ignore.keys (default false). */
  partitionerIgnoreKeys: boolean;
}

export type IsolationLevel = "read_uncommitted" | "read_committed";
export type OffsetReset = "earliest" | "latest" | "none";

/**
 * How the application uses the records it polls — the part of "auto-commit loses or duplicates" that
 * is the application's choice, not Kafka's:
 * - sync: each poll's records are processed before the next poll (auto-commit → at-least-once);
 * - async: records are handed to a worker queue and poll returns at once (auto-commit can commit
 *   records the worker has not processed → a crash loses them);
 * - commit-before-process: manual commitSync right after poll, then processing (at-most-once).
 */
export type ProcessingMode = "sync" | "async" | "commit-before-process";

export interface ConsumerConfig {
  groupId: string;
  /** group.instance.id (static membership; default none). */
  groupInstanceId: string | null;
  /** partition.assignment.strategy (the simulator uses one per consumer). */
  assignmentStrategy: AssignmentStrategy;
  /** auto.offset.reset (default latest). */
  autoOffsetReset: OffsetReset;
  /** enable.auto.commit (default true) and auto.commit.interval.ms (default 5000). */
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  /** session.timeout.ms (default 45000) and heartbeat.interval.ms (default 3000). */
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** max.poll.interval.ms (default 300000) and max.poll.records (default 500). */
  maxPollIntervalMs: number;
  maxPollRecords: number;
  /** isolation.level (default read_uncommitted). */
  isolationLevel: IsolationLevel;
  processing: ProcessingMode;
  /** Simulation knob: how often the application's loop calls poll(). */
  pollIntervalMs: number;
  /** Simulation knob: records the application processes per second (async mode; 0 = unlimited). */
  processingRatePerSec: number;
}

// ---------------------------------------------------------------------------------------------
// Logs
// ---------------------------------------------------------------------------------------------

/** Record kinds: plain data, data inside a transaction, and the two transaction control markers. */
export const RECORD_PLAIN = 0;
export const RECORD_TRANSACTIONAL = 1;
export const RECORD_COMMIT_MARKER = 2;
export const RECORD_ABORT_MARKER = 3;

/**
 * A fixed-size slice of a partition log, columnar for speed and memory. Chunks never change once
 * built: an append copies the tail chunk. That lets every replica of a partition share the same
 * chunks (a follower's log is the leader's chunks up to the follower's log end offset), and lets
 * consecutive states share everything a step did not touch.
 */
export interface LogChunk {
  /** Offset of the first record; always a multiple of the chunk size. */
  base: number;
  keys: (string | null)[];
  values: (string | null)[];
  timestamps: number[];
  /** Present only when the chunk holds transactional records or markers. */
  producerIds: number[] | null;
  kinds: number[] | null;
}

/** One replica's copy of a partition log. */
export interface ReplicaLog {
  chunks: LogChunk[];
  /** Log end offset: records [logStartOffset, leo) exist on this replica. */
  leo: number;
  /** The replica's own high watermark (a follower learns it from the leader's fetch responses). */
  hw: number;
  /** Leader epoch cache: [epoch, startOffset] entries, as in leader-epoch-checkpoint. */
  epochs: [epoch: number, startOffset: number][];
}

/** The leader's view of one follower (Replica.scala's ReplicaState). */
export interface FollowerState {
  /** The follower's LEO as the leader knows it: the offset of its last fetch. */
  leo: number;
  lastCaughtUpTimeMs: number;
  lastFetchTimeMs: number;
  lastFetchLeaderLogEndOffset: number;
}

export interface LogSegment {
  baseOffset: number;
  sizeBytes: number;
  createdAtMs: number;
  maxTimestamp: number;
}

/** The broker's idempotence state for one producer on one partition (ProducerStateEntry). */
export interface ProducerStateEntry {
  epoch: number;
  /** The last 5 batches (NUM_BATCHES_TO_RETAIN): sequences and offsets, for duplicate detection. */
  batches: { firstSeq: number; lastSeq: number; firstOffset: number; lastOffset: number }[];
}

export interface PendingProduce {
  producer: string;
  batchId: number;
  /** The HW the request waits for: last offset of the batch + 1. */
  requiredOffset: number;
  firstOffset: number;
  lastOffset: number;
  timeoutAtMs: number;
}

export interface PartitionState {
  index: number;
  /** Assigned replicas in assignment order (the first is the preferred leader). */
  replicas: BrokerId[];
  isr: BrokerId[];
  /** -1 when offline (NO_LEADER). */
  leader: BrokerId;
  leaderEpoch: number;
  logStartOffset: number;
  logs: Record<string, ReplicaLog>;
  followers: Record<string, FollowerState>;
  segments: LogSegment[];
  producers: Record<string, ProducerStateEntry>;
  /** producerId → first offset of its open transaction on this partition (for the LSO). */
  openTransactions: Record<string, number>;
  abortedTransactions: { producerId: number; firstOffset: number; lastOffset: number }[];
  pending: PendingProduce[];
}

export interface TopicState {
  name: string;
  topicId: string;
  config: TopicConfig;
  /** Configs set explicitly on the topic, in the order they were set (for `Configs:` in describe). */
  overrides: (keyof TopicConfig)[];
  partitions: PartitionState[];
}

// ---------------------------------------------------------------------------------------------
// Brokers, producers, consumers, groups
// ---------------------------------------------------------------------------------------------

export type BrokerStatus = "online" | "stopped" | "crashed";

export interface BrokerState {
  id: BrokerId;
  status: BrokerStatus;
  /** The controller's view: a fenced broker leads nothing and is out of every ISR. */
  fenced: boolean;
  /** When the broker crashed: the controller fences it broker.session.timeout.ms later. */
  crashedAtMs: number | null;
  /** Records a follower on this broker may fetch per round; null = unlimited, 0 = stalled. */
  fetchLimit: number | null;
}

export interface OutgoingRecord {
  key: string | null;
  value: string | null;
  timestamp: number;
}

export interface ProducerBatch {
  id: number;
  topic: string;
  partition: number;
  records: OutgoingRecord[];
  sizeBytes: number;
  /** -1 when the producer is not idempotent. */
  baseSequence: number;
  transactional: boolean;
  attempts: number;
  /** First offset of an earlier attempt the broker did append (its response never arrived). */
  appendedAt: number | null;
  createdAtMs: number;
  /** Not before this time (retry backoff). */
  readyAtMs: number;
}

export interface InFlightRequest {
  batch: ProducerBatch;
  /** When the producer gives up waiting (request.timeout.ms), e.g. after a lost response. */
  timeoutAtMs: number;
  /** Set when the broker handled it but the response never arrived (an injected fault). */
  responseLost: boolean;
}

export interface DeliveryReport {
  batchId: number;
  topic: string;
  partition: number;
  count: number;
  /** -1 for acks=0, or when the send failed. */
  baseOffset: number;
  ok: boolean;
  error: string | null;
  atMs: number;
}

export type TransactionPhase = "none" | "ready" | "in-transaction" | "fenced";

export interface ProducerState {
  id: string;
  config: ProducerConfig;
  producerId: number;
  producerEpoch: number;
  /** Next sequence number per partition (idempotence). */
  sequences: Record<TopicPartitionName, number>;
  /** Sticky partition per topic for null keys and the bytes sent to it (rules.md §1.5). */
  sticky: Record<string, { partition: number; bytes: number }>;
  queue: ProducerBatch[];
  inFlight: InFlightRequest[];
  /** Fault injection: the next N responses to this producer are lost. */
  loseResponses: number;
  transaction: {
    phase: TransactionPhase;
    partitions: TopicPartitionName[];
    offsets: { groupId: string; offsets: Record<TopicPartitionName, number> } | null;
    startedAtMs: number;
  };
  stats: { sent: number; acknowledged: number; failed: number; duplicatesAvoided: number; retries: number };
  recentDeliveries: DeliveryReport[];
}

export type ConsumerStatus = "running" | "crashed" | "closed" | "stalled";

export interface ConsumedRecord {
  tp: TopicPartitionName;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

export interface ConsumerState {
  id: string;
  config: ConsumerConfig;
  status: ConsumerStatus;
  memberId: string;
  host: string;
  subscription: string[];
  /** In the group: set when the member has joined the current generation. */
  inGroup: boolean;
  assignment: TopicPartitionName[];
  positions: Record<TopicPartitionName, number>;
  /** Fetched, not yet processed (async and commit-before-process modes): [tp, from, to). */
  buffered: [tp: TopicPartitionName, from: number, to: number][];
  lastHeartbeatMs: number;
  lastPollMs: number;
  lastAutoCommitMs: number;
  processedCount: number;
  recent: ConsumedRecord[];
  /** Partitions this consumer seeked back on: re-reading them is a replay, not an accident. */
  replaying: TopicPartitionName[];
  /** Records the previous poll returned (background polls are narrated only when reading resumes). */
  lastPollCount: number;
}

export type GroupStateName = "Empty" | "Stable" | "PreparingRebalance" | "CompletingRebalance" | "Dead";

export interface CommittedOffset {
  offset: number;
  committedAtMs: number;
  by: string;
}

/** What the group's application has processed, to show loss and duplicates. */
export interface DeliveryLedger {
  /** Disjoint, sorted [from, to) ranges of processed offsets. */
  processed: [number, number][];
  duplicates: number;
  /** Offsets committed but never processed: the application lost them. */
  lost: [number, number][];
}

export interface GroupState {
  id: string;
  state: GroupStateName;
  protocol: AssignmentStrategy | null;
  generation: number;
  /** Consumer ids of the members, in join order. */
  members: string[];
  leader: string | null;
  committed: Record<TopicPartitionName, CommittedOffset>;
  ledger: Record<TopicPartitionName, DeliveryLedger>;
}

// ---------------------------------------------------------------------------------------------
// Streams
// ---------------------------------------------------------------------------------------------

export type WindowKind = "tumbling" | "hopping" | "sliding" | "session";

export interface StreamWindowSpec {
  kind: WindowKind;
  sizeMs: number;
  advanceMs: number;
  graceMs: number;
  gapMs: number;
}

export interface StreamOutput {
  key: string;
  start: number;
  end: number;
  count: number | null;
  timestamp: number;
  final: boolean;
}

export interface StreamDrop {
  key: string;
  timestamp: number;
  start: number;
  end: number;
  streamTime: number;
  closeTime: number;
  message: string;
}

export interface StreamTask {
  partition: number;
  position: number;
  streamTime: number;
  /** The window store as the matching lib/cluster/streams processor keeps it. */
  store: unknown;
}

export interface StreamAppState {
  id: string;
  sourceTopic: string;
  window: StreamWindowSpec;
  emit: "eager" | "final";
  tasks: StreamTask[];
  outputs: StreamOutput[];
  drops: StreamDrop[];
  processed: number;
  dropped: number;
  lastRunMs: number;
}

// ---------------------------------------------------------------------------------------------
// Events, errors, state
// ---------------------------------------------------------------------------------------------

export interface ClusterEvent {
  seq: number;
  /** Virtual time in ms. */
  t: number;
  kind: string;
  /** A sentence a learner understands, naming the config involved. */
  message: string;
  [detail: string]: unknown;
}

export interface ClusterError {
  t: number;
  action: string;
  message: string;
}

export interface ClusterState {
  schema: "offset-cluster/1";
  seed: number;
  /** mulberry32 state. */
  rng: number;
  now: number;
  config: ClusterConfig;
  controller: BrokerId;
  brokers: Record<string, BrokerState>;
  topics: Record<string, TopicState>;
  producers: Record<string, ProducerState>;
  consumers: Record<string, ConsumerState>;
  groups: Record<string, GroupState>;
  streams: Record<string, StreamAppState>;
  /** transactional.id → the producer client currently owning it and its epoch. */
  transactionalIds: Record<string, { producer: string; producerId: number; epoch: number }>;
  nextProducerId: number;
  nextBatchId: number;
  /** When the next periodic checks run (ISR expiration, retention, unclean elections). */
  schedule: { isrCheckAtMs: number; retentionCheckAtMs: number; uncleanCheckAtMs: number; replicationAtMs: number };
  events: ClusterEvent[];
  eventSeq: number;
  droppedEvents: number;
  lastError: ClusterError | null;
  errorCount: number;
}
