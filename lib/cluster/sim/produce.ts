// Producers: partitioning, batching, acks, retries, idempotence, and the leader's side of a produce
// request (rules.md §1 and §4). Requests reach the leader in the same step (no network latency);
// what takes time is replication, retry backoff and timeouts, which the clock drives.
import { partitionForKey, utf8Length } from "../hash/murmur2";
import { admitProduce, reportedOffset } from "../rules/acks";
import { checkIdempotentBatch, rememberBatch } from "../rules/idempotence";
import { resolveProducerConfig } from "./config";
import { ActionError, type Draft } from "./draft";
import { appendToLog, latestEpoch, type AppendColumns } from "./log";
import { replicaLog, setReplicaLog, topicEffectiveMinIsr, tpName } from "./partition-ops";
import { formatMs } from "../../format/time";
import { plural } from "../../format/text";
import { completePurgatory } from "./purgatory";
import type { ProduceError, ProduceResponse } from "./responses";
import { noteIdleFetches, updateHighWatermark } from "./replication";
import { accountAppend, BATCH_OVERHEAD_BYTES, RECORD_OVERHEAD_BYTES } from "./retention";
import type {
  DeliveryReport,
  InFlightRequest,
  OutgoingRecord,
  ProducerBatch,
  ProducerConfig,
  ProducerState,
} from "./types";
import type { ProduceRecordInput } from "./actions";

const RECENT_DELIVERIES = 50;

export function estimateRecordBytes(key: string | null, value: string | null): number {
  return (key === null ? 0 : utf8Length(key)) + (value === null ? 0 : utf8Length(value)) + RECORD_OVERHEAD_BYTES;
}

export function createProducer(d: Draft, id: string, input: Partial<ProducerConfig> = {}): void {
  if (typeof id !== "string" || id.length === 0) throw new ActionError("A producer needs a client id.");
  if (d.state.producers[id]) throw new ActionError(`Producer '${id}' already exists.`);
  const { config, error } = resolveProducerConfig(input);
  if (error) throw new ActionError(error);
  let producerId = -1;
  if (config.enableIdempotence && config.transactionalId === null) {
    // InitProducerId: the broker hands out a producer id; sequences then count per partition.
    producerId = d.state.nextProducerId++;
  }
  const producer: ProducerState = {
    id,
    config,
    producerId,
    producerEpoch: producerId >= 0 ? 0 : -1,
    sequences: {},
    sticky: {},
    queue: [],
    inFlight: [],
    loseResponses: 0,
    transaction: { phase: "none", partitions: [], offsets: null, startedAtMs: 0 },
    stats: { sent: 0, acknowledged: 0, failed: 0, duplicatesAvoided: 0, retries: 0 },
    recentDeliveries: [],
  };
  d.state.producers = d.own(d.state.producers);
  d.state.producers[id] = producer;
  const idempotence = config.enableIdempotence
    ? config.transactionalId
      ? `transactional (transactional.id=${config.transactionalId})`
      : `idempotent (producer id ${producerId})`
    : input.enableIdempotence === undefined && config.acks !== "all"
      ? `not idempotent: enable.idempotence was left at its default and acks=${String(config.acks)} turned it off`
      : "not idempotent";
  d.emit("producer-created", `Producer ${id} is ready: acks=${String(config.acks)}, ${idempotence}.`, { producer: id });
}

/**
 * KafkaProducer#partition (rules.md §1.1): an explicit partition; else murmur2 of the key; else the
 * sticky partition, which changes once batch.size bytes went to it (rules.md §1.5), chosen at random
 * (seeded) among partitions that have a leader.
 */
function choosePartition(d: Draft, producer: ProducerState, topic: string, record: ProduceRecordInput, bytes: number): number {
  const count = d.state.topics[topic]!.partitions.length;
  if (record.partition !== undefined) {
    if (!Number.isInteger(record.partition) || record.partition < 0 || record.partition >= count) {
      throw new ActionError(`Partition ${record.partition} is not in the range [0...${count - 1}] of topic '${topic}'.`);
    }
    return record.partition;
  }
  if (record.key !== undefined && record.key !== null && !producer.config.partitionerIgnoreKeys) {
    return partitionForKey(record.key, count);
  }
  const sticky = producer.sticky[topic];
  if (sticky && sticky.bytes < producer.config.batchSize) {
    producer.sticky = { ...producer.sticky, [topic]: { partition: sticky.partition, bytes: sticky.bytes + bytes } };
    return sticky.partition;
  }
  const available = d.state.topics[topic]!.partitions.filter((p) => p.leader >= 0).map((p) => p.index);
  const choices = available.length > 0 ? available : Array.from({ length: count }, (_, i) => i);
  const partition = choices[d.randomInt(choices.length)]!;
  producer.sticky = { ...producer.sticky, [topic]: { partition, bytes } };
  return partition;
}

/** KafkaProducer#send for one or more records: partition, batch, then send what can be sent. */
export function produce(
  d: Draft,
  producerId: string,
  topic: string,
  records: ProduceRecordInput[],
): void {
  const producer = d.producer(producerId);
  if (!d.state.topics[topic]) throw new ActionError(`Topic '${topic}' does not exist.`);
  if (records.length === 0) throw new ActionError("Nothing to produce: give a value, a count or a list of records.");
  if (producer.transaction.phase === "fenced") {
    throw new ActionError(`Producer ${producerId} was fenced: another producer with transactional.id=${producer.config.transactionalId} initialised after it (ProducerFencedException).`);
  }
  if (producer.config.transactionalId && producer.transaction.phase !== "in-transaction") {
    throw new ActionError(`Producer ${producerId} is transactional: call beginTransaction before send (IllegalStateException).`);
  }

  const byPartition = new Map<number, OutgoingRecord[]>();
  for (const record of records) {
    const key = record.key ?? null;
    const value = record.value ?? null;
    const timestamp = record.timestamp ?? d.now;
    if (!Number.isFinite(timestamp) || timestamp < 0) throw new ActionError(`Record timestamp must be a non-negative number, got ${timestamp}.`);
    const partition = choosePartition(d, producer, topic, record, estimateRecordBytes(key, value));
    byPartition.set(partition, [...(byPartition.get(partition) ?? []), { key, value, timestamp }]);
  }

  for (const [partition, records] of [...byPartition].sort(([a], [b]) => a - b)) {
    const outgoing = appendToOpenBatch(producer, topic, partition, records);
    for (const batch of splitIntoBatches(d, producer, topic, partition, outgoing)) {
      producer.queue = [...producer.queue, batch];
    }
    if (producer.config.transactionalId) addPartitionToTransaction(d, producer, tpName(topic, partition));
  }
  producer.stats = { ...producer.stats, sent: producer.stats.sent + records.length };
  pumpProducer(d, producerId);
}

function addPartitionToTransaction(d: Draft, producer: ProducerState, tp: string): void {
  if (producer.transaction.partitions.includes(tp)) return;
  producer.transaction = { ...producer.transaction, partitions: [...producer.transaction.partitions, tp] };
}

/**
 * RecordAccumulator#append: records join the partition's newest batch while it waits unsent and has
 * room under batch.size, so a partition that cannot send right now (in-flight limit, no leader)
 * builds full batches instead of a long queue of tiny ones. Returns the records that did not fit.
 */
function appendToOpenBatch(producer: ProducerState, topic: string, partition: number, records: OutgoingRecord[]): OutgoingRecord[] {
  let index = -1;
  for (let i = producer.queue.length - 1; i >= 0; i--) {
    const batch = producer.queue[i]!;
    if (batch.topic === topic && batch.partition === partition) {
      index = i;
      break;
    }
  }
  const open = index >= 0 ? producer.queue[index]! : null;
  if (!open || open.attempts > 0) return records;
  let bytes = open.sizeBytes;
  let fit = 0;
  for (const record of records) {
    const size = estimateRecordBytes(record.key, record.value);
    if (bytes + size > producer.config.batchSize) break;
    bytes += size;
    fit++;
  }
  if (fit === 0) return records;
  const queue = [...producer.queue];
  queue[index] = { ...open, records: [...open.records, ...records.slice(0, fit)], sizeBytes: bytes };
  producer.queue = queue;
  if (open.baseSequence >= 0) {
    const tp = tpName(topic, partition);
    producer.sequences = { ...producer.sequences, [tp]: (producer.sequences[tp] ?? 0) + fit };
  }
  return records.slice(fit);
}

function splitIntoBatches(d: Draft, producer: ProducerState, topic: string, partition: number, records: OutgoingRecord[]): ProducerBatch[] {
  const batches: ProducerBatch[] = [];
  let current: OutgoingRecord[] = [];
  let bytes = BATCH_OVERHEAD_BYTES;
  const flush = () => {
    if (current.length === 0) return;
    const tp = tpName(topic, partition);
    let baseSequence = -1;
    if (producer.producerId >= 0) {
      baseSequence = producer.sequences[tp] ?? 0;
      producer.sequences = { ...producer.sequences, [tp]: baseSequence + current.length };
    }
    batches.push({
      id: d.state.nextBatchId++,
      topic,
      partition,
      records: current,
      sizeBytes: bytes,
      baseSequence,
      transactional: producer.config.transactionalId !== null,
      attempts: 0,
      appendedAt: null,
      createdAtMs: d.now,
      readyAtMs: d.now,
    });
    current = [];
    bytes = BATCH_OVERHEAD_BYTES;
  };
  for (const record of records) {
    const size = estimateRecordBytes(record.key, record.value);
    if (current.length > 0 && bytes + size > producer.config.batchSize) flush();
    current.push(record);
    bytes += size;
  }
  flush();
  return batches;
}

/**
 * The first queued batch of each partition, in queue order: only these may be sent, because a later
 * batch never overtakes an earlier one of the same partition. Linear, so a long outage that piles up
 * retries stays cheap.
 */
function partitionHeads<T extends { topic: string; partition: number }>(queue: readonly T[]): T[] {
  const seen = new Set<string>();
  const heads: T[] = [];
  for (const batch of queue) {
    const key = `${batch.topic}\u0000${batch.partition}`;
    if (seen.has(key)) continue;
    seen.add(key);
    heads.push(batch);
  }
  return heads;
}

/** Sends queued batches while fewer than max.in.flight requests are outstanding, in order per partition. */
function pumpProducer(d: Draft, producerId: string): void {
  for (;;) {
    const producer = d.state.producers[producerId];
    if (!producer || producer.inFlight.length >= producer.config.maxInFlightRequestsPerConnection) return;
    const next = partitionHeads(producer.queue).find((batch) => batch.readyAtMs <= d.now);
    if (!next) return;
    const writable = d.producer(producerId);
    writable.queue = writable.queue.filter((batch) => batch !== next);
    sendBatch(d, producerId, { ...next, attempts: next.attempts + 1 });
  }
}

const RETRIABLE: ReadonlySet<ProduceError> = new Set<ProduceError>([
  "NOT_ENOUGH_REPLICAS",
  "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
  "NOT_LEADER_OR_FOLLOWER",
  "LEADER_NOT_AVAILABLE",
  "NETWORK_EXCEPTION",
  "REQUEST_TIMED_OUT",
  "OUT_OF_ORDER_SEQUENCE_NUMBER",
]);

const ERROR_EXPLANATIONS: Record<ProduceError, string> = {
  NOT_ENOUGH_REPLICAS: "NotEnoughReplicas: the ISR is smaller than min.insync.replicas, so the leader refused the write and appended nothing",
  NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    "NotEnoughReplicasAfterAppend: the records are in the log, but the ISR fell below min.insync.replicas before they were acknowledged",
  NOT_LEADER_OR_FOLLOWER: "NotLeaderOrFollower: leadership moved while the request waited",
  LEADER_NOT_AVAILABLE: "LeaderNotAvailable: the partition has no leader",
  NETWORK_EXCEPTION: "NetworkException: the leader's broker is unreachable",
  REQUEST_TIMED_OUT: "RequestTimedOut: no answer within request.timeout.ms",
  OUT_OF_ORDER_SEQUENCE_NUMBER: "OutOfOrderSequence: the broker saw a gap in this producer's sequence numbers",
  INVALID_PRODUCER_EPOCH: "InvalidProducerEpoch: a newer instance of this producer exists",
};

/** The leader appends a batch: epoch cache, log, segment accounting, then the high watermark. */
export function appendAsLeader(
  d: Draft,
  topic: string,
  index: number,
  columns: AppendColumns,
  sizeBytes: number,
  maxTimestamp: number,
): { firstOffset: number; lastOffset: number } {
  noteIdleFetches(d, topic, index);
  const partition = d.partition(topic, index);
  let log = replicaLog(partition, partition.leader);
  if (latestEpoch(log) !== partition.leaderEpoch) log = { ...log, epochs: [...log.epochs, [partition.leaderEpoch, log.leo]] };
  const firstOffset = log.leo;
  log = appendToLog(log, columns);
  setReplicaLog(d, partition, partition.leader, log);
  accountAppend(d, partition, d.state.topics[topic]!.config, firstOffset, sizeBytes, maxTimestamp);
  updateHighWatermark(d, topic, index);
  return { firstOffset, lastOffset: log.leo - 1 };
}

/** The broker's handling of a produce request and the immediate part of the producer's reaction. */
function sendBatch(d: Draft, producerId: string, sent: ProducerBatch): void {
  let batch = sent;
  const producer = d.producer(producerId);
  const { acks } = producer.config;
  const topic = d.state.topics[batch.topic];
  const name = tpName(batch.topic, batch.partition);
  if (!topic || !topic.partitions[batch.partition]) {
    failBatch(d, producerId, batch, `topic ${batch.topic} no longer exists`);
    return;
  }
  const partition = topic.partitions[batch.partition]!;
  const leaderBroker = partition.leader >= 0 ? d.state.brokers[String(partition.leader)] : undefined;

  if (partition.leader < 0) {
    retryOrFail(d, producerId, batch, "LEADER_NOT_AVAILABLE");
    return;
  }
  if (!leaderBroker || leaderBroker.status !== "online") {
    if (acks === 0) {
      // Fire-and-forget: the producer never learns the write went nowhere (simplified: counted as sent).
      recordDelivery(d, producerId, batch, -1, null);
      d.emit("record-lost", `acks=0: producer ${producerId} sent ${plural(batch.records.length, "record")} to ${name} whose leader (broker ${partition.leader}) is down. They are lost and the producer never finds out.`, {
        producer: producerId,
        topic: batch.topic,
        partition: batch.partition,
      });
      return;
    }
    retryOrFail(d, producerId, batch, "NETWORK_EXCEPTION");
    return;
  }

  // Partition#appendRecordsToLeader: the min ISR check comes before anything is appended.
  if (admitProduce(acks, partition.isr.length, topicEffectiveMinIsr(topic)) === "not-enough-replicas") {
    retryOrFail(d, producerId, batch, "NOT_ENOUGH_REPLICAS");
    return;
  }

  let firstOffset: number;
  let lastOffset: number;
  let duplicate = false;
  if (batch.baseSequence >= 0) {
    const incoming = { epoch: producer.producerEpoch, firstSeq: batch.baseSequence, lastSeq: batch.baseSequence + batch.records.length - 1 };
    const check = checkIdempotentBatch(partition.producers[String(producer.producerId)], incoming);
    if (check.kind === "out-of-order-sequence") {
      retryOrFail(d, producerId, batch, "OUT_OF_ORDER_SEQUENCE_NUMBER");
      return;
    }
    if (check.kind === "invalid-producer-epoch") return failBatch(d, producerId, batch, ERROR_EXPLANATIONS.INVALID_PRODUCER_EPOCH);
    if (check.kind === "duplicate") {
      duplicate = true;
      firstOffset = check.firstOffset;
      lastOffset = check.lastOffset;
      const writable = d.producer(producerId);
      writable.stats = { ...writable.stats, duplicatesAvoided: writable.stats.duplicatesAvoided + batch.records.length };
      d.emit(
        "duplicate-detected",
        `Broker ${partition.leader} recognised the retry of producer ${producerId}'s batch (producer id ${producer.producerId}, sequences ` +
          `${incoming.firstSeq}-${incoming.lastSeq}) as a duplicate of offsets ${firstOffset}-${lastOffset} on ${name} and did not write it again (enable.idempotence=true).`,
        { producer: producerId, topic: batch.topic, partition: batch.partition, firstOffset, lastOffset },
      );
    } else {
      const appended = appendBatchRecords(d, batch, producer.producerId);
      firstOffset = appended.firstOffset;
      lastOffset = appended.lastOffset;
      const p = d.partition(batch.topic, batch.partition);
      p.producers = { ...p.producers, [String(producer.producerId)]: rememberBatch(p.producers[String(producer.producerId)], incoming, firstOffset, lastOffset) };
    }
  } else {
    const appended = appendBatchRecords(d, batch, -1);
    firstOffset = appended.firstOffset;
    lastOffset = appended.lastOffset;
  }
  if (!duplicate && batch.appendedAt !== null) {
    if (batch.appendedAt < firstOffset) {
      d.emit(
        "duplicate-written",
        `Producer ${producerId} retried a batch the broker had already written at offset ${batch.appendedAt}, and the broker wrote it again at offsets ` +
          `${firstOffset}-${lastOffset} of ${name}: ${batch.baseSequence < 0 ? "without idempotence, a retry after a lost acknowledgement is a duplicate" : "the broker no longer remembered the original batch"}.`,
        { producer: producerId, topic: batch.topic, partition: batch.partition, firstOffset, lastOffset },
      );
    } else {
      d.emit(
        "retry-written",
        `Producer ${producerId}'s retry was written at offset ${firstOffset} of ${name} on broker ${partition.leader}. Its first copy (offset ${batch.appendedAt}) ` +
          "never reached this leader, so this is not a duplicate: it is the copy that survives.",
        { producer: producerId, topic: batch.topic, partition: batch.partition, firstOffset, lastOffset },
      );
    }
  }
  if (batch.appendedAt === null) batch = { ...batch, appendedAt: firstOffset };

  const lose = d.state.producers[producerId]!.loseResponses > 0;
  if (lose) {
    const writable = d.producer(producerId);
    writable.loseResponses -= 1;
  }
  if (acks === 0) {
    if (!lose) recordDelivery(d, producerId, batch, -1, null);
    return;
  }
  const inFlight: InFlightRequest = { batch, timeoutAtMs: d.now + producer.config.requestTimeoutMs, responseLost: lose };
  if (acks === 1) {
    if (lose) {
      addInFlight(d, producerId, inFlight);
      announceLostResponse(d, producerId, batch, firstOffset);
      return;
    }
    recordDelivery(d, producerId, batch, firstOffset, null);
    return;
  }
  // acks=all: wait in purgatory for the high watermark (DelayedProduce).
  addInFlight(d, producerId, inFlight);
  const p = d.partition(batch.topic, batch.partition);
  p.pending = [
    ...p.pending,
    { producer: producerId, batchId: batch.id, requiredOffset: lastOffset + 1, firstOffset, lastOffset, timeoutAtMs: inFlight.timeoutAtMs },
  ];
  if (lose) announceLostResponse(d, producerId, batch, firstOffset);
  completePurgatory(d, batch.topic, batch.partition);
}

function announceLostResponse(d: Draft, producerId: string, batch: ProducerBatch, firstOffset: number): void {
  d.emit(
    "response-lost",
    `The broker wrote producer ${producerId}'s batch at offset ${firstOffset} of ${tpName(batch.topic, batch.partition)}, but the acknowledgement was lost on the way back. ` +
      `The producer will give up waiting after request.timeout.ms (${formatMs(d.state.producers[producerId]!.config.requestTimeoutMs)}) and retry.`,
    { producer: producerId, topic: batch.topic, partition: batch.partition },
  );
}

function addInFlight(d: Draft, producerId: string, request: InFlightRequest): void {
  const producer = d.producer(producerId);
  producer.inFlight = [...producer.inFlight, request];
}

function appendBatchRecords(d: Draft, batch: ProducerBatch, producerId: number): { firstOffset: number; lastOffset: number } {
  const columns: AppendColumns = {
    keys: batch.records.map((r) => r.key),
    values: batch.records.map((r) => r.value),
    timestamps: batch.records.map((r) => r.timestamp),
  };
  if (batch.transactional) {
    columns.producerIds = batch.records.map(() => producerId);
    columns.kinds = batch.records.map(() => 1);
  }
  const maxTimestamp = Math.max(...batch.records.map((r) => r.timestamp));
  const result = appendAsLeader(d, batch.topic, batch.partition, columns, batch.sizeBytes, maxTimestamp);
  if (batch.transactional) {
    const p = d.partition(batch.topic, batch.partition);
    if (p.openTransactions[String(producerId)] === undefined) {
      p.openTransactions = { ...p.openTransactions, [String(producerId)]: result.firstOffset };
    }
  }
  return result;
}

function recordDelivery(d: Draft, producerId: string, batch: ProducerBatch, baseOffset: number, error: string | null): void {
  const producer = d.producer(producerId);
  const report: DeliveryReport = {
    batchId: batch.id,
    topic: batch.topic,
    partition: batch.partition,
    count: batch.records.length,
    baseOffset,
    ok: error === null,
    error,
    atMs: d.now,
  };
  producer.recentDeliveries = [...producer.recentDeliveries, report].slice(-RECENT_DELIVERIES);
  producer.inFlight = producer.inFlight.filter((f) => f.batch.id !== batch.id);
  if (error === null) {
    producer.stats = { ...producer.stats, acknowledged: producer.stats.acknowledged + batch.records.length };
    const acks = String(producer.config.acks);
    const where = baseOffset >= 0 ? `offset ${baseOffset}` : "offset -1 (acks=0 never hears back)";
    d.emit(
      "produce-ack",
      `Producer ${producerId}: ${plural(batch.records.length, "record")} to ${tpName(batch.topic, batch.partition)} acknowledged at ${where} (acks=${acks}).`,
      { producer: producerId, topic: batch.topic, partition: batch.partition, baseOffset: reportedOffset(producer.config.acks, baseOffset), count: batch.records.length },
    );
  } else {
    producer.stats = { ...producer.stats, failed: producer.stats.failed + batch.records.length };
    d.emit("produce-failed", `Producer ${producerId}: ${plural(batch.records.length, "record")} to ${tpName(batch.topic, batch.partition)} failed: ${error}.`, {
      producer: producerId,
      topic: batch.topic,
      partition: batch.partition,
      error,
    });
  }
}

function failBatch(d: Draft, producerId: string, batch: ProducerBatch, error: string): void {
  recordDelivery(d, producerId, batch, -1, error);
}

/**
 * A retriable error: back off (exponentially, KIP-580) and retry, unless retries or delivery.timeout.ms ran
 * out. Returns true when the batch failed for good (its in-flight slot is free for the next send).
 */
function retryOrFail(d: Draft, producerId: string, batch: ProducerBatch, error: ProduceError): boolean {
  const producer = d.producer(producerId);
  const { retries, deliveryTimeoutMs, retryBackoffMs, retryBackoffMaxMs } = producer.config;
  producer.inFlight = producer.inFlight.filter((f) => f.batch.id !== batch.id);
  const explanation = ERROR_EXPLANATIONS[error];
  if (!RETRIABLE.has(error) || batch.attempts > retries) {
    failBatch(d, producerId, batch, retries === 0 ? `${explanation} (retries=0)` : explanation);
    return true;
  }
  if (d.now - batch.createdAtMs >= deliveryTimeoutMs) {
    failBatch(d, producerId, batch, `${explanation}; gave up after delivery.timeout.ms=${formatMs(deliveryTimeoutMs)}`);
    return true;
  }
  const backoff = Math.max(1, Math.min(retryBackoffMs * 2 ** Math.max(0, batch.attempts - 1), retryBackoffMaxMs));
  const readyAtMs = Math.min(d.now + backoff, batch.createdAtMs + deliveryTimeoutMs);
  producer.queue = [...producer.queue, { ...batch, readyAtMs }].sort((a, b) => a.id - b.id);
  producer.stats = { ...producer.stats, retries: producer.stats.retries + 1 };
  // Narrate the first retries and then every tenth, so a long outage does not flood the event log.
  if (batch.attempts <= 2 || batch.attempts % 10 === 0) {
    d.emit(
      "produce-retry",
      `Producer ${producerId}: ${explanation} on ${tpName(batch.topic, batch.partition)}; retrying in ${formatMs(backoff)} (attempt ${batch.attempts + 1}).`,
      { producer: producerId, topic: batch.topic, partition: batch.partition, error },
    );
  }
  return false;
}

/**
 * Hands the step's finished produce requests (Draft#responses, filled by the purgatory) to their
 * producers, oldest first: an acknowledgement or a retry, unless the response is the one that got lost;
 * each producer then sends what its freed in-flight slot allows, which may finish more requests.
 */
export function deliverResponses(d: Draft): void {
  const inbox = d.responses;
  while (inbox.length > 0) {
    const response = inbox.shift()!;
    if (respond(d, response)) pumpProducer(d, response.producer);
  }
}

/**
 * Delivers one response, unless its producer or request is gone or the response is the one that got lost.
 * Returns true when the request is settled (acknowledged, or failed for good) and its slot is free.
 */
function respond(d: Draft, { producer: producerId, batchId, result }: ProduceResponse): boolean {
  const producer = d.state.producers[producerId];
  const request = producer?.inFlight.find((f) => f.batch.id === batchId);
  if (!producer || !request || request.responseLost) return false;
  if (!result.ok) return retryOrFail(d, producerId, request.batch, result.error);
  recordDelivery(d, producerId, request.batch, result.baseOffset, null);
  return true;
}

/** Clock: requests whose response never came time out; backed-off batches become sendable. */
export function runProducerTimers(d: Draft): void {
  for (const producerId of Object.keys(d.state.producers)) {
    const producer = d.state.producers[producerId]!;
    for (const request of producer.inFlight) {
      if (request.timeoutAtMs > d.now) continue;
      // Remove any purgatory entry: the broker's DelayedProduce expired too.
      const p = d.state.topics[request.batch.topic]?.partitions[request.batch.partition];
      if (p?.pending.some((x) => x.batchId === request.batch.id)) {
        const writable = d.partition(request.batch.topic, request.batch.partition);
        writable.pending = writable.pending.filter((x) => x.batchId !== request.batch.id);
      }
      if (retryOrFail(d, producerId, request.batch, "REQUEST_TIMED_OUT")) pumpProducer(d, producerId);
    }
    pumpProducer(d, producerId);
  }
}

export function nextProducerDueMs(state: Draft["state"]): number {
  let next = Infinity;
  for (const producer of Object.values(state.producers)) {
    for (const request of producer.inFlight) next = Math.min(next, request.timeoutAtMs);
    if (producer.inFlight.length < producer.config.maxInFlightRequestsPerConnection) {
      for (const batch of partitionHeads(producer.queue)) next = Math.min(next, batch.readyAtMs);
    }
  }
  return next;
}

export function loseResponses(d: Draft, producerId: string, count: number): void {
  if (!Number.isInteger(count) || count <= 0) throw new ActionError(`The number of responses to lose must be a positive whole number, got ${count}.`);
  const producer = d.producer(producerId);
  if (producer.config.acks === 0) throw new ActionError("With acks=0 there are no responses to lose.");
  producer.loseResponses += count;
  d.emit("fault", `Fault injected: the next ${plural(count, "acknowledgement")} to producer ${producerId} will be lost in the network.`, {
    producer: producerId,
  });
}

