// Consumer group membership and rebalances (classic protocol, rules.md §2). Range and round-robin are
// eager: everyone revokes everything, then gets a fresh assignment. Cooperative-sticky revokes only
// what moves, then a second rebalance hands it over. A rebalance that needs a dead member's answer
// waits until session.timeout.ms removes it, as the coordinator does.
import { assignPartitions, type AssignorMember } from "../assignors";
import { cooperativeStickyRound } from "../assignors/cooperative-sticky";
import { commitPositions } from "./commits";
import { ActionError, type Draft } from "./draft";
import { formatMs } from "../../format/time";
import { plural } from "../../format/text";
import type { ConsumerState, GroupState } from "./types";

/** A member that sends no heartbeats but has not left: crashed, or a static member that closed. */
function isAbsentMember(consumer: ConsumerState | undefined): boolean {
  return consumer !== undefined && consumer.inGroup && (consumer.status === "crashed" || consumer.status === "closed");
}

function ensureGroup(d: Draft, groupId: string): GroupState {
  if (!d.state.groups[groupId]) {
    d.state.groups = d.own(d.state.groups);
    d.state.groups[groupId] = {
      id: groupId,
      state: "Empty",
      protocol: null,
      generation: 0,
      members: [],
      leader: null,
      committed: {},
      ledger: {},
    };
  }
  return d.group(groupId);
}

function partitionCounts(d: Draft): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, topic] of Object.entries(d.state.topics)) counts[name] = topic.partitions.length;
  return counts;
}

function activeMembers(d: Draft, group: GroupState): ConsumerState[] {
  return group.members.map((id) => d.state.consumers[id]!).filter((consumer) => consumer.status === "running" || consumer.status === "stalled");
}

function describeAssignment(d: Draft, members: readonly ConsumerState[], assignment: (id: string) => string[]): string {
  return members.map((member) => `${member.id} → ${assignment(member.id).join(", ") || "nothing"}`).join("; ");
}

function idleExplanation(d: Draft, group: GroupState, idle: string[]): string {
  if (idle.length === 0) return "";
  const subscribed = new Set(group.members.flatMap((id) => d.state.consumers[id]?.subscription ?? []));
  const partitions = [...subscribed].reduce((sum, topic) => sum + (d.state.topics[topic]?.partitions.length ?? 0), 0);
  return (
    ` ${idle.join(", ")} ${idle.length === 1 ? "is" : "are"} idle: the group has ${plural(activeMembers(d, group).length, "member")} ` +
    `but only ${plural(partitions, "partition")} to share, and a partition is never split between members of one group.`
  );
}

/** Revokes partitions from a member: commit them first if auto-commit is on (ConsumerCoordinator#onJoinPrepare). */
function revoke(d: Draft, consumerId: string, partitions: readonly string[]): void {
  if (partitions.length === 0) return;
  const consumer = d.state.consumers[consumerId]!;
  if (consumer.config.enableAutoCommit && consumer.status !== "crashed") {
    commitPositions(d, consumerId, partitions, "auto-commit before revoking");
  }
  const writable = d.consumer(consumerId);
  writable.assignment = writable.assignment.filter((tp) => !partitions.includes(tp));
  const positions = { ...writable.positions };
  for (const tp of partitions) delete positions[tp];
  writable.positions = positions;
}

function assignTo(d: Draft, consumerId: string, partitions: readonly string[]): void {
  const consumer = d.consumer(consumerId);
  const kept = consumer.assignment.filter((tp) => partitions.includes(tp));
  const added = partitions.filter((tp) => !kept.includes(tp));
  consumer.assignment = [...kept, ...added];
  consumer.inGroup = true;
}

function memberInputs(members: readonly ConsumerState[]): AssignorMember[] {
  return members.map((member) => ({
    memberId: member.memberId,
    topics: member.subscription,
    owned: member.assignment,
    ...(member.config.groupInstanceId ? { groupInstanceId: member.config.groupInstanceId } : {}),
  }));
}

/** Asks for a rebalance; it completes now unless a member that crashed has not been expired yet. */
export function requestRebalance(d: Draft, groupId: string, reason: string): void {
  const group = d.group(groupId);
  // A crashed member, or a static member that closed without LeaveGroup, still belongs to the group
  // until its session expires; the rebalance cannot complete without it.
  const waitingOn = group.members.filter((id) => isAbsentMember(d.state.consumers[id]));
  if (waitingOn.length > 0) {
    if (group.state !== "PreparingRebalance") {
      group.state = "PreparingRebalance";
      if (group.protocol !== "cooperative-sticky") {
        for (const member of activeMembers(d, group)) revoke(d, member.id, member.assignment);
      }
      d.emit(
        "rebalance-waiting",
        `Group ${groupId} is rebalancing (${reason}) but must wait for ${waitingOn.join(", ")}, which stopped heartbeating: the coordinator ` +
          `removes it only after session.timeout.ms. ${group.protocol === "cooperative-sticky" ? "Members keep their partitions meanwhile (cooperative)." : "Meanwhile nobody consumes (eager rebalance)."}`,
        { group: groupId },
      );
    }
    return;
  }
  completeRebalance(d, groupId, reason);
}

function completeRebalance(d: Draft, groupId: string, reason: string): void {
  const group = d.group(groupId);
  const members = activeMembers(d, group);
  if (members.length === 0) {
    group.state = "Empty";
    group.generation += 1;
    group.leader = null;
    group.protocol = null;
    d.emit("group-empty", `Group ${groupId} has no active members (${reason}). Its committed offsets stay for offsets.retention.minutes.`, {
      group: groupId,
    });
    return;
  }
  group.leader = members[0]!.id;
  const byMemberId = new Map(members.map((member) => [member.memberId, member.id]));
  const strategy = group.protocol ?? "range";

  if (strategy !== "cooperative-sticky") {
    for (const member of members) revoke(d, member.id, d.state.consumers[member.id]!.assignment);
    const assignment = assignPartitions(strategy, memberInputs(members.map((m) => d.state.consumers[m.id]!)), partitionCounts(d));
    const byConsumer = new Map<string, string[]>();
    for (const [memberId, partitions] of Object.entries(assignment)) byConsumer.set(byMemberId.get(memberId)!, partitions);
    for (const member of members) assignTo(d, member.id, byConsumer.get(member.id) ?? []);
    const writable = d.group(groupId);
    writable.generation += 1;
    writable.state = "Stable";
    const idle = members.filter((m) => (byConsumer.get(m.id) ?? []).length === 0).map((m) => m.id);
    d.emit(
      "rebalance",
      `Group ${groupId} rebalanced (${reason}), generation ${writable.generation}, ${strategy} assignor, eager: every member gave up all its ` +
        `partitions first. ${describeAssignment(d, members, (id) => byConsumer.get(id) ?? [])}.${idleExplanation(d, writable, idle)}`,
      { group: groupId, generation: writable.generation, strategy, assignment: Object.fromEntries(byConsumer), idle },
    );
    return;
  }

  // Cooperative: round 1 revokes only what moves; round 2 hands it over.
  for (let round = 1; round <= 3; round++) {
    const current = members.map((m) => d.state.consumers[m.id]!);
    const result = cooperativeStickyRound(memberInputs(current), partitionCounts(d));
    const byConsumer = new Map<string, string[]>();
    for (const [memberId, partitions] of Object.entries(result.assignment)) byConsumer.set(byMemberId.get(memberId)!, partitions);
    const revokedBy = new Map<string, string[]>();
    for (const member of current) {
      const next = byConsumer.get(member.id) ?? [];
      revokedBy.set(member.id, member.assignment.filter((tp) => !next.includes(tp)));
    }
    for (const member of current) revoke(d, member.id, revokedBy.get(member.id) ?? []);
    for (const member of current) assignTo(d, member.id, byConsumer.get(member.id) ?? []);
    const writable = d.group(groupId);
    writable.generation += 1;
    const moving = Object.entries(result.transferring);
    const anyRevoked = [...revokedBy.values()].some((tps) => tps.length > 0);
    writable.state = anyRevoked ? "CompletingRebalance" : "Stable";
    const idle = members.filter((m) => (byConsumer.get(m.id) ?? []).length === 0).map((m) => m.id);
    const revokedText = [...revokedBy].filter(([, tps]) => tps.length > 0).map(([id, tps]) => `${id} revokes ${tps.join(", ")}`).join("; ");
    d.emit(
      "rebalance",
      round === 1
        ? `Group ${groupId} rebalanced (${reason}), generation ${writable.generation}, cooperative-sticky round 1: members keep what they own where possible` +
            (anyRevoked ? `; ${revokedText}, which ${moving.length === 1 ? "moves" : "move"} only in the next round. ` : ". ") +
            `${describeAssignment(d, members, (id) => byConsumer.get(id) ?? [])}.` +
            (anyRevoked ? "" : idleExplanation(d, writable, idle))
        : `Group ${groupId} cooperative-sticky round ${round} (generation ${writable.generation}): the revoked partitions are handed over. ` +
            `${describeAssignment(d, members, (id) => byConsumer.get(id) ?? [])}.${idleExplanation(d, writable, idle)}`,
      { group: groupId, generation: writable.generation, strategy, round, assignment: Object.fromEntries(byConsumer), idle },
    );
    if (!anyRevoked) break;
  }
}

/** Adds a consumer to its group (JoinGroup) and rebalances. */
export function joinGroup(d: Draft, consumerId: string, groupId: string): void {
  const consumer = d.state.consumers[consumerId]!;
  const existing = d.state.groups[groupId];
  if (existing && existing.members.length > 0 && existing.protocol && existing.protocol !== consumer.config.assignmentStrategy) {
    // InconsistentGroupProtocolException
    throw new ActionError(
      `Consumer ${consumerId} uses partition.assignment.strategy=${consumer.config.assignmentStrategy} but group ${groupId} uses ${existing.protocol}: ` +
        "the group member's supported protocols are incompatible with those of existing members (InconsistentGroupProtocolException).",
    );
  }
  const group = ensureGroup(d, groupId);
  if (!group.members.includes(consumerId)) group.members = [...group.members, consumerId];
  group.protocol ??= consumer.config.assignmentStrategy;
  const writable = d.consumer(consumerId);
  writable.config = { ...writable.config, groupId };
  d.emit("group-join", `${consumerId} joined group ${groupId} (member id ${consumer.memberId}).`, { group: groupId, consumer: consumerId });
  requestRebalance(d, groupId, `${consumerId} joined`);
}

/** Removes a member from its group (LeaveGroup or expiry) and rebalances the rest. */
export function removeMember(d: Draft, consumerId: string, reason: string): void {
  const consumer = d.state.consumers[consumerId];
  if (!consumer) return;
  const groupId = consumer.config.groupId;
  const group = d.state.groups[groupId];
  if (!group || !group.members.includes(consumerId)) return;
  const writableGroup = d.group(groupId);
  writableGroup.members = writableGroup.members.filter((id) => id !== consumerId);
  const writable = d.consumer(consumerId);
  writable.assignment = [];
  writable.positions = {};
  writable.inGroup = false;
  requestRebalance(d, groupId, reason);
}

/**
 * The coordinator's side of liveness: crashed members expire after session.timeout.ms; members whose
 * application stopped calling poll() leave after max.poll.interval.ms.
 */
export function expireMembers(d: Draft): void {
  for (const consumer of Object.values(d.state.consumers)) {
    if (!consumer.inGroup) continue;
    if (isAbsentMember(consumer) && d.now - consumer.lastHeartbeatMs >= consumer.config.sessionTimeoutMs) {
      d.emit(
        "member-expired",
        `Group ${consumer.config.groupId}: ${consumer.id} sent no heartbeat for ${formatMs(consumer.config.sessionTimeoutMs)} (session.timeout.ms), so the coordinator ` +
          "removed it. Its partitions restart from the last committed offsets: whatever it processed after its last commit will be processed again.",
        { group: consumer.config.groupId, consumer: consumer.id },
      );
      removeMember(d, consumer.id, `${consumer.id}'s session expired`);
    } else if (consumer.status === "stalled" && d.now - consumer.lastPollMs >= consumer.config.maxPollIntervalMs) {
      d.emit(
        "member-left",
        `Group ${consumer.config.groupId}: ${consumer.id} did not call poll() for ${formatMs(consumer.config.maxPollIntervalMs)} (max.poll.interval.ms). ` +
          "Its heartbeat thread is alive, but the consumer leaves the group so its partitions can move to a member that makes progress.",
        { group: consumer.config.groupId, consumer: consumer.id },
      );
      removeMember(d, consumer.id, `${consumer.id} exceeded max.poll.interval.ms`);
    }
  }
}

export function nextMembershipDueMs(state: Draft["state"]): number {
  let next = Infinity;
  for (const consumer of Object.values(state.consumers)) {
    if (!consumer.inGroup) continue;
    if (isAbsentMember(consumer)) next = Math.min(next, consumer.lastHeartbeatMs + consumer.config.sessionTimeoutMs);
    if (consumer.status === "stalled") next = Math.min(next, consumer.lastPollMs + consumer.config.maxPollIntervalMs);
  }
  return next;
}
