// Helpers for driving the interactive lab in tests: a driver that fails loudly when an action the test
// expects to work is rejected, and small readers for the cluster state behind a lab.
import { expect } from "vitest";
import { partitionRecords, type ClusterState } from "@/lib/cluster";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { LAB_QUANTUM_MS, createLab, labScenarioById, labStep, type LabAction, type LabScenario, type LabState } from "@/lib/demos/lab";

export function scenario(id: DemoScenarioId): LabScenario {
  const found = labScenarioById(id);
  if (!found) throw new Error(`no lab scenario ${id}`);
  return found;
}

/** Applies actions that must all succeed. */
export function play(lab: LabState, actions: LabAction[]): LabState {
  let state = lab;
  for (const action of actions) {
    state = labStep(state, action);
    expect(state.lastError, `${JSON.stringify(action)} should succeed`).toBeNull();
  }
  return state;
}

/** A fresh lab with guided steps 0..count-1 done. */
export function guided(id: DemoScenarioId, count = scenario(id).steps.length): LabState {
  return play(
    createLab(id),
    Array.from({ length: count }, (_, index): LabAction => ({ type: "guidedStep", index })),
  );
}

/** The actions of guided steps `indexes`, as a learner does them with the lab's own controls. */
export function stepActions(id: DemoScenarioId, ...indexes: number[]): LabAction[] {
  return indexes.flatMap((index) => scenario(id).steps[index]!.actions);
}

/** A fresh lab with guided steps 0..count-1 done by hand: their actions, one by one, no "Do it for me". */
export function byHand(id: DemoScenarioId, count = scenario(id).steps.length): LabState {
  return play(createLab(id), stepActions(id, ...Array.from({ length: count }, (_, index) => index)));
}

/**
 * Applies an action that must be rejected: the message matches `pattern`, the action is not logged,
 * and everything but `lastError` is exactly the state before.
 */
export function expectRejected(lab: LabState, action: LabAction, pattern: RegExp): LabState {
  const next = labStep(lab, action);
  expect(next.lastError, `${JSON.stringify(action)} should be rejected`).toMatch(pattern);
  expect(next.cluster).toBe(lab.cluster);
  expect({ ...next, lastError: null }).toEqual({ ...lab, lastError: null });
  return next;
}

/** Every record of a topic as the partition leaders hold them. */
export function records(state: ClusterState, topic: string): { partition: number; offset: number; key: string | null; value: string | null; timestamp: number }[] {
  const partitions = state.topics[topic]?.partitions ?? [];
  return partitions.flatMap((p) => partitionRecords(state, topic, p.index, { limit: 100_000 }).map((r) => ({ partition: p.index, ...r })));
}

export function noteKinds(lab: LabState): string[] {
  return lab.notes.map((n) => n.kind ?? "");
}

/**
 * What a run did to the cluster and what the lab derived from it, leaving out who did it: the action
 * log, the guided-step progress and the wording of the challenge note (which says whose run it was).
 */
export function outcome(lab: LabState): string {
  const notes = lab.notes.map((n) => (n.kind === "challenge-met" ? { ...n, tone: "success" as const, message: "" } : n));
  return fingerprint({ ...lab, notes, actions: [], stepIndex: 0, stepStartedAt: 0, stepsDoneBy: [], assisted: false });
}

/** What a replay must reproduce exactly: the engine state and everything the lab derived from it. */
export function fingerprint(lab: LabState): string {
  const { lastError: _lastError, ...rest } = lab;
  return JSON.stringify(rest);
}

/** The total of an action list's ticks, in ms of simulated time. */
export function tickedMs(actions: LabAction[]): number {
  return actions.reduce((ms, a) => ms + (a.type === "tick" ? a.quanta * LAB_QUANTUM_MS : 0), 0);
}
