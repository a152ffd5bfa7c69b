// One entry point for the three assignors the simulator offers. For cooperative-sticky the answer is
// the converged assignment after the follow-up rebalance(s); use cooperativeStickyRounds for each round.
import { cooperativeStickyRounds } from "./cooperative-sticky";
import { assignRange } from "./range";
import { assignRoundRobin } from "./roundrobin";
import { stickyAssign } from "./sticky";
import { emptyAssignment, normalizeMembers, subscribedPartitionCounts, type Assignment, type AssignmentStrategy, type AssignorMember } from "./types";

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
    case "sticky":
      return assignEagerSticky(normalized, partitionsPerTopic);
    case "cooperative-sticky":
      return cooperativeStickyRounds(normalized, partitionsPerTopic).final;
  }
}

/** StickyAssignor (eager): the sticky assignment in one round; members' previous partitions come from `owned`. */
function assignEagerSticky(members: readonly AssignorMember[], partitionsPerTopic: Readonly<Record<string, number>>): Assignment {
  const result = stickyAssign(members, subscribedPartitionCounts(members, partitionsPerTopic));
  const assignment = emptyAssignment(members);
  for (const [memberId, partitions] of result.assignment) assignment[memberId] = partitions.map((tp) => tp.name);
  return assignment;
}

export { cooperativeStickyRound, cooperativeStickyRounds } from "./cooperative-sticky";
export type { CooperativeOutcome, CooperativeRound } from "./cooperative-sticky";
export { sortMembers, compareMembers } from "./member-order";
export * from "./types";
