// Shapes shared by the three assignors. Partitions are written "topic-N" at the public boundary, as in
// vectors.json; inside the sticky assignor they become TopicPartition objects.

/** "sticky" is the eager StickyAssignor: the same sticky algorithm, but every member revokes everything first. */
export type AssignmentStrategy = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];

export interface AssignorMember {
  memberId: string;
  /** Subscribed topic names. Topics that do not exist are ignored (rules.md §2, RangeAssignor 3). */
  topics: string[];
  /** Partitions the member owns from the previous generation ("topic-N"); used by cooperative-sticky. */
  owned?: string[];
  /** group.instance.id of a static member: static members sort first (rules.md §2, member ordering). */
  groupInstanceId?: string;
  /** The generation the member's owned partitions come from (stale generations lose their claims). */
  generation?: number;
}

/**
 * Accepts the snake_case spelling of vectors.json members too (member_id, group_instance_id, owned
 * partitions as owned_partitions), so upstream vectors can be passed as they are.
 */
export function normalizeMembers(members: readonly AssignorMember[]): AssignorMember[] {
  return members.map((member) => {
    const raw = member as unknown as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined);
    const memberId = text(raw.memberId) ?? text(raw.member_id) ?? "";
    const groupInstanceId = text(raw.groupInstanceId) ?? text(raw.group_instance_id) ?? text(raw.instanceId);
    const owned = list(raw.owned) ?? list(raw.owned_partitions) ?? list(raw.ownedPartitions);
    const generation = typeof raw.generation === "number" ? raw.generation : undefined;
    return {
      memberId,
      topics: list(raw.topics) ?? [],
      ...(owned ? { owned } : {}),
      ...(groupInstanceId !== undefined ? { groupInstanceId } : {}),
      ...(generation !== undefined ? { generation } : {}),
    };
  });
}

/** memberId → assigned partitions ("topic-N"). Every member is present, even with nothing assigned. */
export type Assignment = Record<string, string[]>;

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export function formatTopicPartition(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** "my-topic-12" → { topic: "my-topic", partition: 12 }; topics may contain dashes, so split at the last. */
export function parseTopicPartition(name: string): TopicPartitionRef | null {
  const dash = name.lastIndexOf("-");
  if (dash <= 0) return null;
  const partition = Number(name.slice(dash + 1));
  if (!Number.isInteger(partition) || partition < 0 || name.slice(dash + 1) === "") return null;
  return { topic: name.slice(0, dash), partition };
}

/**
 * The topics an assignor sees: only subscribed topics that exist with at least one partition, as
 * AbstractPartitionAssignor#assign builds partitionsPerTopic from the cluster metadata.
 */
export function subscribedPartitionCounts(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const member of members) {
    for (const topic of member.topics) {
      const count = Object.prototype.hasOwnProperty.call(partitionsPerTopic, topic) ? partitionsPerTopic[topic] : undefined;
      if (count !== undefined && Number.isInteger(count) && count > 0) counts.set(topic, count);
    }
  }
  return counts;
}

export function emptyAssignment(members: readonly AssignorMember[]): Assignment {
  const assignment: Assignment = {};
  for (const member of members) assignment[member.memberId] = [];
  return assignment;
}

/**
 * Where range and round-robin both start: every member with nothing assigned yet, and the subscribed
 * topics with their partition counts, topics in lexicographic order (Kafka's TreeSet<String>).
 */
export function assignmentStart(
  members: readonly AssignorMember[],
  partitionsPerTopic: Readonly<Record<string, number>>,
): { assignment: Assignment; counts: Map<string, number>; topics: string[] } {
  const counts = subscribedPartitionCounts(members, partitionsPerTopic);
  return { assignment: emptyAssignment(members), counts, topics: [...counts.keys()].sort() };
}
