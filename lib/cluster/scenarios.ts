// One scripted demo per scenario id in lib/demos/catalog.ts: a cluster config, a seed, and a short list
// of captioned steps. The demo page plays them one by one; tests/unit/cluster/scenarios.test.ts runs
// every preset on its seed and checks that what each caption claims really happens.
import { DEMO_SCENARIOS, type DemoScenarioId } from "../demos/catalog";
import type { ClusterAction } from "./sim/actions";
import { createCluster, step } from "./sim/reducer";
import type { ClusterConfig, ClusterState } from "./sim/types";

export interface ScenarioStep {
  /** What the learner should notice after this step. */
  caption: string;
  action: ClusterAction;
}

export interface Scenario {
  id: DemoScenarioId;
  title: string;
  seed: string;
  config: Partial<ClusterConfig>;
  steps: ScenarioStep[];
}

export interface ScenarioRun {
  scenario: Scenario;
  /** states[0] is the initial cluster; states[i + 1] is the state after steps[i]. */
  states: ClusterState[];
  final: ClusterState;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function titleOf(id: DemoScenarioId): string {
  return DEMO_SCENARIOS.find((scenario) => scenario.id === id)!.title;
}

const tour: Scenario = {
  id: "cluster-tour",
  title: titleOf("cluster-tour"),
  seed: "cluster-tour",
  config: { brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 3 }] },
  steps: [
    {
      caption: "Three brokers, one topic with three partitions. Each partition has a leader and two followers on the other brokers.",
      action: { type: "createProducer", producer: "checkout", config: { acks: "all" } },
    },
    {
      caption: "The producer hashes each key with murmur2 to pick a partition and sends the record to that partition's leader.",
      action: {
        type: "produce",
        producer: "checkout",
        topic: "orders",
        records: [
          { key: "customer-1", value: "order #1" },
          { key: "customer-2", value: "order #2" },
          { key: "customer-3", value: "order #3" },
          { key: "customer-1", value: "order #4" },
        ],
      },
    },
    {
      caption: "Followers fetch from their leaders; once every in-sync replica has a record the high watermark moves past it and acks=all is answered.",
      action: { type: "advance", ms: 200 },
    },
    {
      caption: "A consumer joins group 'billing' and is assigned all three partitions.",
      action: { type: "createConsumer", consumer: "billing-1", topics: ["orders"], config: { groupId: "billing", autoOffsetReset: "earliest" } },
    },
    {
      caption: "It reads every record below the high watermark; customer-1's two orders come out in order because they share a partition.",
      action: { type: "advance", ms: 1000 },
    },
  ],
};

const keyPartitioning: Scenario = {
  id: "key-partitioning",
  title: titleOf("key-partitioning"),
  seed: "key-partitioning",
  config: { brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 2 }] },
  steps: [
    { caption: "A producer with default settings.", action: { type: "createProducer", producer: "shop" } },
    {
      caption: "Every record with the same key lands on the same partition: (murmur2(key) & 0x7fffffff) % 3.",
      action: {
        type: "produce",
        producer: "shop",
        topic: "orders",
        records: ["alice", "bob", "carol", "dave", "alice", "bob", "carol", "dave"].map((key, i) => ({ key, value: `${key} #${i}` })),
      },
    },
    { caption: "Replication catches up.", action: { type: "advance", ms: 200 } },
    {
      caption: "Adding partitions is allowed (removing is not), but the formula now divides by 6, so some keys move.",
      action: { type: "addPartitions", topic: "orders", totalPartitions: 6 },
    },
    {
      caption: "New records for a moved key go to its new partition: per-key order across the change is gone.",
      action: {
        type: "produce",
        producer: "shop",
        topic: "orders",
        records: ["alice", "bob", "carol", "dave"].map((key) => ({ key, value: `${key} after resize` })),
      },
    },
    { caption: "Replication catches up.", action: { type: "advance", ms: 200 } },
  ],
};

const groupScaling: Scenario = {
  id: "consumer-group-scaling",
  title: titleOf("consumer-group-scaling"),
  seed: "consumer-group-scaling",
  config: { brokers: 3, topics: [{ name: "clicks", partitions: 3, replicationFactor: 3 }] },
  steps: (["c1", "c2", "c3", "c4"] as const).map((consumer, i) => ({
    caption:
      i < 3
        ? `${consumer} joins group 'analytics': the partitions are shared among ${i + 1} member${i === 0 ? "" : "s"}.`
        : "c4 joins, but there are only three partitions: c4 gets nothing and sits idle. More consumers than partitions adds no throughput.",
    action: { type: "createConsumer", consumer, topics: ["clicks"], config: { groupId: "analytics" } } as ClusterAction,
  })),
};

const rebalanceAssignors: Scenario = {
  id: "rebalance-assignors",
  title: titleOf("rebalance-assignors"),
  seed: "rebalance-assignors",
  config: {
    brokers: 3,
    topics: [
      { name: "t0", partitions: 3, replicationFactor: 2 },
      { name: "t1", partitions: 3, replicationFactor: 2 },
    ],
  },
  steps: [
    {
      caption: "Range, member A: alone it gets all six partitions.",
      action: { type: "createConsumer", consumer: "range-A", topics: ["t0", "t1"], config: { groupId: "range-group", assignmentStrategy: "range" } },
    },
    {
      caption: "Range, member B joins: each topic is split on its own, and the first member gets the extra partition of both topics (4 vs 2).",
      action: { type: "createConsumer", consumer: "range-B", topics: ["t0", "t1"], config: { groupId: "range-group", assignmentStrategy: "range" } },
    },
    {
      caption: "Round-robin, member A: all six partitions.",
      action: { type: "createConsumer", consumer: "rr-A", topics: ["t0", "t1"], config: { groupId: "rr-group", assignmentStrategy: "roundrobin" } },
    },
    {
      caption: "Round-robin, member B joins: partitions are dealt one by one across both topics, 3 and 3.",
      action: { type: "createConsumer", consumer: "rr-B", topics: ["t0", "t1"], config: { groupId: "rr-group", assignmentStrategy: "roundrobin" } },
    },
    {
      caption: "Cooperative-sticky, member A: all six partitions.",
      action: { type: "createConsumer", consumer: "coop-A", topics: ["t0", "t1"], config: { groupId: "coop-group", assignmentStrategy: "cooperative-sticky" } },
    },
    {
      caption: "Member B joins: in round 1 A keeps what it will keep and revokes only three partitions; round 2 hands those to B. A never stops consuming the rest.",
      action: { type: "createConsumer", consumer: "coop-B", topics: ["t0", "t1"], config: { groupId: "coop-group", assignmentStrategy: "cooperative-sticky" } },
    },
    {
      caption: "Member C joins: two partitions move, one from each, and everything else stays where it was (sticky).",
      action: { type: "createConsumer", consumer: "coop-C", topics: ["t0", "t1"], config: { groupId: "coop-group", assignmentStrategy: "cooperative-sticky" } },
    },
  ],
};

const offsetsAndCommits: Scenario = {
  id: "offsets-and-commits",
  title: titleOf("offsets-and-commits"),
  seed: "offsets-and-commits",
  config: { brokers: 3, topics: [{ name: "payments", partitions: 1, replicationFactor: 3 }] },
  steps: [
    { caption: "A producer for the payments topic.", action: { type: "createProducer", producer: "gateway" } },
    {
      caption: "worker-1 uses auto-commit (enable.auto.commit=true, every 5 s) and processes each poll before the next.",
      action: { type: "createConsumer", consumer: "worker-1", topics: ["payments"], config: { groupId: "ledger", autoOffsetReset: "earliest" } },
    },
    {
      caption: "worker-2 joins the same group as a standby (one partition, so it is idle).",
      action: { type: "createConsumer", consumer: "worker-2", topics: ["payments"], config: { groupId: "ledger", autoOffsetReset: "earliest" } },
    },
    { caption: "Ten payments arrive.", action: { type: "produce", producer: "gateway", topic: "payments", value: "payment", count: 10 } },
    { caption: "worker-1 processes them; 5 s later auto-commit stores offset 10.", action: { type: "advance", ms: 5100 } },
    { caption: "Ten more payments arrive.", action: { type: "produce", producer: "gateway", topic: "payments", value: "payment", count: 10 } },
    { caption: "worker-1 processes them, but the next auto-commit is not due yet.", action: { type: "advance", ms: 1000 } },
    { caption: "worker-1 crashes. The committed offset is still 10.", action: { type: "crashConsumer", consumer: "worker-1" } },
    {
      caption: "After session.timeout.ms (45 s) worker-2 takes over from offset 10 and processes offsets 10-19 a second time: auto-commit gives duplicates, not loss.",
      action: { type: "advance", ms: 50 * SECOND },
    },
    {
      caption: "Replay on purpose: seek back to offset 0 and read everything again (the committed offset only moves when the consumer commits).",
      action: { type: "seek", consumer: "worker-2", partition: "payments-0", offset: 0 },
    },
    { caption: "worker-2 re-reads all twenty payments.", action: { type: "advance", ms: 1000 } },
  ],
};

const retentionReplay: Scenario = {
  id: "retention-replay",
  title: titleOf("retention-replay"),
  seed: "retention-replay",
  config: {
    brokers: 3,
    topics: [{ name: "audit", partitions: 1, replicationFactor: 3, config: { retentionMs: 60 * MINUTE, segmentMs: 10 * MINUTE } }],
  },
  steps: [
    { caption: "A topic keeping an hour of data (retention.ms=3600000) in 10-minute segments (segment.ms=600000).", action: { type: "createProducer", producer: "app" } },
    { caption: "Events at minute 0.", action: { type: "produce", producer: "app", topic: "audit", value: "login", count: 5 } },
    { caption: "Twenty minutes pass.", action: { type: "advance", ms: 20 * MINUTE } },
    { caption: "Events at minute 20: the old segment is closed and a new one started.", action: { type: "produce", producer: "app", topic: "audit", value: "purchase", count: 5 } },
    { caption: "Twenty more minutes.", action: { type: "advance", ms: 20 * MINUTE } },
    { caption: "Events at minute 40.", action: { type: "produce", producer: "app", topic: "audit", value: "logout", count: 5 } },
    {
      caption: "Reading does not delete anything: a brand-new group with auto.offset.reset=earliest replays all fifteen events.",
      action: { type: "createConsumer", consumer: "replayer", topics: ["audit"], config: { groupId: "replay-1", autoOffsetReset: "earliest" } },
    },
    { caption: "It reads the whole history.", action: { type: "advance", ms: SECOND } },
    {
      caption: "Replay from a point in time: offsetsForTimes finds the first record at or after minute 20.",
      action: { type: "seekToTimestamp", consumer: "replayer", timestamp: 20 * MINUTE },
    },
    { caption: "It reads from there.", action: { type: "advance", ms: SECOND } },
    {
      caption: "An hour later retention deletes the closed segments whose newest record is older than retention.ms; the log now starts later.",
      action: { type: "advance", ms: 70 * MINUTE },
    },
    {
      caption: "A new group asking for 'earliest' now starts at the new log start: deleted history cannot be replayed.",
      action: { type: "createConsumer", consumer: "late-replayer", topics: ["audit"], config: { groupId: "replay-2", autoOffsetReset: "earliest" } },
    },
    { caption: "It reads what is left.", action: { type: "advance", ms: SECOND } },
  ],
};

const acksDurability: Scenario = {
  id: "acks-durability",
  title: titleOf("acks-durability"),
  seed: "acks-durability",
  config: {
    brokers: 3,
    topics: [
      { name: "acks1", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]] },
      { name: "acksall", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 2 } },
    ],
  },
  steps: [
    { caption: "A producer with acks=1: the leader answers as soon as it wrote the record itself.", action: { type: "createProducer", producer: "fast", config: { acks: 1 } } },
    { caption: "A producer with acks=all: the leader answers once every in-sync replica has it.", action: { type: "createProducer", producer: "safe", config: { acks: "all" } } },
    { caption: "acks=1: 'order-1' is acknowledged at once, before any follower fetched it.", action: { type: "produce", producer: "fast", topic: "acks1", key: "k", value: "order-1" } },
    { caption: "acks=all: 'order-1' is written on the leader but not acknowledged yet.", action: { type: "produce", producer: "safe", topic: "acksall", key: "k", value: "order-1" } },
    { caption: "Broker 1, the leader of both partitions, crashes before any follower fetched.", action: { type: "crashBroker", broker: 1 } },
    {
      caption: "The controller fences broker 1 after 9 s and elects broker 2. The acks=all producer never got its answer, so it retries on broker 2 and is acknowledged there.",
      action: { type: "advance", ms: 10 * SECOND },
    },
    {
      caption: "Broker 1 comes back and truncates its log to match broker 2: the acks=1 record it had acknowledged is gone for good. acks=all lost nothing it acknowledged.",
      action: { type: "startBroker", broker: 1 },
    },
    { caption: "Replication settles.", action: { type: "advance", ms: SECOND } },
  ],
};

const minIsr: Scenario = {
  id: "min-isr",
  title: titleOf("min-isr"),
  seed: "min-isr",
  config: {
    brokers: 3,
    topics: [{ name: "payments", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 2 } }],
  },
  steps: [
    { caption: "RF=3, min.insync.replicas=2, acks=all: the setup the docs recommend.", action: { type: "createProducer", producer: "bank", config: { acks: "all" } } },
    { caption: "A write with all three replicas in sync.", action: { type: "produce", producer: "bank", topic: "payments", value: "tx-1" } },
    { caption: "It is acknowledged once the ISR has it.", action: { type: "advance", ms: 200 } },
    { caption: "Broker 3 shuts down: the ISR is 1,2, still at min.insync.replicas.", action: { type: "stopBroker", broker: 3 } },
    { caption: "Writes still succeed: acks=all waits for the current ISR, not all replicas.", action: { type: "produce", producer: "bank", topic: "payments", value: "tx-2" } },
    { caption: "Acknowledged.", action: { type: "advance", ms: 200 } },
    { caption: "Broker 2 shuts down too: the ISR is just 1, below min.insync.replicas.", action: { type: "stopBroker", broker: 2 } },
    {
      caption: "Now the leader refuses acks=all writes with NotEnoughReplicas and appends nothing; the producer keeps retrying. Nothing acknowledged can be lost.",
      action: { type: "produce", producer: "bank", topic: "payments", value: "tx-3" },
    },
    { caption: "A few seconds of retries.", action: { type: "advance", ms: 3 * SECOND } },
    { caption: "Broker 2 returns and catches up; the ISR is back to two.", action: { type: "startBroker", broker: 2 } },
    { caption: "The retried write now succeeds.", action: { type: "advance", ms: 2 * SECOND } },
  ],
};

const leaderElection: Scenario = {
  id: "leader-election",
  title: titleOf("leader-election"),
  seed: "leader-election",
  config: {
    brokers: 3,
    topics: [
      { name: "clean", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]] },
      { name: "unclean", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { uncleanLeaderElectionEnable: true } },
    ],
  },
  steps: [
    { caption: "A producer with acks=1.", action: { type: "createProducer", producer: "app", config: { acks: 1 } } },
    { caption: "Five records to each topic, replicated everywhere.", action: { type: "produce", producer: "app", topic: "clean", value: "a", count: 5 } },
    { caption: "The same five records to the unclean topic.", action: { type: "produce", producer: "app", topic: "unclean", value: "a", count: 5 } },
    { caption: "Replication catches up: HW 5 everywhere.", action: { type: "advance", ms: 200 } },
    { caption: "Broker 3's followers stall (a long GC pause).", action: { type: "throttleBroker", broker: 3, recordsPerFetch: 0 } },
    { caption: "More writes: broker 3 falls behind.", action: { type: "produce", producer: "app", topic: "clean", value: "b", count: 3 } },
    { caption: "The same three records to the unclean topic, which broker 3 also misses.", action: { type: "produce", producer: "app", topic: "unclean", value: "b", count: 3 } },
    {
      caption: "After replica.lag.time.max.ms (30 s, checked every 15 s) broker 3 drops out of both ISRs. The HW still advances with brokers 1 and 2.",
      action: { type: "advance", ms: 46 * SECOND },
    },
    { caption: "Broker 2 is stopped for maintenance: the ISR is just the leader, broker 1.", action: { type: "stopBroker", broker: 2 } },
    { caption: "Two more writes only broker 1 has.", action: { type: "produce", producer: "app", topic: "clean", value: "c", count: 2 } },
    { caption: "The same two records to the unclean topic.", action: { type: "produce", producer: "app", topic: "unclean", value: "c", count: 2 } },
    { caption: "Broker 3 recovers from its pause, but it is still out of sync.", action: { type: "throttleBroker", broker: 3, recordsPerFetch: null } },
    { caption: "Broker 1, the only in-sync replica of both partitions, crashes.", action: { type: "crashBroker", broker: 1 } },
    {
      caption: "Clean topic: no in-sync replica is alive, so it goes offline (Leader: none) and waits. Unclean topic: broker 3, out of sync, becomes leader and its log becomes the truth.",
      action: { type: "advance", ms: 10 * SECOND },
    },
    {
      caption: "Broker 1 returns. On 'clean' it is the ISR member, so it leads again with nothing lost. On 'unclean' it must truncate to broker 3's log: five acknowledged records are lost.",
      action: { type: "startBroker", broker: 1 },
    },
    { caption: "Replication settles.", action: { type: "advance", ms: SECOND } },
  ],
};

const idempotent: Scenario = {
  id: "idempotent-producer",
  title: titleOf("idempotent-producer"),
  seed: "idempotent-producer",
  config: {
    brokers: 3,
    topics: [
      { name: "with-idempotence", partitions: 1, replicationFactor: 3 },
      { name: "without-idempotence", partitions: 1, replicationFactor: 3 },
    ],
  },
  steps: [
    { caption: "An idempotent producer (the default since Kafka 3.0): it has a producer id and numbers its batches.", action: { type: "createProducer", producer: "idem", config: { requestTimeoutMs: 2000 } } },
    { caption: "A producer with enable.idempotence=false.", action: { type: "createProducer", producer: "plain", config: { enableIdempotence: false, requestTimeoutMs: 2000 } } },
    { caption: "The network will drop the next acknowledgement to each producer.", action: { type: "loseResponses", producer: "idem", count: 1 } },
    { caption: "The same fault for the plain producer.", action: { type: "loseResponses", producer: "plain", count: 1 } },
    { caption: "Both send one record; the brokers write them, but the answers are lost.", action: { type: "produce", producer: "idem", topic: "with-idempotence", value: "charge card 42" } },
    { caption: "The plain producer sends the same record; its broker writes it too, and that answer is lost as well.", action: { type: "produce", producer: "plain", topic: "without-idempotence", value: "charge card 42" } },
    {
      caption: "After request.timeout.ms both retry. The broker sees the idempotent retry's sequence number again and does not write it twice; the plain retry is written again: a duplicate charge.",
      action: { type: "advance", ms: 3 * SECOND },
    },
  ],
};

const transactions: Scenario = {
  id: "transactions-eos",
  title: titleOf("transactions-eos"),
  seed: "transactions-eos",
  config: {
    brokers: 3,
    topics: [
      { name: "orders", partitions: 1, replicationFactor: 3 },
      { name: "invoices", partitions: 1, replicationFactor: 3 },
    ],
  },
  steps: [
    { caption: "Orders come in on 'orders'.", action: { type: "createProducer", producer: "shop" } },
    { caption: "Five orders are written to 'orders'.", action: { type: "produce", producer: "shop", topic: "orders", value: "order", count: 5 } },
    { caption: "The billing app consumes 'orders' with auto-commit off: its offsets will travel inside its transactions.", action: { type: "createConsumer", consumer: "billing", topics: ["orders"], config: { groupId: "billing", autoOffsetReset: "earliest", enableAutoCommit: false } } },
    { caption: "The billing app reads orders…", action: { type: "advance", ms: 500 } },
    { caption: "…and writes invoices with a transactional producer (transactional.id=billing-1).", action: { type: "createProducer", producer: "billing-tx", config: { transactionalId: "billing-1" } } },
    { caption: "initTransactions registers the transactional.id and gets a producer id and epoch from the coordinator.", action: { type: "initTransactions", producer: "billing-tx" } },
    {
      caption: "Two auditors read 'invoices': one read_committed, one read_uncommitted.",
      action: { type: "createConsumer", consumer: "auditor-committed", topics: ["invoices"], config: { groupId: "audit-rc", autoOffsetReset: "earliest", isolationLevel: "read_committed" } },
    },
    { caption: "The read_uncommitted auditor joins too.", action: { type: "createConsumer", consumer: "auditor-uncommitted", topics: ["invoices"], config: { groupId: "audit-ru", autoOffsetReset: "earliest" } } },
    { caption: "Transaction 1: three invoices and the input offsets, committed together.", action: { type: "beginTransaction", producer: "billing-tx" } },
    { caption: "The three invoices are written inside the transaction…", action: { type: "produce", producer: "billing-tx", topic: "invoices", value: "invoice", count: 3 } },
    { caption: "…together with the offsets of the orders they came from (billing consumed up to offset 3).", action: { type: "sendOffsetsToTransaction", producer: "billing-tx", groupId: "billing", offsets: { "orders-0": 3 } } },
    { caption: "While the transaction is open, read_committed stops at the last stable offset; read_uncommitted already sees the invoices.", action: { type: "advance", ms: 500 } },
    { caption: "Commit: a COMMIT marker is written and the group's offset 3 is committed atomically with the invoices.", action: { type: "commitTransaction", producer: "billing-tx" } },
    { caption: "read_committed now gets the three invoices.", action: { type: "advance", ms: 500 } },
    { caption: "Transaction 2: two more invoices…", action: { type: "beginTransaction", producer: "billing-tx" } },
    { caption: "…written to the log like any other records.", action: { type: "produce", producer: "billing-tx", topic: "invoices", value: "bad-invoice", count: 2 } },
    { caption: "…with offset 5 for the orders they came from.", action: { type: "sendOffsetsToTransaction", producer: "billing-tx", groupId: "billing", offsets: { "orders-0": 5 } } },
    { caption: "Replication acknowledges them; read_uncommitted consumers can already see them.", action: { type: "advance", ms: 500 } },
    {
      caption: "…aborted. read_committed never sees them; read_uncommitted already did. The group's offset stays at 3, so the orders will be processed again.",
      action: { type: "abortTransaction", producer: "billing-tx" },
    },
    { caption: "The consumers move past the ABORT marker.", action: { type: "advance", ms: 500 } },
  ],
};

const consumerLag: Scenario = {
  id: "consumer-lag",
  title: titleOf("consumer-lag"),
  seed: "consumer-lag",
  config: { brokers: 3, topics: [{ name: "events", partitions: 6, replicationFactor: 3 }] },
  steps: [
    { caption: "A producer and a group of three consumers that each handle at most 100 records per second.", action: { type: "createProducer", producer: "tracker" } },
    ...(["c1", "c2", "c3"] as const).map(
      (consumer): ScenarioStep => ({
        caption: `${consumer} joins group 'dashboards' (max.poll.records=10, one poll every 100 ms).`,
        action: {
          type: "createConsumer",
          consumer,
          topics: ["events"],
          config: { groupId: "dashboards", autoOffsetReset: "earliest", maxPollRecords: 10, pollIntervalMs: 100 },
        },
      }),
    ),
    {
      caption: "Traffic from 100 users, but 60% of it comes from one hot key, 'user-7'. All of it hashes to one partition.",
      action: {
        type: "runWorkload",
        producer: "tracker",
        topic: "events",
        records: 6000,
        keys: Array.from({ length: 100 }, (_, i) => `user-${i}`),
        hotKey: { key: "user-7", share: 0.6 },
      },
    },
    {
      caption: "Ten seconds later kafka-consumer-groups --describe shows one partition with a large LAG while the others have caught up: more consumers will not help, only better keys will.",
      action: { type: "advance", ms: 10 * SECOND },
    },
  ],
};

const timeWindowsDemo: Scenario = {
  id: "time-windows",
  title: titleOf("time-windows"),
  seed: "time-windows",
  config: { brokers: 3, topics: [{ name: "clicks", partitions: 1, replicationFactor: 3 }] },
  steps: [
    {
      caption: "A Streams app counts clicks per page in tumbling 1-minute windows, [0:00, 1:00), [1:00, 2:00)… aligned to the epoch.",
      action: { type: "createStreamApp", app: "tumbling-counts", sourceTopic: "clicks", window: { kind: "tumbling", sizeMs: MINUTE, graceMs: 0 }, emit: "eager" },
    },
    {
      caption: "A second app uses hopping windows of 1 minute advancing every 30 s: each click is in two windows.",
      action: {
        type: "createStreamApp",
        app: "hopping-counts",
        sourceTopic: "clicks",
        window: { kind: "hopping", sizeMs: MINUTE, advanceMs: 30 * SECOND, graceMs: 0 },
        emit: "eager",
      },
    },
    { caption: "A producer for the clicks.", action: { type: "createProducer", producer: "web" } },
    {
      caption: "Clicks at 0:10, 0:40, 0:59.999 and 1:00 (event time). 1:00 belongs to the next tumbling window: the end is exclusive.",
      action: {
        type: "produce",
        producer: "web",
        topic: "clicks",
        records: [10 * SECOND, 40 * SECOND, MINUTE - 1, MINUTE].map((timestamp) => ({ key: "/home", value: "click", timestamp })),
      },
    },
    { caption: "The apps read the clicks and update their windows.", action: { type: "advance", ms: 500 } },
  ],
};

const sessionWindowsDemo: Scenario = {
  id: "session-windows",
  title: titleOf("session-windows"),
  seed: "session-windows",
  config: { brokers: 3, topics: [{ name: "activity", partitions: 1, replicationFactor: 3 }] },
  steps: [
    {
      caption: "A Streams app groups each user's activity into sessions that end after 5 minutes of inactivity.",
      action: { type: "createStreamApp", app: "sessions", sourceTopic: "activity", window: { kind: "session", gapMs: 5 * MINUTE, graceMs: 10 * MINUTE }, emit: "eager" },
    },
    { caption: "A producer for the activity events.", action: { type: "createProducer", producer: "app" } },
    {
      caption: "Alice is active at 0:00 and 2:00, then at 12:00 and 13:00: two sessions, [0:00, 2:00] and [12:00, 13:00].",
      action: {
        type: "produce",
        producer: "app",
        topic: "activity",
        records: [0, 2, 12, 13].map((minute) => ({ key: "alice", value: "tap", timestamp: minute * MINUTE })),
      },
    },
    { caption: "The app reads the four events.", action: { type: "advance", ms: 500 } },
    {
      caption: "A late event at 7:00 is within 5 minutes of both sessions, so it bridges them into one session [0:00, 13:00] with five events.",
      action: { type: "produce", producer: "app", topic: "activity", key: "alice", value: "tap", timestamp: 7 * MINUTE },
    },
    { caption: "The app reads the late event.", action: { type: "advance", ms: 500 } },
  ],
};

const lateData: Scenario = {
  id: "late-data-grace",
  title: titleOf("late-data-grace"),
  seed: "late-data-grace",
  config: { brokers: 3, topics: [{ name: "readings", partitions: 1, replicationFactor: 3 }] },
  steps: [
    {
      caption: "Tumbling 10-minute windows with a 2-minute grace period: a window accepts late records until stream time reaches its end plus 2 minutes.",
      action: {
        type: "createStreamApp",
        app: "per-10-min",
        sourceTopic: "readings",
        window: { kind: "tumbling", sizeMs: 10 * MINUTE, graceMs: 2 * MINUTE },
        emit: "final",
      },
    },
    { caption: "A sensor producer.", action: { type: "createProducer", producer: "sensor" } },
    {
      caption: "Readings at 0:01 and 0:09, then 0:11: stream time is now 0:11.",
      action: {
        type: "produce",
        producer: "sensor",
        topic: "readings",
        records: [1, 9, 11].map((minute) => ({ key: "sensor-1", value: "21.5", timestamp: minute * MINUTE })),
      },
    },
    { caption: "The app reads them: stream time becomes 0:11.", action: { type: "advance", ms: 500 } },
    {
      caption: "A reading from 0:08 arrives late, at stream time 0:11: 0:11 − 2 min grace = 0:09 < 0:10 (window end), so the window is still open and counts it.",
      action: { type: "produce", producer: "sensor", topic: "readings", key: "sensor-1", value: "21.7", timestamp: 8 * MINUTE },
    },
    { caption: "The app reads the late 0:08 reading.", action: { type: "advance", ms: 500 } },
    {
      caption: "A reading at 0:13 moves stream time to 0:13: 0:13 − 2 = 0:11 ≥ 0:10, so [0:00, 0:10) closes and emit-final outputs its count of 3.",
      action: { type: "produce", producer: "sensor", topic: "readings", key: "sensor-1", value: "21.9", timestamp: 13 * MINUTE },
    },
    { caption: "The app reads the 0:13 reading.", action: { type: "advance", ms: 500 } },
    {
      caption: "Another reading from 0:05 arrives now: its window is closed, so Kafka Streams drops it and says why.",
      action: { type: "produce", producer: "sensor", topic: "readings", key: "sensor-1", value: "21.4", timestamp: 5 * MINUTE },
    },
    { caption: "The app reads the very late 0:05 reading.", action: { type: "advance", ms: 500 } },
  ],
};

export const SCENARIOS: readonly Scenario[] = [
  tour,
  keyPartitioning,
  groupScaling,
  rebalanceAssignors,
  offsetsAndCommits,
  retentionReplay,
  acksDurability,
  minIsr,
  leaderElection,
  idempotent,
  transactions,
  consumerLag,
  timeWindowsDemo,
  sessionWindowsDemo,
  lateData,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}

/** Plays a scenario from its initial cluster, keeping every intermediate state. */
export function runScenario(scenario: Scenario, steps = scenario.steps.length): ScenarioRun {
  const states = [createCluster(scenario.config, scenario.seed)];
  for (const { action } of scenario.steps.slice(0, steps)) states.push(step(states[states.length - 1]!, action));
  return { scenario, states, final: states[states.length - 1]! };
}
