// Records in motion: which dots to fly after a step, derived by comparing two cluster states. At 1,000
// records/s a step moves hundreds of records, so a partition gets at most one dot per kind of move per
// step (two when many records moved), and the whole step at most `limit` — the diagram shows where
// records go, the numbers show how many.
import type { ClusterState } from "@/lib/cluster";
import { consumerAnchor, producerAnchor, replicaAnchor, replicaKey, type DiagramLayout, type Point } from "./layout";

export type FlightKind = "produce" | "replicate" | "consume";

export interface Flight {
  kind: FlightKind;
  tp: string;
  from: Point;
  to: Point;
  /** 0..1: later dots of the same step start a little later, so two dots do not overlap. */
  delay: number;
}

const BURST = 50;

function leoOf(state: ClusterState, topic: string, partition: number, broker: number): number | null {
  const p = state.topics[topic]?.partitions[partition];
  const log = p?.logs[String(broker)];
  return log ? log.leo : null;
}

export function flightsBetween(prev: ClusterState, next: ClusterState, layout: DiagramLayout, limit = 24): Flight[] {
  if (prev === next) return [];
  const flights: Flight[] = [];
  const push = (flight: Omit<Flight, "delay">, moved: number) => {
    const copies = moved >= BURST ? 2 : 1;
    for (let i = 0; i < copies && flights.length < limit; i++) flights.push({ ...flight, delay: i * 0.35 });
  };
  const from = producerAnchor(layout);

  // Produced: the leader's log grew while the same broker led.
  for (const lane of layout.lanes) {
    if (flights.length >= limit) break;
    const before = prev.topics[lane.topic]?.partitions[lane.partition];
    const after = next.topics[lane.topic]?.partitions[lane.partition];
    if (!before || !after || after.leader < 0 || before.leader !== after.leader) continue;
    const grew = (leoOf(next, lane.topic, lane.partition, after.leader) ?? 0) - (leoOf(prev, lane.topic, lane.partition, after.leader) ?? 0);
    const leader = layout.replicas[replicaKey(after.leader, lane.tp)];
    if (grew > 0 && leader && from) push({ kind: "produce", tp: lane.tp, from, to: replicaAnchor(leader, "left") }, grew);
  }

  // Replicated: a follower's log grew.
  for (const lane of layout.lanes) {
    const after = next.topics[lane.topic]?.partitions[lane.partition];
    if (!after || after.leader < 0) continue;
    const leader = layout.replicas[replicaKey(after.leader, lane.tp)];
    if (!leader) continue;
    for (const broker of after.replicas) {
      if (flights.length >= limit) break;
      if (broker === after.leader) continue;
      const before = leoOf(prev, lane.topic, lane.partition, broker);
      const now = leoOf(next, lane.topic, lane.partition, broker);
      const follower = layout.replicas[replicaKey(broker, lane.tp)];
      if (before === null || now === null || !follower || now <= before) continue;
      push({ kind: "replicate", tp: lane.tp, from: replicaAnchor(leader, "center"), to: replicaAnchor(follower, "center") }, now - before);
    }
  }

  // Consumed: a consumer's position on a partition moved forward.
  for (const group of layout.groups) {
    for (const slot of group.consumers) {
      const before = prev.consumers[slot.id];
      const after = next.consumers[slot.id];
      if (!before || !after) continue;
      for (const [tp, position] of Object.entries(after.positions)) {
        if (flights.length >= limit) return flights;
        // No position before: the first poll; it read something only if it returned records.
        const committed = next.groups[group.id]?.committed[tp]?.offset;
        const was = before.positions[tp] ?? (after.lastPollCount > 0 ? (committed ?? 0) : position);
        if (position <= was) continue;
        const lane = layout.lanes.find((candidate) => candidate.tp === tp);
        const partition = lane ? next.topics[lane.topic]?.partitions[lane.partition] : undefined;
        const source = partition && partition.leader >= 0 ? layout.replicas[replicaKey(partition.leader, tp)] : undefined;
        if (!source) continue;
        push({ kind: "consume", tp, from: replicaAnchor(source, "right"), to: consumerAnchor(slot) }, position - was);
      }
    }
  }
  return flights;
}
