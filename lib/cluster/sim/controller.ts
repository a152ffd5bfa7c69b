// The KRaft controller's part: which brokers are fenced, who leads each partition, and the ISR it
// commits. Brokers crash, stop (controlled shutdown) and start; the controller notices a crash only
// after broker.session.timeout.ms, as in KRaft.
import { electLeader } from "../rules/leader-election";
import { initialFollowerState } from "../rules/replica-lag";
import { ActionError, type Draft } from "./draft";
import { latestEpoch } from "./log";
import { brokerList, highWatermark, leaderLog, replicaLog, setFollowerState, setReplicaLog, tpName } from "./partition-ops";
import { formatMs } from "../../format/time";
import { plural } from "../../format/text";
import { failPendingForPartition } from "./purgatory";
import { updateHighWatermark } from "./replication";
import type { PartitionState } from "./types";

export function isBrokerEligible(d: Draft, broker: number): boolean {
  const state = d.state.brokers[String(broker)];
  return state !== undefined && state.status === "online" && !state.fenced;
}

/** The active controller: kept while it runs; else the lowest-id running broker (combined mode; quorum loss not modelled). */
function electController(d: Draft): void {
  const current = d.state.brokers[String(d.state.controller)];
  if (current && current.status === "online") return; // an active controller stays active
  const candidates = Object.values(d.state.brokers)
    .filter((broker) => broker.status === "online")
    .map((broker) => broker.id)
    .sort((a, b) => a - b);
  const next = candidates[0] ?? -1;
  if (next === d.state.controller) return;
  d.state.controller = next;
  if (next >= 0) d.emit("controller", `Broker ${next} is now the active controller.`, { broker: next });
  else d.emit("controller", "No broker is running, so there is no active controller: nothing can be elected until one starts.");
}

/**
 * Makes `leader` the partition's leader in a new epoch. The new leader records the epoch's start offset
 * in its leader-epoch cache (Partition#makeLeader), forgets what it knew about followers, and any
 * acks=all requests waiting on the old leader fail with NOT_LEADER_OR_FOLLOWER so producers retry.
 */
function changeLeader(d: Draft, topic: string, partition: PartitionState, leader: number): void {
  partition.leader = leader;
  partition.leaderEpoch += 1;
  if (leader < 0) {
    failPendingForPartition(d, partition, "NOT_LEADER_OR_FOLLOWER");
    return;
  }
  const log = replicaLog(partition, leader);
  const epochs = latestEpoch(log) === partition.leaderEpoch ? log.epochs : [...log.epochs, [partition.leaderEpoch, log.leo] as [number, number]];
  setReplicaLog(d, partition, leader, { ...log, epochs, hw: Math.min(log.hw, log.leo) });
  // Idempotence state follows the log: the new leader only knows the batches its own log holds
  // (a broker rebuilds it from the log), so a retry of a batch it never received is appended.
  const producers: PartitionState["producers"] = {};
  for (const [producerId, entry] of Object.entries(partition.producers)) {
    const batches = entry.batches.filter((batch) => batch.lastOffset < log.leo);
    producers[producerId] = { ...entry, batches };
  }
  partition.producers = producers;
  partition.followers = d.own(partition.followers);
  for (const follower of partition.replicas) {
    if (follower === leader) continue;
    const state = initialFollowerState(-1);
    // Partition#makeLeader: followers already in the ISR start as caught up "now".
    if (partition.isr.includes(follower)) state.lastCaughtUpTimeMs = d.now;
    setFollowerState(d, partition, follower, state);
  }
  failPendingForPartition(d, partition, "NOT_LEADER_OR_FOLLOWER");
  // Partition#makeLeader ends with maybeIncrementLeaderHW: alone in the ISR, the new leader's high
  // watermark is its log end at once (with followers, their unknown offsets hold it back).
  updateHighWatermark(d, topic, partition.index);
}

/**
 * Runs an election for one partition after something changed (a broker fenced or back, a config
 * change) and explains the outcome.
 */
export function runElection(
  d: Draft,
  topic: string,
  index: number,
  reason: string,
  options: { preferred?: boolean; forceUnclean?: boolean } = {},
): void {
  const partition = d.partition(topic, index);
  const config = d.state.topics[topic]!.config;
  const name = tpName(topic, index);
  const result = electLeader({
    replicas: partition.replicas,
    isr: partition.isr,
    currentLeader: partition.leader,
    isEligible: (broker) => isBrokerEligible(d, broker),
    uncleanLeaderElectionEnable: config.uncleanLeaderElectionEnable || options.forceUnclean === true,
    preferred: options.preferred,
  });

  if (result.kind === "keep") return;
  if (result.kind === "offline") {
    if (partition.leader >= 0) {
      changeLeader(d, topic, partition, -1);
      const why = config.uncleanLeaderElectionEnable
        ? "no replica is alive"
        : `no in-sync replica (Isr: ${brokerList(partition.isr)}) is alive and unclean.leader.election.enable=false`;
      d.emit("partition-offline", `${name} is offline (Leader: none): ${why}. Producers and consumers of ${name} wait until a replica in the ISR comes back.`, {
        topic,
        partition: index,
        reason,
      });
    }
    return;
  }

  const previousLeader = partition.leader;
  const previousHw = highWatermark(partition);
  const newLog = replicaLog(partition, result.leader);
  if (result.kind === "unclean") {
    const previousEnd = Math.max(...partition.replicas.map((broker) => replicaLog(partition, broker).leo));
    partition.isr = [result.leader];
    changeLeader(d, topic, partition, result.leader);
    const lostCommitted = Math.max(0, previousHw - newLog.leo);
    const lostTotal = Math.max(0, previousEnd - newLog.leo);
    d.emit(
      "unclean-election",
      `Unclean election: broker ${result.leader} became leader of ${name} although it was not in the ISR ` +
        `(unclean.leader.election.enable=true). Its log ends at offset ${newLog.leo}, so ${plural(lostTotal, "record")} ` +
        `other replicas had (${lostCommitted} of them below the old high watermark, i.e. committed) will be lost.`,
      { topic, partition: index, leader: result.leader, leaderEpoch: partition.leaderEpoch, lostCommitted, lostTotal, reason },
    );
    return;
  }
  changeLeader(d, topic, partition, result.leader);
  const from = previousLeader >= 0 ? `from broker ${previousLeader} ` : "";
  d.emit(
    "leader-elected",
    `Broker ${result.leader} is the new leader of ${name} ${from}(leader epoch ${partition.leaderEpoch}): it was the first ` +
      `in-sync replica in assignment order (Replicas: ${partition.replicas.join(",")}, Isr: ${partition.isr.join(",")}). ${reason}`,
    { topic, partition: index, leader: result.leader, previousLeader, leaderEpoch: partition.leaderEpoch },
  );
}

/** Removes a broker from every ISR it is in, except where it is the last member (KRaft keeps it). */
function removeFromIsrs(d: Draft, broker: number, why: string): void {
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((p, index) => {
      if (!p.isr.includes(broker) || p.isr.length === 1) return;
      const partition = d.partition(topicName, index);
      partition.isr = partition.isr.filter((b) => b !== broker);
      d.emit("isr-shrink", `Broker ${broker} left the ISR of ${tpName(topicName, index)} (${why}). Isr is now ${partition.isr.join(",")}.`, {
        topic: topicName,
        partition: index,
        broker,
        isr: partition.isr,
      });
      // Partition#maybeShrinkIsr: a smaller ISR may let the high watermark move (and complete acks=all
      // requests) at once; no replication round would otherwise recompute it when no follower is left.
      if (partition.leader !== broker && d.state.brokers[String(partition.leader)]?.status === "online") updateHighWatermark(d, topicName, index);
    });
  }
}

function partitionsLedBy(d: Draft, broker: number): [string, number][] {
  const led: [string, number][] = [];
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((p, index) => {
      if (p.leader === broker) led.push([topicName, index]);
    });
  }
  return led;
}

/** The controller fences a broker: out of every ISR, and its partitions get new leaders. */
function fenceBroker(d: Draft, brokerId: number, why: string): void {
  const broker = d.broker(brokerId);
  if (broker.fenced) return;
  broker.fenced = true;
  removeFromIsrs(d, brokerId, why);
  for (const [topic, index] of partitionsLedBy(d, brokerId)) runElection(d, topic, index, `Broker ${brokerId} was ${why}.`);
  electController(d);
}

/** Crash detection: broker.session.timeout.ms after the last heartbeat the controller fences the broker. */
export function fenceExpiredBrokers(d: Draft): void {
  for (const broker of Object.values(d.state.brokers)) {
    if (broker.status !== "crashed" || broker.fenced || broker.crashedAtMs === null) continue;
    if (d.now - broker.crashedAtMs < d.state.config.brokerSessionTimeoutMs) continue;
    d.emit(
      "broker-fenced",
      `The controller fenced broker ${broker.id}: no heartbeat for ${formatMs(d.state.config.brokerSessionTimeoutMs)} (broker.session.timeout.ms).`,
      { broker: broker.id },
    );
    fenceBroker(d, broker.id, "fenced after missing heartbeats");
  }
}

export function crashBroker(d: Draft, brokerId: number): void {
  const broker = d.broker(brokerId);
  if (broker.status !== "online") throw new ActionError(`Broker ${brokerId} is not running (it is ${broker.status}).`);
  broker.status = "crashed";
  broker.crashedAtMs = d.now;
  const led = partitionsLedBy(d, brokerId);
  d.emit(
    "broker-crashed",
    `Broker ${brokerId} crashed. It still leads ${plural(led.length, "partition")} until the controller notices, ` +
      `${formatMs(d.state.config.brokerSessionTimeoutMs)} later (broker.session.timeout.ms); records only it had are not on the followers yet.`,
    { broker: brokerId, leads: led.map(([t, i]) => tpName(t, i)) },
  );
  // Clients see the connection drop: requests waiting on this broker fail and will be retried.
  for (const [topic, index] of led) failPendingForPartition(d, d.partition(topic, index), "NETWORK_EXCEPTION");
  if (d.state.controller === brokerId) electController(d);
}

/** Controlled shutdown: leadership moves first, then the broker leaves the ISRs and stops. */
export function stopBroker(d: Draft, brokerId: number): void {
  const broker = d.broker(brokerId);
  if (broker.status !== "online") throw new ActionError(`Broker ${brokerId} is not running (it is ${broker.status}).`);
  broker.status = "stopped";
  d.emit("broker-stopped", `Broker ${brokerId} shut down cleanly (controlled shutdown): the controller moves its leaderships first.`, {
    broker: brokerId,
  });
  fenceBroker(d, brokerId, "shut down");
}

export function startBroker(d: Draft, brokerId: number): void {
  const existing = d.broker(brokerId);
  if (existing.status === "online") throw new ActionError(`Broker ${brokerId} is already running.`);
  if (!existing.fenced) {
    // Restarted before the controller noticed the crash: the new incarnation's registration makes the
    // controller treat the old one as failed (out of the ISRs, leaderships moved) before it rejoins.
    d.emit("broker-fenced", `The controller saw broker ${brokerId} register again before its session expired and treats the old incarnation as failed.`, {
      broker: brokerId,
    });
    fenceBroker(d, brokerId, "restarted");
  }
  const broker = d.broker(brokerId);
  broker.status = "online";
  broker.fenced = false;
  broker.crashedAtMs = null;
  d.emit("broker-started", `Broker ${brokerId} started and registered with the controller. Its replicas catch up as followers before they rejoin an ISR.`, {
    broker: brokerId,
  });
  if (d.state.controller < 0) electController(d);
  // Offline partitions with a replica here may get a leader now.
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((p, index) => {
      if (p.leader < 0 && p.replicas.includes(brokerId)) runElection(d, topicName, index, `Broker ${brokerId} came back.`);
    });
  }
}

/** A periodic pass (unclean.leader.election.interval.ms) for offline partitions once unclean is allowed. */
export function retryOfflineElections(d: Draft, reason: string): void {
  for (const [topicName, topic] of Object.entries(d.state.topics)) {
    topic.partitions.forEach((p, index) => {
      if (p.leader < 0) runElection(d, topicName, index, reason);
    });
  }
}

export function hasOfflinePartitions(d: Draft): boolean {
  return Object.values(d.state.topics).some((t) => t.partitions.some((p) => p.leader < 0));
}

export { leaderLog };
