// RangeAssignor (rules.md §2, RangeAssignor): per topic, the subscribed members in MemberInfo order each
// take a contiguous range; the first `n % c` members get one extra. Topics are ranged independently,
// which is why skew piles up on the first members.
import { sortMembers } from "./member-order";
import { assignmentStart, formatTopicPartition, type Assignment, type AssignorMember } from "./types";

export function assignRange(members: readonly AssignorMember[], partitionsPerTopic: Readonly<Record<string, number>>): Assignment {
  const { assignment, counts, topics } = assignmentStart(members, partitionsPerTopic);

  for (const topic of topics) {
    const partitionCount = counts.get(topic)!;
    const subscribers = sortMembers(members.filter((member) => member.topics.includes(topic)));
    const perMember = Math.floor(partitionCount / subscribers.length);
    const withExtra = partitionCount % subscribers.length;

    subscribers.forEach((member, index) => {
      const start = perMember * index + Math.min(index, withExtra);
      const length = perMember + (index < withExtra ? 1 : 0);
      for (let partition = start; partition < start + length; partition++) {
        assignment[member.memberId]!.push(formatTopicPartition(topic, partition));
      }
    });
  }
  return assignment;
}
