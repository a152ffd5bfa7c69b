// Session windows (Kafka Streams SessionWindows, rules.md §3 SessionWindows): [start, end] with both
// bounds inclusive, merged when a record falls within `gap` of a session (exactly `gap` apart merges),
// and KStreamSessionWindowAggregate's late rule: drop when the *merged* session ends before
// streamTime - grace - gap.
import { NO_TIMESTAMP, emission, type LateDrop, type ProcessResult, type WindowAggregate } from "./types";

export interface SessionWindowSpec {
  gapMs: number;
  graceMs: number;
}

/** SessionWindows' argument checks; null when valid. */
export function sessionWindowSpecError(spec: SessionWindowSpec): string | null {
  if (!Number.isFinite(spec.gapMs) || spec.gapMs <= 0) return "Gap time cannot be zero or negative.";
  if (!Number.isFinite(spec.graceMs) || spec.graceMs < 0) return "Grace period must not be negative.";
  return null;
}

export interface SessionStore {
  streamTime: number;
  /** key → sessions ordered by end, then start (the session store's iteration order). */
  sessions: Record<string, WindowAggregate[]>;
  /** "key\u0000start\u0000end" of sessions already emitted by emit-final. */
  emittedFinal: Record<string, true>;
}

export function emptySessionStore(): SessionStore {
  return { streamTime: NO_TIMESTAMP, sessions: {}, emittedFinal: {} };
}

function bySessionOrder(a: WindowAggregate, b: WindowAggregate): number {
  return a.end - b.end || a.start - b.start;
}

/** KStreamSessionWindowAggregate#process for one record; returns a new store. */
export function processSessionRecord(
  store: SessionStore,
  spec: SessionWindowSpec,
  key: string,
  value: string,
  timestamp: number,
): { store: SessionStore; result: ProcessResult } {
  const streamTime = Math.max(store.streamTime, timestamp);
  const closeTime = streamTime - spec.graceMs - spec.gapMs;
  const existing = store.sessions[key] ?? [];

  // findSessions(key, ts - gap, ts + gap): sessions ending at or after ts-gap and starting at or before ts+gap.
  const overlapping = existing.filter((session) => session.end >= timestamp - spec.gapMs && session.start <= timestamp + spec.gapMs);
  let start = timestamp;
  let end = timestamp;
  let values: string[] = [];
  let aggTimestamp = timestamp;
  for (const session of overlapping) {
    start = Math.min(start, session.start);
    end = Math.max(end, session.end);
    values = [...values, ...session.values];
    aggTimestamp = Math.max(aggTimestamp, session.timestamp);
  }

  if (end < closeTime) {
    const drops: LateDrop[] = [{ key, value, timestamp, start, end, streamTime, closeTime }];
    return { store: { ...store, streamTime }, result: { updates: [], finals: [], drops } };
  }

  const updates: ProcessResult["updates"] = [];
  const merged = new Set(overlapping);
  const replacesOthers = !(start === timestamp && end === timestamp);
  if (replacesOthers) {
    // Eager output: a tombstone for every session merged away, then the merged session.
    for (const session of overlapping) {
      updates.push({ key, start: session.start, end: session.end, values: null, timestamp: session.end });
    }
  }
  const mergedSession: WindowAggregate = { key, start, end, values: [...values, value], timestamp: aggTimestamp };
  const remaining = existing.filter((session) => !merged.has(session));
  const sessions = { ...store.sessions, [key]: [...remaining, mergedSession].sort(bySessionOrder) };
  // The session output record is stamped with the session end (rules.md §3 SessionWindows 4).
  updates.push({ ...emission(mergedSession), timestamp: mergedSession.end });

  const next: SessionStore = { streamTime, sessions, emittedFinal: store.emittedFinal };
  const finals = collectClosedSessions(next, spec);
  return { store: finals.store, result: { updates, finals: finals.emitted, drops: [] } };
}

function sessionId(session: WindowAggregate): string {
  return `${session.key}\u0000${session.start}\u0000${session.end}`;
}

/** Emit-final: each session once, when its end < streamTime - grace - gap. */
function collectClosedSessions(store: SessionStore, spec: SessionWindowSpec) {
  const closeTime = store.streamTime - spec.graceMs - spec.gapMs;
  const ready = Object.values(store.sessions)
    .flat()
    .filter((session) => session.end < closeTime && !store.emittedFinal[sessionId(session)])
    .sort((a, b) => a.end - b.end || a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (ready.length === 0) return { store, emitted: [] };
  const emittedFinal = { ...store.emittedFinal };
  for (const session of ready) emittedFinal[sessionId(session)] = true;
  return {
    store: { ...store, emittedFinal },
    emitted: ready.map((session) => ({ ...emission(session), timestamp: session.end })),
  };
}

/** Runs records through a session-windowed aggregation in order. */
export function aggregateSessionWindows(records: readonly [string, string, number][], spec: SessionWindowSpec) {
  const problem = sessionWindowSpecError(spec);
  if (problem) throw new RangeError(problem);
  let store = emptySessionStore();
  const updates: ProcessResult["updates"] = [];
  const finals: ProcessResult["finals"] = [];
  const drops: LateDrop[] = [];
  for (const [key, value, ts] of records) {
    const step = processSessionRecord(store, spec, key, value, ts);
    store = step.store;
    updates.push(...step.result.updates);
    finals.push(...step.result.finals);
    drops.push(...step.result.drops);
  }
  return { store, updates, finals, drops };
}

/**
 * The sessions left after processing the records in order, per key, as [start, end, count] sorted by
 * start. Late records are dropped by Kafka Streams' rule (merged session end < streamTime - grace - gap).
 */
export function sessionWindows(
  records: [key: string, value: string, ts: number][],
  gapMs: number,
  graceMs: number,
): Record<string, [start: number, end: number, count: number][]> {
  const { store } = aggregateSessionWindows(records, { gapMs, graceMs });
  const result: Record<string, [number, number, number][]> = {};
  for (const [key, sessions] of Object.entries(store.sessions)) {
    if (sessions.length === 0) continue;
    result[key] = [...sessions]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((session): [number, number, number] => [session.start, session.end, session.values.length]);
  }
  return result;
}
