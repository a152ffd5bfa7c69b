// `kafka-consumer-groups.sh --describe --group G` (offsets view) and `--members`, byte for byte as
// ConsumerGroupCommand prints them (rules.md §5; vectors.json consumer_groups_describe). The input is a
// plain description so the renderer works on the simulator's state and on hand-written fixtures alike.
import { javaHashMapCapacity, javaHashOrder, javaTopicPartitionHash } from "../hash/java-collections";
import { formatColumns } from "./printf";

/** The group states the tool distinguishes (GroupState at the snapshot). */
export type DescribedGroupState =
  | "Stable"
  | "Empty"
  | "PreparingRebalance"
  | "CompletingRebalance"
  | "Assigning"
  | "Reconciling"
  | "Dead";

export interface DescribedMember {
  consumerId: string;
  /** As the broker reports it, e.g. "/127.0.0.1". */
  host: string;
  clientId: string;
  groupInstanceId?: string;
  assignment: { topic: string; partition: number }[];
}

export interface GroupDescription {
  groupId: string;
  state: DescribedGroupState;
  members: DescribedMember[];
  /**
   * Committed offsets of the group ("topic-N" → offset). null: the coordinator listed the partition
   * without an offset (the tool prints "-" for CURRENT-OFFSET and LAG).
   */
  committed: Record<string, number | null>;
  /**
   * What the tool prints as LOG-END-OFFSET: the answer to ListOffsets(latest) with the admin client's
   * default read_uncommitted isolation, i.e. the high watermark. Missing when the partition has no leader.
   */
  logEndOffsets: Record<string, number | undefined>;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const MISSING = "-"; // MISSING_COLUMN_VALUE

function tpName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/**
 * shouldPrintMemberState: the messages the tool prints for a group's state, and whether the table
 * follows (not for a dead group, and not when there is nothing to print).
 */
function stateMessages(groupId: string | null, description: { groupId: string; state: DescribedGroupState } | null, rows: number) {
  if (description === null) {
    // Not found at all: printError("The consumer group 'G' does not exist.").
    return { stdout: `\nError: The consumer group '${groupId}' does not exist.\n`, stderr: "", printTable: false };
  }
  const id = description.groupId;
  switch (description.state) {
    case "Dead":
      return { stdout: `\nError: Consumer group '${id}' does not exist.\n`, stderr: "", printTable: false };
    case "Empty":
      return { stdout: "", stderr: `\nConsumer group '${id}' has no active members.\n`, printTable: rows > 0 };
    case "PreparingRebalance":
    case "CompletingRebalance":
    case "Assigning":
    case "Reconciling":
      return { stdout: "", stderr: `\nWarning: Consumer group '${id}' is rebalancing.\n`, printTable: rows > 0 };
    case "Stable":
      return { stdout: "", stderr: "", printTable: rows > 0 };
  }
}

interface OffsetRow {
  group: string;
  topic: string;
  partition: string;
  currentOffset: string;
  logEndOffset: string;
  lag: string;
  consumerId: string;
  host: string;
  clientId: string;
}

/**
 * The rows in the order the tool prints them (collectGroupsOffsets): members with partitions, largest
 * assignment first; then committed partitions nobody is assigned, with "-" for the member columns.
 * Within each block the tool sorts by partition number, but then looks up the log end offsets with
 * Collectors.toMap, and the rows come out in that HashMap's iteration order — which is why real
 * output is often not sorted. We reproduce that order.
 */
function offsetRows(description: GroupDescription): OffsetRow[] {
  const row = (topic: string, partition: number, member: DescribedMember | null): OffsetRow => {
    const name = tpName(topic, partition);
    const committedValue = description.committed[name];
    // getLag: no committed offset (or -1) means "-".
    const committed = committedValue === null || committedValue === undefined || committedValue === -1 ? undefined : committedValue;
    const logEnd = description.logEndOffsets[name];
    const lag = committed !== undefined && logEnd !== undefined ? String(logEnd - committed) : MISSING;
    return {
      group: description.groupId,
      topic,
      partition: String(partition),
      currentOffset: committed !== undefined ? String(committed) : MISSING,
      logEndOffset: logEnd !== undefined ? String(logEnd) : MISSING,
      lag,
      consumerId: member?.consumerId ?? MISSING,
      host: member?.host ?? MISSING,
      clientId: member?.clientId ?? MISSING,
    };
  };
  const inToolOrder = (partitions: { topic: string; partition: number }[]) => {
    const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
    return javaHashOrder(sorted, (tp) => javaTopicPartitionHash(tp.topic, tp.partition), javaHashMapCapacity(sorted.length));
  };

  const withPartitions = description.members
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => member.assignment.length > 0)
    // Java's List.sort is stable: equal sizes keep the order the coordinator listed the members in.
    .sort((a, b) => b.member.assignment.length - a.member.assignment.length || a.index - b.index);

  const rows: OffsetRow[] = [];
  const assigned = new Set<string>();
  for (const { member } of withPartitions) {
    for (const tp of member.assignment) assigned.add(tpName(tp.topic, tp.partition));
    for (const tp of inToolOrder(member.assignment)) rows.push(row(tp.topic, tp.partition, member));
  }
  const unassigned = Object.keys(description.committed)
    .filter((name) => !assigned.has(name))
    .map((name) => {
      const dash = name.lastIndexOf("-");
      return { topic: name.slice(0, dash), partition: Number(name.slice(dash + 1)) };
    });
  for (const tp of inToolOrder(unassigned)) rows.push(row(tp.topic, tp.partition, null));
  return rows;
}

/** The default describe view (same as --offsets). */
export function renderConsumerGroupOffsets(description: GroupDescription | null, groupId?: string): ToolOutput {
  const rows = description ? offsetRows(description) : [];
  const status = stateMessages(groupId ?? description?.groupId ?? "", description, rows.length);
  if (!status.printTable) return { stdout: status.stdout, stderr: status.stderr };

  // printOffsetFormat: "\n%-Gs %-Ts %-10s %-15s %-15s %-15s %-Cs %-Hs %s", G/T/C/H = max(15, longest value).
  const width = (pick: (row: OffsetRow) => string) => Math.max(15, ...rows.map((r) => pick(r).length));
  const widths = [width((r) => r.group), width((r) => r.topic), 10, 15, 15, 15, width((r) => r.consumerId), width((r) => r.host), null];
  const line = (values: string[]) => "\n" + formatColumns(values, widths);

  let stdout = line(["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"]);
  for (const r of rows) {
    stdout += line([r.group, r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag, r.consumerId, r.host, r.clientId]);
  }
  return { stdout: stdout + "\n", stderr: status.stderr };
}

/** How `--members --verbose` prints a member's ASSIGNMENT; it changed between versions (rules.md §5). */
export type AssignmentColumnStyle = "scala-3.7" | "java-3.9" | "kip-1043-4.x";

function formatAssignment(assignment: DescribedMember["assignment"], style: AssignmentColumnStyle): string {
  if (assignment.length === 0) return MISSING;
  const byTopic = new Map<string, number[]>();
  for (const tp of assignment) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  const topics = [...byTopic.keys()].sort();
  const numeric = (topic: string) => [...byTopic.get(topic)!].sort((a, b) => a - b).join(",");
  switch (style) {
    case "scala-3.7":
      return topics.map((topic) => `${topic}(${numeric(topic)})`).join(", ");
    case "java-3.9":
      // The Java port drops the topic names and sorts partition numbers (and the groups) as strings.
      return topics
        .map((topic) => `(${byTopic.get(topic)!.map(String).sort().join(",")})`)
        .sort()
        .join(", ");
    case "kip-1043-4.x":
      return topics.map((topic) => `${topic}:${numeric(topic)}`).join(";");
  }
}

/**
 * `--describe --members`: GROUP CONSUMER-ID [GROUP-INSTANCE-ID] HOST CLIENT-ID #PARTITIONS, the instance
 * column only when some member is static. Every column is padded, #PARTITIONS included ("%-15s "), so
 * each line ends in spaces. As in the Java tool at the snapshot, the header is printed even after a
 * "does not exist" / "no active members" message (only the width computation depends on it).
 */
export function renderConsumerGroupMembers(
  description: GroupDescription | null,
  options: { groupId?: string; verbose?: boolean; assignmentStyle?: AssignmentColumnStyle } = {},
): ToolOutput {
  const members = description?.members ?? [];
  const status = stateMessages(options.groupId ?? description?.groupId ?? "", description, members.length);
  const groupId = description?.groupId ?? options.groupId ?? "";

  let groupWidth = 15;
  let consumerWidth = 15;
  let instanceWidth = 17;
  let hostWidth = 15;
  let clientWidth = 15;
  let includeInstanceId = false;
  if (status.printTable) {
    for (const m of members) {
      groupWidth = Math.max(groupWidth, groupId.length);
      consumerWidth = Math.max(consumerWidth, m.consumerId.length);
      instanceWidth = Math.max(instanceWidth, (m.groupInstanceId ?? "").length);
      hostWidth = Math.max(hostWidth, m.host.length);
      clientWidth = Math.max(clientWidth, m.clientId.length);
      includeInstanceId ||= (m.groupInstanceId ?? "") !== "";
    }
  }
  const widths = includeInstanceId
    ? [groupWidth, consumerWidth, instanceWidth, hostWidth, clientWidth, 15]
    : [groupWidth, consumerWidth, hostWidth, clientWidth, 15];
  const format = (values: string[]) => formatColumns(values, widths) + " ";

  const header = includeInstanceId
    ? ["GROUP", "CONSUMER-ID", "GROUP-INSTANCE-ID", "HOST", "CLIENT-ID", "#PARTITIONS"]
    : ["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"];
  let stdout = status.stdout + "\n" + format(header) + (options.verbose ? "ASSIGNMENT" : "") + "\n";
  for (const m of members) {
    const values = includeInstanceId
      ? [groupId, m.consumerId, m.groupInstanceId ?? "", m.host, m.clientId, String(m.assignment.length)]
      : [groupId, m.consumerId, m.host, m.clientId, String(m.assignment.length)];
    const assignment = options.verbose ? formatAssignment(m.assignment, options.assignmentStyle ?? "java-3.9") : "";
    stdout += format(values) + assignment + "\n";
  }
  return { stdout, stderr: status.stderr };
}

export interface GroupStateDescription {
  groupId: string;
  state: DescribedGroupState;
  coordinator: { host: string; port: number; id: number };
  /** The protocol name of the group's assignor ("range", "roundrobin", "cooperative-sticky"), "" if none. */
  assignmentStrategy: string;
  members: number;
}

/**
 * `--describe --state`: printStates. The format is "\n%-Ns %-25s %-20s %-15s %s" where N is
 * max(25, length of "host:port  (id)") — in the tool that width pads the GROUP column, while the
 * COORDINATOR (ID) column is fixed at 25, and we keep that quirk.
 */
export function renderConsumerGroupState(description: GroupStateDescription | null, groupId?: string): ToolOutput {
  const id = description?.groupId ?? groupId ?? "";
  if (description === null || description.state === "Dead") {
    return { stdout: `\nError: Consumer group '${id}' does not exist.\n`, stderr: "" };
  }
  const status = stateMessages(id, description, 1);
  const coordinator = `${description.coordinator.host}:${description.coordinator.port}  (${description.coordinator.id})`;
  const widths = [Math.max(25, coordinator.length), 25, 20, 15, null];
  const line = (values: string[]) => "\n" + formatColumns(values, widths);
  const stdout =
    line(["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"]) +
    line([id, coordinator, description.assignmentStrategy, description.state, String(description.members)]) +
    "\n";
  return { stdout, stderr: status.stderr };
}
