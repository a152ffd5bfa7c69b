// Durability bookkeeping: which records were acknowledged to a producer (per partition, with the leader
// epoch that wrote them), whether the leader's log still has them, and the note that explains a loss.
import type { ClusterState, PartitionState, ReplicaLog } from "@/lib/cluster";
import { plural } from "@/lib/format/text";
import { note } from "./core";
import type { AckedRange, LabAcks, LabState } from "./types";

const MAX_ACKED_RANGES = 64;
const MAX_LOSSES_KEPT = 50;

/** The durability counters now: a settings change restarts the challenges' comparisons from here. */
export function baseline(lab: LabState): LabState["baseline"] {
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

/** How many records of [from, to) of a partition were acknowledged. */
export function ackedWithin(lab: LabState, tp: string, from: number, to: number): number {
  let n = 0;
  for (const r of lab.durability.acked[tp] ?? []) n += Math.max(0, Math.min(to, r[1]) - Math.max(from, r[0]));
  return n;
}

/** New delivery reports become acknowledged ranges; then every range is checked against the leader's log. */
export function trackDurability(lab: LabState): LabState {
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

function reportLoss(lab: LabState, tp: string, partition: PartitionState, r: AckedRange, from: number, to: number): LabState {
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
  const next: LabState = {
    ...lab,
    durability: { ...lab.durability, lostTotal: lab.durability.lostTotal + count, lost: [...lab.durability.lost, loss].slice(-MAX_LOSSES_KEPT) },
  };
  return note(next, "loss", "acked-loss", message);
}

/** Offsets [from, to) as a reader counts them: "7", "7–9". */
export function range(from: number, to: number): string {
  return to - from === 1 ? String(from) : `${from}–${to - 1}`;
}
