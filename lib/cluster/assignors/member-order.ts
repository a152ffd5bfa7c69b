// AbstractPartitionAssignor.MemberInfo#compareTo (rules.md §2, member ordering): static members
// (with group.instance.id) first, ordered by instance id; then dynamic members by member.id. Both use
// Java String#compareTo, i.e. UTF-16 code units, so "consumer-10" sorts before "consumer-2".
import { compareJavaStrings } from "../hash/java-collections";
import type { AssignorMember } from "./types";

export function compareMembers(a: AssignorMember, b: AssignorMember): number {
  const aStatic = a.groupInstanceId !== undefined;
  const bStatic = b.groupInstanceId !== undefined;
  if (aStatic && bStatic) return compareJavaStrings(a.groupInstanceId!, b.groupInstanceId!);
  if (aStatic) return -1;
  if (bStatic) return 1;
  return compareJavaStrings(a.memberId, b.memberId);
}

export function sortMembers<T extends AssignorMember>(members: readonly T[]): T[] {
  return [...members].sort(compareMembers);
}
