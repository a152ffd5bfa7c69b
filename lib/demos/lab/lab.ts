// The lab reducer: maps what a learner does onto the cluster engine's actions, plays time with a
// workload, and derives what the view needs — plain-English notes, the lag series, acknowledged-record
// bookkeeping and the challenge status. Pure and deterministic: the same scenario, seed and actions
// always give a deep-equal state, so a run can be shared as its action list.
import {
  createCluster,
  highWatermarkOf,
  step,
  type ClusterAction,
  type ClusterEvent,
  type ClusterState,
  type ConsumerState,
  type PartitionState,
  type ReplicaLog,
} from "@/lib/cluster";
import { createReducerStore } from "@/lib/cluster/store";
import type { DemoScenarioId } from "../catalog";
import { labScenarioById } from "./scenarios";
import {
  LAB_QUANTUM_MS,
  type AckedRange,
  type LabAction,
  type LabAcks,
  type LabClient,
  type LabConsumerRow,
  type LabNote,
  type LabNoteTone,
  type LabScenario,
  type LabState,
  type LagPoint,
} from "./types";

export const LAG_SERIES_LIMIT = 300;
export const NOTE_LIMIT = 100;
/** The longest single tick action: ten minutes of simulated time. */
export const MAX_TICK_QUANTA = 6000;
/** Each quantum is played in slices: the workload sends a little every slice, as a real producer would. */
const SLICES_PER_QUANTUM = 5;
const SLICE_MS = LAB_QUANTUM_MS / SLICES_PER_QUANTUM;
const MAX_RATE_PER_SEC = 20_000;
const MAX_PRODUCE_COUNT = 1000;
const MAX_ACKED_RANGES = 64;
const MAX_LOSSES_KEPT = 50;
const SECOND = 1000;

class LabError extends Error {}

type Mutable = LabState;

// ---------------------------------------------------------------------------------------------
// Creating a lab
// ---------------------------------------------------------------------------------------------

function scenarioOf(id: string): LabScenario {
  const scenario = labScenarioById(id);
  if (!scenario) throw new LabError(`There is no lab scenario '${id}'.`);
  return scenario;
}

/** A new lab for the scenario, on its seed or the given one. */
export function createLab(scenarioId: DemoScenarioId, options: { seed?: string } = {}): LabState {
  const scenario = scenarioOf(scenarioId);
  const seed = options.seed ?? scenario.seed;
  const { setup } = scenario;
  let lab: Mutable = {
    schema: "offset-lab/1",
    scenarioId: scenario.id,
    seed,
    cluster: createCluster(setup.cluster, seed),
    actions: [],
    workload: {
      ratePerSec: setup.workload.ratePerSec,
      keySkew: setup.workload.keySkew,
      keyCount: setup.workload.keyCount,
      hotKey: setup.workload.hotKey ?? "user-7",
      carry: 0,
      sent: 0,
    },
    producer: { acks: setup.producer.acks, idempotence: setup.producer.idempotence, retries: setup.producer.retries, client: "", generation: 0 },
    assignor: setup.assignor,
    consumers: [],
    nextConsumer: 1,
    durability: { acked: {}, ackedTotal: 0, lostTotal: 0, lost: [], duplicatesWritten: 0, duplicatesAvoided: 0, ackedSingleCopy: 0, acksDropped: 0, seenDeliveries: {} },
    streamApp: null,
    streamAppGeneration: 0,
    transactions: { committed: 0, aborted: 0, lastInputOffset: {} },
    lagSeries: [],
    notes: [],
    noteSeq: 0,
    eventCursor: 0,
    idleReported: [],
    challenge: null,
    lastError: null,
    stepIndex: 0,
    killed: [],
    kills: [],
    baseline: { t: 0, ackedSingleCopy: 0, ackedTotal: 0, lostTotal: 0, duplicatesWritten: 0, duplicatesAvoided: 0, acksDropped: 0 },
    rebalances: { eager: 0, cooperative: 0, eagerSinceAssignor: 0 },
  };
  lab = startProducer(lab, setup.producer.acks, setup.producer.idempotence, setup.producer.retries, false);
  if (setup.streamApp) {
    lab = engine(lab, { type: "createStreamApp", app: `${scenario.id}-app`, sourceTopic: scenario.topic, window: setup.streamApp.window, emit: setup.streamApp.emit });
    lab = { ...lab, streamApp: `${scenario.id}-app` };
  }
  for (let i = 0; i < setup.consumers; i++) lab = addConsumer(lab, scenario, scenario.group ?? "lab");
  for (const action of setup.prelude ?? []) lab = engine(lab, action);
  // Setup events are the starting point, not news.
  lab = { ...lab, eventCursor: lab.cluster.eventSeq };
  for (let i = 0; i < (setup.warmupQuanta ?? 0); i++) lab = quantum(lab, scenario);
  lab = {
    ...lab,
    notes: [],
    noteSeq: 0,
    idleReported: idleConsumers(lab, scenario),
    eventCursor: lab.cluster.eventSeq,
    rebalances: { eager: 0, cooperative: 0, eagerSinceAssignor: 0 },
  };
  lab = { ...lab, baseline: baseline(lab) };
  return observe(lab, scenario, true);
}

// ---------------------------------------------------------------------------------------------
// The reducer
// ---------------------------------------------------------------------------------------------

/** Applies one learner action. Pure; never throws: an invalid action only sets `lastError`. */
export function labStep(state: LabState, action: LabAction): LabState {
  let scenario: LabScenario;
  try {
    scenario = scenarioOf(state.scenarioId);
  } catch (error) {
    return { ...state, lastError: messageOf(error) };
  }
  try {
    validateShape(action);
    if (action.type === "reset") return createLab(state.scenarioId, { seed: state.seed });
    const next = apply({ ...state, lastError: null }, action, scenario);
    return { ...next, actions: logAction(state.actions, action), lastError: null };
  } catch (error) {
    return { ...state, lastError: messageOf(error) };
  }
}

/** Plays a run from the scenario's start: the same input always gives a deep-equal state. */
export function replayLab(scenarioId: DemoScenarioId, seed: string, actions: LabAction[]): LabState {
  let state = createLab(scenarioId, { seed });
  for (const action of actions) state = labStep(state, action);
  return state;
}

export function createLabClient(initial: LabState): LabClient {
  return createReducerStore<LabState, LabAction>(initial, labStep);
}

function messageOf(error: unknown): string {
  if (error instanceof LabError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Something went wrong in the lab: ${message}. Nothing was changed.`;
}

function logAction(log: LabAction[], action: LabAction): LabAction[] {
  const last = log[log.length - 1];
  // Coalesce only up to the largest tick a replay accepts, or the log could not be played back.
  if (action.type === "tick" && last?.type === "tick" && last.quanta + action.quanta <= MAX_TICK_QUANTA) {
    return [...log.slice(0, -1), { type: "tick", quanta: last.quanta + action.quanta }];
  }
  return [...log, action];
}

const isInt = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);
const isNum = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function validateShape(action: LabAction): void {
  if (!action || typeof action !== "object" || typeof (action as { type?: unknown }).type !== "string") {
    throw new LabError("An action must be an object with a 'type'.");
  }
}

function apply(lab: Mutable, action: LabAction, scenario: LabScenario): Mutable {
  switch (action.type) {
    case "tick": {
      if (!isInt(action.quanta) || action.quanta < 1 || action.quanta > MAX_TICK_QUANTA) {
        throw new LabError(`Time moves in whole ticks: quanta must be between 1 and ${MAX_TICK_QUANTA} (ten minutes), got ${String(action.quanta)}.`);
      }
      let next = lab;
      for (let i = 0; i < action.quanta; i++) next = quantum(next, scenario);
      return next;
    }
    case "produce":
      return observe(produceAction(lab, scenario, action), scenario);
    case "setWorkload":
      return observe(setWorkload(lab, action), scenario);
    case "setProducer":
      return observe(setProducer(lab, action), scenario);
    case "setTopic":
      return observe(setTopic(lab, scenario, action), scenario);
    case "killBroker":
      return observe(killBroker(lab, scenario, action.broker), scenario);
    case "restartBroker":
      return observe(restartBroker(lab, action.broker), scenario);
    case "addConsumer": {
      const group = action.group ?? scenario.group ?? "lab";
      if (typeof group !== "string" || !/^[A-Za-z0-9._-]{1,40}$/.test(group)) {
        throw new LabError("A group id uses letters, digits, '.', '_' or '-' (at most 40 characters).");
      }
      return observe(addConsumer(lab, scenario, group), scenario);
    }
    case "removeConsumer":
      return observe(removeConsumer(lab, action.consumer), scenario);
    case "crashConsumer":
      return observe(crashConsumer(lab, action.consumer), scenario);
    case "slowConsumer":
      return observe(slowConsumer(lab, scenario, action.consumer, action.slow), scenario);
    case "setAssignor":
      return observe(setAssignor(lab, scenario, action.strategy), scenario);
    case "dropAcks": {
      if (!isInt(action.count) || action.count < 1 || action.count > 100) throw new LabError(`dropAcks needs a count between 1 and 100, got ${String(action.count)}.`);
      let next = engine(lab, { type: "loseResponses", producer: lab.producer.client, count: action.count });
      next = { ...next, durability: { ...next.durability, acksDropped: next.durability.acksDropped + action.count } };
      return observe(
        note(next, "warning", "acks-dropped", `The network will drop the next ${plural(action.count, "acknowledgement")} to the producer: the brokers write the records, but the producer never hears back and retries after request.timeout.ms.`),
        scenario,
      );
    }
    case "setWindow":
      return observe(setWindow(lab, scenario, action), scenario);
    case "transaction":
      return observe(runTransaction(lab, scenario, action.outcome), scenario);
    case "guidedStep": {
      if (!isInt(action.index) || action.index < 0 || action.index >= scenario.steps.length) {
        throw new LabError(`This scenario has guided steps 0 to ${scenario.steps.length - 1}; there is no step ${String(action.index)}.`);
      }
      let next = lab;
      for (const inner of scenario.steps[action.index]!.actions) {
        if (inner.type === "guidedStep" || inner.type === "reset") continue;
        next = apply(next, inner, scenario);
      }
      return { ...next, stepIndex: Math.max(next.stepIndex, action.index + 1) };
    }
    default: {
      const unknown: { type?: unknown } = action;
      throw new LabError(`The lab does not know the action '${String(unknown.type)}'.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The engine and time
// ---------------------------------------------------------------------------------------------

/** One engine action; an engine error becomes the lab's error (and the caller's state is kept). */
function engine(lab: Mutable, action: ClusterAction): Mutable {
  const before = lab.cluster.errorCount;
  const cluster = step(lab.cluster, action);
  if (cluster.errorCount !== before && cluster.lastError) throw new LabError(cluster.lastError.message);
  return { ...lab, cluster };
}

/** One quantum: slices of time, each followed by the workload's records for that slice. */
function quantum(lab: Mutable, scenario: LabScenario): Mutable {
  let next = lab;
  for (let slice = 0; slice < SLICES_PER_QUANTUM; slice++) {
    next = { ...next, cluster: step(next.cluster, { type: "advance", ms: SLICE_MS }) };
    const owed = next.workload.carry + (next.workload.ratePerSec * SLICE_MS) / SECOND;
    const count = Math.floor(owed + 1e-9);
    next = { ...next, workload: { ...next.workload, carry: owed - count } };
    if (count > 0) next = sendWorkload(next, scenario, count);
    next = trackDurability(next);
  }
  return observe(next, scenario);
}

function workloadKey(lab: Mutable, n: number): string | null {
  const { keySkew, keyCount, hotKey } = lab.workload;
  const permille = Math.round(keySkew * 1000);
  const hotBefore = Math.floor((n * permille) / 1000);
  if (Math.floor(((n + 1) * permille) / 1000) > hotBefore) return hotKey;
  if (keyCount <= 0) return null;
  return `user-${(n - hotBefore) % keyCount}`;
}

function sendWorkload(lab: Mutable, scenario: LabScenario, count: number): Mutable {
  const records = [];
  const start = lab.workload.sent;
  for (let i = 0; i < count; i++) records.push({ key: workloadKey(lab, start + i), value: `#${start + i}` });
  const cluster = step(lab.cluster, { type: "produce", producer: lab.producer.client, topic: scenario.topic, records });
  return { ...lab, cluster, workload: { ...lab.workload, sent: start + count } };
}

function produceAction(lab: Mutable, scenario: LabScenario, action: Extract<LabAction, { type: "produce" }>): Mutable {
  const count = action.count ?? 1;
  if (!isInt(count) || count < 1 || count > MAX_PRODUCE_COUNT) throw new LabError(`Produce between 1 and ${MAX_PRODUCE_COUNT} records at a time, got ${String(count)}.`);
  if (action.key !== null && typeof action.key !== "string") throw new LabError("A key is a string, or null for no key.");
  if (typeof action.key === "string" && action.key.length > 100) throw new LabError("Keep keys under 100 characters.");
  if (action.value !== undefined && (typeof action.value !== "string" || action.value.length > 200)) throw new LabError("A value is a string of at most 200 characters.");
  if (action.timestamp !== undefined && (!isInt(action.timestamp) || action.timestamp < 0)) {
    throw new LabError(`An event time is a whole, non-negative number of milliseconds, got ${String(action.timestamp)}.`);
  }
  const start = lab.workload.sent;
  const records = Array.from({ length: count }, (_, i) => ({
    key: action.key,
    value: action.value ?? `#${start + i}`,
    ...(action.timestamp !== undefined ? { timestamp: action.timestamp } : {}),
  }));
  const next = engine(lab, { type: "produce", producer: lab.producer.client, topic: scenario.topic, records });
  return trackDurability({ ...next, workload: { ...next.workload, sent: start + count } });
}

function setWorkload(lab: Mutable, action: Extract<LabAction, { type: "setWorkload" }>): Mutable {
  if (!isNum(action.ratePerSec) || action.ratePerSec < 0 || action.ratePerSec > MAX_RATE_PER_SEC) {
    throw new LabError(`The workload rate is between 0 and ${MAX_RATE_PER_SEC} records per second, got ${String(action.ratePerSec)}.`);
  }
  if (!isNum(action.keySkew) || action.keySkew < 0 || action.keySkew > 1) {
    throw new LabError(`Key skew is the share of records sent with the hot key, between 0 and 1, got ${String(action.keySkew)}.`);
  }
  const keyCount = action.keyCount ?? lab.workload.keyCount;
  if (!isInt(keyCount) || keyCount < 0 || keyCount > 10_000) throw new LabError(`The number of keys is a whole number from 0 to 10000, got ${String(keyCount)}.`);
  return { ...lab, workload: { ...lab.workload, ratePerSec: action.ratePerSec, keySkew: action.keySkew, keyCount } };
}

// ---------------------------------------------------------------------------------------------
// Producer, topic, brokers
// ---------------------------------------------------------------------------------------------

function engineAcks(acks: LabAcks): 0 | 1 | "all" {
  return acks === "all" ? "all" : acks === "1" ? 1 : 0;
}

function startProducer(lab: Mutable, acks: LabAcks, idempotence: boolean, retries: number, narrate: boolean): Mutable {
  const generation = lab.producer.generation + 1;
  const client = generation === 1 ? "producer" : `producer-${generation}`;
  const effective = idempotence && acks === "all" && retries > 0;
  const next = engine(lab, {
    type: "createProducer",
    producer: client,
    config: { acks: engineAcks(acks), retries, ...(effective ? { enableIdempotence: true } : idempotence ? {} : { enableIdempotence: false }), requestTimeoutMs: 2000, deliveryTimeoutMs: 30_000 },
  });
  let result: Mutable = { ...next, producer: { acks, idempotence: effective, retries, client, generation } };
  if (narrate) {
    const parts = [`The producer now sends with acks=${acks}`, `retries=${retries}`, effective ? "enable.idempotence=true" : "no idempotence"];
    let message = `${parts.join(", ")}.`;
    if (idempotence && !effective) {
      message += ` Idempotence needs acks=all and retries above 0, so it is off${acks !== "all" ? ` with acks=${acks}` : ""}.`;
    }
    if (acks === "1") message += " The leader answers as soon as it has written a record itself, before any follower copies it.";
    if (acks === "0") message += " The producer does not wait for any answer: it never learns whether a record arrived.";
    result = note(result, "info", "producer-settings", message);
  }
  return result;
}

function setProducer(lab: Mutable, action: Extract<LabAction, { type: "setProducer" }>): Mutable {
  if (!["0", "1", "all"].includes(action.acks as string)) throw new LabError(`acks is "0", "1" or "all", got ${String(action.acks)}.`);
  if (typeof action.idempotence !== "boolean") throw new LabError("idempotence is true or false.");
  if (!isInt(action.retries) || action.retries < 0 || action.retries > 2147483647) throw new LabError(`retries is a whole number from 0 to 2147483647, got ${String(action.retries)}.`);
  const next = startProducer(lab, action.acks, action.idempotence, action.retries, true);
  return { ...next, baseline: baseline(next) };
}

function baseline(lab: Mutable): LabState["baseline"] {
  const d = lab.durability;
  return {
    t: lab.cluster.now,
    ackedSingleCopy: d.ackedSingleCopy,
    ackedTotal: d.ackedTotal,
    lostTotal: d.lostTotal,
    duplicatesWritten: d.duplicatesWritten,
    duplicatesAvoided: d.duplicatesAvoided,
    acksDropped: d.acksDropped,
  };
}

function topicOf(lab: Mutable, scenario: LabScenario) {
  const topic = lab.cluster.topics[scenario.topic];
  if (!topic) throw new LabError(`Topic '${scenario.topic}' does not exist.`);
  return topic;
}

function setTopic(lab: Mutable, scenario: LabScenario, action: Extract<LabAction, { type: "setTopic" }>): Mutable {
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

function brokerIdOf(lab: Mutable, broker: number): number {
  if (!isInt(broker) || !lab.cluster.brokers[String(broker)]) {
    const ids = Object.keys(lab.cluster.brokers).join(", ");
    throw new LabError(`There is no broker ${String(broker)}; this cluster has brokers ${ids}.`);
  }
  return broker;
}

function killBroker(lab: Mutable, scenario: LabScenario, broker: number): Mutable {
  const id = brokerIdOf(lab, broker);
  const before = lab.cluster;
  let next = engine(lab, { type: "crashBroker", broker: id });
  const led: string[] = [];
  const soleIsr: string[] = [];
  const atRisk: string[] = [];
  for (const topic of Object.values(before.topics)) {
    for (const partition of topic.partitions) {
      if (partition.leader !== id) continue;
      const tp = `${topic.name}-${partition.index}`;
      led.push(tp);
      if (partition.isr.length === 1 && partition.isr[0] === id) soleIsr.push(tp);
      const leaderLeo = partition.logs[String(id)]?.leo ?? 0;
      const bestFollower = Math.max(
        partition.logStartOffset,
        ...partition.isr.filter((b) => b !== id).map((b) => partition.logs[String(b)]?.leo ?? 0),
      );
      if (leaderLeo > bestFollower) {
        const acked = ackedWithin(next, tp, bestFollower, leaderLeo);
        atRisk.push(
          `${tp} offsets ${range(bestFollower, leaderLeo)} exist only on broker ${id}` + (acked > 0 ? ` (${plural(acked, "record")} of them already acknowledged)` : ""),
        );
      }
    }
  }
  const mainTopic = before.topics[scenario.topic];
  next = {
    ...next,
    killed: [...next.killed, id],
    kills: [
      ...next.kills,
      {
        broker: id,
        t: before.now,
        led,
        soleIsr,
        lostBefore: next.durability.lostTotal,
        ackedBefore: next.durability.ackedTotal,
        acks: next.producer.acks,
        idempotence: next.producer.idempotence,
        minInsyncReplicas: mainTopic?.config.minInsyncReplicas ?? 1,
      },
    ].slice(-20),
  };
  let message = `Broker ${id} crashed.`;
  message += led.length > 0
    ? ` It led ${led.join(", ")}. The controller notices after broker.session.timeout.ms (9 s) and then hands each partition to an in-sync follower; until then those partitions take no writes.`
    : " It led no partitions, so only its follower copies are gone for now.";
  if (atRisk.length > 0) message += ` Not yet copied: ${atRisk.join("; ")}.`;
  return note(next, "warning", "broker-killed", message);
}

function restartBroker(lab: Mutable, broker: number): Mutable {
  const id = brokerIdOf(lab, broker);
  const next = engine(lab, { type: "startBroker", broker: id });
  return note(
    next,
    "info",
    "broker-restarted",
    `Broker ${id} is back. It first cuts its log back to what the current leaders have (anything only it had is dropped), then fetches what it missed and rejoins the ISR once caught up.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Consumers
// ---------------------------------------------------------------------------------------------

function normalPace(scenario: LabScenario): { maxPollRecords: number; pollIntervalMs: number } {
  return {
    maxPollRecords: scenario.setup.consumerConfig.maxPollRecords ?? 500,
    pollIntervalMs: scenario.setup.consumerConfig.pollIntervalMs ?? 100,
  };
}

function slowPace(scenario: LabScenario): number {
  return Math.max(1, Math.floor(normalPace(scenario).maxPollRecords * scenario.setup.slowFactor));
}

function addConsumer(lab: Mutable, scenario: LabScenario, group: string): Mutable {
  if (lab.consumers.length >= 16) throw new LabError("The lab runs at most 16 consumers at a time.");
  let n = lab.nextConsumer;
  while (lab.cluster.consumers[`c${n}`]) n++;
  const id = `c${n}`;
  const next = engine(lab, {
    type: "createConsumer",
    consumer: id,
    topics: [scenario.topic],
    config: { autoOffsetReset: "earliest", ...scenario.setup.consumerConfig, groupId: group, assignmentStrategy: lab.assignor },
  });
  return { ...next, consumers: [...next.consumers, { id, group, slow: false }], nextConsumer: n + 1 };
}

function labConsumer(lab: Mutable, id: string) {
  const info = lab.consumers.find((c) => c.id === id);
  if (!info) {
    const known = lab.consumers.map((c) => c.id);
    throw new LabError(`There is no consumer '${String(id)}'${known.length > 0 ? `; the lab's consumers are ${known.join(", ")}` : ""}.`);
  }
  return info;
}

function removeConsumer(lab: Mutable, id: string): Mutable {
  const info = labConsumer(lab, id);
  const status = lab.cluster.consumers[id]?.status;
  let next = lab;
  if (status === "crashed") {
    // A crashed consumer is already gone from the application's side; the group drops it at session timeout.
    next = note(next, "info", "consumer-removed", `${id} had crashed; removing it from the view. The group drops it when its session times out.`);
  } else {
    next = engine(next, { type: "closeConsumer", consumer: id });
  }
  return { ...next, consumers: next.consumers.filter((c) => c !== info), idleReported: next.idleReported.filter((c) => c !== id) };
}

function crashConsumer(lab: Mutable, id: string): Mutable {
  labConsumer(lab, id);
  const next = engine(lab, { type: "crashConsumer", consumer: id });
  const consumer = next.cluster.consumers[id]!;
  return note(
    next,
    "warning",
    "consumer-crashed",
    `${id} crashed without leaving the group. Its partitions (${consumer.assignment.join(", ") || "none"}) are not read until session.timeout.ms (${consumer.config.sessionTimeoutMs / SECOND} s) passes and the group rebalances; their lag grows meanwhile.`,
  );
}

function slowConsumer(lab: Mutable, scenario: LabScenario, id: string, slow: boolean): Mutable {
  const info = labConsumer(lab, id);
  if (typeof slow !== "boolean") throw new LabError("slow is true or false.");
  if (info.slow === slow) throw new LabError(`${id} is already ${slow ? "slow" : "at full speed"}.`);
  const pace = normalPace(scenario);
  const maxPollRecords = slow ? slowPace(scenario) : pace.maxPollRecords;
  const next = engine(lab, { type: "configureConsumer", consumer: id, config: { maxPollRecords } });
  const perSec = Math.floor((maxPollRecords * SECOND) / pace.pollIntervalMs);
  return note(
    { ...next, consumers: next.consumers.map((c) => (c === info ? { ...c, slow } : c)) },
    slow ? "warning" : "info",
    "consumer-pace",
    slow
      ? `${id} is now slow: its processing takes longer, so it handles about ${perSec} records/s. If its partitions receive more than that, their lag grows even though the consumer is alive and in the group.`
      : `${id} is back to full speed: about ${perSec} records/s.`,
  );
}

function setAssignor(lab: Mutable, scenario: LabScenario, strategy: LabState["assignor"]): Mutable {
  if (!["range", "roundrobin", "sticky", "cooperative-sticky"].includes(strategy)) {
    throw new LabError(`The assignor is range, roundrobin, sticky or cooperative-sticky, got ${String(strategy)}.`);
  }
  if (strategy === lab.assignor) throw new LabError(`The group already uses ${strategy}.`);
  // A group agrees on one protocol, so switching is a restart of every member with the new setting.
  let next: Mutable = { ...lab, assignor: strategy };
  const running = next.consumers.filter((c) => next.cluster.consumers[c.id]?.status === "running" || next.cluster.consumers[c.id]?.status === "stalled");
  for (const c of running) next = engine(next, { type: "closeConsumer", consumer: c.id });
  for (const c of next.consumers) next = engine(next, { type: "configureConsumer", consumer: c.id, config: { assignmentStrategy: strategy } });
  for (const c of running) next = engine(next, { type: "restartConsumer", consumer: c.id });
  // The members leaving under the old protocol rebalance eagerly as part of the switch itself: account
  // for those events now, so only rebalances after the change count as "since the assignor change".
  next = notesFromEvents(next);
  next = { ...next, rebalances: { ...next.rebalances, eagerSinceAssignor: 0 } };
  const cooperative = strategy === "cooperative-sticky";
  void scenario;
  return note(
    next,
    "info",
    "assignor",
    `The group restarted with partition.assignment.strategy=${strategy}. ` +
      (cooperative
        ? "From now on a rebalance moves only the partitions that change owner; everyone else keeps reading (two rounds: revoke, then assign)."
        : "Rebalances are eager: every member gives up all its partitions and waits for the new assignment, so the whole group pauses."),
  );
}

// ---------------------------------------------------------------------------------------------
// Stream apps and transactions
// ---------------------------------------------------------------------------------------------

function setWindow(lab: Mutable, scenario: LabScenario, action: Extract<LabAction, { type: "setWindow" }>): Mutable {
  const base = scenario.setup.streamApp;
  const current = lab.streamApp ? lab.cluster.streams[lab.streamApp] : undefined;
  if (!base || !current) throw new LabError("This scenario has no stream application to change.");
  for (const key of ["sizeMs", "advanceMs", "graceMs", "gapMs"] as const) {
    const value = action[key];
    if (value !== undefined && (!isInt(value) || value < 0 || value > 24 * 3600 * SECOND)) throw new LabError(`${key} is a whole number of milliseconds up to a day, got ${String(value)}.`);
  }
  const window = {
    kind: current.window.kind,
    sizeMs: action.sizeMs ?? current.window.sizeMs,
    advanceMs: action.advanceMs ?? (action.sizeMs !== undefined && current.window.kind === "tumbling" ? action.sizeMs : current.window.advanceMs),
    graceMs: action.graceMs ?? current.window.graceMs,
    gapMs: action.gapMs ?? current.window.gapMs,
  };
  if (window.advanceMs !== window.sizeMs && window.kind === "tumbling") window.kind = "hopping";
  if (window.advanceMs === window.sizeMs && window.kind === "hopping") window.kind = "tumbling";
  const generation = lab.streamAppGeneration + 1;
  const app = `${scenario.id}-app-v${generation + 1}`;
  const next = engine(lab, { type: "createStreamApp", app, sourceTopic: scenario.topic, window, emit: current.emit });
  const describe =
    window.kind === "session"
      ? `session windows with a ${formatMs(window.gapMs)} inactivity gap`
      : window.kind === "hopping"
        ? `hopping windows of ${formatMs(window.sizeMs)} advancing every ${formatMs(window.advanceMs)}`
        : `tumbling windows of ${formatMs(window.sizeMs)}`;
  return note(
    { ...next, streamApp: app, streamAppGeneration: generation },
    "info",
    "window-settings",
    `A new version of the app (${app}) counts ${describe} and a grace period of ${formatMs(window.graceMs)}. It re-reads the topic from the start, so every record is counted again under the new rules.`,
  );
}

function runTransaction(lab: Mutable, scenario: LabScenario, outcome: "commit" | "abort"): Mutable {
  const setup = scenario.setup.transactional;
  if (!setup || !scenario.group) throw new LabError("This scenario has no transactional application.");
  if (outcome !== "commit" && outcome !== "abort") throw new LabError(`A transaction ends with "commit" or "abort", got ${String(outcome)}.`);
  const reader = lab.consumers.map((c) => lab.cluster.consumers[c.id]).find((c) => c && c.status === "running" && c.config.groupId === scenario.group);
  if (!reader) throw new LabError(`No running consumer in group '${scenario.group}' reads the input; add one first.`);
  const group = lab.cluster.groups[scenario.group];
  const offsets: Record<string, number> = {};
  let pending = 0;
  for (const tp of reader.assignment) {
    const position = reader.positions[tp];
    if (position === undefined) continue;
    const from = group?.committed[tp]?.offset ?? 0;
    if (position > from) pending += position - from;
    offsets[tp] = position;
  }
  if (pending === 0) throw new LabError(`The app has read no new orders since its last committed transaction. Produce some orders and play time first.`);
  const producer = "billing-tx";
  let next = engine(lab, { type: "beginTransaction", producer });
  const count = Math.min(pending, 200);
  next = engine(next, {
    type: "produce",
    producer,
    topic: setup.outputTopic,
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: `invoice ${next.transactions.committed + next.transactions.aborted + 1}.${i + 1}` })),
  });
  next = engine(next, { type: "sendOffsetsToTransaction", producer, groupId: scenario.group, offsets });
  // commitTransaction flushes first: play time until the invoices are acknowledged (at most 3 s).
  for (let waited = 0; waited < 3 * SECOND; waited += SLICE_MS) {
    const p = next.cluster.producers[producer]!;
    if (p.queue.length === 0 && p.inFlight.length === 0) break;
    next = { ...next, cluster: step(next.cluster, { type: "advance", ms: SLICE_MS }) };
  }
  next = engine(next, { type: outcome === "commit" ? "commitTransaction" : "abortTransaction", producer });
  if (outcome === "commit") {
    return note(
      { ...next, transactions: { ...next.transactions, committed: next.transactions.committed + 1, lastInputOffset: offsets } },
      "success",
      "transaction-committed",
      `Committed: ${plural(count, "invoice")} and the group's input offsets (${Object.entries(offsets).map(([tp, o]) => `${tp}@${o}`).join(", ")}) became visible together. read_committed readers now see the invoices, and the orders will not be processed again.`,
    );
  }
  // After an abort the application rewinds to its committed offsets and processes those orders again.
  for (const tp of Object.keys(offsets)) {
    const committed = next.cluster.groups[scenario.group]?.committed[tp]?.offset ?? 0;
    next = engine(next, { type: "seek", consumer: reader.id, partition: tp, offset: committed });
  }
  return note(
    { ...next, transactions: { ...next.transactions, aborted: next.transactions.aborted + 1 } },
    "info",
    "transaction-aborted",
    `Aborted: the ${plural(count, "invoice")} stay in the log behind an ABORT marker, read_committed readers skip them, and the group's offsets did not move, so the app rewinds and will invoice those orders again in the next transaction. read_uncommitted readers saw them anyway.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Durability bookkeeping: acknowledged records and whether the log still has them
// ---------------------------------------------------------------------------------------------

function epochAt(log: ReplicaLog, offset: number): number {
  let epoch = -1;
  for (const [e, start] of log.epochs) if (start <= offset) epoch = e;
  return epoch;
}

function epochSpan(log: ReplicaLog, epoch: number): [number, number] | null {
  for (let i = 0; i < log.epochs.length; i++) {
    const [e, start] = log.epochs[i]!;
    if (e !== epoch) continue;
    const next = log.epochs[i + 1];
    return [start, Math.min(next ? next[1] : log.leo, log.leo)];
  }
  return null;
}

function partitionByName(cluster: ClusterState, tp: string): PartitionState | null {
  const dash = tp.lastIndexOf("-");
  const topic = cluster.topics[tp.slice(0, dash)];
  return topic?.partitions[Number(tp.slice(dash + 1))] ?? null;
}

function addAcked(ranges: AckedRange[], added: AckedRange): AckedRange[] {
  const out: AckedRange[] = [];
  let [from, to] = added;
  const [, , epoch, leader, acksAll] = added;
  for (const r of ranges) {
    if (r[2] === epoch && r[3] === leader && r[4] === acksAll && r[0] <= to && from <= r[1]) {
      from = Math.min(from, r[0]);
      to = Math.max(to, r[1]);
    } else out.push(r);
  }
  out.push([from, to, epoch, leader, acksAll]);
  out.sort((a, b) => a[0] - b[0]);
  return out.length > MAX_ACKED_RANGES ? out.slice(out.length - MAX_ACKED_RANGES) : out;
}

function ackedWithin(lab: Mutable, tp: string, from: number, to: number): number {
  let n = 0;
  for (const r of lab.durability.acked[tp] ?? []) n += Math.max(0, Math.min(to, r[1]) - Math.max(from, r[0]));
  return n;
}

/** New delivery reports become acknowledged ranges; then every range is checked against the leader's log. */
function trackDurability(lab: Mutable): Mutable {
  let durability = lab.durability;
  const { cluster } = lab;
  for (const producer of Object.values(cluster.producers)) {
    const reports = producer.recentDeliveries;
    if (reports.length === 0) continue;
    const keyOf = (r: (typeof reports)[number]) => `${r.batchId}:${r.atMs}:${r.baseOffset}`;
    const lastKey = keyOf(reports[reports.length - 1]!);
    if (durability.seenDeliveries[producer.id] === lastKey) continue;
    const seen = durability.seenDeliveries[producer.id];
    let startIndex = 0;
    if (seen !== undefined) {
      for (let i = reports.length - 1; i >= 0; i--) {
        if (keyOf(reports[i]!) === seen) {
          startIndex = i + 1;
          break;
        }
      }
    }
    const acked = { ...durability.acked };
    let ackedTotal = durability.ackedTotal;
    let ackedSingleCopy = durability.ackedSingleCopy;
    for (let i = startIndex; i < reports.length; i++) {
      const report = reports[i]!;
      if (!report.ok || report.baseOffset < 0 || producer.config.acks === 0) continue;
      const tp = `${report.topic}-${report.partition}`;
      const partition = partitionByName(cluster, tp);
      if (!partition) continue;
      const leaderLog = partition.leader >= 0 ? partition.logs[String(partition.leader)] : undefined;
      const end = report.baseOffset + report.count;
      const log = leaderLog && leaderLog.leo >= end ? leaderLog : Object.values(partition.logs).find((l) => l.leo >= end);
      if (!log) continue;
      acked[tp] = addAcked(acked[tp] ?? [], [report.baseOffset, end, epochAt(log, report.baseOffset), partition.leader, producer.config.acks === "all" ? 1 : 0]);
      ackedTotal += report.count;
      if (partition.isr.length <= 1) ackedSingleCopy += report.count;
    }
    durability = { ...durability, acked, ackedTotal, ackedSingleCopy, seenDeliveries: { ...durability.seenDeliveries, [producer.id]: lastKey } };
  }
  let next = durability === lab.durability ? lab : { ...lab, durability };
  // Loss: an acknowledged range is gone when the partition's leader has no records of that epoch there.
  for (const [tp, ranges] of Object.entries(next.durability.acked)) {
    const partition = partitionByName(cluster, tp);
    if (!partition || partition.leader < 0) continue;
    const log = partition.logs[String(partition.leader)];
    if (!log) continue;
    let changed = false;
    const kept: AckedRange[] = [];
    for (const r of ranges) {
      const from = Math.max(r[0], partition.logStartOffset);
      if (from >= r[1]) {
        changed = true; // deleted by retention, not lost
        continue;
      }
      const span = epochSpan(log, r[2]);
      const keptFrom = span ? Math.max(from, span[0]) : from;
      const keptTo = span ? Math.min(r[1], span[1]) : from;
      if (keptTo <= keptFrom) {
        next = reportLoss(next, tp, partition, r, from, r[1]);
        changed = true;
        continue;
      }
      if (keptFrom > from) next = reportLoss(next, tp, partition, r, from, keptFrom);
      if (keptTo < r[1]) next = reportLoss(next, tp, partition, r, keptTo, r[1]);
      if (keptFrom !== r[0] || keptTo !== r[1]) changed = true;
      kept.push([keptFrom, keptTo, r[2], r[3], r[4]]);
    }
    if (changed) next = { ...next, durability: { ...next.durability, acked: { ...next.durability.acked, [tp]: kept } } };
  }
  return next;
}

function reportLoss(lab: Mutable, tp: string, partition: PartitionState, r: AckedRange, from: number, to: number): Mutable {
  const count = to - from;
  const acks: LabAcks = r[4] === 1 ? "all" : "1";
  const oldLeader = r[3];
  const why =
    acks === "1"
      ? `The producer used acks=1, so broker ${oldLeader} confirmed ${count === 1 ? "it" : "them"} as soon as it had written ${count === 1 ? "it" : "them"} itself, before any follower had a copy.`
      : `The producer used acks=all, but acks=all only waits for the replicas in sync at that moment, and broker ${partition.leader} was not one of them (an ISR of one, or an unclean election).`;
  const message =
    `Acknowledged ${count === 1 ? "record" : "records"} lost: ${tp} ${count === 1 ? "offset" : "offsets"} ${range(from, to)} (${plural(count, "record")}). ` +
    `${why} Broker ${partition.leader} now leads ${tp} without ${count === 1 ? "it" : "them"}, and its log is the truth: the producer was told ${count === 1 ? "this record was" : "these records were"} safe, yet no consumer will ever read ${count === 1 ? "it" : "them"}.`;
  const loss = { tp, from, to, t: lab.cluster.now, acks };
  const next: Mutable = {
    ...lab,
    durability: { ...lab.durability, lostTotal: lab.durability.lostTotal + count, lost: [...lab.durability.lost, loss].slice(-MAX_LOSSES_KEPT) },
  };
  return note(next, "loss", "acked-loss", message);
}

// ---------------------------------------------------------------------------------------------
// Observation: notes from engine events, idle consumers, lag, challenge
// ---------------------------------------------------------------------------------------------

function note(lab: Mutable, tone: LabNoteTone, kind: string, message: string): Mutable {
  const entry: LabNote = { seq: lab.noteSeq, t: lab.cluster.now, tone, kind, message };
  const notes = [...lab.notes, entry];
  return { ...lab, notes: notes.length > NOTE_LIMIT ? notes.slice(notes.length - NOTE_LIMIT) : notes, noteSeq: lab.noteSeq + 1 };
}

/** Engine events worth a note, with their tone. Routine ones (acks, polls, commits) stay in the event log. */
const EVENT_TONES: Record<string, LabNoteTone> = {
  "broker-fenced": "warning",
  "leader-election": "info",
  "unclean-election": "loss",
  "partition-offline": "warning",
  "isr-shrink": "warning",
  "isr-expand": "info",
  "under-min-isr": "warning",
  truncation: "warning",
  "duplicate-detected": "success",
  "duplicate-written": "loss",
  "record-lost": "loss",
  "records-lost": "loss",
  duplicates: "warning",
  "member-expired": "warning",
  rebalance: "info",
  retention: "info",
  "late-drop": "warning",
  "window-final": "info",
  "produce-failed": "warning",
  "unclean-pending": "warning",
};

/** At most this many notes of one kind per observation; the rest are counted in one line. */
const NOTES_PER_KIND = 2;

function notesFromEvents(lab: Mutable): Mutable {
  const { cluster } = lab;
  if (cluster.eventSeq === lab.eventCursor) return lab;
  const fresh: ClusterEvent[] = [];
  for (let i = cluster.events.length - 1; i >= 0; i--) {
    const event = cluster.events[i]!;
    if (event.seq < lab.eventCursor) break;
    fresh.push(event);
  }
  fresh.reverse();
  let next: Mutable = { ...lab, eventCursor: cluster.eventSeq };
  const perKind = new Map<string, number>();
  for (const event of fresh) {
    const tone = EVENT_TONES[event.kind];
    if (!tone) continue;
    const seen = (perKind.get(event.kind) ?? 0) + 1;
    perKind.set(event.kind, seen);
    if (seen <= NOTES_PER_KIND) next = note(next, tone, event.kind, event.message);
    const span = typeof event.firstOffset === "number" && typeof event.lastOffset === "number" ? event.lastOffset - event.firstOffset + 1 : 1;
    if (event.kind === "rebalance") {
      const eager = event.strategy !== "cooperative-sticky";
      const r = next.rebalances;
      next = { ...next, rebalances: eager ? { ...r, eager: r.eager + 1, eagerSinceAssignor: r.eagerSinceAssignor + 1 } : { ...r, cooperative: r.cooperative + 1 } };
    }
    if (event.kind === "duplicate-detected") {
      const count = span;
      next = { ...next, durability: { ...next.durability, duplicatesAvoided: next.durability.duplicatesAvoided + count } };
    }
    if (event.kind === "duplicate-written") {
      const count = span;
      next = { ...next, durability: { ...next.durability, duplicatesWritten: next.durability.duplicatesWritten + count } };
    }
  }
  for (const [kind, seen] of perKind) {
    if (seen > NOTES_PER_KIND) next = note(next, EVENT_TONES[kind]!, kind, `…and ${plural(seen - NOTES_PER_KIND, "more event")} like this (see the event log).`);
  }
  return next;
}

function idleConsumers(lab: Mutable, scenario: LabScenario): string[] {
  void scenario;
  const idle: string[] = [];
  for (const info of lab.consumers) {
    const consumer = lab.cluster.consumers[info.id];
    if (consumer && isIdle(lab.cluster, consumer)) idle.push(info.id);
  }
  return idle;
}

function isIdle(cluster: ClusterState, consumer: ConsumerState): boolean {
  if (consumer.status !== "running" || !consumer.inGroup || consumer.assignment.length > 0) return false;
  return cluster.groups[consumer.config.groupId]?.state === "Stable";
}

function noteIdle(lab: Mutable, scenario: LabScenario): Mutable {
  const idle = idleConsumers(lab, scenario);
  let next = lab;
  for (const id of idle) {
    if (lab.idleReported.includes(id)) continue;
    const consumer = lab.cluster.consumers[id]!;
    const group = lab.cluster.groups[consumer.config.groupId]!;
    const partitions = consumer.subscription.reduce((n, t) => n + (lab.cluster.topics[t]?.partitions.length ?? 0), 0);
    const members = group.members.filter((m) => lab.cluster.consumers[m]?.status === "running" || lab.cluster.consumers[m]?.status === "stalled").length;
    next = note(
      next,
      "warning",
      "idle-consumer",
      `${id} is idle: group '${group.id}' has ${plural(members, "member")} but ${consumer.subscription.join(", ")} has only ${plural(partitions, "partition")}, and a partition is read by at most one member of a group. ` +
        `${id} waits as a standby and adds no throughput; add partitions (or remove a consumer) to put it to work.`,
    );
  }
  return { ...next, idleReported: idle };
}

/** The group's lag on the scenario topic: high watermark minus the owner's position (else the committed offset). */
export function groupLag(state: LabState): LagPoint | null {
  const scenario = labScenarioById(state.scenarioId);
  if (!scenario?.group) return null;
  return lagOf(state.cluster, scenario.topic, scenario.group);
}

function lagOf(cluster: ClusterState, topicName: string, groupId: string): LagPoint | null {
  const topic = cluster.topics[topicName];
  if (!topic) return null;
  const group = cluster.groups[groupId];
  const byPartition: Record<string, number> = {};
  let total = 0;
  for (const partition of topic.partitions) {
    const tp = `${topicName}-${partition.index}`;
    const hw = highWatermarkOf(cluster, topicName, partition.index);
    let position: number | undefined;
    if (group) {
      for (const member of group.members) {
        const consumer = cluster.consumers[member];
        if (consumer && consumer.status !== "closed" && consumer.assignment.includes(tp)) {
          position = consumer.positions[tp];
          break;
        }
      }
      position ??= group.committed[tp]?.offset;
    }
    const lag = Math.max(0, hw - (position ?? partition.logStartOffset));
    byPartition[tp] = lag;
    total += lag;
  }
  return { t: cluster.now, total, byPartition };
}

function observe(lab: Mutable, scenario: LabScenario, initial = false): Mutable {
  let next = notesFromEvents(lab);
  next = trackDurability(next);
  next = noteIdle(next, scenario);
  if (scenario.group) {
    const point = lagOf(next.cluster, scenario.topic, scenario.group);
    if (point) {
      const series = next.lagSeries.length > 0 && next.lagSeries[next.lagSeries.length - 1]!.t === point.t ? next.lagSeries.slice(0, -1) : next.lagSeries.slice();
      series.push(point);
      next = { ...next, lagSeries: series.length > LAG_SERIES_LIMIT ? series.slice(series.length - LAG_SERIES_LIMIT) : series };
    }
  }
  if (scenario.challenge) {
    const status = scenario.challenge.check(next);
    const was = next.challenge?.met ?? false;
    next = { ...next, challenge: status };
    if (status.met && !was && !initial) next = note(next, "success", "challenge-met", `Challenge met: ${status.detail}`);
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Views for the UI
// ---------------------------------------------------------------------------------------------

/** One row per consumer the lab runs: its status as a learner would describe it, and its partitions. */
export function consumerRows(state: LabState): LabConsumerRow[] {
  const scenario = labScenarioById(state.scenarioId);
  const pace = scenario ? normalPace(scenario) : { maxPollRecords: 500, pollIntervalMs: 100 };
  return state.consumers.flatMap((info): LabConsumerRow[] => {
    const consumer = state.cluster.consumers[info.id];
    if (!consumer || consumer.status === "closed") return [];
    const status =
      consumer.status === "crashed" ? "crashed" : isIdle(state.cluster, consumer) ? "idle" : info.slow || consumer.status === "stalled" ? "slow" : "running";
    const partitions = [...consumer.assignment].sort((a, b) => {
      const pa = a.lastIndexOf("-");
      const pb = b.lastIndexOf("-");
      const ta = a.slice(0, pa);
      const tb = b.slice(0, pb);
      return ta === tb ? Number(a.slice(pa + 1)) - Number(b.slice(pb + 1)) : ta < tb ? -1 : 1;
    });
    const capacityPerSec = consumer.status === "crashed" ? 0 : Math.floor((consumer.config.maxPollRecords * SECOND) / (consumer.config.pollIntervalMs || pace.pollIntervalMs));
    return [{ consumer: info.id, group: info.group, status, partitions, capacityPerSec }];
  });
}

// ---------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------

function plural(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}

function range(from: number, to: number): string {
  return to - from === 1 ? String(from) : `${from}–${to - 1}`;
}

function formatMs(ms: number): string {
  if (ms % (60 * SECOND) === 0 && ms >= 60 * SECOND) return `${ms / (60 * SECOND)} min`;
  if (ms % SECOND === 0) return `${ms / SECOND} s`;
  return `${ms} ms`;
}

export const __testing = { isIdle, lagOf, trackDurability };
