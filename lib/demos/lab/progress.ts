// Guided-step progress and what the challenge means for the learner. A step is done once the lab is in
// the state it asks for, whoever got it there: the learner's own controls or "Do it for me". A run in
// which the lab performed a step can reach the challenge's conditions, but only a run the learner played
// on their own completes it.
import type { ChallengeProgress, LabActor, LabScenario, LabState } from "./types";

/** Ticks off the current step, and each one after it, while the lab is in the state it asks for. */
export function advanceSteps(lab: LabState, scenario: LabScenario, by: LabActor): LabState {
  let next = lab;
  while (next.stepIndex < scenario.steps.length && stepDone(scenario, next)) next = completeStep(next, by);
  return next;
}

/** "Do it for me" on step `index`: it and any step before it still open count as done by the lab. */
export function completeStepsThrough(lab: LabState, index: number): LabState {
  let next = lab;
  while (next.stepIndex <= index) next = completeStep(next, "lab");
  return next;
}

export function challengeProgress(state: Pick<LabState, "challenge" | "assisted">): ChallengeProgress {
  if (!state.challenge?.met) return "open";
  return state.assisted ? "done-for-you" : "complete";
}

function stepDone(scenario: LabScenario, lab: LabState): boolean {
  try {
    return scenario.steps[lab.stepIndex]!.done(lab, lab.stepStartedAt);
  } catch {
    // A predicate that cannot read this state (a topic or app the learner replaced) is simply not met.
    return false;
  }
}

function completeStep(lab: LabState, by: LabActor): LabState {
  return { ...lab, stepIndex: lab.stepIndex + 1, stepStartedAt: lab.cluster.now, stepsDoneBy: [...lab.stepsDoneBy, by] };
}
