// The group's committed offsets: commitSync of a consumer's positions (also what auto-commit and a
// revoke do), and kafka-consumer-groups.sh --reset-offsets. Transactions commit offsets with their marker
// (transactions.ts). A committed offset is the next record to read.
import { ActionError, type Draft } from "./draft";
import { highWatermark, offsetForTimestamp } from "./partition-ops";

/** commitSync of the given (or current) positions. */
export function commitPositions(d: Draft, consumerId: string, partitions: readonly string[] | null, why: string, explicit?: Record<string, number>): void {
  const consumer = d.state.consumers[consumerId]!;
  const group = d.state.groups[consumer.config.groupId];
  if (!group) return;
  const offsets: Record<string, number> = explicit ?? {};
  if (!explicit) {
    for (const tp of partitions ?? consumer.assignment) {
      const position = consumer.positions[tp];
      if (position !== undefined) offsets[tp] = position;
    }
  }
  const changed = Object.entries(offsets).filter(([tp, offset]) => group.committed[tp]?.offset !== offset);
  if (changed.length === 0) return;
  const writable = d.group(group.id);
  writable.committed = { ...writable.committed };
  for (const [tp, offset] of changed) writable.committed[tp] = { offset, committedAtMs: d.now, by: consumerId };
  d.emit(
    "commit",
    `${consumerId} committed ${changed.map(([tp, offset]) => `${tp}@${offset}`).join(", ")} for group ${group.id} (${why}). ` +
      "A committed offset is the next record to read, not the last one read.",
    { group: group.id, consumer: consumerId, offsets: Object.fromEntries(changed) },
  );
}

export function commitAction(d: Draft, consumerId: string, offsets?: Record<string, number>): void {
  const consumer = d.consumer(consumerId);
  if (consumer.status !== "running" && consumer.status !== "stalled") throw new ActionError(`Consumer '${consumerId}' is ${consumer.status}.`);
  if (offsets) {
    for (const [tp, offset] of Object.entries(offsets)) {
      if (!consumer.assignment.includes(tp)) throw new ActionError(`${consumerId} cannot commit ${tp}: it is not assigned to it (CommitFailedException).`);
      if (!Number.isInteger(offset) || offset < 0) throw new ActionError(`Offset for ${tp} must be a non-negative whole number, got ${offset}.`);
    }
  }
  commitPositions(d, consumerId, null, "commitSync", offsets);
}

/** kafka-consumer-groups.sh --reset-offsets --execute: only for a group without active members. */
export function resetGroupOffsets(
  d: Draft,
  groupId: string,
  topic: string,
  to: { kind: "earliest" } | { kind: "latest" } | { kind: "offset"; offset: number } | { kind: "timestamp"; timestamp: number },
): void {
  const group = d.state.groups[groupId];
  if (!group) throw new ActionError(`Consumer group '${groupId}' does not exist.`);
  const active = group.members.filter((id) => d.state.consumers[id]?.status !== "closed");
  if (active.length > 0 || group.state !== "Empty") {
    throw new ActionError(`Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${group.state}.`);
  }
  const topicState = d.state.topics[topic];
  if (!topicState) throw new ActionError(`Topic '${topic}' does not exist.`);
  const writable = d.group(groupId);
  writable.committed = { ...writable.committed };
  const summary: string[] = [];
  topicState.partitions.forEach((partition, index) => {
    let offset: number;
    if (to.kind === "earliest") offset = partition.logStartOffset;
    else if (to.kind === "latest") offset = highWatermark(partition);
    else if (to.kind === "timestamp") offset = offsetForTimestamp(partition, to.timestamp);
    else offset = Math.min(Math.max(to.offset, partition.logStartOffset), highWatermark(partition));
    writable.committed[`${topic}-${index}`] = { offset, committedAtMs: d.now, by: "kafka-consumer-groups.sh" };
    summary.push(`${topic}-${index}@${offset}`);
  });
  d.emit("offsets-reset", `Reset the committed offsets of group ${groupId}: ${summary.join(", ")}. Its consumers will start there when they join.`, {
    group: groupId,
  });
}
