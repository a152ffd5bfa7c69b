// Sliding windows (Kafka Streams SlidingWindows, rules.md §3 SlidingWindows): windows of size
// `timeDifference` with both bounds inclusive that follow the records, not the epoch. Each record has a
// left window [t-d, t] and, if a later record falls within d, a right window [t+1, t+1+d]. This is a
// port of KStreamSlidingWindowAggregate (the reverse-iterator path Kafka uses by default, plus the
// early-record path for t < d), so the windows and their contents match Kafka's store exactly.
import { NO_TIMESTAMP, emission, type LateDrop, type ProcessResult, type WindowAggregate } from "./types";

export interface SlidingWindowSpec {
  timeDifferenceMs: number;
  graceMs: number;
}

export function slidingWindowSpecError(spec: SlidingWindowSpec): string | null {
  if (!Number.isFinite(spec.timeDifferenceMs) || spec.timeDifferenceMs < 0) {
    return "Window time difference must not be negative.";
  }
  if (!Number.isFinite(spec.graceMs) || spec.graceMs < 0) return "Window grace period must not be negative.";
  return null;
}

export interface SlidingStore {
  streamTime: number;
  /** key → windows by start time. */
  windows: Record<string, Record<string, WindowAggregate>>;
  emittedFinal: Record<string, true>;
}

export function emptySlidingStore(): SlidingStore {
  return { streamTime: NO_TIMESTAMP, windows: {}, emittedFinal: {} };
}

interface Agg {
  values: string[];
  timestamp: number;
}

/** The mutable working copy of one record's processing; the caller's store is never touched. */
class SlidingTask {
  readonly updates: ProcessResult["updates"] = [];
  readonly drops: LateDrop[] = [];
  private readonly keyWindows: Record<string, WindowAggregate>;

  constructor(
    private readonly spec: SlidingWindowSpec,
    existing: Record<string, WindowAggregate> | undefined,
    private readonly key: string,
    private readonly value: string,
    private readonly timestamp: number,
    private readonly streamTime: number,
    private readonly closeTime: number,
  ) {
    this.keyWindows = { ...(existing ?? {}) };
  }

  result(): Record<string, WindowAggregate> {
    return this.keyWindows;
  }

  /** windowStore.fetch/backwardFetch(key, from, to) by window start. */
  private fetch(from: number, to: number, descending: boolean): WindowAggregate[] {
    const found = Object.values(this.keyWindows).filter((window) => window.start >= from && window.start <= to);
    return found.sort((a, b) => (descending ? b.start - a.start : a.start - b.start));
  }

  private put(start: number, aggregate: Agg): WindowAggregate {
    const window: WindowAggregate = {
      key: this.key,
      start,
      end: start + this.spec.timeDifferenceMs,
      values: aggregate.values,
      timestamp: aggregate.timestamp,
    };
    this.keyWindows[String(start)] = window;
    return window;
  }

  /** updateWindowAndForward: add the record to the window unless the window is already closed. */
  private updateWindow(start: number, existing: Agg | null): void {
    const end = start + this.spec.timeDifferenceMs;
    if (end >= this.closeTime) {
      const values = existing ? [...existing.values, this.value] : [this.value];
      const timestamp = existing ? Math.max(this.timestamp, existing.timestamp) : this.timestamp;
      this.updates.push(emission(this.put(start, { values, timestamp })));
    } else {
      this.drops.push({
        key: this.key,
        value: this.value,
        timestamp: this.timestamp,
        start,
        end,
        streamTime: this.streamTime,
        closeTime: this.closeTime,
      });
    }
  }

  private createCurrentRecordRightWindow(rightAgg: Agg): void {
    const window = this.put(this.timestamp + 1, { values: [...rightAgg.values], timestamp: rightAgg.timestamp });
    this.updates.push(emission(window));
  }

  private createPreviousRecordRightWindow(start: number): void {
    // A new window holding only this record: the previous record's right window did not exist yet.
    this.updateWindow(start, null);
  }

  processReverse(): void {
    const d = this.spec.timeDifferenceMs;
    const t = this.timestamp;
    const startTimes = new Set<number>();
    let leftAgg: Agg | null = null;
    let rightAgg: Agg | null = null;
    let leftCreated = false;
    let rightCreated = false;
    let previousTimestamp: number | null = null;

    for (const window of this.fetch(Math.max(0, t - 2 * d), t + 1, true)) {
      startTimes.add(window.start);
      const end = window.start + d;
      if (window.start === t + 1) {
        rightCreated = true;
      } else if (end > t) {
        if (rightAgg === null) rightAgg = window;
        this.updateWindow(window.start, window);
      } else if (end === t) {
        leftCreated = true;
        this.updateWindow(window.start, window);
        if (window.timestamp < t) previousTimestamp = window.timestamp;
        else return;
      } else {
        leftAgg = window;
        previousTimestamp = window.timestamp;
        break;
      }
    }
    this.createWindows(startTimes, rightAgg, leftAgg, leftCreated, rightCreated, previousTimestamp);
  }

  private createWindows(
    startTimes: ReadonlySet<number>,
    rightAgg: Agg | null,
    leftAgg: Agg | null,
    leftCreated: boolean,
    rightCreated: boolean,
    previousTimestamp: number | null,
  ): void {
    const d = this.spec.timeDifferenceMs;
    const t = this.timestamp;
    if (previousTimestamp !== null) {
      const previousRightStart = previousTimestamp + 1;
      if (!startTimes.has(previousRightStart) && previousRightStart + d >= t) {
        this.createPreviousRecordRightWindow(previousRightStart);
      }
    }
    if (!leftCreated) {
      const leftNotEmpty = previousTimestamp !== null && t - d <= previousTimestamp;
      // The left window starts from the previous record's left aggregate when that record is within d.
      const base: Agg = leftNotEmpty && leftAgg ? { values: leftAgg.values, timestamp: t } : { values: [], timestamp: t };
      this.updateWindow(t - d, base);
    }
    if (!rightCreated && rightAgg !== null && rightAgg.timestamp > t) {
      this.createCurrentRecordRightWindow(rightAgg);
    }
  }

  /** processEarly: records with t < d share the [0, d] window instead of a negative-start left window. */
  processEarly(): void {
    const t = this.timestamp;
    let combined: WindowAggregate | null = null;
    let rightAgg: Agg | null = null;
    let rightCreated = false;
    const startTimes = new Set<number>();
    let previousTimestamp: number | null = null;

    for (const window of this.fetch(0, t + 1, false)) {
      startTimes.add(window.start);
      if (window.start === 0) {
        combined = window;
        if (window.timestamp < t) previousTimestamp = window.timestamp;
      } else if (window.start <= t) {
        rightAgg = window;
        this.updateWindow(window.start, window);
      } else if (window.start === t + 1) {
        rightCreated = true;
      }
    }

    if (rightAgg === null && combined !== null && combined.timestamp > t) rightAgg = combined;
    if (!rightCreated && rightAgg !== null && rightAgg.timestamp > t) this.createCurrentRecordRightWindow(rightAgg);
    if (previousTimestamp !== null && !startTimes.has(previousTimestamp + 1)) {
      this.createPreviousRecordRightWindow(previousTimestamp + 1);
    }
    if (combined === null) this.updateWindow(0, { values: [], timestamp: t });
    else this.updateWindow(0, combined);
  }
}

/** KStreamSlidingWindowAggregate#process for one record; returns a new store. */
export function processSlidingRecord(
  store: SlidingStore,
  spec: SlidingWindowSpec,
  key: string,
  value: string,
  timestamp: number,
): { store: SlidingStore; result: ProcessResult } {
  const streamTime = Math.max(store.streamTime, timestamp);
  const closeTime = streamTime - spec.graceMs;
  const d = spec.timeDifferenceMs;

  // The whole record is late when even its latest possible window [t+1, t+1+d] is closed.
  if (timestamp + 1 + d <= closeTime) {
    const drop: LateDrop = { key, value, timestamp, start: timestamp - d, end: timestamp, streamTime, closeTime };
    return { store: { ...store, streamTime }, result: { updates: [], finals: [], drops: [drop] } };
  }

  const task = new SlidingTask(spec, store.windows[key], key, value, timestamp, streamTime, closeTime);
  if (timestamp < d) task.processEarly();
  else task.processReverse();

  const next: SlidingStore = { streamTime, windows: { ...store.windows, [key]: task.result() }, emittedFinal: store.emittedFinal };
  const finals = collectClosedSlidingWindows(next, spec);
  return { store: finals.store, result: { updates: task.updates, finals: finals.emitted, drops: task.drops } };
}

/** Emit-final: a window closes when streamTime > windowEnd + grace (rules.md §3 SlidingWindows 3-4). */
function collectClosedSlidingWindows(store: SlidingStore, spec: SlidingWindowSpec) {
  const closeTime = store.streamTime - spec.graceMs;
  const ready = Object.values(store.windows)
    .flatMap((windows) => Object.values(windows))
    .filter((window) => window.end < closeTime && !store.emittedFinal[`${window.key}\u0000${window.start}`])
    .sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (ready.length === 0) return { store, emitted: [] };
  const emittedFinal = { ...store.emittedFinal };
  for (const window of ready) emittedFinal[`${window.key}\u0000${window.start}`] = true;
  return { store: { ...store, emittedFinal }, emitted: ready.map(emission) };
}

export function aggregateSlidingWindows(records: readonly [string, string, number][], spec: SlidingWindowSpec) {
  const problem = slidingWindowSpecError(spec);
  if (problem) throw new RangeError(problem);
  let store = emptySlidingStore();
  const updates: ProcessResult["updates"] = [];
  const finals: ProcessResult["finals"] = [];
  const drops: LateDrop[] = [];
  for (const [key, value, ts] of records) {
    const step = processSlidingRecord(store, spec, key, value, ts);
    store = step.store;
    updates.push(...step.result.updates);
    finals.push(...step.result.finals);
    drops.push(...step.result.drops);
  }
  return { store, updates, finals, drops };
}

/**
 * The final sliding windows after processing the records in order: [start, end, values] with both
 * bounds inclusive, sorted by start (then key, for several keys). Values are in aggregation order.
 */
export function slidingWindows(
  records: [key: string, value: string, ts: number][],
  timeDifferenceMs: number,
  graceMs: number,
): [start: number, end: number, values: string[]][] {
  const { store } = aggregateSlidingWindows(records, { timeDifferenceMs, graceMs });
  const keysInOrder: string[] = [];
  for (const [key] of records) if (!keysInOrder.includes(key)) keysInOrder.push(key);
  return Object.values(store.windows)
    .flatMap((windows) => Object.values(windows))
    .sort((a, b) => a.start - b.start || keysInOrder.indexOf(a.key) - keysInOrder.indexOf(b.key))
    .map((window): [number, number, string[]] => [window.start, window.end, [...window.values]]);
}
