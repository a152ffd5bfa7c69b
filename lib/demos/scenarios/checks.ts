// The challenge checks more than one scenario uses, written once: reading the state behind a challenge
// (rows of a group, lag, kills, counters since the last settings change, stream windows) and the checks
// whose wording is shared (the workload rate, idle members, a group that does not keep up).
import type { DeliveryLedger } from "@/lib/cluster";
import type { ChallengeStatus, LabBaseline, LabConsumerRow, LabDurability, LabKill, LabScenario, LabState } from "../lab/types";
import { consumerRows, groupLag } from "../lab/views";

export const met = (detail: string): ChallengeStatus => ({ met: true, detail });
export const notYet = (detail: string): ChallengeStatus => ({ met: false, detail });

export function partitionOf(state: LabState, topic: string, index: number) {
  return state.cluster.topics[topic]?.partitions[index];
}

export function brokerOnline(state: LabState, broker: number): boolean {
  return state.cluster.brokers[String(broker)]?.status === "online";
}

/** The scenario group's total lag on the scenario topic. */
export function lagNow(state: LabState, scenario: LabScenario): number {
  return groupLag(state, scenario)?.total ?? 0;
}

export function groupRows(state: LabState, group: string): LabConsumerRow[] {
  return consumerRows(state).filter((row) => row.group === group);
}

/** The most recent kill that matches. */
export function lastKill(state: LabState, matches: (kill: LabKill) => boolean): LabKill | undefined {
  return [...state.kills].reverse().find(matches);
}

/** Acknowledged records lost since `kill`. */
export function lostSince(state: LabState, kill: LabKill): number {
  return state.durability.lostTotal - kill.lostBefore;
}

/** How much a durability counter grew since the producer or topic settings last changed. */
export function sinceBaseline(state: LabState, counter: keyof LabBaseline & keyof LabDurability): number {
  return state.durability[counter] - state.baseline[counter];
}

/** Records a group's ledger says were processed on one partition (ranges [from, to)). */
export function processedOn(ledger: DeliveryLedger | undefined): number {
  return ledger?.processed.reduce((n, [from, to]) => n + to - from, 0) ?? 0;
}

/** The stream app the lab currently runs (window demos). */
export function activeApp(state: LabState) {
  return state.streamApp ? state.cluster.streams[state.streamApp] : undefined;
}

/** The windows of `key` the current app holds now: the latest result per window, deleted ones left out. */
export function liveWindows(state: LabState, key: string): { start: number; end: number; count: number }[] {
  const latest = new Map<string, { start: number; end: number; count: number | null }>();
  for (const output of activeApp(state)?.outputs ?? []) if (output.key === key) latest.set(`${output.start}-${output.end}`, output);
  return [...latest.values()].flatMap((w) => (w.count === null ? [] : [{ start: w.start, end: w.end, count: w.count }]));
}

/** Unmet while the workload runs below `rate` records/s. */
export function workloadBelow(state: LabState, rate: number): ChallengeStatus | null {
  const current = state.workload.ratePerSec;
  return current < rate ? notYet(`Keep the workload at ${rate} records/s or more (it is ${current}).`) : null;
}

/** Unmet while a member of the group sits idle. */
export function idleMembers(rows: readonly LabConsumerRow[]): ChallengeStatus | null {
  const idle = rows.filter((r) => r.status === "idle");
  if (idle.length === 0) return null;
  return notYet(`${idle.map((r) => r.consumer).join(", ")} ${idle.length === 1 ? "is" : "are"} idle: the group has more members than partitions.`);
}

/** Unmet while the group's lag is `limit` or more: what its members handle against what comes in. */
export function lagAtLeast(state: LabState, scenario: LabScenario, rows: readonly LabConsumerRow[], limit: number): ChallengeStatus | null {
  const lag = lagNow(state, scenario);
  if (lag < limit) return null;
  const capacity = rows.filter((r) => r.status === "running" || r.status === "slow").reduce((n, r) => n + r.capacityPerSec, 0);
  return notYet(`Total lag is ${lag}. The group handles about ${capacity} records/s against ${state.workload.ratePerSec} coming in.`);
}
