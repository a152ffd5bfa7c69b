// The mini-cluster scenarios a question can link to (`demo:` in its frontmatter). Each id is a
// page at /demos/<id>; the simulation behind it lives in lib/cluster.
export const DEMO_SCENARIOS = [
  { id: "cluster-tour", title: "A tour of a three-broker cluster", summary: "Brokers, topics, partitions, leaders and followers, and how a record travels from producer to consumer." },
  { id: "key-partitioning", title: "Keys, partitions and ordering", summary: "Watch murmur2 send every record with the same key to the same partition, and what adding partitions does to that mapping." },
  { id: "consumer-group-scaling", title: "Scaling a consumer group", summary: "Add consumers one by one until the group hits the partition ceiling and the extra consumer sits idle." },
  { id: "rebalance-assignors", title: "Rebalances: range, round-robin, cooperative-sticky", summary: "Compare how each assignor hands out partitions when members join and leave, including the two-round cooperative handover." },
  { id: "offsets-and-commits", title: "Offsets, commits and replay", summary: "Crash a consumer with auto-commit and with manual commit and see which records are lost or read twice; seek back to replay." },
  { id: "retention-replay", title: "Retention and replaying history", summary: "Records stay after they are read; a new consumer group replays from the beginning or from a timestamp until retention deletes old segments." },
  { id: "acks-durability", title: "acks=0, 1 and all under a broker crash", summary: "Crash the leader right after an acknowledgement and find out which settings lose acknowledged records." },
  { id: "min-isr", title: "min.insync.replicas and NotEnoughReplicas", summary: "Stop brokers under acks=all with min.insync.replicas=2 and watch writes fail safely instead of losing data." },
  { id: "leader-election", title: "ISR, high watermark and leader election", summary: "Lag a follower out of the ISR, fail the leader, and compare clean election with unclean election and its truncation." },
  { id: "idempotent-producer", title: "Idempotent producer retries", summary: "Drop an acknowledgement, let the producer retry, and see the broker discard the duplicate by sequence number." },
  { id: "transactions-eos", title: "Transactions and read_committed", summary: "Run a read-process-write loop in a transaction, abort one, and see what read_committed and read_uncommitted consumers get." },
  { id: "consumer-lag", title: "Diagnosing consumer lag", summary: "Skew traffic onto one hot key and find the lagging partition with a kafka-consumer-groups style view." },
  { id: "time-windows", title: "Tumbling and hopping windows", summary: "Aggregate by event time in fixed windows and see which windows each record lands in." },
  { id: "session-windows", title: "Session windows", summary: "Group bursts of activity per key into sessions that merge when a record bridges the gap." },
  { id: "late-data-grace", title: "Late records and grace periods", summary: "Send out-of-order records and watch stream time, grace and window close decide what is counted and what is dropped." },
] as const;

export type DemoScenarioId = (typeof DEMO_SCENARIOS)[number]["id"];
export const DEMO_SCENARIO_IDS = DEMO_SCENARIOS.map((scenario) => scenario.id) as [DemoScenarioId, ...DemoScenarioId[]];

export function demoScenarioById(id: string) {
  return DEMO_SCENARIOS.find((scenario) => scenario.id === id);
}
