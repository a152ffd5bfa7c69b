// `kafka-topics.sh --describe`, as TopicCommand prints it: one tab-separated topic line, then one line
// per partition sorted by partition number. "Leader: none" for an offline partition. Kafka 3.7+ adds
// Elr/LastKnownElr (KIP-966): "Elr: N/A" when the cluster does not report them, an empty list when it
// does (3.8+ describes through DescribeTopicPartitions); the layout before 3.7 has neither field.

export interface DescribedPartition {
  partition: number;
  /** -1 (or null) when the partition has no leader. */
  leader: number | null;
  replicas: number[];
  isr: number[];
}

export interface TopicDescriptionInput {
  topic: string;
  /** Kafka's base64url Uuid; the line omits it when it is the zero Uuid (AAAAAAAAAAAAAAAAAAAAAA). */
  topicId: string;
  /** Non-default configs in the order the broker returned them, printed as name=value joined by ",". */
  configs: [name: string, value: string][];
  partitions: DescribedPartition[];
}

export type ElrStyle = "empty" | "n/a" | "omit";

const ZERO_UUID = "AAAAAAAAAAAAAAAAAAAAAA";

export function renderTopicDescribe(topics: readonly TopicDescriptionInput[], options: { elr?: ElrStyle } = {}): string {
  const elr = options.elr ?? "empty";
  let out = "";
  for (const topic of topics) {
    const replicationFactor = topic.partitions[0]?.replicas.length ?? 0;
    out += `Topic: ${topic.topic}`;
    if (topic.topicId !== ZERO_UUID) out += `\tTopicId: ${topic.topicId}`;
    out += `\tPartitionCount: ${topic.partitions.length}`;
    out += `\tReplicationFactor: ${replicationFactor}`;
    out += `\tConfigs: ${topic.configs.map(([name, value]) => `${name}=${value}`).join(",")}`;
    out += "\n";
    for (const p of [...topic.partitions].sort((a, b) => a.partition - b.partition)) {
      const leader = p.leader === null || p.leader < 0 ? "none" : String(p.leader);
      out += `\tTopic: ${topic.topic}\tPartition: ${p.partition}\tLeader: ${leader}`;
      out += `\tReplicas: ${p.replicas.join(",")}\tIsr: ${p.isr.join(",")}`;
      if (elr === "empty") out += "\tElr: \tLastKnownElr: ";
      else if (elr === "n/a") out += "\tElr: N/A\tLastKnownElr: N/A";
      out += "\n";
    }
  }
  return out;
}
