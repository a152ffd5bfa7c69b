// Observation: after every action the lab turns new engine events into notes, reports consumers that sit
// idle, records the group's lag and re-checks the challenge.
import type { ClusterEvent } from "@/lib/cluster";
import { plural } from "@/lib/format/text";
import { note } from "./core";
import { trackDurability } from "./durability";
import type { LabNoteTone, LabScenario, LabState } from "./types";
import { isIdle, lagOf } from "./views";

export const LAG_SERIES_LIMIT = 300;

/** Engine events worth a note, with their tone. Routine ones (acks, polls, commits) stay in the event log. */
const EVENT_TONES: Record<string, LabNoteTone> = {
  "broker-fenced": "warning",
  "leader-elected": "info",
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

/** Turns the engine events since the last look into notes (at most NOTES_PER_KIND per kind) and counts rebalances and duplicates. */
export function notesFromEvents(lab: LabState): LabState {
  const { cluster } = lab;
  if (cluster.eventSeq === lab.eventCursor) return lab;
  const fresh: ClusterEvent[] = [];
  for (let i = cluster.events.length - 1; i >= 0; i--) {
    const event = cluster.events[i]!;
    if (event.seq < lab.eventCursor) break;
    fresh.push(event);
  }
  fresh.reverse();
  let next: LabState = { ...lab, eventCursor: cluster.eventSeq };
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
      next = { ...next, durability: { ...next.durability, duplicatesAvoided: next.durability.duplicatesAvoided + span } };
    }
    if (event.kind === "duplicate-written") {
      next = { ...next, durability: { ...next.durability, duplicatesWritten: next.durability.duplicatesWritten + span } };
    }
  }
  for (const [kind, seen] of perKind) {
    if (seen > NOTES_PER_KIND) next = note(next, EVENT_TONES[kind]!, kind, `…and ${plural(seen - NOTES_PER_KIND, "more event")} like this (see the event log).`);
  }
  return next;
}

/** The lab's consumers that are idle right now. */
export function idleConsumers(lab: LabState): string[] {
  const idle: string[] = [];
  for (const info of lab.consumers) {
    const consumer = lab.cluster.consumers[info.id];
    if (consumer && isIdle(lab.cluster, consumer)) idle.push(info.id);
  }
  return idle;
}

/** Says once why a consumer became idle. */
function noteIdle(lab: LabState): LabState {
  const idle = idleConsumers(lab);
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

/** After an action: notes from new events, durability, idle consumers, the lag series and the challenge. */
export function observe(lab: LabState, scenario: LabScenario, initial = false): LabState {
  let next = notesFromEvents(lab);
  next = trackDurability(next);
  next = noteIdle(next);
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
    if (status.met && !was && !initial) {
      next = next.assisted
        ? note(
            next,
            "info",
            "challenge-met",
            `Done for you: ${status.detail} The lab did a guided step in this run, so it does not complete the challenge; reset and get there with your own moves.`,
          )
        : note(next, "success", "challenge-met", `Challenge met: ${status.detail}`);
    }
  }
  return next;
}
