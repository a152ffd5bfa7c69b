// The virtual clock. `advance(ms)` jumps from one due moment to the next — a replication round, a
// retry, a session expiring, a consumer's poll — so an hour of idle cluster costs a handful of steps,
// while busy periods run every replica.fetch round. After each task the clock hands the produce
// responses that task settled (the step's inbox) to their producers.
import { fenceExpiredBrokers, hasOfflinePartitions, retryOfflineElections } from "./controller";
import { nextConsumerDueMs, runConsumers } from "./consume";
import { ActionError, type Draft } from "./draft";
import { expireMembers, nextMembershipDueMs } from "./groups";
import { deliverResponses, nextProducerDueMs, runProducerTimers } from "./produce";
import { isrCheckPending, replicationPending, replicationRound, shrinkIsrs } from "./replication";
import { enforceRetention } from "./retention";
import { runStreamApps, streamAppsPending } from "./stream-apps";
import { expireTransactions, nextTransactionDueMs } from "./transactions";

/** Longest single advance: a year of virtual time. */
const MAX_ADVANCE_MS = 365 * 24 * 60 * 60 * 1000;
const MAX_STEPS_AT_ONE_INSTANT = 10_000;
const STREAM_POLL_MS = 100;

/** The leader's isr-expiration task runs every replica.lag.time.max.ms / 2 (ReplicaManager). */
function isrCheckPeriod(d: Draft): number {
  return Math.max(1, Math.floor(d.state.config.replicaLagTimeMaxMs / 2));
}

/** The next point of a periodic schedule at or after `now`. */
function nextOnGrid(scheduledAt: number, period: number, now: number): number {
  if (scheduledAt >= now) return scheduledAt;
  return scheduledAt + Math.ceil((now - scheduledAt) / period) * period;
}

function uncleanCheckPending(d: Draft): boolean {
  if (!hasOfflinePartitions(d)) return false;
  return Object.values(d.state.topics).some((t) => t.config.uncleanLeaderElectionEnable && t.partitions.some((p) => p.leader < 0));
}

function retentionPending(d: Draft): boolean {
  return Object.values(d.state.topics).some(
    (t) => (t.config.retentionMs >= 0 || t.config.retentionBytes >= 0) && t.partitions.some((p) => p.segments.length > 1),
  );
}

function nextDue(d: Draft): number {
  const { config, schedule } = d.state;
  const now = d.now;
  let next = Infinity;
  if (replicationPending(d.state)) next = Math.min(next, Math.max(now, schedule.replicationAtMs + config.replicaFetchIntervalMs));
  if (isrCheckPending(d.state)) next = Math.min(next, nextOnGrid(schedule.isrCheckAtMs, isrCheckPeriod(d), now));
  if (retentionPending(d)) next = Math.min(next, nextOnGrid(schedule.retentionCheckAtMs, config.logRetentionCheckIntervalMs, now));
  if (uncleanCheckPending(d)) next = Math.min(next, nextOnGrid(schedule.uncleanCheckAtMs, config.uncleanLeaderElectionIntervalMs, now));
  for (const broker of Object.values(d.state.brokers)) {
    if (broker.status === "crashed" && !broker.fenced && broker.crashedAtMs !== null) {
      next = Math.min(next, broker.crashedAtMs + config.brokerSessionTimeoutMs);
    }
  }
  next = Math.min(next, nextProducerDueMs(d.state), nextMembershipDueMs(d.state), nextConsumerDueMs(d.state), nextTransactionDueMs(d.state));
  if (streamAppsPending(d.state)) {
    const lastRun = Math.max(...Object.values(d.state.streams).map((app) => app.lastRunMs));
    next = Math.min(next, Math.max(now, lastRun + STREAM_POLL_MS));
  }
  return Math.max(now, next);
}

/** Runs everything due at the current instant, in a fixed order so runs are reproducible. */
function runDue(d: Draft): void {
  const { config, schedule } = d.state;
  const now = d.now;
  fenceExpiredBrokers(d);
  deliverResponses(d);
  runProducerTimers(d);
  deliverResponses(d);
  if (replicationPending(d.state) && now >= schedule.replicationAtMs + config.replicaFetchIntervalMs) {
    replicationRound(d);
    d.state.schedule = { ...d.state.schedule, replicationAtMs: now };
    deliverResponses(d);
  }
  const isrAt = nextOnGrid(d.state.schedule.isrCheckAtMs, isrCheckPeriod(d), now);
  if (isrAt === now) {
    if (isrCheckPending(d.state)) shrinkIsrs(d);
    d.state.schedule = { ...d.state.schedule, isrCheckAtMs: now + isrCheckPeriod(d) };
    deliverResponses(d);
  }
  expireMembers(d);
  expireTransactions(d);
  deliverResponses(d);
  runConsumers(d);
  if (streamAppsPending(d.state)) {
    const lastRun = Math.max(...Object.values(d.state.streams).map((app) => app.lastRunMs));
    if (now >= lastRun + STREAM_POLL_MS) runStreamApps(d);
  }
  const retentionAt = nextOnGrid(d.state.schedule.retentionCheckAtMs, config.logRetentionCheckIntervalMs, now);
  if (retentionAt === now) {
    enforceRetention(d);
    d.state.schedule = { ...d.state.schedule, retentionCheckAtMs: now + config.logRetentionCheckIntervalMs };
  }
  const uncleanAt = nextOnGrid(d.state.schedule.uncleanCheckAtMs, config.uncleanLeaderElectionIntervalMs, now);
  if (uncleanAt === now) {
    if (uncleanCheckPending(d)) retryOfflineElections(d, "Periodic unclean leader election (unclean.leader.election.interval.ms).");
    d.state.schedule = { ...d.state.schedule, uncleanCheckAtMs: now + config.uncleanLeaderElectionIntervalMs };
    deliverResponses(d);
  }
}

export function advance(d: Draft, ms: number): void {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || !Number.isInteger(ms)) {
    throw new ActionError(`Time can only move forward by a whole number of milliseconds, got ${String(ms)}.`);
  }
  if (ms > MAX_ADVANCE_MS) throw new ActionError(`Advance at most a year at a time (${MAX_ADVANCE_MS} ms), got ${ms}.`);
  const target = d.now + ms;
  let stepsAtInstant = 0;
  let lastInstant = -1;
  for (;;) {
    const next = nextDue(d);
    if (next > target) break;
    if (next === lastInstant) {
      stepsAtInstant++;
      if (stepsAtInstant > MAX_STEPS_AT_ONE_INSTANT) {
        throw new Error(`the clock made no progress at t=${next} ms`);
      }
    } else {
      stepsAtInstant = 0;
      lastInstant = next;
    }
    d.state.now = next;
    runDue(d);
  }
  d.state.now = target;
}
