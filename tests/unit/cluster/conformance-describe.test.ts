// kafka-consumer-groups.sh --describe layouts against vectors.json consumer_groups_describe (rules.md §5),
// and kafka-topics.sh --describe.
import { describe, expect, it } from "vitest";
import {
  renderConsumerGroupMembers,
  renderConsumerGroupOffsets,
  renderConsumerGroupState,
  renderTopicDescribe,
  type GroupDescription,
} from "@/lib/cluster";
import { vectors } from "./vectors";

const section = vectors.consumer_groups_describe;
const longId = "consumer-my-group-1-7b1e0c7e-2c6f-4c39-9a31-1f2d7c0f6a11";

/** The made-up values behind example_rendered. */
const example: GroupDescription = {
  groupId: "my-group",
  state: "Stable",
  members: [
    {
      consumerId: longId,
      host: "/127.0.0.1",
      clientId: "consumer-my-group-1",
      assignment: [
        { topic: "orders", partition: 0 },
        { topic: "orders", partition: 1 },
      ],
    },
  ],
  committed: { "orders-0": 5, "orders-1": 3, "orders-2": null },
  logEndOffsets: { "orders-0": 7, "orders-1": 3, "orders-2": 4 },
};

const checks: Record<string, () => void> = {
  source: () => expect(section.source).toContain("ConsumerGroupCommand"),
  describe_offsets_header: () => {
    const header = renderConsumerGroupOffsets(example).stdout.split("\n")[1]!;
    expect(header.split(/\s+/)).toEqual(section.describe_offsets_header);
  },
  describe_offsets_printf_format: () => {
    // "\n%-Gs %-Ts %-10s %-15s %-15s %-15s %-Cs %-Hs %s", G/T/C/H = max(15, longest value).
    const wide: GroupDescription = {
      groupId: "a-group-name-longer-than-fifteen",
      state: "Stable",
      members: [{ consumerId: "c", host: "/a-rather-long-host-name.example", clientId: "cid", assignment: [{ topic: "t", partition: 0 }] }],
      committed: { "t-0": 1 },
      logEndOffsets: { "t-0": 2 },
    };
    const row = renderConsumerGroupOffsets(wide).stdout.split("\n")[2]!;
    const expected =
      "a-group-name-longer-than-fifteen".padEnd(32) + " " + "t".padEnd(15) + " " + "0".padEnd(10) + " " + "1".padEnd(15) + " " +
      "2".padEnd(15) + " " + "1".padEnd(15) + " " + "c".padEnd(15) + " " + "/a-rather-long-host-name.example" + " " + "cid";
    expect(row).toBe(expected);
    expect(section.describe_offsets_printf_format).toContain("%-10s %-15s %-15s %-15s");
  },
  describe_members_header: () => {
    const out = renderConsumerGroupMembers(example).stdout.split("\n")[1]!;
    expect(out.trim().split(/\s+/)).toEqual(section.describe_members_header);
  },
  describe_members_header_with_static_members: () => {
    const withStatic: GroupDescription = { ...example, members: [{ ...example.members[0]!, groupInstanceId: "instance-1" }] };
    const out = renderConsumerGroupMembers(withStatic).stdout.split("\n")[1]!;
    expect(out.trim().split(/\s+/)).toEqual(section.describe_members_header_with_static_members);
  },
  describe_members_verbose_extra_column: () => {
    const out = renderConsumerGroupMembers(example, { verbose: true }).stdout.split("\n");
    expect(out[1]!.endsWith(section.describe_members_verbose_extra_column)).toBe(true);
    expect(out[2]!.endsWith("(0,1)")).toBe(true);
  },
  describe_state_header: () => {
    const out = renderConsumerGroupState({
      groupId: "my-group",
      state: "Stable",
      coordinator: { host: "localhost", port: 9092, id: 1 },
      assignmentStrategy: "range",
      members: 1,
    }).stdout.split("\n");
    expect(out[1]!.split(/\s{2,}|\s(?=[A-Z#])/).filter(Boolean)).toEqual(section.describe_state_header);
    expect(out[2]).toBe("my-group".padEnd(25) + " " + "localhost:9092  (1)".padEnd(25) + " " + "range".padEnd(20) + " " + "Stable".padEnd(15) + " 1");
  },
  missing_value: () => {
    const rows = renderConsumerGroupOffsets(example).stdout.split("\n");
    expect(rows[4]!.split(/\s+/)).toEqual(["my-group", "orders", "2", section.missing_value, "4", section.missing_value, "-", "-", "-"]);
  },
  version_history: () => {
    const current = section.version_history.find((line) => line.startsWith("2.3.0"))!;
    for (const column of section.describe_offsets_header) expect(current).toContain(column);
    expect(renderConsumerGroupOffsets(example).stdout.split("\n")[1]!.startsWith("GROUP")).toBe(true);
  },
  example_rendered: () => {
    const out = renderConsumerGroupOffsets(example);
    // Every line starts with "\n" and the tool ends with println(): the lines plus a final newline.
    expect(out.stdout).toBe(section.example_rendered.lines.join("\n") + "\n");
    expect(out.stderr).toBe("");
  },
  rules: () => {
    expect(section.rules.length).toBe(4);
    // 1. Rows: bigger assignments first, committed-but-unassigned partitions last with "-" member columns.
    const twoMembers: GroupDescription = {
      groupId: "g",
      state: "Stable",
      members: [
        { consumerId: "small", host: "/h", clientId: "s", assignment: [{ topic: "t", partition: 2 }] },
        { consumerId: "big", host: "/h", clientId: "b", assignment: [{ topic: "t", partition: 0 }, { topic: "t", partition: 1 }] },
        { consumerId: "idle", host: "/h", clientId: "i", assignment: [] },
      ],
      committed: { "t-0": 1, "t-3": 9 },
      logEndOffsets: { "t-0": 1, "t-1": 2, "t-2": 3, "t-3": 9 },
    };
    const rows = renderConsumerGroupOffsets(twoMembers).stdout.split("\n").slice(2, -1).map((line) => line.split(/\s+/));
    // (Within a member the tool's HashMap decides the order, so compare the "big" block as a set.)
    expect(rows.map((r) => r[6])).toEqual(["big", "big", "small", "-"]);
    expect(rows.slice(0, 2).map((r) => r[2]).sort()).toEqual(["0", "1"]);
    expect(rows.slice(2).map((r) => r[2])).toEqual(["2", "3"]);
    expect(rows.some((r) => r[6] === "idle")).toBe(false);
    // 2. LAG = LOG-END-OFFSET - CURRENT-OFFSET, "-" without a commit.
    const byPartition = (p: string) => rows.find((r) => r[2] === p)!;
    expect(byPartition("0").slice(3, 6)).toEqual(["1", "1", "0"]);
    expect(byPartition("1").slice(3, 6)).toEqual(["-", "2", "-"]);
    // 3. Messages by state.
    const empty = renderConsumerGroupOffsets({ ...twoMembers, state: "Empty", members: [] });
    expect(empty.stderr).toBe("\nConsumer group 'g' has no active members.\n");
    expect(empty.stdout.split("\n")[1]!.startsWith("GROUP")).toBe(true);
    expect(renderConsumerGroupOffsets({ ...twoMembers, state: "PreparingRebalance" }).stderr).toBe("\nWarning: Consumer group 'g' is rebalancing.\n");
    expect(renderConsumerGroupOffsets({ ...twoMembers, state: "Dead" }).stdout).toBe("\nError: Consumer group 'g' does not exist.\n");
    expect(renderConsumerGroupOffsets(null, "nope").stdout).toBe("\nError: The consumer group 'nope' does not exist.\n");
    // 4. The ASSIGNMENT column format differs by version.
    const member: GroupDescription = { ...twoMembers, members: [{ consumerId: "m", host: "/h", clientId: "c", assignment: [{ topic: "topic1", partition: 0 }, { topic: "topic2", partition: 1 }, { topic: "topic2", partition: 0 }] }] };
    const assignment = (style: "scala-3.7" | "java-3.9" | "kip-1043-4.x") => renderConsumerGroupMembers(member, { verbose: true, assignmentStyle: style }).stdout.split("\n")[2]!;
    expect(assignment("scala-3.7").endsWith("topic1(0), topic2(0,1)")).toBe(true);
    expect(assignment("java-3.9").endsWith("(0), (0,1)")).toBe(true);
    expect(assignment("kip-1043-4.x")).toContain("topic2:0,1");
  },
  docs_sample_note: () => {
    // The docs sample lacks GROUP; the code (and so the simulator) prints it first.
    expect(section.docs_sample_note).toContain("stale");
    expect(renderConsumerGroupOffsets(example).stdout.split("\n")[1]!.split(/\s+/)[0]).toBe("GROUP");
  },
};

describe("kafka-consumer-groups.sh --describe — vectors.json consumer_groups_describe", () => {
  const keys = Object.keys(section);
  let ran = 0;
  it.each(keys)("%s", (key) => {
    expect(checks[key], `no check for ${key}`).toBeDefined();
    checks[key]!();
    ran++;
  });
  it("checked every entry of the section", () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(ran).toBe(keys.length);
  });
});

describe("kafka-consumer-groups.sh --describe --members", () => {
  it("pads every column, #PARTITIONS included, so lines end in spaces (printMembers)", () => {
    const out = renderConsumerGroupMembers(example).stdout;
    expect(out).toBe(
      "\n" +
        ["GROUP".padEnd(15), "CONSUMER-ID".padEnd(longId.length), "HOST".padEnd(15), "CLIENT-ID".padEnd(19), "#PARTITIONS".padEnd(15)].join(" ") + " \n" +
        ["my-group".padEnd(15), longId, "/127.0.0.1".padEnd(15), "consumer-my-group-1", "2".padEnd(15)].join(" ") + " \n",
    );
  });
  it("prints the header even for a group that does not exist (Java tool at the snapshot)", () => {
    const out = renderConsumerGroupMembers(null, { groupId: "nope" });
    expect(out.stdout).toBe(
      "\nError: The consumer group 'nope' does not exist.\n\n" + ["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"].map((c) => c.padEnd(15)).join(" ") + " \n",
    );
  });
});

describe("kafka-consumer-groups.sh row order", () => {
  it("follows the HashMap the tool builds for log end offsets, not plain partition order", () => {
    const partitions = Array.from({ length: 6 }, (_, partition) => ({ topic: "payments", partition }));
    const out = renderConsumerGroupOffsets({
      groupId: "g",
      state: "Stable",
      members: [{ consumerId: "m", host: "/h", clientId: "c", assignment: partitions }],
      committed: {},
      logEndOffsets: Object.fromEntries(partitions.map((p) => [`payments-${p.partition}`, 0])),
    });
    const order = out.stdout.split("\n").slice(2, -1).map((line) => line.split(/\s+/)[2]);
    // TopicPartition hashes put payments-4 in the lowest bucket of a 16-slot HashMap.
    expect(order).toEqual(["4", "3", "5", "0", "2", "1"]);
  });
});

describe("kafka-topics.sh --describe", () => {
  const topic = {
    topic: "orders",
    topicId: "4Dm2nXyHRpSFz5uX8dGZ1A",
    configs: [["min.insync.replicas", "2"]] as [string, string][],
    partitions: [
      { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] },
      { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2] },
      { partition: 2, leader: -1, replicas: [3, 1, 2], isr: [3] },
    ],
  };
  it("prints the tab-separated layout of TopicCommand (3.8+, Elr lists empty)", () => {
    expect(renderTopicDescribe([topic])).toBe(
      "Topic: orders\tTopicId: 4Dm2nXyHRpSFz5uX8dGZ1A\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n" +
        "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2\tElr: \tLastKnownElr: \n" +
        "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: \tLastKnownElr: \n" +
        "\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: 3\tElr: \tLastKnownElr: \n",
    );
  });
  it("can print the 3.7 (Elr: N/A) and pre-3.7 layouts", () => {
    expect(renderTopicDescribe([topic], { elr: "n/a" })).toContain("\tIsr: 1,2\tElr: N/A\tLastKnownElr: N/A\n");
    expect(renderTopicDescribe([topic], { elr: "omit" })).toContain("\tIsr: 1,2\n");
  });
});
