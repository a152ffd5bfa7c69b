// What a leader does with a produce request, by acks (rules.md §4.1–4.2; vectors.json
// replication.min_isr_acks_decision_table). min.insync.replicas only matters for acks=all.
import type { Acks } from "../sim/types";

export type Admission = "append" | "not-enough-replicas";

/** Partition#appendRecordsToLeader: acks=all with |ISR| < effectiveMinIsr fails before appending. */
export function admitProduce(acks: Acks, isrSize: number, effectiveMinIsr: number): Admission {
  return acks === "all" && isrSize < effectiveMinIsr ? "not-enough-replicas" : "append";
}

export type AckOutcome = "waiting" | "acknowledged" | "not-enough-replicas-after-append";

/**
 * Partition#checkEnoughReplicasReachOffset for acks=all: done once the HW reaches the batch's end;
 * if by then the (maximal) ISR is below effectiveMinIsr, the data is in the log but the producer is
 * told NotEnoughReplicasAfterAppend.
 */
export function acksAllOutcome(highWatermark: number, requiredOffset: number, maximalIsrSize: number, effectiveMinIsr: number): AckOutcome {
  if (highWatermark < requiredOffset) return "waiting";
  return maximalIsrSize >= effectiveMinIsr ? "acknowledged" : "not-enough-replicas-after-append";
}

/** The offset a producer callback reports: acks=0 never hears back, so it is always -1 (rules.md §4.1). */
export function reportedOffset(acks: Acks, baseOffset: number): number {
  return acks === 0 ? -1 : baseOffset;
}
