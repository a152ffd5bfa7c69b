// Everything a learner (or a scenario, or a test) can do to the cluster. Each action is plain data, so
// a run is a list that can be stored and replayed on the same seed.
import type {
  BrokerId,
  ConsumerConfig,
  ProducerConfig,
  StreamWindowSpec,
  TopicConfig,
  TopicPartitionName,
  TopicSpec,
} from "./types";

export interface ProduceRecordInput {
  key?: string | null;
  value?: string | null;
  /** Event time; defaults to the virtual clock (CreateTime). */
  timestamp?: number;
  /** An explicit partition skips the partitioner, as ProducerRecord#partition does. */
  partition?: number;
}

export type ClusterAction =
  // Time
  | { type: "advance"; ms: number }
  // Topics and brokers
  | { type: "createTopic"; topic: TopicSpec }
  | { type: "addPartitions"; topic: string; totalPartitions: number }
  | { type: "alterTopicConfig"; topic: string; config: Partial<TopicConfig> }
  | { type: "startBroker"; broker: BrokerId }
  | { type: "stopBroker"; broker: BrokerId }
  | { type: "crashBroker"; broker: BrokerId }
  /** Limits (or with 0 stalls) the followers on this broker — a slow disk, a GC pause, a bad link. */
  | { type: "throttleBroker"; broker: BrokerId; recordsPerFetch: number | null }
  /** kafka-leader-election.sh: move leadership back to the preferred replica, or force an unclean one. */
  | { type: "electLeaders"; topic: string; partition?: number; election: "preferred" | "unclean" }
  // Producers
  | { type: "createProducer"; producer: string; config?: Partial<ProducerConfig> }
  | ({ type: "produce"; producer: string; topic: string; count?: number; records?: ProduceRecordInput[] } & ProduceRecordInput)
  /** Fault injection: the broker handles the next `count` requests but their responses are lost. */
  | { type: "loseResponses"; producer: string; count: number }
  | { type: "initTransactions"; producer: string }
  | { type: "beginTransaction"; producer: string }
  | { type: "sendOffsetsToTransaction"; producer: string; groupId: string; offsets: Record<TopicPartitionName, number> }
  | { type: "commitTransaction"; producer: string }
  | { type: "abortTransaction"; producer: string }
  // Consumers and groups
  | { type: "createConsumer"; consumer: string; topics: string[]; config: Partial<ConsumerConfig> & { groupId: string } }
  | { type: "joinGroup"; consumer: string; groupId: string }
  | { type: "subscribe"; consumer: string; topics: string[] }
  | { type: "poll"; consumer: string }
  | { type: "commit"; consumer: string; offsets?: Record<TopicPartitionName, number> }
  | { type: "seek"; consumer: string; partition: TopicPartitionName; offset: number }
  | { type: "seekToBeginning"; consumer: string }
  | { type: "seekToEnd"; consumer: string }
  | { type: "seekToTimestamp"; consumer: string; timestamp: number }
  | { type: "crashConsumer"; consumer: string }
  | { type: "closeConsumer"; consumer: string }
  | { type: "stallConsumer"; consumer: string }
  | { type: "resumeConsumer"; consumer: string }
  /**
   * Changes how the application runs its loop: max.poll.records, the poll cadence, the worker's rate, or
   * the assignor used the next time it joins. A slow consumer is one whose records/s stay below the input.
   */
  | {
      type: "configureConsumer";
      consumer: string;
      config: Partial<Pick<ConsumerConfig, "maxPollRecords" | "pollIntervalMs" | "processingRatePerSec" | "assignmentStrategy">>;
    }
  /** Restarts a crashed or closed consumer with the same client id (and group.instance.id, if static). */
  | { type: "restartConsumer"; consumer: string }
  /** kafka-consumer-groups.sh --reset-offsets (only while the group has no active members). */
  | {
      type: "resetOffsets";
      groupId: string;
      topic: string;
      to: { kind: "earliest" } | { kind: "latest" } | { kind: "offset"; offset: number } | { kind: "timestamp"; timestamp: number };
    }
  // Streams
  | {
      type: "createStreamApp";
      app: string;
      sourceTopic: string;
      window: Partial<StreamWindowSpec> & { kind: StreamWindowSpec["kind"] };
      emit?: "eager" | "final";
    }
  // Bulk, for throughput (the same rules, without per-record events)
  | {
      type: "runWorkload";
      producer: string;
      topic: string;
      records: number;
      /** Keys to cycle through; null for null keys (sticky partitioner). */
      keys: string[] | null;
      /** Send this share (0..1) of the records with one hot key. */
      hotKey?: { key: string; share: number };
      /** Payloads to cycle through (shared strings keep memory honest about what is stored). */
      values?: string[];
      /** Records per produce request per round (default 16384 / record size). */
      batchRecords?: number;
      /** Virtual time per round (default 1 ms). */
      roundMs?: number;
      /** Consumer group whose running members poll after each round. */
      consumeGroup?: string;
    };

export type ClusterActionType = ClusterAction["type"];
