// Whether a follower is in sync (rules.md §4.4; Replica.scala, vectors.json isr_lag_ReplicaTest).
import type { FollowerState } from "../sim/types";

/**
 * Replica#updateFetchStateOrThrow: a fetch at or past the leader's LEO means caught up now; a fetch
 * at or past the LEO the leader had at the previous fetch means caught up as of that previous fetch.
 */
export function updateFetchState(state: FollowerState, fetchOffset: number, leaderLeo: number, fetchTimeMs: number): FollowerState {
  let lastCaughtUpTimeMs = state.lastCaughtUpTimeMs;
  if (fetchOffset >= leaderLeo) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, fetchTimeMs);
  else if (fetchOffset >= state.lastFetchLeaderLogEndOffset) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, state.lastFetchTimeMs);
  return { leo: fetchOffset, lastCaughtUpTimeMs, lastFetchTimeMs: fetchTimeMs, lastFetchLeaderLogEndOffset: leaderLeo };
}

/** Replica#isCaughtUp: LEO equal to the leader's, or caught up within replica.lag.time.max.ms. */
export function isCaughtUp(state: FollowerState, leaderLeo: number, nowMs: number, replicaLagTimeMaxMs: number): boolean {
  return state.leo === leaderLeo || nowMs - state.lastCaughtUpTimeMs <= replicaLagTimeMaxMs;
}

/** A follower that has never fetched: lastCaughtUpTimeMs 0 and no previous fetch. */
export function initialFollowerState(leo: number): FollowerState {
  return { leo, lastCaughtUpTimeMs: 0, lastFetchTimeMs: 0, lastFetchLeaderLogEndOffset: 0 };
}
