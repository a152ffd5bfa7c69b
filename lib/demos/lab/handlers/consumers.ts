// Consumers: the lab adds, removes, crashes and slows down members of the scenario's group, and switches
// the group's assignor (a restart of every member).
import { engine, LabError, note, SECOND } from "../core";
import { notesFromEvents } from "../observation";
import type { LabScenario, LabState } from "../types";

function normalPace(scenario: LabScenario): { maxPollRecords: number; pollIntervalMs: number } {
  return {
    maxPollRecords: scenario.setup.consumerConfig.maxPollRecords ?? 500,
    pollIntervalMs: scenario.setup.consumerConfig.pollIntervalMs ?? 100,
  };
}

function slowPace(scenario: LabScenario): number {
  return Math.max(1, Math.floor(normalPace(scenario).maxPollRecords * scenario.setup.slowFactor));
}

/** A new consumer c<n> in `group` (the scenario's group by default), subscribed to the scenario's topic. */
export function addConsumer(lab: LabState, scenario: LabScenario, groupId?: string | null): LabState {
  const group = groupId ?? scenario.group ?? "lab";
  if (typeof group !== "string" || !/^[A-Za-z0-9._-]{1,40}$/.test(group)) {
    throw new LabError("A group id uses letters, digits, '.', '_' or '-' (at most 40 characters).");
  }
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

function labConsumer(lab: LabState, id: string) {
  const info = lab.consumers.find((c) => c.id === id);
  if (!info) {
    const known = lab.consumers.map((c) => c.id);
    throw new LabError(`There is no consumer '${String(id)}'${known.length > 0 ? `; the lab's consumers are ${known.join(", ")}` : ""}.`);
  }
  return info;
}

export function removeConsumer(lab: LabState, id: string): LabState {
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

export function crashConsumer(lab: LabState, id: string): LabState {
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

export function slowConsumer(lab: LabState, scenario: LabScenario, id: string, slow: boolean): LabState {
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

export function setAssignor(lab: LabState, strategy: LabState["assignor"]): LabState {
  if (!["range", "roundrobin", "sticky", "cooperative-sticky"].includes(strategy)) {
    throw new LabError(`The assignor is range, roundrobin, sticky or cooperative-sticky, got ${String(strategy)}.`);
  }
  if (strategy === lab.assignor) throw new LabError(`The group already uses ${strategy}.`);
  // A group agrees on one protocol, so switching is a restart of every member with the new setting.
  let next: LabState = { ...lab, assignor: strategy };
  const running = next.consumers.filter((c) => next.cluster.consumers[c.id]?.status === "running" || next.cluster.consumers[c.id]?.status === "stalled");
  for (const c of running) next = engine(next, { type: "closeConsumer", consumer: c.id });
  for (const c of next.consumers) next = engine(next, { type: "configureConsumer", consumer: c.id, config: { assignmentStrategy: strategy } });
  for (const c of running) next = engine(next, { type: "restartConsumer", consumer: c.id });
  // The members leaving under the old protocol rebalance eagerly as part of the switch itself: account
  // for those events now, so only rebalances after the change count as "since the assignor change".
  next = notesFromEvents(next);
  next = { ...next, rebalances: { ...next.rebalances, eagerSinceAssignor: 0 } };
  const cooperative = strategy === "cooperative-sticky";
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
