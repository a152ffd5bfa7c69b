// The mini-cluster engine's public API: Kafka's own rules in pure TypeScript (no React, no DOM).
// See README.md for the model and what is simplified.

// Hashing and the default partitioner (rules.md §1)
export { murmur2, partitionForKey, toPositive, utf8Bytes } from "./hash/murmur2";

// Consumer group assignors (rules.md §2)
export { assignPartitions, cooperativeStickyRound, cooperativeStickyRounds, sortMembers } from "./assignors";
export type { Assignment, AssignmentStrategy, AssignorMember, CooperativeOutcome, CooperativeRound } from "./assignors";

// Kafka Streams windowing (rules.md §3)
export { timeWindowsFor, aggregateTimeWindows, timeWindowSpecError } from "./streams/time-windows";
export { sessionWindows, aggregateSessionWindows } from "./streams/session-windows";
export { slidingWindows, aggregateSlidingWindows } from "./streams/sliding-windows";
export type { LateDrop, WindowAggregate, WindowEmission } from "./streams/types";

// Replication and producer rules as pure functions (rules.md §4)
export { admitProduce, acksAllOutcome, reportedOffset } from "./rules/acks";
export { nextHighWatermark } from "./rules/high-watermark";
export { isCaughtUp, updateFetchState, initialFollowerState } from "./rules/replica-lag";
export { electLeader } from "./rules/leader-election";
export { checkIdempotentBatch, rememberBatch, NUM_BATCHES_TO_RETAIN } from "./rules/idempotence";
export { effectiveMinIsr } from "./sim/config";

// CLI renderers (rules.md §5)
export { renderConsumerGroupOffsets, renderConsumerGroupMembers, renderConsumerGroupState } from "./cli/consumer-groups";
export type { GroupDescription, GroupStateDescription, DescribedMember, ToolOutput, AssignmentColumnStyle } from "./cli/consumer-groups";
export { renderTopicDescribe } from "./cli/topics";
export type { TopicDescriptionInput } from "./cli/topics";

// The simulation
export { createCluster, step, stepAll } from "./sim/reducer";
export { createClient } from "./client";
export type { ClusterClient } from "./client";
export { createReducerStore } from "./store";
export type { ReducerStore } from "./store";
export type { ClusterAction, ClusterActionType, ProduceRecordInput } from "./sim/actions";
export * from "./sim/types";
export {
  CLUSTER_DEFAULTS,
  CONSUMER_DEFAULTS,
  PRODUCER_DEFAULTS,
  TOPIC_DEFAULTS,
  UNMODELLED_DEFAULTS,
} from "./sim/config";
export {
  deliveryReport,
  describeGroup,
  describeTopics,
  lagReport,
  highWatermarkOf,
  partitionRecords,
  partitionView,
  renderGroupMembers,
  renderGroupOffsets,
  renderGroupState,
  renderTopics,
} from "./sim/views";
export type { DeliverySummary, PartitionLag, PartitionView, ReplicaView } from "./sim/views";
