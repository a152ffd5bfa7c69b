// The broker side of the idempotent producer (rules.md §4.6; ProducerStateEntry, ProducerAppendInfo,
// UnifiedLog#analyzeAndValidateProducerState; vectors.json idempotent_producer_UnifiedLogTest).
import type { ProducerStateEntry } from "../sim/types";

/** ProducerStateEntry.NUM_BATCHES_TO_RETAIN, which is why max.in.flight must be at most 5. */
export const NUM_BATCHES_TO_RETAIN = 5;
const NO_PRODUCER_EPOCH = -1;
const INT_MAX = 2147483647;

export interface IncomingBatch {
  epoch: number;
  firstSeq: number;
  lastSeq: number;
}

export type IdempotenceCheck =
  | { kind: "append" }
  | { kind: "duplicate"; firstOffset: number; lastOffset: number }
  | { kind: "out-of-order-sequence"; message: string }
  | { kind: "invalid-producer-epoch"; message: string };

function inSequence(lastSeq: number, nextSeq: number): boolean {
  // Sequences wrap from Integer.MAX_VALUE to 0.
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === INT_MAX);
}

/**
 * Checks a batch from a producer against what the partition remembers about it. An exact repeat of
 * one of the last 5 batches is a duplicate (not appended; the original offsets are returned); any
 * other gap or overlap is OutOfOrderSequence; an older epoch is rejected.
 */
export function checkIdempotentBatch(entry: ProducerStateEntry | undefined, batch: IncomingBatch): IdempotenceCheck {
  const currentEpoch = entry?.epoch ?? NO_PRODUCER_EPOCH;
  if (entry && batch.epoch === entry.epoch) {
    const duplicate = entry.batches.find((b) => b.firstSeq === batch.firstSeq && b.lastSeq === batch.lastSeq);
    if (duplicate) return { kind: "duplicate", firstOffset: duplicate.firstOffset, lastOffset: duplicate.lastOffset };
  }
  if (batch.epoch < currentEpoch) {
    return {
      kind: "invalid-producer-epoch",
      message: `Epoch of producer is ${batch.epoch}, which is smaller than the last seen epoch ${currentEpoch}.`,
    };
  }
  if (batch.epoch !== currentEpoch) {
    // A new epoch must start at sequence 0 (unless the broker has no state for this producer at all).
    if (batch.firstSeq !== 0 && currentEpoch !== NO_PRODUCER_EPOCH) {
      return {
        kind: "out-of-order-sequence",
        message: `Invalid sequence number for new epoch ${batch.epoch}: ${batch.firstSeq} (request epoch), 0 (expected).`,
      };
    }
    return { kind: "append" };
  }
  const lastSeq = entry && entry.batches.length > 0 ? entry.batches[entry.batches.length - 1]!.lastSeq : null;
  if (lastSeq !== null && !inSequence(lastSeq, batch.firstSeq)) {
    return {
      kind: "out-of-order-sequence",
      message: `Out of order sequence number: ${batch.firstSeq} (incoming seq. number), ${lastSeq} (current end sequence number).`,
    };
  }
  return { kind: "append" };
}

/** Remembers an appended batch, keeping only the last 5. */
export function rememberBatch(
  entry: ProducerStateEntry | undefined,
  batch: IncomingBatch,
  firstOffset: number,
  lastOffset: number,
): ProducerStateEntry {
  const previous = entry && entry.epoch === batch.epoch ? entry.batches : [];
  const batches = [...previous, { firstSeq: batch.firstSeq, lastSeq: batch.lastSeq, firstOffset, lastOffset }];
  return { epoch: batch.epoch, batches: batches.slice(-NUM_BATCHES_TO_RETAIN) };
}
