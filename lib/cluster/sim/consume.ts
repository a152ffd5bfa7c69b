// Consumers: positions, fetching below the high watermark (or the LSO for read_committed), commits,
// auto.offset.reset, seeks, and what the application does with the records. The loss and duplicates of
// a crash come out of these rules, not out of a script.
import { resolveConsumerConfig } from "./config";
import { ActionError, type Draft } from "./draft";
import { CHUNK_SIZE } from "./log";
import { emptyLedger, recordLost, recordProcessed } from "./ledger";
import { commitPositions } from "./commits";
import { highWatermark, lastStableOffset, logEndOffset, offsetForTimestamp, replicaLog } from "./partition-ops";
import { plural } from "../../format/text";
import { joinGroup, removeMember, requestRebalance } from "./groups";
import type { ConsumedRecord, ConsumerConfig, ConsumerState, PartitionState, TopicPartitionName } from "./types";
import { RECORD_ABORT_MARKER, RECORD_COMMIT_MARKER, RECORD_TRANSACTIONAL } from "./types";
import { parseTopicPartition } from "../assignors/types";

const RECENT_RECORDS = 50;

function partitionOf(d: Draft, tp: TopicPartitionName): { topic: string; index: number; partition: PartitionState } | null {
  const ref = parseTopicPartition(tp);
  if (!ref) return null;
  const partition = d.state.topics[ref.topic]?.partitions[ref.partition];
  return partition ? { topic: ref.topic, index: ref.partition, partition } : null;
}

/** Where a fetch may read up to: the HW, or the last stable offset for read_committed (rules.md §4.3). */
export function fetchLimit(partition: PartitionState, isolation: ConsumerConfig["isolationLevel"]): number {
  return isolation === "read_committed" ? lastStableOffset(partition) : highWatermark(partition);
}

function leaderAvailable(d: Draft, partition: PartitionState): boolean {
  return partition.leader >= 0 && d.state.brokers[String(partition.leader)]?.status === "online";
}

export function createConsumer(d: Draft, id: string, topics: string[], input: Partial<ConsumerConfig> & { groupId: string }): void {
  if (typeof id !== "string" || id.length === 0) throw new ActionError("A consumer needs a client id.");
  const existing = d.state.consumers[id];
  if (existing) {
    throw new ActionError(
      existing.config.groupId === input?.groupId
        ? `Consumer '${id}' already exists.`
        : `Consumer '${id}' is already a member of group '${existing.config.groupId}'; a KafkaConsumer belongs to one group at a time (group.id).`,
    );
  }
  const { config, error } = resolveConsumerConfig(input ?? { groupId: "" });
  if (error) throw new ActionError(error);
  validateTopics(d, topics);
  if (config.groupInstanceId) {
    const clash = Object.values(d.state.consumers).find(
      (c) => c.config.groupId === config.groupId && c.config.groupInstanceId === config.groupInstanceId && c.status !== "closed",
    );
    if (clash) throw new ActionError(`group.instance.id ${config.groupInstanceId} is already used by ${clash.id} in group ${config.groupId}.`);
  }
  const consumer: ConsumerState = {
    id,
    config,
    status: "running",
    memberId: `${id}-${d.javaUuid()}`,
    host: `/10.0.0.${11 + Object.keys(d.state.consumers).length}`,
    subscription: [...topics],
    inGroup: false,
    assignment: [],
    positions: {},
    buffered: [],
    lastHeartbeatMs: d.now,
    lastPollMs: d.now,
    lastAutoCommitMs: d.now,
    processedCount: 0,
    recent: [],
    replaying: [],
    lastPollCount: 0,
  };
  d.state.consumers = d.own(d.state.consumers);
  d.state.consumers[id] = consumer;
  joinGroup(d, id, config.groupId);
}

function validateTopics(d: Draft, topics: unknown): asserts topics is string[] {
  if (!Array.isArray(topics) || topics.length === 0) throw new ActionError("Subscribe to at least one topic.");
  for (const topic of topics) {
    if (typeof topic !== "string" || !d.state.topics[topic]) throw new ActionError(`Topic '${String(topic)}' does not exist.`);
  }
}

/** The "consumer in two groups" mistake gets a clear error; a consumer without a group can join one. */
export function joinGroupAction(d: Draft, consumerId: string, groupId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.inGroup && consumer.config.groupId !== groupId) {
    throw new ActionError(
      `Consumer '${consumerId}' is already a member of group '${consumer.config.groupId}'; a KafkaConsumer belongs to one group at a time ` +
        "(group.id). Create another consumer for the other group.",
    );
  }
  if (consumer.inGroup) throw new ActionError(`Consumer '${consumerId}' is already in group '${groupId}'.`);
  joinGroup(d, consumerId, groupId);
}

export function subscribe(d: Draft, consumerId: string, topics: string[]): void {
  validateTopics(d, topics);
  const consumer = d.consumer(consumerId);
  consumer.subscription = [...topics];
  d.emit("subscribe", `${consumerId} now subscribes to ${topics.join(", ")}.`, { consumer: consumerId });
  if (consumer.inGroup) requestRebalance(d, consumer.config.groupId, `${consumerId} changed its subscription`);
}


/** Where a partition with no position starts: the committed offset, else auto.offset.reset. */
function initialPosition(d: Draft, consumer: ConsumerState, tp: string): number | null {
  const where = partitionOf(d, tp);
  if (!where) return null;
  const committed = d.state.groups[consumer.config.groupId]?.committed[tp];
  if (committed) return committed.offset;
  return resetPosition(d, consumer, tp, "no committed offset");
}

function resetPosition(d: Draft, consumer: ConsumerState, tp: string, why: string): number | null {
  const where = partitionOf(d, tp)!;
  const { autoOffsetReset, isolationLevel } = consumer.config;
  if (autoOffsetReset === "none") {
    d.emit("offset-reset-error", `${consumer.id} cannot start ${tp}: ${why} and auto.offset.reset=none (NoOffsetForPartitionException / OffsetOutOfRangeException).`, {
      consumer: consumer.id,
      partition: tp,
    });
    return null;
  }
  const position = autoOffsetReset === "earliest" ? where.partition.logStartOffset : fetchLimit(where.partition, isolationLevel);
  d.emit(
    "offset-reset",
    `${consumer.id} starts ${tp} at offset ${position}: ${why}, so auto.offset.reset=${autoOffsetReset} applies ` +
      (autoOffsetReset === "earliest" ? "(the oldest record still kept)." : "(only records produced from now on)."),
    { consumer: consumer.id, partition: tp, offset: position },
  );
  return position;
}

interface Fetched {
  tp: string;
  from: number;
  to: number;
  /** Data records returned to the application. */
  count: number;
  /** The last few records, for the UI. */
  sample: ConsumedRecord[];
}

function isAbortedRecord(partition: PartitionState, producerId: number, offset: number): boolean {
  return partition.abortedTransactions.some((txn) => txn.producerId === producerId && offset >= txn.firstOffset && offset <= txn.lastOffset);
}

/**
 * Reads one partition from `position` up to the isolation limit, at most `max` data records. Reads the
 * chunk columns directly: a bulk workload polls millions of records through here.
 */
function fetchPartition(d: Draft, consumer: ConsumerState, tp: string, position: number, max: number): Fetched {
  const where = partitionOf(d, tp)!;
  const partition = where.partition;
  const limit = Math.min(fetchLimit(partition, consumer.config.isolationLevel), logEndOffset(partition));
  const log = replicaLog(partition, partition.leader);
  const readCommitted = consumer.config.isolationLevel === "read_committed";
  const sample: ConsumedRecord[] = [];
  let count = 0;
  let offset = position;
  const firstBase = log.chunks[0]?.base ?? 0;
  while (offset < limit && count < max) {
    const chunk = log.chunks[Math.floor((offset - firstBase) / CHUNK_SIZE)];
    if (!chunk) break;
    const end = Math.min(limit, chunk.base + chunk.keys.length);
    const kinds = chunk.kinds;
    for (; offset < end && count < max; offset++) {
      const i = offset - chunk.base;
      if (kinds) {
        const kind = kinds[i]!;
        // Control records (commit/abort markers) take an offset but never reach the application.
        if (kind === RECORD_COMMIT_MARKER || kind === RECORD_ABORT_MARKER) continue;
        if (kind === RECORD_TRANSACTIONAL && readCommitted && isAbortedRecord(partition, chunk.producerIds![i]!, offset)) continue;
      }
      count++;
      if (max - count < RECENT_RECORDS || end - offset <= RECENT_RECORDS) {
        sample.push({ tp, offset, key: chunk.keys[i]!, value: chunk.values[i]!, timestamp: chunk.timestamps[i]! });
      }
    }
  }
  return { tp, from: position, to: offset, count, sample: sample.slice(-RECENT_RECORDS) };
}

/** Positions outside [log start, log end] are out of range: retention deleted them or a truncation did. */
function validatePosition(d: Draft, consumer: ConsumerState, tp: string, position: number): number | null {
  const where = partitionOf(d, tp)!;
  const start = where.partition.logStartOffset;
  const end = logEndOffset(where.partition);
  if (position < start) return resetPosition(d, consumer, tp, `offset ${position} was deleted by retention (the log starts at ${start})`);
  if (position > end) return resetPosition(d, consumer, tp, `offset ${position} is past the log end ${end} (records were truncated)`);
  return position;
}

function processRange(d: Draft, consumerId: string, fetched: Fetched): void {
  const consumer = d.consumer(consumerId);
  const groupId = consumer.config.groupId;
  consumer.processedCount += fetched.count;
  if (fetched.sample.length > 0) consumer.recent = [...consumer.recent, ...fetched.sample].slice(-RECENT_RECORDS);
  const group = d.state.groups[groupId];
  if (!group || fetched.to <= fetched.from) return;
  const writable = d.group(groupId);
  const { ledger, duplicates } = recordProcessed(writable.ledger[fetched.tp] ?? emptyLedger(), fetched.from, fetched.to);
  writable.ledger = { ...writable.ledger, [fetched.tp]: ledger };
  if (duplicates > 0) {
    const replay = consumer.replaying.includes(fetched.tp);
    d.emit(
      replay ? "replay" : "duplicates",
      replay
        ? `${consumerId} re-processed ${plural(duplicates, "record")} of ${fetched.tp} (offsets ${fetched.from}-${fetched.to - 1}) because it seeked back: a deliberate replay.`
        : `${consumerId} processed ${plural(duplicates, "record")} of ${fetched.tp} that the group had already processed (offsets ${fetched.from}-${fetched.to - 1}): ` +
            "a member processed them after its last commit and then went away, so they were delivered again (at-least-once).",
      { group: groupId, consumer: consumerId, partition: fetched.tp, duplicates, replay },
    );
  }
}

/** The application's worker finishes buffered records (async / commit-before-process modes). */
function drainBuffer(d: Draft, consumerId: string, budget: number): void {
  let remaining = budget;
  while (remaining > 0) {
    const consumer = d.state.consumers[consumerId]!;
    const head = consumer.buffered[0];
    if (!head) return;
    const [tp, from, to] = head;
    const take = Math.min(to - from, remaining);
    const writable = d.consumer(consumerId);
    writable.buffered = take === to - from ? writable.buffered.slice(1) : [[tp, from + take, to], ...writable.buffered.slice(1)];
    processRange(d, consumerId, { tp, from, to: from + take, count: 0, sample: [] });
    writable.processedCount += take;
    remaining -= take;
  }
}

/**
 * KafkaConsumer#poll as the application's loop calls it: auto-commit if due (of the positions, i.e. of
 * everything returned before), then fetch up to max.poll.records, then hand the records to the app.
 */
export function poll(d: Draft, consumerId: string, narrate = true): number {
  const consumer = d.consumer(consumerId);
  if (consumer.status !== "running") throw new ActionError(`Consumer '${consumerId}' is ${consumer.status}; only a running consumer can poll.`);
  consumer.lastPollMs = d.now;
  consumer.lastHeartbeatMs = d.now;
  const { config } = consumer;

  // The worker of an async app catches up between polls.
  if (config.processing !== "sync") {
    const elapsedBudget = config.processingRatePerSec > 0 ? Math.floor((config.processingRatePerSec * config.pollIntervalMs) / 1000) : Infinity;
    drainBuffer(d, consumerId, elapsedBudget);
  }

  if (config.enableAutoCommit && d.now - consumer.lastAutoCommitMs >= config.autoCommitIntervalMs) {
    commitPositions(d, consumerId, null, `auto-commit, enable.auto.commit=true every ${config.autoCommitIntervalMs} ms`);
    d.consumer(consumerId).lastAutoCommitMs = d.now;
  }

  if (!consumer.inGroup) return 0;

  let budget = config.maxPollRecords;
  const fetchedAll: Fetched[] = [];
  const order = [...consumer.assignment];
  for (const tp of order) {
    if (budget <= 0) break;
    const where = partitionOf(d, tp);
    if (!where || !leaderAvailable(d, where.partition)) continue;
    let position: number | null | undefined = d.state.consumers[consumerId]!.positions[tp];
    if (position === undefined) position = initialPosition(d, d.state.consumers[consumerId]!, tp);
    if (position !== null) position = validatePosition(d, d.state.consumers[consumerId]!, tp, position);
    if (position === null) continue;
    const fetched = fetchPartition(d, d.state.consumers[consumerId]!, tp, position, budget);
    const writable = d.consumer(consumerId);
    writable.positions = { ...writable.positions, [tp]: fetched.to };
    budget -= fetched.count;
    if (fetched.to > fetched.from) fetchedAll.push(fetched);
  }
  // Rotate so the next poll starts from another partition (the fetcher's round-robin over partitions).
  if (order.length > 1) d.consumer(consumerId).assignment = [...order.slice(1), order[0]!];

  const count = fetchedAll.reduce((sum, f) => sum + f.count, 0);
  if (config.processing === "sync") {
    for (const fetched of fetchedAll) processRange(d, consumerId, fetched);
  } else {
    const writable = d.consumer(consumerId);
    writable.buffered = [...writable.buffered, ...fetchedAll.map((f): [string, number, number] => [f.tp, f.from, f.to])];
    writable.recent = [...writable.recent, ...fetchedAll.flatMap((f) => f.sample)].slice(-RECENT_RECORDS);
    if (config.processing === "commit-before-process") commitPositions(d, consumerId, null, "commitSync right after poll, before processing");
  }
  const previousCount = d.state.consumers[consumerId]!.lastPollCount;
  d.consumer(consumerId).lastPollCount = count;
  if (count > 0 && (narrate || previousCount === 0)) {
    d.emit(
      "poll",
      `${consumerId} polled ${plural(count, "record")} (${fetchedAll.map((f) => `${f.tp} ${f.from}→${f.to}`).join(", ")}).`,
      { consumer: consumerId, count, ranges: fetchedAll.map((f) => [f.tp, f.from, f.to]) },
    );
  }
  return count;
}

function requireAssigned(consumer: ConsumerState, tp: string): void {
  if (!consumer.assignment.includes(tp)) throw new ActionError(`No current assignment for partition ${tp} (IllegalStateException): ${consumer.id} can only seek partitions it is assigned.`);
}

export function seek(d: Draft, consumerId: string, tp: string, offset: number): void {
  const consumer = d.consumer(consumerId);
  requireAssigned(consumer, tp);
  if (!Number.isInteger(offset) || offset < 0) throw new ActionError(`Seek offset must be a non-negative whole number, got ${offset}.`);
  consumer.positions = { ...consumer.positions, [tp]: offset };
  if (!consumer.replaying.includes(tp)) consumer.replaying = [...consumer.replaying, tp];
  d.emit("seek", `${consumerId} will read ${tp} from offset ${offset} on its next poll (replay does not change the committed offset until it commits).`, {
    consumer: consumerId,
    partition: tp,
    offset,
  });
}

export function seekToEdge(d: Draft, consumerId: string, edge: "beginning" | "end"): void {
  const consumer = d.consumer(consumerId);
  if (consumer.assignment.length === 0) throw new ActionError(`${consumerId} has no assigned partitions to seek.`);
  const positions = { ...consumer.positions };
  for (const tp of consumer.assignment) {
    const where = partitionOf(d, tp)!;
    positions[tp] = edge === "beginning" ? where.partition.logStartOffset : fetchLimit(where.partition, consumer.config.isolationLevel);
  }
  consumer.positions = positions;
  consumer.replaying = [...new Set([...consumer.replaying, ...consumer.assignment])];
  d.emit("seek", `${consumerId} seeks to the ${edge} of ${consumer.assignment.join(", ")}.`, { consumer: consumerId, positions });
}

/** offsetsForTimes: the earliest offset whose timestamp is at or after `timestamp`, else the end. */

export function seekToTimestamp(d: Draft, consumerId: string, timestamp: number): void {
  const consumer = d.consumer(consumerId);
  if (!Number.isFinite(timestamp) || timestamp < 0) throw new ActionError(`Timestamp must be a non-negative number of ms, got ${timestamp}.`);
  if (consumer.assignment.length === 0) throw new ActionError(`${consumerId} has no assigned partitions to seek.`);
  const positions = { ...consumer.positions };
  for (const tp of consumer.assignment) positions[tp] = offsetForTimestamp(partitionOf(d, tp)!.partition, timestamp);
  consumer.positions = positions;
  consumer.replaying = [...new Set([...consumer.replaying, ...consumer.assignment])];
  d.emit(
    "seek",
    `${consumerId} seeks by time (offsetsForTimes ${timestamp}): ${consumer.assignment.map((tp) => `${tp}@${positions[tp]}`).join(", ")}. ` +
      "Records older than retention are gone, so replay can only go back as far as the log start.",
    { consumer: consumerId, positions },
  );
}

/** The records lost when an app dies with records it fetched (and whose offsets were committed) unprocessed. */
function loseBuffered(d: Draft, consumerId: string): void {
  const consumer = d.state.consumers[consumerId]!;
  const group = d.state.groups[consumer.config.groupId];
  if (!group || consumer.buffered.length === 0) return;
  let lost = 0;
  const writable = d.group(group.id);
  for (const [tp, from, to] of consumer.buffered) {
    const committed = writable.committed[tp]?.offset ?? 0;
    const lostTo = Math.min(to, committed);
    if (lostTo > from) {
      writable.ledger = { ...writable.ledger, [tp]: recordLost(writable.ledger[tp] ?? emptyLedger(), from, lostTo) };
      lost += lostTo - from;
    }
  }
  d.consumer(consumerId).buffered = [];
  if (lost > 0) {
    d.emit(
      "records-lost",
      `${plural(lost, "record")} ${consumerId} had fetched but not yet processed are lost: their offsets were already committed ` +
        `(${consumer.config.processing === "async" ? "auto-commit commits what poll() returned, not what the worker finished" : "committed before processing"}), ` +
        "so no member will read them again.",
      { group: group.id, consumer: consumerId, lost },
    );
  }
}

export function crashConsumer(d: Draft, consumerId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status === "crashed" || consumer.status === "closed") throw new ActionError(`Consumer '${consumerId}' is already ${consumer.status}.`);
  loseBuffered(d, consumerId);
  const writable = d.consumer(consumerId);
  writable.status = "crashed";
  const group = d.state.groups[writable.config.groupId];
  const uncommitted = writable.assignment
    .map((tp) => (writable.positions[tp] ?? 0) - (group?.committed[tp]?.offset ?? writable.positions[tp] ?? 0))
    .reduce((sum, n) => sum + Math.max(0, n), 0);
  d.emit(
    "consumer-crashed",
    `${consumerId} crashed without committing. ${plural(uncommitted, "record")} it read since its last commit will be read again by whoever gets its partitions; ` +
      `until session.timeout.ms (${writable.config.sessionTimeoutMs / 1000} s) passes, nobody reads them.`,
    { consumer: consumerId, uncommitted },
  );
}

export function closeConsumer(d: Draft, consumerId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status === "closed") throw new ActionError(`Consumer '${consumerId}' is already closed.`);
  if (consumer.status === "crashed") throw new ActionError(`Consumer '${consumerId}' crashed; restart it instead.`);
  if (consumer.config.processing !== "sync") drainBuffer(d, consumerId, Infinity);
  if (consumer.config.enableAutoCommit) commitPositions(d, consumerId, null, "auto-commit on close");
  d.consumer(consumerId).status = "closed";
  const isStatic = consumer.config.groupInstanceId !== null;
  d.emit(
    "consumer-closed",
    isStatic
      ? `${consumerId} closed. It is a static member (group.instance.id=${consumer.config.groupInstanceId}), so it sends no LeaveGroup: its partitions wait for it until session.timeout.ms.`
      : `${consumerId} closed and sent LeaveGroup, so the group rebalances right away.`,
    { consumer: consumerId },
  );
  if (!isStatic) removeMember(d, consumerId, `${consumerId} left`);
  else d.consumer(consumerId).lastHeartbeatMs = d.now;
}

export function stallConsumer(d: Draft, consumerId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status !== "running") throw new ActionError(`Consumer '${consumerId}' is ${consumer.status}, not running.`);
  consumer.status = "stalled";
  d.emit("consumer-stalled", `${consumerId}'s application stopped calling poll() (a slow batch, a deadlock). Its heartbeat thread keeps it in the group until max.poll.interval.ms.`, {
    consumer: consumerId,
  });
}

export function resumeConsumer(d: Draft, consumerId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status !== "stalled") throw new ActionError(`Consumer '${consumerId}' is ${consumer.status}, not stalled.`);
  consumer.status = "running";
  d.emit("consumer-resumed", `${consumerId} calls poll() again.`, { consumer: consumerId });
  if (!consumer.inGroup) joinGroup(d, consumerId, consumer.config.groupId);
}

/** The settings of the application's loop that can change while it runs (a deploy, a slower downstream). */
export function configureConsumer(
  d: Draft,
  consumerId: string,
  changes: Partial<Pick<ConsumerConfig, "maxPollRecords" | "pollIntervalMs" | "processingRatePerSec" | "assignmentStrategy">>,
): void {
  const consumer = d.consumer(consumerId);
  if (!changes || typeof changes !== "object") throw new ActionError("configureConsumer needs a config object.");
  const allowed = ["maxPollRecords", "pollIntervalMs", "processingRatePerSec", "assignmentStrategy"];
  const unknown = Object.keys(changes).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new ActionError(`configureConsumer can change ${allowed.join(", ")}; not ${unknown.join(", ")}.`);
  const { config, error } = resolveConsumerConfig({ ...consumer.config, ...changes });
  if (error) throw new ActionError(error);
  consumer.config = config;
  const perSecond = Math.floor((config.maxPollRecords * 1000) / config.pollIntervalMs);
  const pace =
    config.processing === "sync"
      ? `at most ${plural(config.maxPollRecords, "record")} per poll, one poll every ${config.pollIntervalMs} ms: about ${perSecond} records/s`
      : `its worker processes ${config.processingRatePerSec > 0 ? `${config.processingRatePerSec} records/s` : "records as fast as they come"}`;
  d.emit(
    "consumer-configured",
    `${consumerId} now reads ${pace} (max.poll.records=${config.maxPollRecords}, partition.assignment.strategy=${config.assignmentStrategy}).`,
    { consumer: consumerId, config: { ...changes } },
  );
}

export function restartConsumer(d: Draft, consumerId: string): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status === "running" || consumer.status === "stalled") throw new ActionError(`Consumer '${consumerId}' is already running.`);
  const isStatic = consumer.config.groupInstanceId !== null;
  consumer.status = "running";
  consumer.lastHeartbeatMs = d.now;
  consumer.lastPollMs = d.now;
  consumer.lastAutoCommitMs = d.now;
  consumer.buffered = [];
  consumer.positions = {};
  if (isStatic && consumer.inGroup) {
    d.emit(
      "static-rejoin",
      `${consumerId} came back with group.instance.id=${consumer.config.groupInstanceId} within session.timeout.ms: it gets its partitions back without a rebalance.`,
      { consumer: consumerId },
    );
    return;
  }
  if (!isStatic) consumer.memberId = `${consumerId}-${d.javaUuid()}`;
  consumer.inGroup = false;
  joinGroup(d, consumerId, consumer.config.groupId);
}

/** Clock: each running consumer polls on its own cadence while there is something to do. */
export function runConsumers(d: Draft): void {
  for (const consumerId of Object.keys(d.state.consumers)) {
    const consumer = d.state.consumers[consumerId]!;
    if (consumer.status !== "running") continue;
    // The application's loop: narrated when it starts reading, not on every poll.
    if (consumerNextPollMs(d.state, consumer) <= d.now) poll(d, consumerId, false);
  }
}

function hasWork(state: Draft["state"], consumer: ConsumerState): boolean {
  if (consumer.buffered.length > 0) return true;
  const group = state.groups[consumer.config.groupId];
  for (const tp of consumer.assignment) {
    const ref = parseTopicPartition(tp);
    const partition = ref ? state.topics[ref.topic]?.partitions[ref.partition] : undefined;
    if (!partition || partition.leader < 0) continue;
    const position = consumer.positions[tp];
    if (position === undefined) return true;
    if (position < fetchLimit(partition, consumer.config.isolationLevel) || position < partition.logStartOffset) return true;
    if (consumer.config.enableAutoCommit && group?.committed[tp]?.offset !== position) return true;
  }
  return false;
}

/** When this consumer's loop next calls poll(); Infinity while it has nothing to read or commit. */
function consumerNextPollMs(state: Draft["state"], consumer: ConsumerState): number {
  if (consumer.status !== "running" || !consumer.inGroup) return Infinity;
  if (!hasWork(state, consumer)) return Infinity;
  let next = consumer.lastPollMs + consumer.config.pollIntervalMs;
  const onlyCommitting =
    consumer.buffered.length === 0 &&
    consumer.assignment.every((tp) => {
      const ref = parseTopicPartition(tp);
      const partition = ref ? state.topics[ref.topic]?.partitions[ref.partition] : undefined;
      const position = consumer.positions[tp];
      return !partition || position === undefined ? false : position >= fetchLimit(partition, consumer.config.isolationLevel);
    });
  if (onlyCommitting) next = Math.max(next, consumer.lastAutoCommitMs + consumer.config.autoCommitIntervalMs);
  return next;
}

export function nextConsumerDueMs(state: Draft["state"]): number {
  let next = Infinity;
  for (const consumer of Object.values(state.consumers)) next = Math.min(next, consumerNextPollMs(state, consumer));
  return next;
}
