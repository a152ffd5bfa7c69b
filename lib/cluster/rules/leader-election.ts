// Leader election as the KRaft controller does it (rules.md §4.5; PartitionChangeBuilder).

export interface ElectionInput {
  /** Assigned replicas in assignment order. */
  replicas: readonly number[];
  isr: readonly number[];
  currentLeader: number;
  /** Alive and not fenced. */
  isEligible: (broker: number) => boolean;
  uncleanLeaderElectionEnable: boolean;
  /** PREFERRED election: try replica[0] first (kafka-leader-election --election-type PREFERRED). */
  preferred?: boolean;
}

export type ElectionResult =
  | { kind: "keep"; leader: number }
  | { kind: "clean"; leader: number }
  | { kind: "unclean"; leader: number }
  | { kind: "offline"; leader: -1 };

/**
 * Keep a still-valid leader; otherwise the first replica in assignment order that is in the ISR and
 * alive; otherwise, only with unclean.leader.election.enable, the first alive replica even if it is out
 * of sync (its log becomes the truth, committed records can be lost); otherwise no leader (-1).
 */
export function electLeader(input: ElectionInput): ElectionResult {
  const inIsrAndAlive = (broker: number) => input.isr.includes(broker) && input.isEligible(broker);
  if (input.preferred) {
    const preferred = input.replicas[0];
    if (preferred !== undefined && inIsrAndAlive(preferred)) {
      return preferred === input.currentLeader ? { kind: "keep", leader: preferred } : { kind: "clean", leader: preferred };
    }
  }
  if (input.currentLeader >= 0 && inIsrAndAlive(input.currentLeader)) return { kind: "keep", leader: input.currentLeader };
  const clean = input.replicas.find(inIsrAndAlive);
  if (clean !== undefined) return { kind: "clean", leader: clean };
  // A PREFERRED election never falls back to an unclean one (PartitionChangeBuilder#electPreferredLeader).
  if (input.uncleanLeaderElectionEnable && !input.preferred) {
    const unclean = input.replicas.find((broker) => input.isEligible(broker));
    if (unclean !== undefined) return { kind: "unclean", leader: unclean };
  }
  return { kind: "offline", leader: -1 };
}
