// One entry point for the three assignors the simulator offers. For cooperative-sticky the answer is
// the converged assignment after the follow-up rebalance(s); use cooperativeStickyRounds for each round.
import { cooperativeStickyRounds } from "./cooperative-sticky";
import { assignRange } from "./range";
import { assignRoundRobin } from "./roundrobin";
import { normalizeMembers, type Assignment, type AssignmentStrategy, type AssignorMember } from "./types";

export function assignPartitions(
  strategy: AssignmentStrategy,
  members: AssignorMember[],
  partitionsPerTopic: Record<string, number>,
): Assignment {
  const normalized = normalizeMembers(members);
  switch (strategy) {
    case "range":
      return assignRange(normalized, partitionsPerTopic);
    case "roundrobin":
      return assignRoundRobin(normalized, partitionsPerTopic);
    case "cooperative-sticky":
      return cooperativeStickyRounds(normalized, partitionsPerTopic).final;
  }
}

export { cooperativeStickyRound, cooperativeStickyRounds } from "./cooperative-sticky";
export type { CooperativeOutcome, CooperativeRound } from "./cooperative-sticky";
export { sortMembers, compareMembers } from "./member-order";
export * from "./types";
