// CooperativeStickyAssignor (rules.md §2, sticky 2): the sticky assignment, minus every partition that
// moves between owners — the old owner must revoke it first, and a follow-up rebalance hands it over.
// Kafka's own test (CooperativeStickyAssignorTest#verifyValidityAndBalance) loops those follow-up
// rebalances until nothing is revoked; `cooperativeStickyRounds` does the same.
import { stickyAssign, type StickyResult, type StickyTopicPartition } from "./sticky";
import { emptyAssignment, normalizeMembers, subscribedPartitionCounts, type Assignment, type AssignorMember } from "./types";

export interface CooperativeRound {
  /** What each member is assigned in this rebalance (moving partitions withheld). */
  assignment: Assignment;
  /** Partitions each member must give up in this round (owned before, not assigned now). */
  revoked: Record<string, string[]>;
  /** Partitions withheld this round because they are moving: partition → the member that will get it. */
  transferring: Record<string, string>;
}

export interface CooperativeOutcome {
  rounds: CooperativeRound[];
  /** The converged assignment: the last round, in which nothing was revoked. */
  final: Assignment;
}

/** A safety net: Kafka's test allows at most 4 follow-up rebalances; the algorithm converges in 2. */
const MAX_ROUNDS = 6;

/** CooperativeStickyAssignor#assign for one rebalance: the sticky result with transfers withheld. */
export function cooperativeStickyRound(
  input: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): CooperativeRound {
  const members = normalizeMembers(input);
  const counts = subscribedPartitionCounts(members, partitionsPerTopic);
  const result = stickyAssign(members, counts);
  const transferring = result.partitionsTransferringOwnership ?? computeTransfers(members, result);

  const assignment = emptyAssignment(members);
  for (const [memberId, partitions] of result.assignment) {
    assignment[memberId] = partitions.filter((tp) => transferring.get(tp) !== memberId).map((tp) => tp.name);
  }
  const revoked: Record<string, string[]> = {};
  for (const member of members) {
    const kept = new Set(assignment[member.memberId]);
    revoked[member.memberId] = (member.owned ?? []).filter((name) => !kept.has(name));
  }
  const transferringByName: Record<string, string> = {};
  for (const [tp, memberId] of transferring) transferringByName[tp.name] = memberId;
  return { assignment, revoked, transferring: transferringByName };
}

/**
 * computePartitionsTransferringOwnership (general builder): partitions added to one member that another
 * member owned and no longer gets. Compared against the raw owned lists, as Kafka does.
 */
function computeTransfers(members: readonly AssignorMember[], result: StickyResult): Map<StickyTopicPartition, string> {
  const added = new Map<StickyTopicPartition, string>();
  const revoked = new Set<string>();
  const ownedOf = new Map(members.map((member) => [member.memberId, new Set(member.owned ?? [])]));
  for (const [memberId, partitions] of result.assignment) {
    const owned = ownedOf.get(memberId) ?? new Set<string>();
    const assignedNames = new Set(partitions.map((tp) => tp.name));
    for (const tp of partitions) if (!owned.has(tp.name)) added.set(tp, memberId);
    for (const name of owned) if (!assignedNames.has(name)) revoked.add(name);
  }
  for (const tp of [...added.keys()]) if (!revoked.has(tp.name)) added.delete(tp);
  return added;
}

/** Runs rebalances until no member has to revoke anything, as a real cooperative group does. */
export function cooperativeStickyRounds(
  input: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): CooperativeOutcome {
  const members = normalizeMembers(input);
  const rounds: CooperativeRound[] = [];
  let current = members.map((member) => ({ ...member, owned: [...(member.owned ?? [])] }));
  const hasGenerations = members.some((member) => member.generation !== undefined);
  let generation = Math.max(-1, ...members.map((member) => member.generation ?? -1));

  for (let i = 0; i < MAX_ROUNDS; i++) {
    const round = cooperativeStickyRound(current, partitionsPerTopic);
    rounds.push(round);
    const anyRevoked = Object.values(round.revoked).some((partitions) => partitions.length > 0);
    if (!anyRevoked) break;
    // Members now own exactly what they kept; the follow-up rebalance starts from there.
    generation += 1;
    current = current.map((member) => ({
      ...member,
      owned: [...(round.assignment[member.memberId] ?? [])],
      generation: hasGenerations ? generation : undefined,
    }));
  }
  return { rounds, final: rounds[rounds.length - 1]!.assignment };
}
