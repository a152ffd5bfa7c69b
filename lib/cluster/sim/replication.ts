// Follower fetching, the high watermark and ISR changes (rules.md §4.3–4.4). A replication round is one
// fetch per live follower: the fetch offset tells the leader the follower's LEO (which may move the HW
// and the ISR), then the response carries records. So the HW covers new records one round after the
// followers copied them — the extra round trip acks=all waits for.
import { nextHighWatermark } from "../rules/high-watermark";
import { isCaughtUp, updateFetchState } from "../rules/replica-lag";
import type { Draft } from "./draft";
import { copyFromLeader, divergenceOffset, readRange, truncateLog } from "./log";
import { replicaLog, setFollowerState, setReplicaLog, topicEffectiveMinIsr, tpName } from "./partition-ops";
import { formatMs } from "../../format/time";
import { plural } from "../../format/text";
import { completePurgatory } from "./purgatory";
import type { FollowerState, PartitionState } from "./types";

function followerState(partition: PartitionState, broker: number): FollowerState {
  return partition.followers[String(broker)] ?? { leo: -1, lastCaughtUpTimeMs: 0, lastFetchTimeMs: 0, lastFetchLeaderLogEndOffset: 0 };
}

function isReplicaEligible(d: Draft, broker: number): boolean {
  const state = d.state.brokers[String(broker)];
  return state !== undefined && state.status === "online" && !state.fenced;
}

/**
 * Followers that are caught up keep fetching (long polls) while nothing happens; the simulator skips
 * those idle fetches and accounts for the last one when new records arrive: a follower that had
 * everything was caught up "just now" (Replica#updateFetchState with fetchOffset == leader LEO).
 */
export function noteIdleFetches(d: Draft, topic: string, index: number): void {
  const partition = d.state.topics[topic]!.partitions[index]!;
  const leaderLeo = replicaLog(partition, partition.leader).leo;
  for (const broker of partition.replicas) {
    if (broker === partition.leader) continue;
    const status = d.state.brokers[String(broker)];
    if (!status || status.status !== "online" || status.fetchLimit === 0) continue;
    const state = followerState(partition, broker);
    if (state.leo !== leaderLeo || replicaLog(partition, broker).leo !== leaderLeo || state.lastFetchTimeMs === d.now) continue;
    setFollowerState(d, d.partition(topic, index), broker, updateFetchState(state, leaderLeo, leaderLeo, d.now));
  }
}

/** Partition#maybeIncrementLeaderHW, then the acks=all requests the new HW settles (answered through the step's inbox). */
export function updateHighWatermark(d: Draft, topic: string, index: number): void {
  const original = d.state.topics[topic]!.partitions[index]!;
  if (original.leader < 0) return;
  const leaderLog = replicaLog(original, original.leader);
  const now = d.now;
  const lagMax = d.state.config.replicaLagTimeMaxMs;
  const waitingToJoin = original.replicas.filter(
    (broker) =>
      broker !== original.leader &&
      !original.isr.includes(broker) &&
      isReplicaEligible(d, broker) &&
      isCaughtUp(followerState(original, broker), leaderLog.leo, now, lagMax),
  );
  const next = nextHighWatermark({
    currentHw: leaderLog.hw,
    leaderLeo: leaderLog.leo,
    isr: original.isr,
    maximalIsr: original.isr,
    effectiveMinIsr: topicEffectiveMinIsr(d.state.topics[topic]!),
    followerLeo: (broker) => followerState(original, broker).leo,
    waitingToJoin,
    leader: original.leader,
  });
  if (next !== leaderLog.hw) {
    const partition = d.partition(topic, index);
    setReplicaLog(d, partition, partition.leader, { ...replicaLog(partition, partition.leader), hw: next });
  }
  completePurgatory(d, topic, index);
}

/**
 * Whether a round would change anything: a live, unstalled follower with records to copy, a log to
 * truncate, a LEO its leader has not seen yet, or a high watermark to learn. A HW frozen under
 * min.insync.replicas with no follower able to help is not "pending" — nothing a round does fixes it.
 */
export function replicationPending(state: Draft["state"]): boolean {
  for (const topic of Object.values(state.topics)) {
    for (const partition of topic.partitions) {
      if (partition.leader < 0 || state.brokers[String(partition.leader)]?.status !== "online") continue;
      const leader = replicaLog(partition, partition.leader);
      for (const broker of partition.replicas) {
        if (broker === partition.leader) continue;
        const status = state.brokers[String(broker)];
        if (!status || status.status !== "online" || status.fetchLimit === 0) continue;
        // A live follower outside the ISR fetches to rejoin it (after a restart, after catching up).
        if (!partition.isr.includes(broker)) return true;
        const follower = replicaLog(partition, broker);
        if (follower.leo !== leader.leo) return true;
        if (followerState(partition, broker).leo !== follower.leo) return true;
        if (follower.hw !== Math.min(leader.hw, follower.leo)) return true;
        if (divergenceOffset(follower, leader) < follower.leo) return true;
      }
    }
  }
  return false;
}

/** One fetch from every live, unstalled follower of every partition with a live leader. */
export function replicationRound(d: Draft): void {
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    for (let index = 0; index < topic.partitions.length; index++) {
      const original = topic.partitions[index]!;
      if (original.leader < 0) continue;
      const leaderBroker = d.state.brokers[String(original.leader)];
      if (!leaderBroker || leaderBroker.status !== "online") continue;
      for (const broker of original.replicas) {
        if (broker === original.leader) continue;
        const state = d.state.brokers[String(broker)];
        if (!state || state.status !== "online" || state.fetchLimit === 0) continue;
        fetchOnce(d, topicName, index, broker, state.fetchLimit);
      }
      updateHighWatermark(d, topicName, index);
    }
  }
}

function fetchOnce(d: Draft, topic: string, index: number, broker: number, limit: number | null): void {
  const current = d.state.topics[topic]!.partitions[index]!;
  const leaderLog = replicaLog(current, current.leader);
  let follower = replicaLog(current, broker);
  const name = tpName(topic, index);

  // Leader epoch validation (KIP-101/279): drop whatever the new leader does not have.
  const divergence = divergenceOffset(follower, leaderLog);
  if (divergence < follower.leo) {
    const lost = readRange(follower, divergence, follower.leo);
    const partition = d.partition(topic, index);
    follower = truncateLog(follower, divergence);
    setReplicaLog(d, partition, broker, follower);
    d.emit(
      "truncation",
      `Broker ${broker} truncated ${name} from offset ${divergence + lost.length} back to ${divergence}, deleting ${plural(lost.length, "record")} ` +
        `the leader (broker ${current.leader}) does not have. A producer that saw ${lost.length === 1 ? "it" : "them"} acknowledged (acks=0 or 1, or an unclean election) ` +
        "has lost them for good; an acks=all producer was never told they were written and retries.",
      { topic, partition: index, broker, from: divergence, count: lost.length, values: lost.slice(0, 20).map((r) => r.value) },
    );
  }

  const partition = d.partition(topic, index);
  const fetchOffset = follower.leo;
  const previous = followerState(partition, broker);
  const updated = updateFetchState(previous, fetchOffset, leaderLog.leo, d.now);
  setFollowerState(d, partition, broker, updated);

  // Partition#maybeExpandIsr: at or past the HW and the current leader epoch's start offset.
  const epochStart = leaderLog.epochs.find(([epoch]) => epoch === partition.leaderEpoch)?.[1] ?? 0;
  if (!partition.isr.includes(broker) && fetchOffset >= leaderLog.hw && fetchOffset >= epochStart && isReplicaEligible(d, broker)) {
    partition.isr = [...partition.isr, broker].sort((a, b) => partition.replicas.indexOf(a) - partition.replicas.indexOf(b));
    d.emit(
      "isr-expand",
      `Broker ${broker} rejoined the ISR of ${name}: it caught up to the high watermark (offset ${leaderLog.hw}). Isr is now ${partition.isr.join(",")}.`,
      { topic, partition: index, broker, isr: partition.isr },
    );
  }
  updateHighWatermark(d, topic, index);

  // The response: records from the fetch offset, up to the broker's throttle.
  const upTo = limit === null ? leaderLog.leo : Math.min(leaderLog.leo, fetchOffset + limit);
  const afterPartition = d.state.topics[topic]!.partitions[index]!;
  const leaderHw = replicaLog(afterPartition, afterPartition.leader).hw;
  let copied = copyFromLeader(follower, replicaLog(afterPartition, afterPartition.leader), upTo);
  copied = { ...copied, hw: Math.min(leaderHw, copied.leo) };
  if (copied.leo !== follower.leo || copied.hw !== follower.hw || copied.chunks !== follower.chunks) {
    setReplicaLog(d, d.partition(topic, index), broker, copied);
  }
}

/**
 * The leader's isr-expiration task (every replica.lag.time.max.ms / 2): followers that have not caught
 * up within replica.lag.time.max.ms leave the ISR. The HW may then advance (fewer to wait for).
 */
export function shrinkIsrs(d: Draft): void {
  const lagMax = d.state.config.replicaLagTimeMaxMs;
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((original, index) => {
      if (original.leader < 0 || d.state.brokers[String(original.leader)]?.status !== "online") return;
      const leaderLeo = replicaLog(original, original.leader).leo;
      const outOfSync = original.isr.filter(
        (broker) => broker !== original.leader && !isCaughtUp(followerState(original, broker), leaderLeo, d.now, lagMax),
      );
      if (outOfSync.length === 0) return;
      const partition = d.partition(topicName, index);
      partition.isr = partition.isr.filter((broker) => !outOfSync.includes(broker));
      for (const broker of outOfSync) {
        const behind = leaderLeo - Math.max(0, followerState(original, broker).leo);
        d.emit(
          "isr-shrink",
          `Broker ${broker} dropped out of the ISR of ${tpName(topicName, index)}: it has not caught up for ${formatMs(lagMax)} ` +
            `(replica.lag.time.max.ms) and is ${plural(behind, "record")} behind. Isr is now ${partition.isr.join(",")}.`,
          { topic: topicName, partition: index, broker, isr: partition.isr },
        );
      }
      const minIsr = topicEffectiveMinIsr(d.state.topics[topicName]!);
      if (partition.isr.length < minIsr) {
        d.emit(
          "under-min-isr",
          `${tpName(topicName, index)} is under min.insync.replicas (${partition.isr.length} < ${minIsr}): acks=all writes now fail with NotEnoughReplicas, ` +
            "and since Kafka 3.7 the high watermark stops advancing, so even acks=1 writes stay invisible to consumers.",
          { topic: topicName, partition: index },
        );
      }
      updateHighWatermark(d, topicName, index);
    });
  }
}

/** Whether the ISR check could remove anyone: some ISR follower is behind its leader. */
export function isrCheckPending(state: Draft["state"]): boolean {
  for (const topic of Object.values(state.topics)) {
    for (const partition of topic.partitions) {
      if (partition.leader < 0) continue;
      const leaderLeo = replicaLog(partition, partition.leader).leo;
      for (const broker of partition.isr) {
        if (broker !== partition.leader && followerState(partition, broker).leo !== leaderLeo) return true;
      }
    }
  }
  return false;
}
