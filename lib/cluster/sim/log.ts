// Partition logs as immutable, columnar chunks of CHUNK_SIZE records aligned on offsets. Appending
// copies only the tail chunk; everything before it is shared with the previous state and with the
// other replicas. Truncation just lowers the log end offset: the records past it are never read, and
// the next append copies the tail, so shared chunks are never overwritten.
import {
  RECORD_PLAIN,
  type LogChunk,
  type ReplicaLog,
} from "./types";

export const CHUNK_SIZE = 1024;

export interface RecordView {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
  producerId: number;
  kind: number;
}

export function emptyLog(): ReplicaLog {
  return { chunks: [], leo: 0, hw: 0, epochs: [] };
}

function chunkIndex(log: ReplicaLog, offset: number): number {
  const first = log.chunks[0];
  if (!first) return -1;
  return Math.floor(offset / CHUNK_SIZE) - first.base / CHUNK_SIZE;
}

/** Columns for records to append: parallel arrays keep bulk appends allocation-light. */
export interface AppendColumns {
  keys: readonly (string | null)[];
  values: readonly (string | null)[];
  timestamps: readonly number[];
  /** Only for transactional data and markers. */
  producerIds?: readonly number[];
  kinds?: readonly number[];
  /** Take records [from, to) of the columns (default all). */
  from?: number;
  to?: number;
}

function copyTail(chunk: LogChunk | undefined, base: number, keep: number, needsMeta: boolean): LogChunk {
  const tail: LogChunk = {
    base,
    keys: chunk ? chunk.keys.slice(0, keep) : [],
    values: chunk ? chunk.values.slice(0, keep) : [],
    timestamps: chunk ? chunk.timestamps.slice(0, keep) : [],
    producerIds: chunk?.producerIds ? chunk.producerIds.slice(0, keep) : null,
    kinds: chunk?.kinds ? chunk.kinds.slice(0, keep) : null,
  };
  if (needsMeta && !tail.producerIds) {
    tail.producerIds = new Array<number>(tail.keys.length).fill(-1);
    tail.kinds = new Array<number>(tail.keys.length).fill(RECORD_PLAIN);
  }
  return tail;
}

/**
 * Appends records at the log end offset and returns the new log. The input log and its chunks are
 * untouched (the tail chunk is copied), so earlier states and other replicas keep their view.
 */
export function appendToLog(log: ReplicaLog, records: AppendColumns): ReplicaLog {
  const from = records.from ?? 0;
  const to = records.to ?? records.keys.length;
  if (to <= from) return log;
  const needsMeta = records.producerIds !== undefined || records.kinds !== undefined;

  let offset = log.leo;
  let tailBase = offset - (offset % CHUNK_SIZE);
  // Chunks before the tail are shared as they are; the tail is copied and trimmed to the log end
  // (after a truncation, chunks past the log end are dropped here).
  const firstBase = log.chunks[0]?.base ?? tailBase;
  const tailIndex = (tailBase - firstBase) / CHUNK_SIZE;
  const chunks = log.chunks.slice(0, Math.max(0, Math.min(tailIndex, log.chunks.length)));
  const existing = tailIndex >= 0 ? log.chunks[tailIndex] : undefined;
  let tail = copyTail(existing, tailBase, offset - tailBase, needsMeta);
  // Records below the log start may already be gone; placeholders keep the chunk aligned.
  while (tail.keys.length < offset - tailBase) {
    tail.keys.push(null);
    tail.values.push(null);
    tail.timestamps.push(0);
    tail.producerIds?.push(-1);
    tail.kinds?.push(RECORD_PLAIN);
  }

  for (let i = from; i < to; i++) {
    if (tail.keys.length === CHUNK_SIZE) {
      chunks.push(tail);
      tailBase += CHUNK_SIZE;
      tail = copyTail(undefined, tailBase, 0, needsMeta);
    }
    tail.keys.push(records.keys[i]!);
    tail.values.push(records.values[i]!);
    tail.timestamps.push(records.timestamps[i]!);
    if (tail.producerIds && tail.kinds) {
      tail.producerIds.push(records.producerIds?.[i] ?? -1);
      tail.kinds.push(records.kinds?.[i] ?? RECORD_PLAIN);
    }
    offset++;
  }
  chunks.push(tail);
  return { ...log, chunks, leo: offset };
}

/** Follower fetch: take the leader's chunks up to `upTo` (the records are identical by construction). */
export function copyFromLeader(follower: ReplicaLog, leader: ReplicaLog, upTo: number): ReplicaLog {
  if (upTo <= follower.leo) return follower;
  return { ...follower, chunks: leader.chunks, leo: Math.min(upTo, leader.leo), epochs: leader.epochs.filter(([, start]) => start < upTo) };
}

/** Drops everything at or after `offset` (leader epoch truncation, unclean election). */
export function truncateLog(log: ReplicaLog, offset: number): ReplicaLog {
  if (offset >= log.leo) return log;
  return {
    ...log,
    leo: offset,
    hw: Math.min(log.hw, offset),
    epochs: log.epochs.filter(([, start]) => start < offset),
  };
}

/** Forgets chunks wholly below the log start offset (retention deleted those segments). */
export function trimLogStart(log: ReplicaLog, logStartOffset: number): ReplicaLog {
  const keepFrom = log.chunks.findIndex((chunk) => chunk.base + CHUNK_SIZE > logStartOffset);
  if (keepFrom <= 0) return log;
  return { ...log, chunks: log.chunks.slice(keepFrom) };
}

export function recordAt(log: ReplicaLog, offset: number): RecordView | null {
  if (offset < 0 || offset >= log.leo) return null;
  const index = chunkIndex(log, offset);
  const chunk = log.chunks[index];
  if (!chunk || offset < chunk.base) return null;
  const i = offset - chunk.base;
  if (i >= chunk.keys.length) return null;
  return {
    offset,
    key: chunk.keys[i]!,
    value: chunk.values[i]!,
    timestamp: chunk.timestamps[i]!,
    producerId: chunk.producerIds ? chunk.producerIds[i]! : -1,
    kind: chunk.kinds ? chunk.kinds[i]! : RECORD_PLAIN,
  };
}

/** Records [from, to) present in the log, in offset order. */
export function readRange(log: ReplicaLog, from: number, to: number): RecordView[] {
  const out: RecordView[] = [];
  for (let offset = Math.max(0, from); offset < Math.min(to, log.leo); offset++) {
    const record = recordAt(log, offset);
    if (record) out.push(record);
  }
  return out;
}

/** Leader epoch of the record at `offset` according to the epoch cache (-1 when unknown). */
export function epochAt(log: ReplicaLog, offset: number): number {
  let epoch = -1;
  for (const [e, start] of log.epochs) if (start <= offset) epoch = e;
  return epoch;
}

/** The latest epoch in the cache, or -1. */
export function latestEpoch(log: ReplicaLog): number {
  return log.epochs.length > 0 ? log.epochs[log.epochs.length - 1]![0] : -1;
}

/**
 * OffsetsForLeaderEpoch on the leader (KIP-101/279): the end offset of the largest epoch <= the
 * requested one — the start of the next epoch, or the LEO for the current epoch.
 */
function endOffsetForEpoch(leader: ReplicaLog, epoch: number): { epoch: number; endOffset: number } {
  let found = -1;
  for (let i = 0; i < leader.epochs.length; i++) {
    const [e] = leader.epochs[i]!;
    if (e <= epoch) found = i;
  }
  if (found < 0) return { epoch: -1, endOffset: leader.epochs[0]?.[1] ?? leader.leo };
  const next = leader.epochs[found + 1];
  return { epoch: leader.epochs[found]![0], endOffset: next ? next[1] : leader.leo };
}

/** Where a follower must truncate to before fetching from this leader (no truncation: its LEO). */
export function divergenceOffset(follower: ReplicaLog, leader: ReplicaLog): number {
  const followerEpoch = latestEpoch(follower);
  if (followerEpoch < 0) return Math.min(follower.leo, leader.leo);
  const { endOffset } = endOffsetForEpoch(leader, followerEpoch);
  return Math.min(follower.leo, endOffset);
}
