// Transactions for read-process-write, simplified but honest (see README): a transaction coordinator
// that is always available, markers written to every partition of the transaction when it ends,
// aborted ranges remembered per partition, and the last stable offset that read_committed consumers
// stop at. Commit and abort require the producer's batches to be acknowledged first (the real
// commitTransaction() flushes and blocks; a step cannot block, so it asks you to advance time).
import { ActionError, type Draft } from "./draft";
import { appendAsLeader } from "./produce";
import { tpName } from "./partition-ops";
import { plural } from "../../format/text";
import { RECORD_ABORT_MARKER, RECORD_COMMIT_MARKER } from "./types";
import { parseTopicPartition } from "../assignors/types";

const MARKER_BYTES = 78;

function requireTransactional(d: Draft, producerId: string) {
  const producer = d.producer(producerId);
  if (!producer.config.transactionalId) {
    throw new ActionError(`Producer '${producerId}' has no transactional.id, so it cannot use transactions (IllegalStateException).`);
  }
  if (producer.transaction.phase === "fenced") {
    throw new ActionError(`Producer '${producerId}' was fenced by a newer producer with transactional.id=${producer.config.transactionalId} (ProducerFencedException).`);
  }
  return producer;
}

export function initTransactions(d: Draft, producerId: string): void {
  const producer = requireTransactional(d, producerId);
  const transactionalId = producer.config.transactionalId!;
  const previous = d.state.transactionalIds[transactionalId];
  let pid: number;
  let epoch: number;
  if (previous) {
    pid = previous.producerId;
    epoch = previous.epoch + 1;
    if (previous.producer !== producerId && d.state.producers[previous.producer]) {
      const old = d.state.producers[previous.producer]!;
      if (old.transaction.phase === "in-transaction") endTransaction(d, previous.producer, "abort", "fenced by a newer instance");
      d.producer(previous.producer).transaction = { phase: "fenced", partitions: [], offsets: null, startedAtMs: 0 };
      d.emit(
        "producer-fenced",
        `Producer ${previous.producer} is fenced: ${producerId} initialised transactional.id=${transactionalId} with epoch ${epoch}. ` +
          "A zombie instance can no longer write or commit (ProducerFencedException).",
        { producer: previous.producer },
      );
    } else if (producer.transaction.phase === "in-transaction") {
      endTransaction(d, producerId, "abort", "initTransactions again");
    }
  } else {
    pid = d.state.nextProducerId++;
    epoch = 0;
  }
  d.state.transactionalIds = { ...d.state.transactionalIds, [transactionalId]: { producer: producerId, producerId: pid, epoch } };
  const writable = d.producer(producerId);
  writable.producerId = pid;
  writable.producerEpoch = epoch;
  writable.sequences = {};
  writable.transaction = { phase: "ready", partitions: [], offsets: null, startedAtMs: 0 };
  d.emit("init-transactions", `Producer ${producerId} registered transactional.id=${transactionalId} (producer id ${pid}, epoch ${epoch}).`, {
    producer: producerId,
  });
}

export function beginTransaction(d: Draft, producerId: string): void {
  const producer = requireTransactional(d, producerId);
  if (producer.transaction.phase === "none") throw new ActionError(`Call initTransactions on '${producerId}' first.`);
  if (producer.transaction.phase === "in-transaction") throw new ActionError(`Producer '${producerId}' already has an open transaction.`);
  producer.transaction = { phase: "in-transaction", partitions: [], offsets: null, startedAtMs: d.now };
  d.emit("begin-transaction", `Producer ${producerId} began a transaction.`, { producer: producerId });
}

export function sendOffsetsToTransaction(d: Draft, producerId: string, groupId: string, offsets: Record<string, number>): void {
  const producer = requireTransactional(d, producerId);
  if (producer.transaction.phase !== "in-transaction") throw new ActionError(`Producer '${producerId}' has no open transaction.`);
  if (!d.state.groups[groupId]) throw new ActionError(`Consumer group '${groupId}' does not exist.`);
  for (const [tp, offset] of Object.entries(offsets ?? {})) {
    const ref = parseTopicPartition(tp);
    if (!ref || !d.state.topics[ref.topic]?.partitions[ref.partition]) throw new ActionError(`Partition ${tp} does not exist.`);
    if (!Number.isInteger(offset) || offset < 0) throw new ActionError(`Offset for ${tp} must be a non-negative whole number.`);
  }
  producer.transaction = { ...producer.transaction, offsets: { groupId, offsets: { ...offsets } } };
  d.emit(
    "transaction-offsets",
    `Producer ${producerId} added group ${groupId}'s offsets ${Object.entries(offsets).map(([tp, o]) => `${tp}@${o}`).join(", ")} to its transaction: they commit only if the transaction does.`,
    { producer: producerId, group: groupId },
  );
}

/** Writes the commit or abort markers and settles the consumer offsets that rode along. */
function endTransaction(d: Draft, producerId: string, outcome: "commit" | "abort", why?: string): void {
  const producer = d.state.producers[producerId]!;
  const pid = producer.producerId;
  const kind = outcome === "commit" ? RECORD_COMMIT_MARKER : RECORD_ABORT_MARKER;
  for (const tp of producer.transaction.partitions) {
    const ref = parseTopicPartition(tp)!;
    const partition = d.state.topics[ref.topic]!.partitions[ref.partition]!;
    if (partition.leader < 0 || d.state.brokers[String(partition.leader)]?.status !== "online") {
      throw new ActionError(`Cannot ${outcome} yet: ${tp} has no available leader to write the transaction marker to.`);
    }
  }
  for (const tp of producer.transaction.partitions) {
    const ref = parseTopicPartition(tp)!;
    const firstOffset = d.state.topics[ref.topic]!.partitions[ref.partition]!.openTransactions[String(pid)];
    const { lastOffset } = appendAsLeader(
      d,
      ref.topic,
      ref.partition,
      { keys: [null], values: [null], timestamps: [d.now], producerIds: [pid], kinds: [kind] },
      MARKER_BYTES,
      d.now,
    );
    const partition = d.partition(ref.topic, ref.partition);
    const open = { ...partition.openTransactions };
    delete open[String(pid)];
    partition.openTransactions = open;
    if (outcome === "abort" && firstOffset !== undefined) {
      partition.abortedTransactions = [...partition.abortedTransactions, { producerId: pid, firstOffset, lastOffset }];
    }
  }
  const offsets = producer.transaction.offsets;
  if (outcome === "commit" && offsets) {
    const group = d.group(offsets.groupId);
    group.committed = { ...group.committed };
    for (const [tp, offset] of Object.entries(offsets.offsets)) group.committed[tp] = { offset, committedAtMs: d.now, by: producerId };
  }
  const partitions = producer.transaction.partitions;
  d.producer(producerId).transaction = { phase: "ready", partitions: [], offsets: null, startedAtMs: 0 };
  d.emit(
    outcome === "commit" ? "transaction-committed" : "transaction-aborted",
    outcome === "commit"
      ? `Producer ${producerId} committed its transaction: a COMMIT marker went to ${partitions.join(", ") || "no partition"}` +
          (offsets ? ` and group ${offsets.groupId}'s offsets were committed with it` : "") +
          ". read_committed consumers can now read its records."
      : `Producer ${producerId}'s transaction was aborted${why ? ` (${why})` : ""}: an ABORT marker went to ${partitions.join(", ") || "no partition"}. ` +
          "The records stay in the log, read_uncommitted consumers may already have read them, read_committed consumers skip them" +
          (offsets ? `, and group ${offsets.groupId}'s offsets were not committed.` : "."),
    { producer: producerId, partitions },
  );
}

export function finishTransaction(d: Draft, producerId: string, outcome: "commit" | "abort"): void {
  const producer = requireTransactional(d, producerId);
  if (producer.transaction.phase !== "in-transaction") throw new ActionError(`Producer '${producerId}' has no open transaction.`);
  const unacknowledged = producer.queue.length + producer.inFlight.length;
  if (unacknowledged > 0) {
    throw new ActionError(
      `${outcome === "commit" ? "commitTransaction" : "abortTransaction"}() first flushes the producer: ${plural(unacknowledged, "batch", "batches")} of ` +
        `${producerId} ${unacknowledged === 1 ? "is" : "are"} not acknowledged yet. Advance the clock until replication acknowledges them.`,
    );
  }
  endTransaction(d, producerId, outcome);
}

/** The coordinator aborts transactions left open longer than transaction.timeout.ms. */
export function expireTransactions(d: Draft): void {
  for (const producer of Object.values(d.state.producers)) {
    if (producer.transaction.phase !== "in-transaction") continue;
    if (d.now - producer.transaction.startedAtMs < producer.config.transactionTimeoutMs) continue;
    try {
      endTransaction(d, producer.id, "abort", `open longer than transaction.timeout.ms=${producer.config.transactionTimeoutMs} ms`);
      const writable = d.producer(producer.id);
      writable.producerEpoch += 1;
      writable.sequences = {};
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      // A leader is down: the coordinator tries again on the next tick.
    }
  }
}

export function nextTransactionDueMs(state: Draft["state"]): number {
  let next = Infinity;
  for (const producer of Object.values(state.producers)) {
    if (producer.transaction.phase === "in-transaction") next = Math.min(next, producer.transaction.startedAtMs + producer.config.transactionTimeoutMs);
  }
  return next;
}

export { tpName };
