// Guided-step parts several scenarios share: what "Do it for me" performs and when the step counts as
// done, built from one number so the two cannot drift apart.
import { LAB_QUANTUM_MS, type LabAction, type LabStep } from "../lab/types";
import { liveMembers, playedFor } from "./checks";
import { SECOND } from "./define";

/** "Play N seconds": plays them in one go, and is done once N seconds have passed since the step began. */
export function playSeconds(seconds: number): Pick<LabStep, "actions" | "done"> {
  return {
    actions: [{ type: "tick", quanta: (seconds * SECOND) / LAB_QUANTUM_MS }],
    done: (state, startedAt) => playedFor(state, startedAt, seconds * SECOND),
  };
}

/**
 * "Add N consumers": adds `count` to the scenario's group and plays `quanta` for the rebalance; done
 * once `group` has at least `members` running members, however they got there.
 */
export function addConsumers({ count, quanta, group, members }: { count: number; quanta: number; group: string; members: number }): Pick<LabStep, "actions" | "done"> {
  return {
    actions: [...Array.from({ length: count }, (): LabAction => ({ type: "addConsumer" })), { type: "tick", quanta }],
    done: (state) => liveMembers(state, group).length >= members,
  };
}
