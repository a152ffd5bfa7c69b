// A Kafka Streams application doing a windowed count over a topic: one task per input partition, each
// with its own stream time (as in Kafka Streams), fed the records consumers could read (below the HW).
// The window logic is lib/cluster/streams — the same code the conformance vectors check.
import { processSessionRecord, emptySessionStore, sessionWindowSpecError, type SessionStore } from "../streams/session-windows";
import { processSlidingRecord, emptySlidingStore, slidingWindowSpecError, type SlidingStore } from "../streams/sliding-windows";
import { processTimeWindowRecord, emptyTimeWindowStore, timeWindowSpecError, type TimeWindowStore } from "../streams/time-windows";
import type { LateDrop, ProcessResult } from "../streams/types";
import { ActionError, type Draft } from "./draft";
import { recordAt } from "./log";
import { highWatermark, replicaLog } from "./partition-ops";
import { formatEventTime, formatMs } from "../../format/time";
import type { StreamAppState, StreamDrop, StreamOutput, StreamTask, StreamWindowSpec } from "./types";
import { RECORD_PLAIN, RECORD_TRANSACTIONAL } from "./types";

const KEEP_OUTPUTS = 200;

function windowError(spec: StreamWindowSpec): string | null {
  switch (spec.kind) {
    case "tumbling":
    case "hopping":
      return timeWindowSpecError({ sizeMs: spec.sizeMs, advanceMs: spec.advanceMs, graceMs: spec.graceMs });
    case "session":
      return sessionWindowSpecError({ gapMs: spec.gapMs, graceMs: spec.graceMs });
    case "sliding":
      return slidingWindowSpecError({ timeDifferenceMs: spec.sizeMs, graceMs: spec.graceMs });
  }
}

function emptyStore(kind: StreamWindowSpec["kind"]): unknown {
  if (kind === "session") return emptySessionStore();
  if (kind === "sliding") return emptySlidingStore();
  return emptyTimeWindowStore();
}

export function createStreamApp(
  d: Draft,
  id: string,
  sourceTopic: string,
  window: Partial<StreamWindowSpec> & { kind: StreamWindowSpec["kind"] },
  emit: "eager" | "final",
): void {
  if (typeof id !== "string" || id.length === 0) throw new ActionError("A stream application needs an application.id.");
  if (d.state.streams[id]) throw new ActionError(`Stream application '${id}' already exists.`);
  const topic = d.state.topics[sourceTopic];
  if (!topic) throw new ActionError(`Topic '${sourceTopic}' does not exist.`);
  if (!["tumbling", "hopping", "sliding", "session"].includes(window?.kind)) {
    throw new ActionError('Window kind must be "tumbling", "hopping", "sliding" or "session".');
  }
  const sizeMs = window.sizeMs ?? 60_000;
  const spec: StreamWindowSpec = {
    kind: window.kind,
    sizeMs,
    advanceMs: window.kind === "tumbling" ? sizeMs : (window.advanceMs ?? sizeMs),
    graceMs: window.graceMs ?? 0,
    gapMs: window.gapMs ?? 5 * 60_000,
  };
  const problem = windowError(spec);
  if (problem) throw new ActionError(problem);
  if (emit !== "eager" && emit !== "final") throw new ActionError('emit must be "eager" or "final".');
  const app: StreamAppState = {
    id,
    sourceTopic,
    window: spec,
    emit,
    tasks: topic.partitions.map((p): StreamTask => ({ partition: p.index, position: p.logStartOffset, streamTime: -1, store: emptyStore(spec.kind) })),
    outputs: [],
    drops: [],
    processed: 0,
    dropped: 0,
    lastRunMs: d.now,
  };
  d.state.streams = d.own(d.state.streams);
  d.state.streams[id] = app;
  const shape =
    spec.kind === "session"
      ? `session windows with a ${spec.gapMs} ms inactivity gap`
      : spec.kind === "sliding"
        ? `sliding windows of ${spec.sizeMs} ms (both ends inclusive, following the records)`
        : `${spec.kind} windows of ${spec.sizeMs} ms${spec.kind === "hopping" ? ` advancing by ${spec.advanceMs} ms` : ""} aligned to the epoch`;
  d.emit(
    "stream-app",
    `Stream application ${id} counts ${sourceTopic} by key in ${shape}, grace ${spec.graceMs} ms, ` +
      (emit === "eager" ? "emitting every update (the default)." : "emitting each window once, when it closes (emit-final)."),
    { app: id },
  );
}

function processOne(spec: StreamWindowSpec, store: unknown, key: string, value: string, ts: number): { store: unknown; result: ProcessResult } {
  if (spec.kind === "session") {
    return processSessionRecord(store as SessionStore, { gapMs: spec.gapMs, graceMs: spec.graceMs }, key, value, ts);
  }
  if (spec.kind === "sliding") {
    return processSlidingRecord(store as SlidingStore, { timeDifferenceMs: spec.sizeMs, graceMs: spec.graceMs }, key, value, ts);
  }
  return processTimeWindowRecord(store as TimeWindowStore, { sizeMs: spec.sizeMs, advanceMs: spec.advanceMs, graceMs: spec.graceMs }, key, value, ts);
}

function windowText(app: StreamAppState, start: number, end: number): string {
  const inclusive = app.window.kind === "sliding" || app.window.kind === "session";
  return `[${formatEventTime(start)}, ${formatEventTime(end)}${inclusive ? "]" : ")"}`;
}

function dropMessage(app: StreamAppState, drop: LateDrop): string {
  const window = windowText(app, drop.start, drop.end);
  const at = `${app.id} dropped key ${drop.key} @${formatEventTime(drop.timestamp)}`;
  if (app.window.kind === "session") {
    return (
      `${at}: the session it would form, ${window}, ends before stream time ${formatEventTime(drop.streamTime)} − grace ${formatMs(app.window.graceMs)} ` +
      `− gap ${formatMs(app.window.gapMs)} = ${formatEventTime(drop.closeTime)}, so it is too late (dropped-records metric).`
    );
  }
  return (
    `${at} for window ${window}: stream time ${formatEventTime(drop.streamTime)} − grace ${formatMs(app.window.graceMs)} = ${formatEventTime(drop.closeTime)}, ` +
    `and the window ended at ${formatEventTime(drop.end)}, so it is closed (dropped-records metric).`
  );
}

/** Feeds each task the records now visible on its partition, in offset order. */
export function runStreamApps(d: Draft): void {
  for (const id of Object.keys(d.state.streams)) {
    const original = d.state.streams[id]!;
    const topic = d.state.topics[original.sourceTopic];
    if (!topic) continue;
    const hasNewPartitions = topic.partitions.length > original.tasks.length;
    if (!hasNewPartitions && !original.tasks.some((task) => task.position < highWatermark(topic.partitions[task.partition]!))) continue;
    const app = d.stream(id);
    // Added partitions get their own task, as Kafka Streams creates one task per input partition.
    const tasks = [...app.tasks];
    for (let partition = tasks.length; partition < topic.partitions.length; partition++) {
      tasks.push({ partition, position: topic.partitions[partition]!.logStartOffset, streamTime: -1, store: emptyStore(app.window.kind) });
    }
    app.tasks = tasks.map((task) => {
      const partition = topic.partitions[task.partition]!;
      const hw = highWatermark(partition);
      if (task.position >= hw || partition.leader < 0) return task;
      const log = replicaLog(partition, partition.leader);
      let store = task.store;
      let position = Math.max(task.position, partition.logStartOffset);
      const outputs: StreamOutput[] = [];
      const drops: StreamDrop[] = [];
      let processed = 0;
      for (; position < hw; position++) {
        const record = recordAt(log, position);
        if (!record || (record.kind !== RECORD_PLAIN && record.kind !== RECORD_TRANSACTIONAL)) continue;
        if (record.key === null || record.value === null) continue; // Kafka Streams skips null keys/values in aggregations
        const step = processOne(app.window, store, record.key, record.value, record.timestamp);
        store = step.store;
        processed++;
        if (app.emit === "eager") {
          for (const update of step.result.updates) {
            outputs.push({ key: update.key, start: update.start, end: update.end, count: update.values?.length ?? null, timestamp: update.timestamp, final: false });
          }
        } else {
          for (const final of step.result.finals) {
            outputs.push({ key: final.key, start: final.start, end: final.end, count: final.values?.length ?? null, timestamp: final.timestamp, final: true });
          }
        }
        for (const drop of step.result.drops) drops.push({ ...drop, message: dropMessage(app, drop) });
      }
      app.processed += processed;
      app.dropped += drops.length;
      if (outputs.length > 0) app.outputs = [...app.outputs, ...outputs].slice(-KEEP_OUTPUTS);
      if (drops.length > 0) {
        app.drops = [...app.drops, ...drops].slice(-KEEP_OUTPUTS);
        for (const drop of drops) d.emit("late-drop", drop.message, { app: id, key: drop.key, timestamp: drop.timestamp });
      }
      for (const output of outputs.filter((o) => o.final)) {
        d.emit(
          "window-final",
          `${id}: window ${windowText(app, output.start, output.end)} for key ${output.key} closed with count ${output.count} (emitted once, emit-final).`,
          { app: id, key: output.key, start: output.start, end: output.end, count: output.count },
        );
      }
      const streamTime = (store as { streamTime: number }).streamTime;
      return { ...task, position, store, streamTime };
    });
    app.lastRunMs = d.now;
  }
}

export function streamAppsPending(state: Draft["state"]): boolean {
  for (const app of Object.values(state.streams)) {
    const topic = state.topics[app.sourceTopic];
    if (!topic) continue;
    if (topic.partitions.length > app.tasks.length && topic.partitions.slice(app.tasks.length).some((p) => highWatermark(p) > 0)) return true;
    if (app.tasks.some((task) => task.position < highWatermark(topic.partitions[task.partition]!))) return true;
  }
  return false;
}
