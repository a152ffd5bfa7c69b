// Tumbling and hopping windows (Kafka Streams TimeWindows, rules.md §3 TimeWindows): epoch-aligned
// [start, start+size) windows, stream time, grace, and the per-window late drop of
// KStreamWindowAggregate: a record updates a window only while windowEnd > streamTime - grace.
import { NO_TIMESTAMP, emission, type LateDrop, type ProcessResult, type WindowAggregate } from "./types";

export interface TimeWindowSpec {
  sizeMs: number;
  /** Equal to sizeMs for tumbling windows. */
  advanceMs: number;
  graceMs: number;
}

/** TimeWindows' argument checks (rules.md §3 TimeWindows 3), with Kafka's messages; null when valid. */
export function timeWindowSpecError(spec: TimeWindowSpec): string | null {
  const { sizeMs, advanceMs, graceMs } = spec;
  if (!Number.isFinite(sizeMs) || sizeMs <= 0) return "Window size (sizeMs) must be larger than zero.";
  if (!Number.isFinite(advanceMs) || advanceMs <= 0 || advanceMs > sizeMs) {
    return (
      "Window advancement interval should be more than zero and less than window duration which is " +
      `${sizeMs} ms, but given advancement interval is: ${advanceMs} ms`
    );
  }
  if (!Number.isFinite(graceMs) || graceMs < 0) return "Grace period must not be negative.";
  return null;
}

/**
 * TimeWindows#windowsFor: every window [start, end) containing the timestamp, in start order. The
 * first start is max(0, ts - size + advance) rounded down to a multiple of advance, so no window
 * starts before the epoch (rules.md §3 TimeWindows 2).
 */
export function timeWindowsFor(timestamp: number, sizeMs: number, advanceMs: number): [number, number][] {
  const problem = timeWindowSpecError({ sizeMs, advanceMs, graceMs: 0 });
  if (problem) throw new RangeError(problem);
  const windows: [number, number][] = [];
  if (timestamp < 0) return windows;
  let start = Math.floor(Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs) * advanceMs;
  while (start <= timestamp) {
    windows.push([start, start + sizeMs]);
    start += advanceMs;
  }
  return windows;
}

/** The state of one time-windowed aggregation task: stream time and the windows in its store. */
export interface TimeWindowStore {
  streamTime: number;
  /** "key\u0000start" → aggregate. */
  windows: Record<string, WindowAggregate>;
  /** "key\u0000start" of windows already emitted by the emit-final strategy. */
  emittedFinal: Record<string, true>;
}

export function emptyTimeWindowStore(): TimeWindowStore {
  return { streamTime: NO_TIMESTAMP, windows: {}, emittedFinal: {} };
}

function storeKey(key: string, start: number): string {
  return `${key}\u0000${start}`;
}

/**
 * KStreamWindowAggregate#process for one record. Returns a new store (the input is not modified).
 * Eager updates come out in ascending window start, each stamped max(record ts, previous agg ts).
 */
export function processTimeWindowRecord(
  store: TimeWindowStore,
  spec: TimeWindowSpec,
  key: string,
  value: string,
  timestamp: number,
): { store: TimeWindowStore; result: ProcessResult } {
  const streamTime = Math.max(store.streamTime, timestamp);
  const closeTime = streamTime - spec.graceMs;
  const windows = { ...store.windows };
  const updates: ProcessResult["updates"] = [];
  const drops: LateDrop[] = [];

  for (const [start, end] of timeWindowsFor(timestamp, spec.sizeMs, spec.advanceMs)) {
    if (end > closeTime) {
      const id = storeKey(key, start);
      const previous = windows[id];
      const next: WindowAggregate = previous
        ? { ...previous, values: [...previous.values, value], timestamp: Math.max(previous.timestamp, timestamp) }
        : { key, start, end, values: [value], timestamp };
      windows[id] = next;
      updates.push(emission(next));
    } else {
      // "Skipping record for expired window": dropped for this window only.
      drops.push({ key, value, timestamp, start, end, streamTime, closeTime });
    }
  }

  const next: TimeWindowStore = { streamTime, windows, emittedFinal: store.emittedFinal };
  const finals = collectClosedTimeWindows(next, spec);
  return { store: finals.store, result: { updates, finals: finals.emitted, drops } };
}

/** Emit-final: each window once, when windowEnd <= streamTime - grace (rules.md §3 TimeWindows 5). */
function collectClosedTimeWindows(store: TimeWindowStore, spec: TimeWindowSpec) {
  const closeTime = store.streamTime - spec.graceMs;
  const ready = Object.entries(store.windows)
    .filter(([id, aggregate]) => aggregate.end <= closeTime && !store.emittedFinal[id])
    .sort(([, a], [, b]) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (ready.length === 0) return { store, emitted: [] };
  const emittedFinal = { ...store.emittedFinal };
  for (const [id] of ready) emittedFinal[id] = true;
  return { store: { ...store, emittedFinal }, emitted: ready.map(([, aggregate]) => emission(aggregate)) };
}

/** Runs records through a time-windowed aggregation in order; everything the task would emit and drop. */
export function aggregateTimeWindows(records: readonly [string, string, number][], spec: TimeWindowSpec) {
  const problem = timeWindowSpecError(spec);
  if (problem) throw new RangeError(problem);
  let store = emptyTimeWindowStore();
  const updates: ProcessResult["updates"] = [];
  const finals: ProcessResult["finals"] = [];
  const drops: LateDrop[] = [];
  for (const [key, value, ts] of records) {
    const step = processTimeWindowRecord(store, spec, key, value, ts);
    store = step.store;
    updates.push(...step.result.updates);
    finals.push(...step.result.finals);
    drops.push(...step.result.drops);
  }
  const windows = Object.values(store.windows).sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : 1));
  return { windows, updates, finals, drops, streamTime: store.streamTime };
}
