// createCluster and the pure reducer. `step` never throws and never modifies its input: an invalid
// action returns the same state plus an error (lastError and an "error" event) saying what is wrong.
import type { ClusterAction, ProduceRecordInput } from "./actions";
import { advance } from "./clock";
import { clusterConfigError, resolveClusterConfig } from "./config";
import {
  closeConsumer,
  configureConsumer,
  crashConsumer,
  createConsumer,
  joinGroupAction,
  poll,
  restartConsumer,
  resumeConsumer,
  seek,
  seekToEdge,
  seekToTimestamp,
  stallConsumer,
  subscribe,
} from "./consume";
import { commitAction, resetGroupOffsets } from "./commits";
import { crashBroker, runElection, startBroker, stopBroker } from "./controller";
import { ActionError, Draft } from "./draft";
import { seedFrom } from "./prng";
import { createProducer, deliverResponses, loseResponses, produce } from "./produce";
import { createStreamApp } from "./stream-apps";
import { addPartitions, alterTopicConfig, createTopic } from "./topics";
import { beginTransaction, finishTransaction, initTransactions, sendOffsetsToTransaction } from "./transactions";
import type { BrokerState, ClusterConfig, ClusterState } from "./types";
import { runWorkload } from "./workload";
import { plural } from "../../format/text";

function emptyState(config: ClusterConfig, seed: number): ClusterState {
  const brokers: Record<string, BrokerState> = {};
  for (let id = 1; id <= config.brokers; id++) brokers[String(id)] = { id, status: "online", fenced: false, crashedAtMs: null, fetchLimit: null };
  return {
    schema: "offset-cluster/1",
    seed,
    rng: seed,
    now: 0,
    config,
    controller: 1,
    brokers,
    topics: {},
    producers: {},
    consumers: {},
    groups: {},
    streams: {},
    transactionalIds: {},
    nextProducerId: 1000,
    nextBatchId: 1,
    schedule: { isrCheckAtMs: 0, retentionCheckAtMs: 0, uncleanCheckAtMs: 0, replicationAtMs: -1e12 },
    events: [],
    eventSeq: 0,
    droppedEvents: 0,
    lastError: null,
    errorCount: 0,
  };
}

function recordError(state: ClusterState, action: string, message: string): ClusterState {
  const event = { seq: state.eventSeq, t: state.now, kind: "error", message, action };
  const events = [...state.events, event];
  const overflow = Math.max(0, events.length - state.config.eventLogLimit);
  return {
    ...state,
    events: overflow > 0 ? events.slice(overflow) : events,
    droppedEvents: state.droppedEvents + overflow,
    eventSeq: state.eventSeq + 1,
    lastError: { t: state.now, action, message },
    errorCount: state.errorCount + 1,
  };
}

/**
 * A new cluster: brokers 1..n, broker 1 the active controller, the configured topics created. An invalid
 * config never throws: the cluster starts from the defaults and records what was wrong.
 */
export function createCluster(config: Partial<ClusterConfig> = {}, seed: number | string = "offset"): ClusterState {
  const seedValue = seedFrom(seed);
  const problem = clusterConfigError(config ?? {});
  const resolved = resolveClusterConfig(problem ? {} : (config ?? {}));
  let state = emptyState(resolved, seedValue);
  const d = new Draft(state);
  d.emit(
    "cluster-started",
    `A cluster of ${plural(resolved.brokers, "broker")} started (ids 1-${resolved.brokers}); broker 1 is the active controller.`,
  );
  state = d.finish();
  if (problem) return recordError(state, "createCluster", problem);
  for (const topic of resolved.topics) state = step(state, { type: "createTopic", topic });
  return state;
}

function recordsOf(action: Extract<ClusterAction, { type: "produce" }>, sent: number): ProduceRecordInput[] {
  if (action.records !== undefined) {
    if (!Array.isArray(action.records)) throw new ActionError("records must be a list.");
    return action.records;
  }
  const count = action.count ?? 1;
  if (!Number.isInteger(count) || count <= 0 || count > 100_000) {
    throw new ActionError(`count must be a whole number between 1 and 100000, got ${String(count)}; use runWorkload for bulk traffic.`);
  }
  return Array.from({ length: count }, (_, i) => ({
    key: action.key,
    value: action.value !== undefined ? action.value : `${action.producer}-${sent + i}`,
    timestamp: action.timestamp,
    partition: action.partition,
  }));
}

function apply(d: Draft, action: ClusterAction): void {
  switch (action.type) {
    case "advance":
      return advance(d, action.ms);
    case "createTopic":
      return createTopic(d, action.topic);
    case "addPartitions":
      return addPartitions(d, action.topic, action.totalPartitions);
    case "alterTopicConfig":
      return alterTopicConfig(d, action.topic, action.config);
    case "startBroker":
      return startBroker(d, action.broker);
    case "stopBroker":
      return stopBroker(d, action.broker);
    case "crashBroker":
      return crashBroker(d, action.broker);
    case "throttleBroker": {
      const limit = action.recordsPerFetch;
      if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ActionError(`recordsPerFetch must be null (unlimited) or a whole number of at least 0, got ${String(limit)}.`);
      }
      d.broker(action.broker).fetchLimit = limit;
      d.emit(
        "broker-throttled",
        limit === null
          ? `Broker ${action.broker}'s followers fetch at full speed again.`
          : limit === 0
            ? `Broker ${action.broker}'s followers stopped fetching (a GC pause, a slow disk, a network problem). Unless they catch up within replica.lag.time.max.ms they leave the ISRs.`
            : `Broker ${action.broker}'s followers fetch at most ${plural(limit, "record")} per round.`,
        { broker: action.broker, recordsPerFetch: limit },
      );
      return;
    }
    case "electLeaders": {
      const topic = d.state.topics[action.topic];
      if (!topic) throw new ActionError(`Topic '${action.topic}' does not exist.`);
      if (action.partition !== undefined && !topic.partitions[action.partition]) {
        throw new ActionError(`Partition ${action.partition} of topic '${action.topic}' does not exist.`);
      }
      const indexes = action.partition !== undefined ? [action.partition] : topic.partitions.map((p) => p.index);
      for (const index of indexes) {
        runElection(d, action.topic, index, `kafka-leader-election.sh --election-type ${action.election.toUpperCase()}.`, {
          preferred: action.election === "preferred",
          forceUnclean: action.election === "unclean",
        });
      }
      return;
    }
    case "createProducer":
      return createProducer(d, action.producer, action.config);
    case "produce": {
      const producer = d.state.producers[action.producer];
      if (!producer) throw new ActionError(`Producer '${action.producer}' does not exist.`);
      return produce(d, action.producer, action.topic, recordsOf(action, producer.stats.sent));
    }
    case "loseResponses":
      return loseResponses(d, action.producer, action.count);
    case "initTransactions":
      return initTransactions(d, action.producer);
    case "beginTransaction":
      return beginTransaction(d, action.producer);
    case "sendOffsetsToTransaction":
      return sendOffsetsToTransaction(d, action.producer, action.groupId, action.offsets);
    case "commitTransaction":
      return finishTransaction(d, action.producer, "commit");
    case "abortTransaction":
      return finishTransaction(d, action.producer, "abort");
    case "createConsumer":
      return createConsumer(d, action.consumer, action.topics, action.config);
    case "joinGroup":
      return joinGroupAction(d, action.consumer, action.groupId);
    case "subscribe":
      return subscribe(d, action.consumer, action.topics);
    case "poll":
      poll(d, action.consumer);
      return;
    case "commit":
      return commitAction(d, action.consumer, action.offsets);
    case "seek":
      return seek(d, action.consumer, action.partition, action.offset);
    case "seekToBeginning":
      return seekToEdge(d, action.consumer, "beginning");
    case "seekToEnd":
      return seekToEdge(d, action.consumer, "end");
    case "seekToTimestamp":
      return seekToTimestamp(d, action.consumer, action.timestamp);
    case "crashConsumer":
      return crashConsumer(d, action.consumer);
    case "closeConsumer":
      return closeConsumer(d, action.consumer);
    case "stallConsumer":
      return stallConsumer(d, action.consumer);
    case "resumeConsumer":
      return resumeConsumer(d, action.consumer);
    case "restartConsumer":
      return restartConsumer(d, action.consumer);
    case "configureConsumer":
      return configureConsumer(d, action.consumer, action.config);
    case "resetOffsets":
      return resetGroupOffsets(d, action.groupId, action.topic, action.to);
    case "createStreamApp":
      return createStreamApp(d, action.app, action.sourceTopic, action.window, action.emit ?? "eager");
    case "runWorkload":
      runWorkload(d, action);
      return;
    default: {
      const unknown: { type?: unknown } = action;
      throw new ActionError(`Unknown action type '${String(unknown.type)}'.`);
    }
  }
}

/**
 * The pure reducer: a new state with the action applied, or — for an invalid action — the same state
 * with the error recorded. The input is never modified (copy-on-write draft).
 */
export function step(state: ClusterState, action: ClusterAction): ClusterState {
  const type = action && typeof action === "object" && typeof action.type === "string" ? action.type : "unknown";
  if (type === "unknown") return recordError(state, type, "An action must be an object with a string 'type'.");
  try {
    const d = new Draft(state);
    apply(d, action);
    // Requests the action settled (a leader that moved, an acks=all write the ISR already has) are answered now.
    deliverResponses(d);
    d.state.lastError = null;
    return d.finish();
  } catch (error) {
    if (error instanceof ActionError) return recordError(state, type, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return recordError(state, type, `Internal error while applying '${type}': ${message}. The action was not applied.`);
  }
}

/** Applies actions in order (a failed one records its error and the rest still run). */
export function stepAll(state: ClusterState, actions: readonly ClusterAction[]): ClusterState {
  return actions.reduce(step, state);
}
