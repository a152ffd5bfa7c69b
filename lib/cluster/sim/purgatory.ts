// The leader's side of acks=all (DelayedProduce, rules.md §4.2): a request waits in the partition's
// purgatory until the high watermark covers its batch, or fails when the ISR shrinks below
// min.insync.replicas or leadership moves. A finished request is not answered on the spot: its response
// goes to the step's inbox (Draft#responses), which the clock and the reducer drain into the producers
// (produce.ts#deliverResponses). So replication never calls back into the producer, and no producer is
// pumped from inside another's send.
import { acksAllOutcome } from "../rules/acks";
import type { Draft } from "./draft";
import { replicaLog, topicEffectiveMinIsr } from "./partition-ops";
import type { ProduceError } from "./responses";
import type { PartitionState } from "./types";

/** Checks the partition's waiting acks=all requests against the high watermark (DelayedProduce). */
export function completePurgatory(d: Draft, topic: string, index: number): void {
  const original = d.state.topics[topic]!.partitions[index]!;
  if (original.pending.length === 0) return;
  const hw = replicaLog(original, original.leader).hw;
  const minIsr = topicEffectiveMinIsr(d.state.topics[topic]!);
  const done = original.pending.filter((pending) => acksAllOutcome(hw, pending.requiredOffset, original.isr.length, minIsr) !== "waiting");
  if (done.length === 0) return;
  const partition = d.partition(topic, index);
  partition.pending = partition.pending.filter((pending) => !done.includes(pending));
  for (const pending of done) {
    const outcome = acksAllOutcome(hw, pending.requiredOffset, original.isr.length, minIsr);
    d.responses.push({
      producer: pending.producer,
      batchId: pending.batchId,
      result: outcome === "acknowledged" ? { ok: true, baseOffset: pending.firstOffset } : { ok: false, error: "NOT_ENOUGH_REPLICAS_AFTER_APPEND" },
    });
  }
}

/** Fails every waiting request of a partition (leadership moved, leader crashed). */
export function failPendingForPartition(d: Draft, partition: PartitionState, error: ProduceError): void {
  if (partition.pending.length === 0) return;
  const pending = partition.pending;
  partition.pending = [];
  for (const request of pending) d.responses.push({ producer: request.producer, batchId: request.batchId, result: { ok: false, error } });
}
