// Range, round-robin and cooperative-sticky against vectors.json and Kafka's own assignor tests
// (rules.md §2).
import { describe, expect, it } from "vitest";
import { assignPartitions, cooperativeStickyRound, cooperativeStickyRounds, sortMembers, type AssignorMember } from "@/lib/cluster";
import { vectors, type AssignorCase } from "./vectors";

function membersOf(testCase: AssignorCase): AssignorMember[] {
  return testCase.members.map((member) => ({
    memberId: member.member_id,
    topics: member.topics,
    ...(member.group_instance_id ? { groupInstanceId: member.group_instance_id } : {}),
  }));
}

const sorted = (assignment: Record<string, string[]>) => Object.fromEntries(Object.entries(assignment).map(([k, v]) => [k, [...v].sort()]));

describe("RangeAssignor — vectors.json range_assignor", () => {
  const cases = vectors.range_assignor.cases;
  let ran = 0;
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    const result = assignPartitions("range", membersOf(testCase), testCase.partitions);
    // Kafka's tests compare each member's partitions as a set.
    expect(sorted(result)).toEqual(sorted(testCase.expected));
    ran++;
  });
  it("ran every case in the file", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(ran).toBe(cases.length);
  });
});

describe("RoundRobinAssignor — vectors.json roundrobin_assignor", () => {
  const cases = vectors.roundrobin_assignor.cases;
  let ran = 0;
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    // Kafka's tests assert exact list order here.
    expect(assignPartitions("roundrobin", membersOf(testCase), testCase.partitions)).toEqual(testCase.expected);
    ran++;
  });
  it("ran every case in the file", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(ran).toBe(cases.length);
  });
});

describe("member ordering (AbstractPartitionAssignor.MemberInfo)", () => {
  it("puts static members first by instance id, then member ids by UTF-16 code units", () => {
    const members: AssignorMember[] = [
      { memberId: "consumer-2", topics: [] },
      { memberId: "consumer-10", topics: [] },
      { memberId: "a", topics: [] },
      { memberId: "B", topics: [] },
      { memberId: "zz", topics: [], groupInstanceId: "instance-b" },
      { memberId: "yy", topics: [], groupInstanceId: "instance-a" },
    ];
    expect(sortMembers(members).map((m) => m.memberId)).toEqual(["yy", "zz", "B", "a", "consumer-10", "consumer-2"]);
  });

  it("range gives the extra partitions to consumer-10 before consumer-2", () => {
    const members = [
      { memberId: "consumer-2", topics: ["t"] },
      { memberId: "consumer-10", topics: ["t"] },
    ];
    expect(assignPartitions("range", members, { t: 3 })).toEqual({ "consumer-2": ["t-2"], "consumer-10": ["t-0", "t-1"] });
  });

  it("every member is present in the result, even with nothing to assign", () => {
    for (const strategy of ["range", "roundrobin", "cooperative-sticky"] as const) {
      const result = assignPartitions(strategy, [{ memberId: "a", topics: ["missing"] }, { memberId: "b", topics: [] }], {});
      expect(result).toEqual({ a: [], b: [] });
    }
  });
});

/**
 * Exact answers from apache/kafka AbstractStickyAssignorTest / CooperativeStickyAssignorTest (the
 * CooperativeStickyAssignor subclass): the sticky assignment before the cooperative adjustment, the
 * partitions transferring ownership, and the converged result.
 */
describe("CooperativeStickyAssignor — Kafka's sticky assignor tests", () => {
  const gen = (memberId: string, topics: string[], owned: string[] = []): AssignorMember => ({ memberId, topics, owned, generation: 1 });

  it("testTwoConsumersTwoTopicsSixPartitions", () => {
    const round = cooperativeStickyRound(
      [{ memberId: "consumer1", topics: ["topic1", "topic2"] }, { memberId: "consumer2", topics: ["topic1", "topic2"] }],
      { topic1: 3, topic2: 3 },
    );
    expect(round.assignment).toEqual({ consumer1: ["topic1-0", "topic1-2", "topic2-1"], consumer2: ["topic1-1", "topic2-0", "topic2-2"] });
    expect(round.transferring).toEqual({});
  });

  it("testMultipleConsumersMixedTopicSubscriptions (general assignment)", () => {
    const round = cooperativeStickyRound(
      [
        { memberId: "consumer1", topics: ["topic1"] },
        { memberId: "consumer2", topics: ["topic1", "topic2"] },
        { memberId: "consumer3", topics: ["topic1"] },
      ],
      { topic1: 3, topic2: 2 },
    );
    expect(round.assignment).toEqual({ consumer1: ["topic1-0", "topic1-2"], consumer2: ["topic2-0", "topic2-1"], consumer3: ["topic1-1"] });
  });

  it("testConsumerOwningMinQuotaExpectedMaxQuota", () => {
    const round = cooperativeStickyRound(
      [gen("consumer1", ["topic1", "topic2"], ["topic1-0", "topic2-1"]), gen("consumer2", ["topic1", "topic2"], ["topic1-1", "topic2-2"])],
      { topic1: 2, topic2: 3 },
    );
    expect(round.assignment).toEqual({ consumer1: ["topic1-0", "topic2-1", "topic2-0"], consumer2: ["topic1-1", "topic2-2"] });
    expect(round.transferring).toEqual({});
  });

  it("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (HashMap order decides who keeps two)", () => {
    const members = [
      gen("consumer1", ["topic1", "topic2"], ["topic1-0", "topic2-0"]),
      gen("consumer2", ["topic1", "topic2"], ["topic1-1", "topic2-1"]),
      gen("consumer3", ["topic1", "topic2"], []),
    ];
    const round = cooperativeStickyRound(members, { topic1: 2, topic2: 2 });
    expect(round.transferring).toEqual({ "topic2-0": "consumer3" });
    expect(round.assignment.consumer3).toEqual([]);
    expect(assignPartitions("cooperative-sticky", members, { topic1: 2, topic2: 2 })).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1", "topic2-1"],
      consumer3: ["topic2-0"],
    });
  });

  it("testAllConsumersAreUnderMinQuota", () => {
    const members = [
      gen("consumer1", ["topic1", "topic2"], ["topic1-0"]),
      gen("consumer2", ["topic1", "topic2"], ["topic1-1"]),
      gen("consumer3", ["topic1", "topic2"], []),
    ];
    expect(assignPartitions("cooperative-sticky", members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-2"],
      consumer3: ["topic2-0"],
    });
  });

  it("testAddRemoveConsumerOneTopic: the joiner gets nothing in round 1 and topic-2 in round 2", () => {
    const outcome = cooperativeStickyRounds(
      [{ memberId: "consumer1", topics: ["topic"], owned: ["topic-0", "topic-1", "topic-2"] }, { memberId: "consumer2", topics: ["topic"] }],
      { topic: 3 },
    );
    expect(outcome.rounds[0]!.assignment).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: [] });
    expect(outcome.rounds[0]!.revoked).toEqual({ consumer1: ["topic-2"], consumer2: [] });
    expect(outcome.final).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
    expect(outcome.rounds).toHaveLength(2);
  });

  it("testAddRemoveTwoConsumersTwoTopics", () => {
    const first = cooperativeStickyRound(
      [{ memberId: "consumer1", topics: ["topic1", "topic2"] }, { memberId: "consumer2", topics: ["topic1", "topic2"] }],
      { topic1: 3, topic2: 4 },
    );
    expect(first.assignment).toEqual({
      consumer1: ["topic1-0", "topic1-2", "topic2-1", "topic2-3"],
      consumer2: ["topic1-1", "topic2-0", "topic2-2"],
    });
    const members = [
      gen("consumer1", ["topic1", "topic2"], first.assignment.consumer1),
      gen("consumer2", ["topic1", "topic2"], first.assignment.consumer2),
      gen("consumer3", ["topic1", "topic2"]),
      gen("consumer4", ["topic1", "topic2"]),
    ];
    const second = cooperativeStickyRound(members, { topic1: 3, topic2: 4 });
    expect(second.transferring).toEqual({ "topic1-2": "consumer3", "topic2-3": "consumer3", "topic2-2": "consumer4" });
    expect(assignPartitions("cooperative-sticky", members, { topic1: 3, topic2: 4 })).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic2-0", "topic1-1"],
      consumer3: ["topic1-2", "topic2-3"],
      consumer4: ["topic2-2"],
    });
  });

  it("testPoorRoundRobinAssignmentScenario gives the javadoc's sticky answer", () => {
    const all = ["topic1", "topic2", "topic3", "topic4", "topic5"];
    const odd = ["topic1", "topic3", "topic5"];
    const result = assignPartitions(
      "cooperative-sticky",
      [
        { memberId: "consumer1", topics: all },
        { memberId: "consumer2", topics: odd },
        { memberId: "consumer3", topics: odd },
        { memberId: "consumer4", topics: all },
      ],
      { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 },
    );
    expect(sorted(result)).toEqual({
      consumer1: ["topic2-0", "topic3-0"],
      consumer2: ["topic1-0", "topic3-1"],
      consumer3: ["topic1-1", "topic5-0"],
      consumer4: ["topic4-0", "topic5-1"],
    });
  });

  it("ignores owned partitions of topics that no longer exist (testOnlyAssignsPartitionsFromSubscribedTopics)", () => {
    const result = assignPartitions(
      "cooperative-sticky",
      [gen("consumer", ["topic"], ["topic-0", "topic-1", "other-0", "other-1"])],
      { topic: 2 },
    );
    expect(result).toEqual({ consumer: ["topic-0", "topic-1"] });
  });
});

describe("assignPartitions accepts vectors.json members as they are", () => {
  it("reads member_id and group_instance_id", () => {
    const testCase = vectors.range_assignor.cases.find((c) => c.name === "testTwoStaticConsumersTwoTopicsSixPartitions")!;
    const raw = testCase.members as unknown as AssignorMember[];
    expect(sorted(assignPartitions("range", raw, testCase.partitions))).toEqual(sorted(testCase.expected));
  });
});
