// One lab per demo id: how the mini-cluster starts, 2–5 guided steps (each says what to notice), and a
// challenge the learner completes by changing settings and breaking things. Every claim here is checked
// against the engine's state by tests/unit/demos.
import { DEMO_SCENARIOS, type DemoScenarioId } from "../catalog";
import { consumerRows, groupLag } from "./lab";
import type { ChallengeStatus, LabScenario, LabState } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function meta(id: DemoScenarioId): { id: DemoScenarioId; title: string; summary: string; seed: string } {
  const entry = DEMO_SCENARIOS.find((scenario) => scenario.id === id)!;
  return { id, title: entry.title, summary: entry.summary, seed: `lab-${id}` };
}

const met = (detail: string): ChallengeStatus => ({ met: true, detail });
const notYet = (detail: string): ChallengeStatus => ({ met: false, detail });

function partitionOf(state: LabState, topic: string, index: number) {
  return state.cluster.topics[topic]?.partitions[index];
}

function brokerOnline(state: LabState, broker: number): boolean {
  return state.cluster.brokers[String(broker)]?.status === "online";
}

function lagNow(state: LabState): number {
  return groupLag(state)?.total ?? 0;
}

function groupRows(state: LabState, group: string) {
  return consumerRows(state).filter((row) => row.group === group);
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

function activeApp(state: LabState) {
  return state.streamApp ? state.cluster.streams[state.streamApp] : undefined;
}

// ---------------------------------------------------------------------------------------------

const clusterTour: LabScenario = {
  ...meta("cluster-tour"),
  questionSlugs: ["kafka-architecture", "kafka-kraft-vs-zookeeper", "kafka-pull-vs-rabbitmq-push", "kafka-segments-and-zero-copy", "stream-frameworks-compared"],
  topic: "orders",
  group: "billing",
  controls: ["produce", "brokers", "consumers", "topic"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 3, config: { minInsyncReplicas: 2 } }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 20, keySkew: 0, keyCount: 12, hotKey: "customer-1" },
    consumers: 1,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.1,
    warmupQuanta: 20,
  },
  steps: [
    {
      title: "Follow one customer's orders",
      instruction: "Send three orders with the key customer-1 and play half a second.",
      notice: "All three land on the same partition, because the key decides the partition. The leader of that partition writes them, the two followers copy them, and only then does the high watermark let the consumer read them.",
      actions: [
        { type: "produce", key: "customer-1", value: "order", count: 3 },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "Share the work",
      instruction: "Add a second consumer to group 'billing'.",
      notice: "The group rebalances: the three partitions are split between the two members, and each partition is read by exactly one of them.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 5 }],
    },
    {
      title: "Lose a broker",
      instruction: "Crash broker 2 and play ten seconds.",
      notice: "After broker.session.timeout.ms the controller moves leadership of broker 2's partitions to in-sync followers on brokers 1 and 3. Producers and consumers carry on; the partitions just have one replica fewer.",
      actions: [{ type: "killBroker", broker: 2 }, { type: "tick", quanta: 100 }],
    },
    {
      title: "Bring it back",
      instruction: "Restart broker 2 and play two seconds.",
      notice: "Broker 2 catches up from the leaders and rejoins the ISR. It does not take its leaderships back by itself.",
      actions: [{ type: "restartBroker", broker: 2 }, { type: "tick", quanta: 20 }],
    },
  ],
  challenge: {
    goal: "Crash a broker and get the system back to normal: every partition led by a running broker and the group's lag under 50.",
    hint: "A crash is noticed after 9 s of simulated time. Play time after killing a broker and watch the leaders move.",
    check(state) {
      if (state.kills.length === 0) return notYet("No broker has crashed yet. Kill one, then let the cluster recover.");
      const topic = state.cluster.topics.orders!;
      const leaderless = topic.partitions.filter((p) => p.leader < 0 || !brokerOnline(state, p.leader));
      if (leaderless.length > 0) {
        return notYet(`${leaderless.map((p) => `orders-${p.index}`).join(", ")} still ${leaderless.length === 1 ? "has" : "have"} no running leader. Play time, or restart a broker if too many are down.`);
      }
      const reading = groupRows(state, "billing").filter((r) => r.status !== "crashed");
      if (reading.length === 0) return notYet("No consumer in 'billing' is running; add one.");
      const lag = lagNow(state);
      if (lag >= 50) return notYet(`Every partition has a leader again; the group still has ${lag} records to catch up on.`);
      return met(`After broker ${state.kills[state.kills.length - 1]!.broker} crashed, every partition has a running leader and the group is caught up (lag ${lag}).`);
    },
  },
};

function keysOnSeveralPartitions(state: LabState): { key: string; partitions: number[] } | null {
  const topic = state.cluster.topics.orders;
  if (!topic) return null;
  const seen = new Map<string, Set<number>>();
  for (const partition of topic.partitions) {
    const log = partition.logs[String(partition.leader >= 0 ? partition.leader : partition.replicas[0])];
    if (!log) continue;
    for (const chunk of log.chunks) {
      for (const key of chunk.keys) {
        if (key === null) continue;
        let set = seen.get(key);
        if (!set) seen.set(key, (set = new Set()));
        set.add(partition.index);
      }
    }
  }
  for (const [key, partitions] of seen) if (partitions.size > 1) return { key, partitions: [...partitions].sort((a, b) => a - b) };
  return null;
}

const keyPartitioning: LabScenario = {
  ...meta("key-partitioning"),
  questionSlugs: ["kafka-keys-and-ordering", "kafka-topic-design", "stream-fraud-detection-design", "stream-joins"],
  topic: "orders",
  group: "shipping",
  controls: ["produce", "topic", "consumers"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "orders", partitions: 3, replicationFactor: 2 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 5, keySkew: 0, keyCount: 6, hotKey: "alice" },
    consumers: 1,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.1,
  },
  steps: [
    {
      title: "One key, one partition",
      instruction: "Send four records with the key alice and four with the key bob.",
      notice: "Every alice record is on the same partition, in the order it was sent; so is every bob record. The partition is murmur2(key) modulo the number of partitions.",
      actions: [
        { type: "produce", key: "alice", value: "alice order", count: 4 },
        { type: "produce", key: "bob", value: "bob order", count: 4 },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "Grow the topic",
      instruction: "Raise 'orders' from 3 to 6 partitions.",
      notice: "Kafka lets you add partitions but never remove them. The modulo changes from 3 to 6, so some keys now hash to a different partition.",
      actions: [{ type: "setTopic", partitions: 6 }],
    },
    {
      title: "Watch keys move",
      instruction: "Play five seconds of keyed traffic.",
      notice: "Keys whose hash lands differently now have old records on one partition and new ones on another: a consumer can read them out of order across the change.",
      actions: [{ type: "tick", quanta: 50 }],
    },
  ],
  challenge: {
    goal: "Break per-key ordering on purpose: get one key's records onto two different partitions.",
    hint: "Ordering is per partition. What changes a key's partition without changing the key?",
    check(state) {
      const found = keysOnSeveralPartitions(state);
      const partitions = state.cluster.topics.orders?.partitions.length ?? 0;
      if (!found) {
        return notYet(
          partitions === 3
            ? "Every key still lives on exactly one partition. Records of one key only split when the partition count changes."
            : `The topic has ${partitions} partitions now; send or play keyed traffic so a moved key gets new records.`,
        );
      }
      return met(`Key '${found.key}' has records on partitions ${found.partitions.join(" and ")}: its order is only guaranteed within each partition, not across the resize.`);
    },
  },
};

const groupScaling: LabScenario = {
  ...meta("consumer-group-scaling"),
  questionSlugs: ["kafka-partition-count"],
  topic: "clicks",
  group: "analytics",
  controls: ["produce", "topic", "consumers"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "clicks", partitions: 3, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 900, keySkew: 0, keyCount: 1000 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 25, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.2,
    warmupQuanta: 30,
  },
  steps: [
    {
      title: "One consumer, 900 records/s",
      instruction: "Play three seconds.",
      notice: "Each consumer handles about 250 records/s, so one consumer falls further behind every second.",
      actions: [{ type: "tick", quanta: 30 }],
    },
    {
      title: "Scale to the partition count",
      instruction: "Add two consumers (three in total, one per partition).",
      notice: "Three consumers handle about 750 records/s: better, but still below 900, so the lag keeps growing, only more slowly.",
      actions: [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 30 }],
    },
    {
      title: "Hit the ceiling",
      instruction: "Add a fourth consumer.",
      notice: "There are only three partitions, so the fourth consumer gets none and sits idle: more consumers than partitions adds no throughput.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
    },
    {
      title: "Raise the ceiling",
      instruction: "Grow 'clicks' to 4 partitions.",
      notice: "The group rebalances onto four partitions, the idle consumer gets one, and four consumers (about 1,000 records/s) finally outpace the input.",
      actions: [{ type: "setTopic", partitions: 4 }, { type: "tick", quanta: 50 }],
    },
  ],
  challenge: {
    goal: "Keep up with 900 records/s: total lag under 100, no idle consumer, no slowed-down consumer.",
    hint: "One consumer handles about 250 records/s, and a partition is read by one consumer of the group at a time.",
    check(state) {
      if (state.workload.ratePerSec < 900) return notYet(`The workload must stay at 900 records/s or more (it is ${state.workload.ratePerSec}).`);
      const rows = groupRows(state, "analytics");
      const idle = rows.filter((r) => r.status === "idle");
      if (idle.length > 0) return notYet(`${idle.map((r) => r.consumer).join(", ")} ${idle.length === 1 ? "is" : "are"} idle: the group has more members than partitions.`);
      if (rows.some((r) => r.status === "slow")) return notYet("A consumer is slowed down; the goal is a healthy group.");
      const capacity = rows.filter((r) => r.status === "running").reduce((n, r) => n + r.capacityPerSec, 0);
      const lag = lagNow(state);
      if (lag >= 100) return notYet(`Total lag is ${lag}. The running consumers handle about ${capacity} records/s against 900 coming in.`);
      return met(`${plural(rows.length, "consumer")} on ${state.cluster.topics.clicks!.partitions.length} partitions keep up: lag ${lag}, nobody idle.`);
    },
  },
};

const rebalanceAssignors: LabScenario = {
  ...meta("rebalance-assignors"),
  questionSlugs: ["kafka-rebalancing"],
  topic: "events",
  group: "workers",
  controls: ["consumers", "assignor", "produce"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "events", partitions: 6, replicationFactor: 2 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 120, keySkew: 0, keyCount: 100 },
    consumers: 2,
    consumerConfig: { maxPollRecords: 50, pollIntervalMs: 100, sessionTimeoutMs: 10_000 },
    assignor: "range",
    slowFactor: 0.2,
    warmupQuanta: 10,
  },
  steps: [
    {
      title: "An eager rebalance",
      instruction: "Add a third consumer while the group uses the range assignor.",
      notice: "Range is eager: every member gives up all its partitions, the group waits, and then the six partitions are handed out again, two each.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
    },
    {
      title: "Switch to cooperative-sticky",
      instruction: "Change the assignor to cooperative-sticky (the group restarts with the new setting).",
      notice: "A group agrees on one protocol, so switching means restarting every member with the new setting.",
      actions: [{ type: "setAssignor", strategy: "cooperative-sticky" }, { type: "tick", quanta: 10 }],
    },
    {
      title: "An incremental rebalance",
      instruction: "Add a fourth consumer.",
      notice: "Only the partitions that move are revoked, in a first round; a second round gives them to the newcomer. The others keep reading throughout.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
    },
  ],
  challenge: {
    goal: "Grow the group to four running members without a single stop-the-world rebalance after your last assignor change.",
    hint: "Eager assignors (range, roundrobin, sticky) revoke everything on every rebalance. One assignor does not.",
    check(state) {
      const group = state.cluster.groups.workers;
      const running = groupRows(state, "workers").filter((r) => r.status !== "crashed");
      if (!group || group.protocol !== "cooperative-sticky") {
        return notYet(`The group uses ${group?.protocol ?? state.assignor}: each rebalance stops every member. ${running.length} running.`);
      }
      if (state.rebalances.eagerSinceAssignor > 0) return notYet("There was an eager rebalance since the last assignor change.");
      if (running.length < 4) return notYet(`The group has ${plural(running.length, "running member")}; it needs four.`);
      return met(`Four members on cooperative-sticky: ${state.rebalances.cooperative} incremental rebalances, none of them stopped the whole group.`);
    },
  },
};

const offsetsAndCommits: LabScenario = {
  ...meta("offsets-and-commits"),
  questionSlugs: ["kafka-offsets-and-commits", "stream-checkpointing"],
  topic: "payments",
  group: "ledger",
  controls: ["produce", "consumers"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "payments", partitions: 2, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 20, keySkew: 0, keyCount: 50 },
    consumers: 2,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100, sessionTimeoutMs: 10_000, autoCommitIntervalMs: 5000 },
    assignor: "range",
    slowFactor: 0.2,
    warmupQuanta: 20,
  },
  steps: [
    {
      title: "Auto-commit at work",
      instruction: "Play six seconds.",
      notice: "The consumers process payments as they arrive, but their offsets are committed only every 5 s (auto.commit.interval.ms).",
      actions: [{ type: "tick", quanta: 60 }],
    },
    {
      title: "Crash between commits",
      instruction: "Crash c1 and play fifteen seconds.",
      notice: "c1 had processed payments after its last commit. When c2 takes over its partition (after session.timeout.ms, 10 s here) it starts from the committed offset and processes those payments a second time.",
      // 1.5 s more puts the crash at 9.5 s, 4.5 s after c1's last auto-commit (at 10 s it would land right after one).
      actions: [{ type: "tick", quanta: 15 }, { type: "crashConsumer", consumer: "c1" }, { type: "tick", quanta: 150 }],
    },
  ],
  challenge: {
    goal: "Crash a consumer without any payment being processed twice.",
    hint: "Duplicates are the records processed after the last commit. When is there nothing uncommitted?",
    check(state) {
      const group = state.cluster.groups.ledger;
      const crashed = groupRows(state, "ledger").filter((r) => r.status === "crashed");
      if (!group) return notYet("The group does not exist yet.");
      const processed = Object.values(group.ledger).reduce((n, l) => n + l.processed.reduce((m, [a, b]) => m + b - a, 0), 0);
      const duplicates = Object.values(group.ledger).reduce((n, l) => n + l.duplicates, 0);
      if (duplicates > 0) return notYet(`${plural(duplicates, "payment")} ${duplicates === 1 ? "was" : "were"} processed twice. Reset and try a different moment for the crash.`);
      if (crashed.length === 0) return notYet("No consumer has crashed yet.");
      const topic = state.cluster.topics.payments!;
      const orphaned = topic.partitions.filter((p) => !group.members.some((m) => state.cluster.consumers[m]?.status === "running" && state.cluster.consumers[m]!.assignment.includes(`payments-${p.index}`)));
      if (orphaned.length > 0) return notYet("The crashed consumer's partitions have not been taken over yet; play time past session.timeout.ms.");
      if (processed < 50) return notYet(`Only ${processed} payments processed so far; let the group work a little longer.`);
      return met(`A consumer crashed and its partitions moved on, yet none of the ${processed} processed payments was processed twice.`);
    },
  },
};

function replayedFromStart(state: LabState, mainGroup: string): { group: string; processed: number } | null {
  const topic = state.cluster.topics.audit;
  if (!topic) return null;
  for (const group of Object.values(state.cluster.groups)) {
    if (group.id === mainGroup) continue;
    let processed = 0;
    let fromZero = true;
    for (const partition of topic.partitions) {
      const ledger = group.ledger[`audit-${partition.index}`];
      const first = ledger?.processed[0];
      if (!first || first[0] !== 0) fromZero = false;
      processed += ledger?.processed.reduce((n, [a, b]) => n + b - a, 0) ?? 0;
    }
    if (fromZero && processed >= 100) return { group: group.id, processed };
  }
  return null;
}

const retentionReplay: LabScenario = {
  ...meta("retention-replay"),
  questionSlugs: ["kafka-what-and-why", "kafka-retention-replay", "stream-table-duality"],
  topic: "audit",
  group: "billing",
  controls: ["produce", "topic", "consumers"],
  setup: {
    cluster: {
      brokers: 3,
      logRetentionCheckIntervalMs: 5 * SECOND,
      topics: [{ name: "audit", partitions: 2, replicationFactor: 3, config: { retentionMs: MINUTE, segmentMs: 10 * SECOND } }],
    },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 10, keySkew: 0, keyCount: 20 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 200, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.1,
    warmupQuanta: 50,
  },
  steps: [
    {
      title: "Reading deletes nothing",
      instruction: "Play ten seconds while 'billing' reads everything.",
      notice: "The billing group is caught up, yet every record is still in the log: consuming only moves the group's offset.",
      actions: [{ type: "tick", quanta: 100 }],
    },
    {
      title: "A second group replays",
      instruction: "Add a consumer in a new group, 'analytics'.",
      notice: "With no committed offset it starts at the oldest record (auto.offset.reset=earliest) and reads the whole history, independently of 'billing'.",
      actions: [{ type: "addConsumer", group: "analytics" }, { type: "tick", quanta: 10 }],
    },
    {
      title: "Retention takes over",
      instruction: "Play ninety seconds.",
      notice: "Segments are closed every 10 s; a closed segment whose newest record is older than retention.ms (60 s) is deleted. The log start moves forward whether or not anyone read those records.",
      actions: [{ type: "tick", quanta: 900 }],
    },
    {
      title: "Too late to replay",
      instruction: "Add a consumer in another new group, 'audit-late'.",
      notice: "It also asks for the earliest record, but that is now the new log start: deleted history cannot be replayed.",
      actions: [{ type: "addConsumer", group: "audit-late" }, { type: "tick", quanta: 10 }],
    },
  ],
  challenge: {
    goal: "Replay the topic's full history, from offset 0 on every partition, with a second consumer group.",
    hint: "A new group starts at the oldest record still kept. Retention (60 s here) decides how long that is offset 0.",
    check(state) {
      const replay = replayedFromStart(state, "billing");
      if (replay) return met(`Group '${replay.group}' read ${replay.processed} records from offset 0, while 'billing' kept its own position.`);
      const start = Math.max(...state.cluster.topics.audit!.partitions.map((p) => p.logStartOffset));
      if (start > 0) return notYet(`Retention already deleted the oldest segments (a log now starts at offset ${start}). Reset the lab or raise retention.ms and try again sooner.`);
      return notYet("No second group has read the history from offset 0 yet.");
    },
  },
};

const DELIVERY_TP = "payments-0";

const acksDurability: LabScenario = {
  ...meta("acks-durability"),
  questionSlugs: ["kafka-delivery-guarantees"],
  topic: "payments",
  group: "ledger",
  controls: ["produce", "producer", "topic", "brokers", "consumers"],
  setup: {
    cluster: {
      brokers: 3,
      topics: [{ name: "payments", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 1 } }],
    },
    producer: { acks: "1", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 50, keySkew: 0, keyCount: 10 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 200, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.1,
    warmupQuanta: 10,
  },
  steps: [
    {
      title: "acks=1 and a leader crash",
      instruction: "Keep acks=1, crash broker 1 (the leader of payments-0) and play ten seconds.",
      notice: "The records broker 1 acknowledged in its last moments were never copied. Broker 2 takes over without them: the producer was told they were written, and they are gone.",
      actions: [{ type: "tick", quanta: 5 }, { type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }],
    },
    {
      title: "The old leader returns",
      instruction: "Restart broker 1.",
      notice: "Broker 1 still had the lost records on disk, but it truncates its log to match the new leader before following it.",
      actions: [{ type: "restartBroker", broker: 1 }, { type: "tick", quanta: 20 }],
    },
    {
      title: "acks=all, min.insync.replicas=2, idempotence",
      instruction: "Switch the producer to acks=all with idempotence, set min.insync.replicas=2, then crash the new leader, broker 2.",
      notice: "An acknowledgement now means at least two brokers have the record, so the new leader has everything that was acknowledged. Retries of unanswered requests are recognised by sequence number instead of written twice.",
      actions: [
        { type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 },
        { type: "setTopic", minInsyncReplicas: 2 },
        { type: "tick", quanta: 20 },
        { type: "killBroker", broker: 2 },
        { type: "tick", quanta: 100 },
      ],
    },
  ],
  challenge: {
    goal: "Lose no acknowledged record, and write no duplicate, while the leader of payments-0 dies — with settings that guarantee it rather than luck.",
    hint: "Ask yourself how many brokers have a record at the moment the producer hears 'done', and what a retry does when only the answer was lost.",
    check(state) {
      const kill = [...state.kills].reverse().find((k) => k.led.includes(DELIVERY_TP));
      if (!kill) return notYet("Produce with the settings you trust, then kill the broker that leads payments-0 and play time until another broker takes over.");
      if (state.durability.lostTotal > kill.lostBefore) {
        return notYet(`${plural(state.durability.lostTotal - kill.lostBefore, "acknowledged record")} ${state.durability.lostTotal - kill.lostBefore === 1 ? "was" : "were"} lost when broker ${kill.broker} died (acks=${kill.acks}). Reset and change the producer or topic settings first.`);
      }
      const partition = partitionOf(state, "payments", 0)!;
      if (partition.leader < 0 || partition.leader === kill.broker) {
        return notYet(`Broker ${kill.broker} is down; play time until the controller elects a new leader (broker.session.timeout.ms is 9 s).`);
      }
      if (kill.ackedBefore < 20) return notYet("Too few records were acknowledged before the crash to prove anything; let the workload run longer first.");
      if (kill.acks !== "all" || kill.minInsyncReplicas < 2) {
        return notYet(
          `Nothing was lost this time, but with acks=${kill.acks} and min.insync.replicas=${kill.minInsyncReplicas} an acknowledged record can exist on a single broker: that was timing, not a guarantee.`,
        );
      }
      if (state.durability.duplicatesWritten > state.baseline.duplicatesWritten) return notYet("A retry wrote a duplicate. Which producer setting lets the broker recognise a retry?");
      return met(
        `Broker ${kill.broker} died and broker ${partition.leader} took over with every acknowledged record (acks=all, min.insync.replicas=${kill.minInsyncReplicas}${kill.idempotence ? ", idempotent retries" : ""}).`,
      );
    },
  },
};

const minIsr: LabScenario = {
  ...meta("min-isr"),
  questionSlugs: [],
  topic: "payments",
  group: null,
  controls: ["produce", "producer", "topic", "brokers"],
  setup: {
    cluster: {
      brokers: 3,
      topics: [{ name: "payments", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 1 } }],
    },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 20, keySkew: 0, keyCount: 10 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    warmupQuanta: 10,
  },
  steps: [
    {
      title: "acks=all with a shrinking ISR",
      instruction: "Stop brokers 3 and 2 and play fifteen seconds.",
      notice: "acks=all waits for the in-sync replicas, not for all replicas. Once brokers 2 and 3 are fenced, the ISR is broker 1 alone, and with min.insync.replicas=1 every write is acknowledged by a single copy.",
      actions: [{ type: "killBroker", broker: 3 }, { type: "killBroker", broker: 2 }, { type: "tick", quanta: 150 }],
    },
    {
      title: "Require two copies",
      instruction: "Restart both brokers, set min.insync.replicas=2, and stop them again.",
      notice: "Now the leader refuses writes with NotEnoughReplicas once the ISR drops below two. The producer keeps retrying, nothing is acknowledged, and nothing acknowledged can be lost.",
      actions: [
        { type: "restartBroker", broker: 2 },
        { type: "restartBroker", broker: 3 },
        { type: "setTopic", minInsyncReplicas: 2 },
        { type: "tick", quanta: 20 },
        { type: "killBroker", broker: 3 },
        { type: "killBroker", broker: 2 },
        { type: "tick", quanta: 150 },
      ],
    },
  ],
  challenge: {
    goal: "With two of three brokers down, have the producer refused rather than acknowledged by a single copy.",
    hint: "Which topic setting makes acks=all insist on a minimum number of replicas?",
    check(state) {
      const partition = partitionOf(state, "payments", 0)!;
      const down = Object.values(state.cluster.brokers).filter((b) => b.status !== "online").length;
      const single = state.durability.ackedSingleCopy - state.baseline.ackedSingleCopy;
      if (single > 0) {
        return notYet(`${plural(single, "record")} ${single === 1 ? "was" : "were"} acknowledged while only one replica was in sync. Which setting would have refused ${single === 1 ? "it" : "them"}?`);
      }
      if (down < 2 || partition.isr.length > 1) return notYet("Take two brokers down and play time until the ISR is a single broker.");
      const failed = Object.values(state.cluster.producers).reduce((n, p) => n + p.stats.failed + p.stats.retries, 0);
      if (state.workload.ratePerSec <= 0 || failed === 0) return notYet("Keep the workload running so the producer actually tries to write.");
      return met(`The ISR is broker ${partition.isr[0]} alone and every write since was refused (NotEnoughReplicas): no record was acknowledged with a single copy.`);
    },
  },
};

const leaderElection: LabScenario = {
  ...meta("leader-election"),
  questionSlugs: ["kafka-isr-and-min-insync"],
  topic: "orders",
  group: null,
  controls: ["produce", "producer", "topic", "brokers"],
  setup: {
    cluster: {
      brokers: 3,
      topics: [{ name: "orders", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { uncleanLeaderElectionEnable: true } }],
    },
    producer: { acks: "1", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 20, keySkew: 0, keyCount: 10 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    prelude: [{ type: "throttleBroker", broker: 3, recordsPerFetch: 0 }],
    warmupQuanta: 10,
  },
  steps: [
    {
      title: "A follower falls behind",
      instruction: "Play fifty seconds. Broker 3's follower is stuck (a long pause).",
      notice: "Once broker 3 has not caught up for replica.lag.time.max.ms (30 s), the leader's next ISR check (every 15 s) drops it from the ISR. The high watermark keeps moving with brokers 1 and 2.",
      actions: [{ type: "tick", quanta: 500 }],
    },
    {
      title: "Down to one in-sync replica",
      instruction: "Crash broker 2 and play ten seconds.",
      notice: "The ISR is now broker 1 alone. Writes with acks=1 (or acks=all with min.insync.replicas=1) still succeed on a single copy.",
      actions: [{ type: "killBroker", broker: 2 }, { type: "tick", quanta: 100 }],
    },
    {
      title: "The last in-sync replica dies",
      instruction: "Crash broker 1 and play ten seconds.",
      notice: "With unclean.leader.election.enable=true, broker 3, which was out of sync, becomes leader with its shorter log: everything it missed is lost. With it off, the partition would stay offline instead.",
      actions: [{ type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }],
    },
  ],
  challenge: {
    goal: "Crash broker 1 while it is the only in-sync replica, and lose no acknowledged record.",
    hint: "Either stop out-of-sync replicas from taking over, or make sure there never is just one copy of an acknowledged write.",
    check(state) {
      const kill = [...state.kills].reverse().find((k) => k.broker === 1 && k.soleIsr.includes("orders-0"));
      if (!kill) return notYet("Get the ISR of orders-0 down to broker 1 alone (a follower is stuck; crash broker 2), then crash broker 1.");
      if (state.durability.lostTotal > kill.lostBefore) {
        return notYet(`${plural(state.durability.lostTotal - kill.lostBefore, "acknowledged record")} lost after broker 1 died. Reset and change a topic or producer setting first.`);
      }
      if (state.cluster.now - kill.t < 10 * SECOND) return notYet("Play at least ten seconds after the crash so the controller acts.");
      const partition = partitionOf(state, "orders", 0)!;
      return met(
        partition.leader < 0
          ? "orders-0 is offline rather than led by a replica that missed acknowledged writes: no acknowledged record is lost, and it comes back with broker 1."
          : `Broker ${partition.leader} leads orders-0 with every acknowledged record.`,
      );
    },
  },
};

const idempotentProducer: LabScenario = {
  ...meta("idempotent-producer"),
  questionSlugs: ["kafka-idempotent-producer"],
  topic: "payments",
  group: null,
  controls: ["produce", "producer"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "payments", partitions: 1, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 0, keySkew: 0, keyCount: 10 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
  },
  steps: [
    {
      title: "A lost acknowledgement without idempotence",
      instruction: "Drop the next acknowledgement, send one payment, and play three seconds.",
      notice: "The broker wrote the payment, but the answer never arrived. After request.timeout.ms the producer sends it again and the broker writes it a second time: a duplicate charge.",
      actions: [{ type: "dropAcks", count: 1 }, { type: "produce", key: "card-42", value: "charge 42" }, { type: "tick", quanta: 30 }],
    },
    {
      title: "The same with idempotence",
      instruction: "Turn idempotence on, drop an acknowledgement again, send one payment and play three seconds.",
      notice: "The producer has an id and numbers its batches. The broker sees the retry's sequence number again and answers with the original offset instead of writing it twice.",
      actions: [
        { type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 },
        { type: "dropAcks", count: 1 },
        { type: "produce", key: "card-42", value: "charge 42" },
        { type: "tick", quanta: 30 },
      ],
    },
  ],
  challenge: {
    goal: "Have three acknowledgements lost in the network and still end with every payment written exactly once.",
    hint: "Retries are what turn a lost answer into a duplicate, and retries are what you need for no loss.",
    check(state) {
      const base = state.baseline;
      const dropped = state.durability.acksDropped - base.acksDropped;
      const written = state.durability.duplicatesWritten - base.duplicatesWritten;
      const avoided = state.durability.duplicatesAvoided - base.duplicatesAvoided;
      if (written > 0) return notYet(`With the current producer settings, ${written === 1 ? "a retry wrote a duplicate record" : `retries wrote ${written} duplicate records`}.`);
      if (dropped < 3) return notYet(`${plural(dropped, "acknowledgement")} dropped with the current producer settings; drop three and send records.`);
      if (avoided < 3) return notYet("Send records and play time so the producer retries the unanswered requests.");
      const pending = Object.values(state.cluster.producers).some((p) => p.inFlight.length > 0 || p.queue.length > 0);
      if (pending) return notYet("Some requests are still waiting; play a little more time.");
      return met(`${plural(avoided, "retried record")} reached the broker again and ${avoided === 1 ? "was" : "were"} recognised by sequence number: no duplicates, nothing lost.`);
    },
  },
};

const transactionsEos: LabScenario = {
  ...meta("transactions-eos"),
  questionSlugs: ["kafka-transactions", "stream-exactly-once"],
  topic: "orders",
  group: "billing",
  controls: ["produce", "transactions", "consumers"],
  setup: {
    cluster: {
      brokers: 3,
      topics: [
        { name: "orders", partitions: 1, replicationFactor: 3 },
        { name: "invoices", partitions: 1, replicationFactor: 3 },
      ],
    },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 5, keySkew: 0, keyCount: 10 },
    consumers: 1,
    consumerConfig: { enableAutoCommit: false, maxPollRecords: 100, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.1,
    transactional: { outputTopic: "invoices" },
    prelude: [
      { type: "createProducer", producer: "billing-tx", config: { transactionalId: "billing-1" } },
      { type: "initTransactions", producer: "billing-tx" },
      { type: "createConsumer", consumer: "auditor-committed", topics: ["invoices"], config: { groupId: "audit-rc", autoOffsetReset: "earliest", isolationLevel: "read_committed" } },
      { type: "createConsumer", consumer: "auditor-uncommitted", topics: ["invoices"], config: { groupId: "audit-ru", autoOffsetReset: "earliest" } },
    ],
    warmupQuanta: 20,
  },
  steps: [
    {
      title: "Read, process, write, commit",
      instruction: "Play two seconds, then run a transaction and commit it.",
      notice: "The invoices and the billing group's new input offset are committed together. The read_committed auditor sees the invoices only once the COMMIT marker is written.",
      actions: [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "commit" }, { type: "tick", quanta: 5 }],
    },
    {
      title: "Abort one",
      instruction: "Play two seconds, then run a transaction and abort it.",
      notice: "The aborted invoices stay in the log, but read_committed skips them; read_uncommitted already saw them. The input offset did not move, so the app rewinds.",
      actions: [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "abort" }, { type: "tick", quanta: 5 }],
    },
    {
      title: "Try again",
      instruction: "Run another transaction and commit it.",
      notice: "The same orders are invoiced again, and this time committed: read_committed sees each order's invoice exactly once.",
      actions: [{ type: "transaction", outcome: "commit" }, { type: "tick", quanta: 5 }],
    },
  ],
  challenge: {
    goal: "Abort at least one transaction and still have the read_committed auditor see exactly one invoice per processed order.",
    hint: "Offsets that travel inside the transaction only move when it commits.",
    check(state) {
      if (state.transactions.aborted < 1) return notYet("No transaction has been aborted yet.");
      if (state.transactions.committed < 1) return notYet("Commit a transaction after the abort.");
      const committedOffset = state.cluster.groups.billing?.committed["orders-0"]?.offset ?? 0;
      const seen = state.cluster.consumers["auditor-committed"]?.processedCount ?? 0;
      const raw = state.cluster.consumers["auditor-uncommitted"]?.processedCount ?? 0;
      if (seen !== committedOffset) {
        return notYet(`The read_committed auditor has seen ${seen} invoices for ${committedOffset} committed orders; play a little time so it catches up.`);
      }
      return met(`${committedOffset} orders processed, ${seen} invoices visible to read_committed, one each. read_uncommitted saw ${raw}, aborted ones included.`);
    },
  },
};

const consumerLag: LabScenario = {
  ...meta("consumer-lag"),
  questionSlugs: ["kafka-consumer-lag", "kafka-hot-partitions", "stream-analytics-1m-eps", "stream-backpressure"],
  topic: "events",
  group: "dashboards",
  controls: ["produce", "topic", "consumers"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "events", partitions: 4, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 600, keySkew: 0, keyCount: 1000, hotKey: "user-7" },
    consumers: 2,
    consumerConfig: { maxPollRecords: 25, pollIntervalMs: 100 },
    assignor: "range",
    slowFactor: 0.2,
    warmupQuanta: 50,
  },
  steps: [
    {
      title: "Falling behind",
      instruction: "Play five seconds with two consumers.",
      notice: "Each consumer handles about 250 records/s; 600 arrive. The lag grows by roughly 100 records every second.",
      actions: [{ type: "tick", quanta: 50 }],
    },
    {
      title: "Scale out",
      instruction: "Add two consumers, one per partition.",
      notice: "Four consumers, one partition each, handle about 1,000 records/s: the lag shrinks back towards zero.",
      actions: [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 50 }],
    },
    {
      title: "Past the partition count",
      instruction: "Add a fifth consumer.",
      notice: "There are four partitions, so the fifth consumer gets none and sits idle.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
    },
    {
      title: "A hot key",
      instruction: "Send half of the traffic with one key and play five seconds.",
      notice: "Every record of user-7 goes to the same partition: about 360 records/s for one consumer that handles 250. Only that partition lags, and more consumers cannot help; the key is the problem.",
      actions: [{ type: "setWorkload", ratePerSec: 600, keySkew: 0.5 }, { type: "tick", quanta: 50 }],
    },
    {
      title: "A slow consumer",
      instruction: "Spread the keys again and make c1 slow.",
      notice: "c1 still polls and stays in the group, but it handles about 50 records/s: its partition's lag grows while the others stay at zero.",
      actions: [{ type: "setWorkload", ratePerSec: 600, keySkew: 0 }, { type: "slowConsumer", consumer: "c1", slow: true }, { type: "tick", quanta: 50 }],
    },
  ],
  challenge: {
    goal: "Bring the total lag under 100 with no idle consumer, while 600 records/s keep coming.",
    hint: "One consumer handles about 250 records/s, and a partition is read by one member of the group at a time.",
    check(state) {
      if (state.workload.ratePerSec < 600) return notYet(`Keep the workload at 600 records/s or more (it is ${state.workload.ratePerSec}).`);
      const rows = groupRows(state, "dashboards");
      const idle = rows.filter((r) => r.status === "idle");
      if (idle.length > 0) {
        return notYet(`${idle.map((r) => r.consumer).join(", ")} ${idle.length === 1 ? "is" : "are"} idle: the group has more members than 'events' has partitions.`);
      }
      const working = rows.filter((r) => r.status === "running" || r.status === "slow");
      if (working.length === 0) return notYet("No consumer in 'dashboards' is running.");
      const lag = lagNow(state);
      if (lag >= 100) {
        const capacity = working.reduce((n, r) => n + r.capacityPerSec, 0);
        return notYet(`Total lag is ${lag}. The group handles about ${capacity} records/s against ${state.workload.ratePerSec} coming in.`);
      }
      return met(`Total lag ${lag} with ${plural(working.length, "consumer")} on ${state.cluster.topics.events!.partitions.length} partitions, and none idle.`);
    },
  },
};

function windowsContaining(state: LabState, key: string): { start: number; end: number }[] {
  const app = activeApp(state);
  if (!app) return [];
  const seen = new Map<string, { start: number; end: number }>();
  for (const output of app.outputs) if (output.key === key && output.count !== null) seen.set(`${output.start}-${output.end}`, { start: output.start, end: output.end });
  return [...seen.values()];
}

const timeWindows: LabScenario = {
  ...meta("time-windows"),
  questionSlugs: ["stream-event-time-vs-processing-time", "stream-processing-basics", "stream-windowing"],
  topic: "clicks",
  group: null,
  controls: ["produce", "windows"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "clicks", partitions: 1, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 0, keySkew: 0, keyCount: 3 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    streamApp: { window: { kind: "tumbling", sizeMs: MINUTE, graceMs: 0 }, emit: "eager" },
  },
  steps: [
    {
      title: "Tumbling windows",
      instruction: "Send clicks on /home at 0:10, 0:40 and 0:59.999, then one at 1:00, and play half a second.",
      notice: "Windows are [0:00, 1:00), [1:00, 2:00)…, aligned to the epoch. The first three clicks count in the first window; 1:00 starts the next one, because a window's end is exclusive.",
      actions: [
        { type: "produce", key: "/home", value: "click", timestamp: 10 * SECOND },
        { type: "produce", key: "/home", value: "click", timestamp: 40 * SECOND },
        { type: "produce", key: "/home", value: "click", timestamp: MINUTE - 1 },
        { type: "produce", key: "/home", value: "click", timestamp: MINUTE },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "Hopping windows",
      instruction: "Make the windows hop: 1 minute long, a new one every 30 s.",
      notice: "Windows now overlap, so most clicks count in two windows: [0:30, 1:30) holds 0:40, 0:59.999 and 1:00.",
      actions: [{ type: "setWindow", sizeMs: MINUTE, advanceMs: 30 * SECOND }, { type: "tick", quanta: 5 }],
    },
  ],
  challenge: {
    goal: "Get the click at 0:40 counted in two windows at once.",
    hint: "Tumbling windows never overlap. Which windows do?",
    check(state) {
      const windows = windowsContaining(state, "/home").filter((w) => w.start <= 40 * SECOND && 40 * SECOND < w.end);
      const app = activeApp(state);
      if (!app || app.processed === 0) return notYet("Send some clicks (a 0:40 one on /home) and play time so the app reads them.");
      if (windows.length >= 2) {
        return met(`0:40 counts in ${windows.map((w) => `[${clock(w.start)}, ${clock(w.end)})`).join(" and ")}: hopping windows overlap.`);
      }
      return notYet(`0:40 is in ${plural(windows.length, "window")} of the current app.`);
    },
  },
};

function clock(ms: number): string {
  const total = Math.floor(ms / SECOND);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

const sessionWindows: LabScenario = {
  ...meta("session-windows"),
  questionSlugs: ["stream-state-size-ttl", "stream-stateful-vs-stateless"],
  topic: "activity",
  group: null,
  controls: ["produce", "windows"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "activity", partitions: 1, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 0, keySkew: 0, keyCount: 3 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    streamApp: { window: { kind: "session", gapMs: 5 * MINUTE, graceMs: 10 * MINUTE }, emit: "eager" },
  },
  steps: [
    {
      title: "Two bursts, two sessions",
      instruction: "Send alice's activity at 0:00, 2:00, 12:00 and 13:00 and play half a second.",
      notice: "With a 5-minute inactivity gap these are two sessions: [0:00, 2:00] and [12:00, 13:00]. Session windows have no fixed size; activity defines them.",
      actions: [
        { type: "produce", key: "alice", value: "tap", timestamp: 0 },
        { type: "produce", key: "alice", value: "tap", timestamp: 2 * MINUTE },
        { type: "produce", key: "alice", value: "tap", timestamp: 12 * MINUTE },
        { type: "produce", key: "alice", value: "tap", timestamp: 13 * MINUTE },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "A late event bridges them",
      instruction: "Send one more alice event at 7:00.",
      notice: "7:00 is within 5 minutes of both sessions, so they merge into one session [0:00, 13:00] with five events; the two old results are replaced.",
      actions: [{ type: "produce", key: "alice", value: "tap", timestamp: 7 * MINUTE }, { type: "tick", quanta: 5 }],
    },
  ],
  challenge: {
    goal: "Make alice's activity from 0:00 to 13:00 a single session.",
    hint: "Sessions merge when activity falls within the gap of both. You can add activity or change the gap.",
    check(state) {
      const app = activeApp(state);
      if (!app) return notYet("The stream app is missing.");
      const latest = new Map<string, { start: number; end: number; count: number | null }>();
      for (const output of app.outputs) if (output.key === "alice") latest.set(`${output.start}-${output.end}`, output);
      const live = [...latest.values()].filter((w) => w.count !== null);
      const whole = live.find((w) => w.start <= 0 && w.end >= 13 * MINUTE);
      if (whole) return met(`alice has one session [${clock(whole.start)}, ${clock(whole.end)}] with ${whole.count} events.`);
      if (live.length === 0) return notYet("No session for alice yet: send her activity and play time.");
      return notYet(`alice has ${plural(live.length, "session")}: ${live.map((w) => `[${clock(w.start)}, ${clock(w.end)}]`).join(", ")}.`);
    },
  },
};

const lateData: LabScenario = {
  ...meta("late-data-grace"),
  questionSlugs: ["stream-late-data", "stream-watermarks"],
  topic: "readings",
  group: null,
  controls: ["produce", "windows"],
  setup: {
    cluster: { brokers: 3, topics: [{ name: "readings", partitions: 1, replicationFactor: 3 }] },
    producer: { acks: "all", idempotence: true, retries: 2147483647 },
    workload: { ratePerSec: 0, keySkew: 0, keyCount: 1 },
    consumers: 0,
    consumerConfig: {},
    assignor: "range",
    slowFactor: 0.1,
    streamApp: { window: { kind: "tumbling", sizeMs: 10 * MINUTE, graceMs: 2 * MINUTE }, emit: "final" },
  },
  steps: [
    {
      title: "In-order readings",
      instruction: "Send readings at 0:01, 0:09 and 0:11 (event time) and play half a second.",
      notice: "Stream time is the highest event time seen: 0:11. The window [0:00, 0:10) stays open until stream time reaches 0:10 plus the 2-minute grace.",
      actions: [
        { type: "produce", key: "sensor-1", value: "21.5", timestamp: 1 * MINUTE },
        { type: "produce", key: "sensor-1", value: "21.6", timestamp: 9 * MINUTE },
        { type: "produce", key: "sensor-1", value: "21.8", timestamp: 11 * MINUTE },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "Late but within grace",
      instruction: "Send a reading from 0:08, then one from 0:13.",
      notice: "0:08 arrives at stream time 0:11: 0:11 − 2 min = 0:09 is before the window end, so it still counts. 0:13 then closes [0:00, 0:10) and emit-final outputs its count of 3.",
      actions: [
        { type: "produce", key: "sensor-1", value: "21.7", timestamp: 8 * MINUTE },
        { type: "tick", quanta: 5 },
        { type: "produce", key: "sensor-1", value: "21.9", timestamp: 13 * MINUTE },
        { type: "tick", quanta: 5 },
      ],
    },
    {
      title: "Too late",
      instruction: "Send a reading from 0:05.",
      notice: "Its window is closed, so Kafka Streams drops it and records why. A longer grace keeps windows open longer, at the cost of later final results.",
      actions: [{ type: "produce", key: "sensor-1", value: "21.4", timestamp: 5 * MINUTE }, { type: "tick", quanta: 5 }],
    },
  ],
  challenge: {
    goal: "Count every reading the sensor sent, including the one from 0:05 that arrives after 0:13: no reading dropped as late.",
    hint: "How far behind stream time may a record be and still count?",
    check(state) {
      const app = activeApp(state);
      if (!app) return notYet("The stream app is missing.");
      if (app.dropped > 0) return notYet(`${plural(app.dropped, "reading")} dropped as too late (its window had closed). Change the grace period; the app re-reads everything.`);
      const late = app.processed >= 6;
      if (!late) return notYet(`The app has counted ${app.processed} readings; send the whole series (the guided steps do) and play time.`);
      return met(`All ${app.processed} readings counted with a grace period of ${Math.round(app.window.graceMs / SECOND)} s; none dropped.`);
    },
  },
};

export const LAB_SCENARIOS: readonly LabScenario[] = [
  clusterTour,
  keyPartitioning,
  groupScaling,
  rebalanceAssignors,
  offsetsAndCommits,
  retentionReplay,
  acksDurability,
  minIsr,
  leaderElection,
  idempotentProducer,
  transactionsEos,
  consumerLag,
  timeWindows,
  sessionWindows,
  lateData,
];

export function labScenarioById(id: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((scenario) => scenario.id === id);
}
