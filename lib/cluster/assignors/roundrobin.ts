// RoundRobinAssignor (rules.md §2, RoundRobinAssignor): every partition of every subscribed topic, topics
// in lexicographic order, dealt around the sorted members; members not subscribed to a partition's
// topic are skipped. With different subscriptions the result can be unbalanced, as in Kafka.
import { sortMembers } from "./member-order";
import { assignmentStart, formatTopicPartition, type Assignment, type AssignorMember } from "./types";

export function assignRoundRobin(members: readonly AssignorMember[], partitionsPerTopic: Readonly<Record<string, number>>): Assignment {
  const { assignment, counts, topics } = assignmentStart(members, partitionsPerTopic);
  const sorted = sortMembers(members);
  if (sorted.length === 0) return assignment;

  let cursor = 0; // CircularIterator over the sorted members
  for (const topic of topics) {
    for (let partition = 0; partition < counts.get(topic)!; partition++) {
      while (!sorted[cursor % sorted.length]!.topics.includes(topic)) cursor++;
      const member = sorted[cursor % sorted.length]!;
      cursor++;
      assignment[member.memberId]!.push(formatTopicPartition(topic, partition));
    }
  }
  return assignment;
}
