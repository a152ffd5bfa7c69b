// What a group's application has processed, per partition, as sorted disjoint [from, to) ranges. It
// turns "at-least-once" and "at-most-once" into numbers: overlaps are duplicates, committed offsets
// that were never processed are losses.
import type { DeliveryLedger } from "./types";

export function emptyLedger(): DeliveryLedger {
  return { processed: [], duplicates: 0, lost: [] };
}

function overlap(ranges: readonly [number, number][], from: number, to: number): number {
  let count = 0;
  for (const [start, end] of ranges) count += Math.max(0, Math.min(end, to) - Math.max(start, from));
  return count;
}

function merge(ranges: readonly [number, number][], from: number, to: number): [number, number][] {
  const all = [...ranges, [from, to] as [number, number]].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Records [from, to) were processed; returns the new ledger and how many were processed before. */
export function recordProcessed(ledger: DeliveryLedger, from: number, to: number): { ledger: DeliveryLedger; duplicates: number } {
  if (to <= from) return { ledger, duplicates: 0 };
  const duplicates = overlap(ledger.processed, from, to);
  return {
    ledger: { ...ledger, processed: merge(ledger.processed, from, to), duplicates: ledger.duplicates + duplicates },
    duplicates,
  };
}

/** Records [from, to) were committed but will never be processed. */
export function recordLost(ledger: DeliveryLedger, from: number, to: number): DeliveryLedger {
  if (to <= from) return ledger;
  return { ...ledger, lost: merge(ledger.lost, from, to) };
}

export function countRanges(ranges: readonly [number, number][]): number {
  return ranges.reduce((sum, [from, to]) => sum + (to - from), 0);
}
