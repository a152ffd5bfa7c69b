// Segments and retention. Kafka deletes whole closed segments, never single records and never the
// active segment: a record lives until its segment has rolled (segment.ms / segment.bytes) and the
// segment is past retention.ms (by its newest timestamp) or pushes the partition over retention.bytes.
import type { Draft } from "./draft";
import { trimLogStart } from "./log";
import { highWatermark, tpName } from "./partition-ops";
import { formatMs } from "../../format/time";
import { plural } from "../../format/text";
import type { PartitionState, TopicConfig } from "./types";

/** Record overhead on disk, roughly: varint lengths, deltas and attributes of DefaultRecord. */
export const RECORD_OVERHEAD_BYTES = 8;
/** RecordBatch header (DefaultRecordBatch.RECORD_BATCH_OVERHEAD). */
export const BATCH_OVERHEAD_BYTES = 61;

/** Rolls the active segment if needed, then accounts an appended batch to it (UnifiedLog#maybeRoll). */
export function accountAppend(
  d: Draft,
  partition: PartitionState,
  config: TopicConfig,
  firstOffset: number,
  bytes: number,
  maxTimestamp: number,
): void {
  const segments = (partition.segments = d.own(partition.segments));
  let active = segments[segments.length - 1]!;
  const nonEmpty = active.sizeBytes > 0;
  const tooBig = active.sizeBytes + bytes > config.segmentBytes;
  const tooOld = d.now - active.createdAtMs >= config.segmentMs;
  if (nonEmpty && (tooBig || tooOld)) {
    active = { baseOffset: firstOffset, sizeBytes: 0, createdAtMs: d.now, maxTimestamp: -1 };
    segments.push(active);
  } else if (!nonEmpty && active.baseOffset !== firstOffset) {
    active = { ...active, baseOffset: firstOffset, createdAtMs: d.now };
    segments[segments.length - 1] = active;
  }
  segments[segments.length - 1] = {
    ...active,
    sizeBytes: active.sizeBytes + bytes,
    maxTimestamp: Math.max(active.maxTimestamp, maxTimestamp),
  };
}

/**
 * The log cleaner's delete pass (every log.retention.check.interval.ms): oldest closed segments below
 * the high watermark go while they are older than retention.ms or the partition exceeds retention.bytes.
 */
export function enforceRetention(d: Draft): void {
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((original, index) => {
      const { retentionMs, retentionBytes } = topic.config;
      if (retentionMs < 0 && retentionBytes < 0) return;
      const hw = highWatermark(original);
      let total = original.segments.reduce((sum, segment) => sum + segment.sizeBytes, 0);
      let deleteCount = 0;
      let reason = "";
      for (let i = 0; i < original.segments.length - 1; i++) {
        const segment = original.segments[i]!;
        const next = original.segments[i + 1]!;
        if (next.baseOffset > hw) break; // only segments wholly below the high watermark
        const expired = retentionMs >= 0 && segment.maxTimestamp >= 0 && d.now - segment.maxTimestamp > retentionMs;
        const oversize = retentionBytes >= 0 && total - segment.sizeBytes >= retentionBytes;
        if (!(expired || oversize)) break;
        reason ||= expired ? `older than retention.ms=${formatMs(retentionMs)}` : `over retention.bytes=${retentionBytes}`;
        total -= segment.sizeBytes;
        deleteCount++;
      }
      if (deleteCount === 0) return;
      const partition = d.partition(topicName, index);
      const segments = partition.segments.slice(deleteCount);
      const newStart = segments[0]!.baseOffset;
      const removed = newStart - partition.logStartOffset;
      partition.segments = segments;
      partition.logStartOffset = newStart;
      partition.logs = d.own(partition.logs);
      for (const [broker, log] of Object.entries(partition.logs)) partition.logs[broker] = trimLogStart(log, newStart);
      d.emit(
        "retention",
        `Retention deleted ${plural(deleteCount, "segment")} of ${tpName(topicName, index)} (${plural(removed, "record")}, ${reason}). ` +
          `The log now starts at offset ${newStart}; a consumer behind it jumps by auto.offset.reset.`,
        { topic: topicName, partition: index, logStartOffset: newStart, removed },
      );
    });
  }
}
