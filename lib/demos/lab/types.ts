// The interactive lab's data model: what a learner can do (LabAction), what a scenario offers
// (LabScenario), and the state the view renders (LabState). Framework-free and JSON-serialisable (the
// scenario objects carry the only functions: their step predicates and challenge checks). Runs in the
// browser or a worker.
import type { ClusterAction, ClusterConfig, ConsumerConfig, ClusterState, StreamWindowSpec } from "@/lib/cluster";
import type { DemoScenarioId } from "../catalog";

/** One tick of simulated time. */
export const LAB_QUANTUM_MS = 100;

export type LabAcks = "0" | "1" | "all";
export type LabAssignor = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

export type LabAction =
  /** Advance time by quanta × LAB_QUANTUM_MS; the workload produces and consumers poll during it. */
  | { type: "tick"; quanta: number }
  /** Sends `count` records (default 1) with this key; `timestamp` sets the event time (window demos). */
  | { type: "produce"; key: string | null; value?: string; count?: number; timestamp?: number }
  /** keySkew: 0..1 share of the records sent with the hot key; keyCount: how many distinct keys (0 = null keys). */
  | { type: "setWorkload"; ratePerSec: number; keySkew: number; keyCount?: number }
  | { type: "setProducer"; acks: LabAcks; idempotence: boolean; retries: number }
  | {
      type: "setTopic";
      /** Add only; a smaller number is an error that says why. */
      partitions?: number;
      replicationFactor?: number;
      minInsyncReplicas?: number;
      retentionMs?: number;
      uncleanLeaderElection?: boolean;
    }
  | { type: "killBroker"; broker: number }
  | { type: "restartBroker"; broker: number }
  | { type: "addConsumer"; group?: string }
  | { type: "removeConsumer"; consumer: string }
  | { type: "crashConsumer"; consumer: string }
  | { type: "slowConsumer"; consumer: string; slow: boolean }
  | { type: "setAssignor"; strategy: LabAssignor }
  /** The network drops the next `count` acknowledgements to the producer (its retries then test idempotence). */
  | { type: "dropAcks"; count: number }
  /** Restarts the stream app with another window (it re-reads the topic from the start). */
  | { type: "setWindow"; sizeMs?: number; advanceMs?: number; graceMs?: number; gapMs?: number }
  /**
   * One read-process-write round of the transactional app: it turns the orders its consumer read since the
   * last transaction into invoices, sends its input offsets to the transaction, and commits or aborts.
   */
  | { type: "transaction"; outcome: "commit" | "abort" }
  /** Performs the scenario's step `index` actions. */
  | { type: "guidedStep"; index: number }
  | { type: "reset" };

export interface LabStep {
  title: string;
  /** What to do (the guided step does it for you). */
  instruction: string;
  /** What to notice once it is done. */
  notice: string;
  /** What "Do it for me" performs. */
  actions: LabAction[];
  /**
   * Whether the lab is in the state the instruction asks for, however it got there (the learner's own
   * controls or "Do it for me"). Checked after every action while this is the current step;
   * `startedAt` is the virtual time it became current (for "play N seconds").
   */
  done(state: LabState, startedAt: number): boolean;
}

/** Who completed a guided step: the learner with the controls, or the lab ("Do it for me"). */
export type LabActor = "you" | "lab";

/**
 * Where the challenge stands for the learner: "complete" when it is met in a run the learner played on
 * their own; "done-for-you" when it is met but the lab did a guided step in this run; else "open".
 */
export type ChallengeProgress = "open" | "done-for-you" | "complete";

export interface ChallengeStatus {
  met: boolean;
  /** Plain-English progress: what is still missing, or why it is met. */
  detail: string;
}

export interface LabChallenge {
  goal: string;
  hint: string;
  check(state: LabState): ChallengeStatus;
}

export type LabControl = "produce" | "producer" | "topic" | "brokers" | "consumers" | "assignor" | "windows" | "transactions";

/** How a scenario's lab starts (internal to the lab, but plain data). */
export interface LabSetup {
  cluster: Partial<ClusterConfig>;
  producer: { acks: LabAcks; idempotence: boolean; retries: number };
  workload: { ratePerSec: number; keySkew: number; keyCount: number; hotKey?: string };
  /** Consumers created in the scenario's group at start. */
  consumers: number;
  /** Settings of every consumer the lab creates (maxPollRecords × 1000 / pollIntervalMs = its records/s). */
  consumerConfig: Partial<Omit<ConsumerConfig, "groupId" | "assignmentStrategy">>;
  assignor: LabAssignor;
  /** A slow consumer handles this share of its normal records per poll (e.g. 0.2). */
  slowFactor: number;
  /** A windowed stream app on the topic (window demos). */
  streamApp?: { window: Partial<StreamWindowSpec> & { kind: StreamWindowSpec["kind"] }; emit: "eager" | "final" };
  /** The transactional read-process-write app (transactions demo): it reads `topic`, writes `outputTopic`. */
  transactional?: { outputTopic: string };
  /** Engine actions run after the above (extra clients, seed data). */
  prelude?: ClusterAction[];
  /** Quanta of time played at start so the lab opens with a running system. */
  warmupQuanta?: number;
}

export interface LabScenario {
  id: DemoScenarioId;
  title: string;
  summary: string;
  seed: string;
  /** The topic the lab's controls act on. */
  topic: string;
  /** The consumer group the lab's controls act on (null: none). */
  group: string | null;
  /** 2–5 guided steps. */
  steps: LabStep[];
  challenge: LabChallenge | null;
  controls: LabControl[];
  setup: LabSetup;
}

export type LabNoteTone = "info" | "warning" | "loss" | "success";

/** A plain-English explanation the lab derives from what happened (loss, idle consumer, duplicate…). */
export interface LabNote {
  seq: number;
  /** Virtual time in ms. */
  t: number;
  tone: LabNoteTone;
  message: string;
  /**
   * What the note is about, for tests and styling: "acked-loss", "idle-consumer", "broker-killed",
   * "challenge-met", or the engine event kind it explains ("duplicate-detected", "rebalance", …).
   */
  kind?: string;
}

export interface LagPoint {
  /** Virtual time in ms. */
  t: number;
  /** Records below the high watermark the group has not read yet (sum over partitions). */
  total: number;
  /** "topic-N" → lag of that partition. */
  byPartition: Record<string, number>;
}

export interface LabWorkload {
  /** Records per second the workload produces while time runs (0 = off). */
  ratePerSec: number;
  /** 0..1 share of the records sent with the hot key. */
  keySkew: number;
  /** Distinct keys the rest of the traffic cycles through (0 = null keys, sticky partitioner). */
  keyCount: number;
  hotKey: string;
  /** Fractional records owed to the next slice (keeps the rate exact over time). */
  carry: number;
  /** Records the workload and the produce action have sent so far (also numbers the values). */
  sent: number;
}

export interface LabProducerSettings {
  acks: LabAcks;
  /** Effective enable.idempotence (it needs acks=all and retries > 0). */
  idempotence: boolean;
  retries: number;
  /** The engine producer currently used (a settings change starts a new client). */
  client: string;
  generation: number;
}

/**
 * Acknowledged offsets [from, to) of one partition, written in leader epoch `epoch` by broker `leader`,
 * with acks=all (1) or acks=1 (0).
 */
export type AckedRange = [from: number, to: number, epoch: number, leader: number, acksAll: 0 | 1];

export interface LabLoss {
  tp: string;
  from: number;
  to: number;
  t: number;
  acks: LabAcks;
}

export interface LabDurability {
  /** "topic-N" → acknowledged ranges still expected to be in the log. */
  acked: Record<string, AckedRange[]>;
  /** Records acknowledged to a producer (acks=1 or all). */
  ackedTotal: number;
  /** Acknowledged records the cluster lost (truncated or overwritten by a new leader). */
  lostTotal: number;
  lost: LabLoss[];
  /** Records a non-idempotent retry wrote twice, and retries the broker discarded by sequence number. */
  duplicatesWritten: number;
  duplicatesAvoided: number;
  /** Records acknowledged while the leader was the only in-sync replica (one copy at ack time). */
  ackedSingleCopy: number;
  /** Acknowledgements the learner had the network drop (dropAcks). */
  acksDropped: number;
  /** producer client → key of the last delivery report seen. */
  seenDeliveries: Record<string, string>;
}

/** The durability counters when the producer or topic settings last changed (challenges compare against them). */
export interface LabBaseline {
  t: number;
  ackedSingleCopy: number;
  ackedTotal: number;
  lostTotal: number;
  duplicatesWritten: number;
  duplicatesAvoided: number;
  acksDropped: number;
}

/** A broker the learner killed and what it meant at that moment. */
export interface LabKill {
  broker: number;
  t: number;
  /** Partitions it led ("topic-N"). */
  led: string[];
  /** Partitions whose only in-sync replica it was. */
  soleIsr: string[];
  /** durability.lostTotal and ackedTotal at the time. */
  lostBefore: number;
  ackedBefore: number;
  /** Producer settings and the topic's min.insync.replicas at the time. */
  acks: LabAcks;
  idempotence: boolean;
  minInsyncReplicas: number;
}

export interface LabConsumerInfo {
  id: string;
  group: string;
  slow: boolean;
}

export interface LabState {
  schema: "offset-lab/1";
  scenarioId: DemoScenarioId;
  seed: string;
  cluster: ClusterState;
  /** Replay log; consecutive ticks are coalesced. */
  actions: LabAction[];
  workload: LabWorkload;
  producer: LabProducerSettings;
  assignor: LabAssignor;
  /** Consumers the lab created and that are not closed, in creation order. */
  consumers: LabConsumerInfo[];
  nextConsumer: number;
  durability: LabDurability;
  /** The windowed app the lab runs (window demos), else null. */
  streamApp: string | null;
  streamAppGeneration: number;
  /** Transactions demo: the output offsets, the number of committed/aborted rounds and how the last one ended. */
  transactions: { committed: number; aborted: number; last: "commit" | "abort" | null; lastInputOffset: Record<string, number> };
  /** Bounded (the last LAG_SERIES_LIMIT points). */
  lagSeries: LagPoint[];
  /** Bounded (the last NOTE_LIMIT notes), oldest first. */
  notes: LabNote[];
  noteSeq: number;
  /** The cluster event seq the lab has already turned into notes. */
  eventCursor: number;
  /** Consumers already reported idle (so the note is not repeated). */
  idleReported: string[];
  challenge: ChallengeStatus | null;
  lastError: string | null;
  /** Next guided step to perform (0-based); equals steps.length when all are done. Never moves back. */
  stepIndex: number;
  /** Virtual time when the current step became current. */
  stepStartedAt: number;
  /** Who completed each step so far (length stepIndex). */
  stepsDoneBy: LabActor[];
  /**
   * The lab performed a guided step ("Do it for me") since the last reset: such a run can show the
   * challenge's conditions met, but it never completes the challenge.
   */
  assisted: boolean;
  /** Brokers the learner killed, in order (challenges look at them). */
  killed: number[];
  kills: LabKill[];
  baseline: LabBaseline;
  /** Rebalances of the lab's groups: eager (stop-the-world) and cooperative, and eager ones since the last assignor change. */
  rebalances: { eager: number; cooperative: number; eagerSinceAssignor: number };
}

export type LabConsumerStatus = "running" | "slow" | "crashed" | "idle";

export interface LabConsumerRow {
  consumer: string;
  group: string;
  status: LabConsumerStatus;
  partitions: string[];
  /** Records this consumer can handle per second at its current pace. */
  capacityPerSec: number;
}

export type DecodedLabRun =
  | { ok: true; scenarioId: DemoScenarioId; seed: string; actions: LabAction[] }
  | { ok: false; error: string };

export interface LabClient {
  getState(): LabState;
  dispatch(action: LabAction): LabState;
  subscribe(listener: () => void): () => void;
  reset(state: LabState): void;
}
