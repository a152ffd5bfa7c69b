// Bulk traffic for throughput: the same leader append, idempotence bookkeeping, replication rounds,
// high watermark and consumer polls as single actions, minus the per-record narration. A round sends
// one batch per partition, lets followers fetch twice (copy, then acknowledge), and lets the group poll.
import { partitionForKey } from "../hash/murmur2";
import { admitProduce } from "../rules/acks";
import { checkIdempotentBatch, rememberBatch } from "../rules/idempotence";
import { poll } from "./consume";
import { ActionError, type Draft } from "./draft";
import { appendAsLeader, estimateRecordBytes } from "./produce";
import { highWatermark, topicEffectiveMinIsr } from "./partition-ops";
import { plural } from "../../format/text";
import { replicationRound } from "./replication";
import { BATCH_OVERHEAD_BYTES, RECORD_OVERHEAD_BYTES } from "./retention";
import type { ClusterAction } from "./actions";

type WorkloadAction = Extract<ClusterAction, { type: "runWorkload" }>;

export interface WorkloadResult {
  produced: number;
  appended: number;
  rejected: number;
  consumed: number;
  rounds: number;
}

const MAX_WORKLOAD_RECORDS = 50_000_000;

function validate(d: Draft, action: WorkloadAction): void {
  const producer = d.state.producers[action.producer];
  if (!producer) throw new ActionError(`Producer '${action.producer}' does not exist.`);
  if (producer.config.transactionalId) throw new ActionError("Bulk workloads do not use transactions; use a non-transactional producer.");
  if (!d.state.topics[action.topic]) throw new ActionError(`Topic '${action.topic}' does not exist.`);
  if (!Number.isInteger(action.records) || action.records <= 0 || action.records > MAX_WORKLOAD_RECORDS) {
    throw new ActionError(`A workload sends between 1 and ${MAX_WORKLOAD_RECORDS} records, got ${String(action.records)}.`);
  }
  if (action.keys !== null && (!Array.isArray(action.keys) || action.keys.length === 0 || action.keys.some((k) => typeof k !== "string"))) {
    throw new ActionError("keys must be a non-empty list of strings, or null for null keys.");
  }
  if (action.hotKey && !(action.hotKey.share >= 0 && action.hotKey.share <= 1 && typeof action.hotKey.key === "string")) {
    throw new ActionError("hotKey.share must be between 0 and 1.");
  }
  if (action.values && (action.values.length === 0 || action.values.some((v) => typeof v !== "string"))) {
    throw new ActionError("values must be a non-empty list of strings.");
  }
  if (action.batchRecords !== undefined && !(Number.isInteger(action.batchRecords) && action.batchRecords > 0)) {
    throw new ActionError("batchRecords must be a positive whole number.");
  }
  if (action.roundMs !== undefined && !(Number.isInteger(action.roundMs) && action.roundMs >= 0)) {
    throw new ActionError("roundMs must be a non-negative whole number.");
  }
  if (action.consumeGroup !== undefined && !d.state.groups[action.consumeGroup]) {
    throw new ActionError(`Consumer group '${action.consumeGroup}' does not exist.`);
  }
}

export function runWorkload(d: Draft, action: WorkloadAction): WorkloadResult {
  validate(d, action);
  const producerId = action.producer;
  const topicName = action.topic;
  const partitionCount = d.state.topics[topicName]!.partitions.length;
  const config = d.state.producers[producerId]!.config;
  const values = action.values ?? ["{\"event\":\"order-created\",\"amount\":42}"];
  const keys = action.keys;
  const sampleBytes = estimateRecordBytes(keys?.[0] ?? null, values[0]!);
  const perPartition = action.batchRecords ?? Math.max(1, Math.floor((config.batchSize - BATCH_OVERHEAD_BYTES) / sampleBytes));
  const roundSize = perPartition * partitionCount;
  const roundMs = action.roundMs ?? 1;
  const hot = action.hotKey;

  // Per-key partition and size, computed once: the same murmur2 and sizes, without redoing them per record.
  const keyMeta = new Map<string, { partition: number; bytes: number }>();
  const metaOf = (key: string) => {
    let meta = keyMeta.get(key);
    if (meta === undefined) {
      meta = { partition: partitionForKey(key, partitionCount), bytes: estimateRecordBytes(key, null) };
      keyMeta.set(key, meta);
    }
    return meta;
  };
  const valueBytes = values.map((value) => estimateRecordBytes(null, value));
  const keyCount = keys?.length ?? 0;

  const result: WorkloadResult = { produced: 0, appended: 0, rejected: 0, consumed: 0, rounds: 0 };
  const group = action.consumeGroup ? d.state.groups[action.consumeGroup] : undefined;
  const wasMuted = d.muted;
  d.muted = true;
  const saved = d.state.producers[producerId]!.sticky[topicName];
  let sticky = saved ? { ...saved } : null;

  try {
    let sent = 0;
    while (sent < action.records) {
      const count = Math.min(roundSize, action.records - sent);
      const columns = Array.from({ length: partitionCount }, () => ({ keys: [] as (string | null)[], values: [] as string[], timestamps: [] as number[], bytes: BATCH_OVERHEAD_BYTES }));
      const now = d.now;
      for (let i = 0; i < count; i++) {
        const n = sent + i;
        let key: string | null;
        if (hot !== undefined && Math.floor((n + 1) * hot.share) > Math.floor(n * hot.share)) key = hot.key;
        else key = keys === null ? null : keys[n % keyCount]!;
        const valueIndex = n % values.length;
        const value = values[valueIndex]!;
        // estimateRecordBytes(key, value) = key bytes + value bytes + overhead; split so both parts are cached.
        let bytes = valueBytes[valueIndex]!;
        let partition: number;
        if (key !== null && !config.partitionerIgnoreKeys) {
          const meta = metaOf(key);
          partition = meta.partition;
          bytes += meta.bytes - RECORD_OVERHEAD_BYTES;
        } else {
          if (key !== null) bytes += metaOf(key).bytes - RECORD_OVERHEAD_BYTES;
          // Sticky partitioner (rules.md §1.5): stay until batch.size bytes went there.
          if (sticky === null || sticky.bytes >= config.batchSize) sticky = { partition: d.randomInt(partitionCount), bytes: 0 };
          sticky.bytes += bytes;
          partition = sticky.partition;
        }
        const target = columns[partition]!;
        target.keys.push(key);
        target.values.push(value);
        target.timestamps.push(now);
        target.bytes += bytes;
      }
      sent += count;
      result.produced += count;

      for (let partitionIndex = 0; partitionIndex < partitionCount; partitionIndex++) {
        const batch = columns[partitionIndex]!;
        if (batch.keys.length === 0) continue;
        const topic = d.state.topics[topicName]!;
        const partition = topic.partitions[partitionIndex]!;
        const leaderUp = partition.leader >= 0 && d.state.brokers[String(partition.leader)]?.status === "online";
        if (!leaderUp || admitProduce(config.acks, partition.isr.length, topicEffectiveMinIsr(topic)) === "not-enough-replicas") {
          result.rejected += batch.keys.length;
          continue;
        }
        const producer = d.state.producers[producerId]!;
        if (producer.producerId >= 0) {
          const tp = `${topicName}-${partitionIndex}`;
          const firstSeq = producer.sequences[tp] ?? 0;
          const incoming = { epoch: producer.producerEpoch, firstSeq, lastSeq: firstSeq + batch.keys.length - 1 };
          const check = checkIdempotentBatch(partition.producers[String(producer.producerId)], incoming);
          if (check.kind !== "append") {
            result.rejected += batch.keys.length;
            continue;
          }
          const appended = appendAsLeader(d, topicName, partitionIndex, batch, batch.bytes, now);
          const writable = d.partition(topicName, partitionIndex);
          writable.producers = {
            ...writable.producers,
            [String(producer.producerId)]: rememberBatch(writable.producers[String(producer.producerId)], incoming, appended.firstOffset, appended.lastOffset),
          };
          const writableProducer = d.producer(producerId);
          writableProducer.sequences = { ...writableProducer.sequences, [tp]: firstSeq + batch.keys.length };
        } else {
          appendAsLeader(d, topicName, partitionIndex, batch, batch.bytes, now);
        }
        result.appended += batch.keys.length;
      }

      // Followers copy the records, then their next fetch moves the high watermark.
      replicationRound(d);
      replicationRound(d);
      d.state.schedule = { ...d.state.schedule, replicationAtMs: d.now };

      if (group) {
        for (const memberId of d.state.groups[group.id]!.members) {
          const consumer = d.state.consumers[memberId];
          if (!consumer || consumer.status !== "running") continue;
          for (;;) {
            const got = poll(d, memberId, false);
            result.consumed += got;
            if (got === 0) break;
          }
        }
      }
      result.rounds++;
      d.state.now += roundMs;
    }
  } finally {
    d.muted = wasMuted;
  }

  const producer = d.producer(producerId);
  producer.sticky = sticky ? { ...producer.sticky, [topicName]: sticky } : producer.sticky;
  producer.stats = {
    ...producer.stats,
    sent: producer.stats.sent + result.produced,
    acknowledged: producer.stats.acknowledged + result.appended,
    failed: producer.stats.failed + result.rejected,
  };
  const topic = d.state.topics[topicName]!;
  const hw = topic.partitions.reduce((sum, p) => sum + highWatermark(p), 0);
  d.emit(
    "workload",
    `Workload: ${producerId} sent ${plural(result.produced, "record")} to ${topicName} in ${plural(result.rounds, "round")} ` +
      `(${keys === null ? "null keys, sticky partitioner" : `${plural(keys.length, "key")}`}${hot ? `, ${Math.round(hot.share * 100)}% on hot key ${hot.key}` : ""}); ` +
      `${result.appended} appended, ${result.rejected} rejected` +
      (group ? `; group ${group.id} consumed ${result.consumed}` : "") +
      `. The topic's high watermarks add up to ${hw}.`,
    { producer: producerId, topic: topicName, ...result },
  );
  return result;
}
