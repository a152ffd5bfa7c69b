// The lab reducer: maps what a learner does onto the cluster engine's actions, plays time with a
// workload, and derives what the view needs (observation.ts). Pure and deterministic: the same scenario,
// seed and actions always give a deep-equal state, so a run can be shared as its action list.
import { createCluster, createReducerStore } from "@/lib/cluster";
import type { DemoScenarioId } from "../catalog";
import { labScenarioById } from "../scenarios";
import { engine, isInt, LabError } from "./core";
import { baseline } from "./durability";
import { killBroker, restartBroker } from "./handlers/brokers";
import { addConsumer, crashConsumer, removeConsumer, setAssignor, slowConsumer } from "./handlers/consumers";
import { dropAcks, setProducer, startProducer } from "./handlers/producer";
import { setWindow } from "./handlers/streams";
import { setTopic } from "./handlers/topic";
import { runTransaction } from "./handlers/transactions";
import { idleConsumers, observe } from "./observation";
import { advanceSteps, completeStepsThrough } from "./progress";
import type { LabAction, LabClient, LabScenario, LabState } from "./types";
import { produceAction, quantum, setWorkload } from "./workload";

/** The longest single tick action: ten minutes of simulated time. */
export const MAX_TICK_QUANTA = 6000;

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
  let lab: LabState = {
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
    transactions: { committed: 0, aborted: 0, last: null, lastInputOffset: {} },
    lagSeries: [],
    notes: [],
    noteSeq: 0,
    eventCursor: 0,
    idleReported: [],
    challenge: null,
    lastError: null,
    stepIndex: 0,
    stepStartedAt: 0,
    stepsDoneBy: [],
    assisted: false,
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
  for (let i = 0; i < setup.consumers; i++) lab = addConsumer(lab, scenario);
  for (const action of setup.prelude ?? []) lab = engine(lab, action);
  // Setup events are the starting point, not news.
  lab = { ...lab, eventCursor: lab.cluster.eventSeq };
  for (let i = 0; i < (setup.warmupQuanta ?? 0); i++) lab = quantum(lab, scenario);
  lab = {
    ...lab,
    notes: [],
    noteSeq: 0,
    idleReported: idleConsumers(lab),
    eventCursor: lab.cluster.eventSeq,
    rebalances: { eager: 0, cooperative: 0, eagerSinceAssignor: 0 },
  };
  lab = { ...lab, baseline: baseline(lab), stepStartedAt: lab.cluster.now };
  return observe(lab, scenario, true);
}

/**
 * Applies one learner action, then ticks off the guided steps whose state the lab is in. Pure; never
 * throws: an invalid action only sets `lastError`.
 */
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
    const guided = action.type === "guidedStep";
    // Set before the action runs, so the challenge's note already knows whose run this is.
    const next = apply({ ...state, lastError: null, assisted: state.assisted || guided }, action, scenario);
    return { ...advanceSteps(next, scenario, guided ? "lab" : "you"), actions: logAction(state.actions, action), lastError: null };
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

function validateShape(action: LabAction): void {
  if (!action || typeof action !== "object" || typeof (action as { type?: unknown }).type !== "string") {
    throw new LabError("An action must be an object with a 'type'.");
  }
}

function apply(lab: LabState, action: LabAction, scenario: LabScenario): LabState {
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
    case "addConsumer":
      return observe(addConsumer(lab, scenario, action.group), scenario);
    case "removeConsumer":
      return observe(removeConsumer(lab, action.consumer), scenario);
    case "crashConsumer":
      return observe(crashConsumer(lab, action.consumer), scenario);
    case "slowConsumer":
      return observe(slowConsumer(lab, scenario, action.consumer, action.slow), scenario);
    case "setAssignor":
      return observe(setAssignor(lab, action.strategy), scenario);
    case "dropAcks":
      return observe(dropAcks(lab, action.count), scenario);
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
      return completeStepsThrough(next, action.index);
    }
    default: {
      const unknown: { type?: unknown } = action;
      throw new LabError(`The lab does not know the action '${String(unknown.type)}'.`);
    }
  }
}
