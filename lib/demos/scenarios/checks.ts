// The challenge and guided-step checks more than one scenario uses, written once: reading the state
// behind a challenge or a step (rows of a group, lag, kills, counters since the last settings change,
// stream windows, time played, records of a key) and the checks whose wording is shared (the workload
// rate, idle members, a group that does not keep up).
import { highWatermarkOf, type DeliveryLedger } from "@/lib/cluster";
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

/** The lab's consumers in `group` that have not crashed. */
export function liveMembers(state: LabState, group: string): LabConsumerRow[] {
  return groupRows(state, group).filter((row) => row.status !== "crashed");
}

/** At least `ms` of simulated time has passed since `since` (a step's "play N seconds"). */
export function playedFor(state: LabState, since: number, ms: number): boolean {
  return state.cluster.now - since >= ms;
}

export function partitionCount(state: LabState, topic: string): number {
  return state.cluster.topics[topic]?.partitions.length ?? 0;
}

/** How far back from the high watermark `readableWithKey` looks on each partition (a step's records are recent). */
const RECENT_RECORDS = 10_000;

/**
 * Records with `key` a consumer of `topic` can read now (in the leader's log, below the high watermark),
 * counted among each partition's newest RECENT_RECORDS and up to `atLeast`: checked after every action, so
 * it must stay cheap however long the lab has run.
 */
export function readableWithKey(state: LabState, topic: string, key: string, atLeast: number): number {
  let count = 0;
  for (const partition of state.cluster.topics[topic]?.partitions ?? []) {
    const log = partition.logs[String(partition.leader >= 0 ? partition.leader : partition.replicas[0])];
    if (!log) continue;
    const end = Math.min(log.leo, highWatermarkOf(state.cluster, topic, partition.index));
    const start = Math.max(partition.logStartOffset, end - RECENT_RECORDS);
    for (let c = log.chunks.length - 1; c >= 0; c--) {
      const chunk = log.chunks[c]!;
      if (chunk.base + chunk.keys.length <= start) break;
      for (let i = chunk.keys.length - 1; i >= 0; i--) {
        const offset = chunk.base + i;
        if (offset < start) break;
        if (offset < end && chunk.keys[i] === key && ++count >= atLeast) return count;
      }
    }
  }
  return count;
}

/** `broker` is running and back in the ISR of every partition of `topic` it holds a replica of. */
export function backInSync(state: LabState, topic: string, broker: number): boolean {
  if (!brokerOnline(state, broker)) return false;
  return (state.cluster.topics[topic]?.partitions ?? []).every((p) => !p.replicas.includes(broker) || p.isr.includes(broker));
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
