// The leader's high watermark (rules.md §4.3; Partition#maybeIncrementLeaderHW).

export interface HighWatermarkInput {
  currentHw: number;
  leaderLeo: number;
  /** The committed ISR, used for the under-min-ISR check. */
  isr: readonly number[];
  /** ISR plus replicas being added by an in-flight AlterPartition (equal to isr when none). */
  maximalIsr: readonly number[];
  effectiveMinIsr: number;
  /** LEO of each follower as the leader knows it (its last fetch offset). */
  followerLeo: (broker: number) => number;
  /** Followers outside the ISR that are caught up and eligible to join: the HW waits for them too. */
  waitingToJoin: readonly number[];
  leader: number;
}

/**
 * The smallest LEO among the leader, the maximal ISR and caught-up followers about to join; never
 * lower than before. Since 3.7 (KAFKA-15583) it does not move while |ISR| < effectiveMinIsr.
 */
export function nextHighWatermark(input: HighWatermarkInput): number {
  if (input.isr.length < input.effectiveMinIsr) return input.currentHw;
  let candidate = input.leaderLeo;
  for (const broker of [...input.maximalIsr, ...input.waitingToJoin]) {
    if (broker === input.leader) continue;
    candidate = Math.min(candidate, input.followerLeo(broker));
  }
  return Math.max(input.currentHw, candidate);
}
