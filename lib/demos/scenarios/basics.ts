// The log itself: a tour of a three-broker cluster, keys and partitions, and retention and replay.
import type { LabScenario, LabState } from "../lab/types";
import { CLUSTER_TOUR, KEY_PARTITIONING, RETENTION_REPLAY } from "./basics.meta";
import { backInSync, brokerOnline, groupRows, lagNow, liveMembers, met, notYet, partitionCount, processedOn, readableWithKey } from "./checks";
import { labSetup, MINUTE, scenarioMeta, SECOND } from "./define";
import { addConsumers, playSeconds } from "./steps";

export const clusterTour: LabScenario = {
  ...scenarioMeta(CLUSTER_TOUR),
  topic: "orders",
  group: "billing",
  controls: ["produce", "brokers", "consumers", "topic"],
  setup: labSetup([{ name: "orders", partitions: 3, replicationFactor: 3, config: { minInsyncReplicas: 2 } }], {
    workload: { ratePerSec: 20, keyCount: 12, hotKey: "customer-1" },
    consumers: 1,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100 },
    slowFactor: 0.1,
    warmupQuanta: 20,
  }),
  steps: [
    {
      title: "Follow one customer's orders",
      instruction: "Send three orders with the key customer-1 and play half a second.",
      notice: "All three land on the same partition, because the key decides the partition. The leader of that partition writes them, the two followers copy them, and only then does the high watermark let the consumer read them.",
      actions: [
        { type: "produce", key: "customer-1", value: "order", count: 3 },
        { type: "tick", quanta: 5 },
      ],
      done: (state) => readableWithKey(state, "orders", "customer-1", 3) >= 3,
    },
    {
      title: "Share the work",
      instruction: "Add a second consumer to group 'billing'.",
      notice: "The group rebalances: the three partitions are split between the two members, and each partition is read by exactly one of them.",
      ...addConsumers({ count: 1, quanta: 5, group: "billing", members: 2 }),
    },
    {
      title: "Lose a broker",
      instruction: "Crash broker 2 and play ten seconds.",
      notice: "After broker.session.timeout.ms the controller moves leadership of broker 2's partitions to in-sync followers on brokers 1 and 3. Producers and consumers carry on; the partitions just have one replica fewer.",
      actions: [{ type: "killBroker", broker: 2 }, { type: "tick", quanta: 100 }],
      // The controller has noticed (broker.session.timeout.ms) and moved broker 2's leaderships.
      done: (state) => !brokerOnline(state, 2) && state.cluster.brokers["2"]!.fenced,
    },
    {
      title: "Bring it back",
      instruction: "Restart broker 2 and play two seconds.",
      notice: "Broker 2 catches up from the leaders and rejoins the ISR. It does not take its leaderships back by itself.",
      actions: [{ type: "restartBroker", broker: 2 }, { type: "tick", quanta: 20 }],
      done: (state) => state.killed.includes(2) && backInSync(state, "orders", 2),
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
      const lag = lagNow(state, clusterTour);
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

export const keyPartitioning: LabScenario = {
  ...scenarioMeta(KEY_PARTITIONING),
  topic: "orders",
  group: "shipping",
  controls: ["produce", "topic", "consumers"],
  setup: labSetup([{ name: "orders", partitions: 3, replicationFactor: 2 }], {
    workload: { ratePerSec: 5, keyCount: 6, hotKey: "alice" },
    consumers: 1,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100 },
    slowFactor: 0.1,
  }),
  steps: [
    {
      title: "One key, one partition",
      instruction: "Send four records with the key alice and four with the key bob, and play half a second.",
      notice: "Every alice record is on the same partition, in the order it was sent; so is every bob record. The partition is murmur2(key) modulo the number of partitions.",
      actions: [
        { type: "produce", key: "alice", value: "alice order", count: 4 },
        { type: "produce", key: "bob", value: "bob order", count: 4 },
        { type: "tick", quanta: 5 },
      ],
      done: (state) => readableWithKey(state, "orders", "alice", 4) >= 4 && readableWithKey(state, "orders", "bob", 4) >= 4,
    },
    {
      title: "Grow the topic",
      instruction: "Raise 'orders' from 3 to 6 partitions.",
      notice: "Kafka lets you add partitions but never remove them. The modulo changes from 3 to 6, so some keys now hash to a different partition.",
      actions: [{ type: "setTopic", partitions: 6 }],
      done: (state) => partitionCount(state, "orders") >= 6,
    },
    {
      title: "Watch keys move",
      instruction: "Play five seconds of keyed traffic.",
      notice: "Keys whose hash lands differently now have old records on one partition and new ones on another: a consumer can read them out of order across the change.",
      actions: [{ type: "tick", quanta: 50 }],
      done: (state) => keysOnSeveralPartitions(state) !== null,
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

/** Groups other than `mainGroup` that one of the lab's running consumers reads in. */
function replayGroups(state: LabState, mainGroup: string): string[] {
  const groups = new Set(state.consumers.map((c) => c.group).filter((group) => group !== mainGroup));
  return [...groups].filter((group) => liveMembers(state, group).length > 0);
}

/** The group's first record read on some partition of 'audit' was past offset 0 (deleted history). */
function startedPastZero(state: LabState, group: string): boolean {
  const ledger = state.cluster.groups[group]?.ledger ?? {};
  return Object.values(ledger).some((l) => (l.processed[0]?.[0] ?? 0) > 0);
}

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
      processed += processedOn(ledger);
    }
    if (fromZero && processed >= 100) return { group: group.id, processed };
  }
  return null;
}

export const retentionReplay: LabScenario = {
  ...scenarioMeta(RETENTION_REPLAY),
  topic: "audit",
  group: "billing",
  controls: ["produce", "topic", "consumers"],
  setup: labSetup([{ name: "audit", partitions: 2, replicationFactor: 3, config: { retentionMs: MINUTE, segmentMs: 10 * SECOND } }], {
    cluster: { logRetentionCheckIntervalMs: 5 * SECOND },
    workload: { ratePerSec: 10, keyCount: 20 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 200, pollIntervalMs: 100 },
    slowFactor: 0.1,
    warmupQuanta: 50,
  }),
  steps: [
    {
      title: "Reading deletes nothing",
      instruction: "Play ten seconds while 'billing' reads everything.",
      notice: "The billing group is caught up, yet every record is still in the log: consuming only moves the group's offset.",
      ...playSeconds(10),
    },
    {
      title: "A second group replays",
      instruction: "Add a consumer in a new group, 'analytics'.",
      notice: "With no committed offset it starts at the oldest record (auto.offset.reset=earliest) and reads the whole history, independently of 'billing'.",
      actions: [{ type: "addConsumer", group: "analytics" }, { type: "tick", quanta: 10 }],
      // Any new group name does: what matters is a group with no committed offset of its own.
      done: (state) => replayGroups(state, "billing").length >= 1,
    },
    {
      title: "Retention takes over",
      instruction: "Play ninety seconds.",
      notice: "Segments are closed every 10 s; a closed segment whose newest record is older than retention.ms (60 s) is deleted. The log start moves forward whether or not anyone read those records.",
      actions: [{ type: "tick", quanta: 900 }],
      done: (state) => state.cluster.topics.audit!.partitions.some((p) => p.logStartOffset > 0),
    },
    {
      title: "Too late to replay",
      instruction: "Add a consumer in another new group, 'audit-late'.",
      notice: "It also asks for the earliest record, but that is now the new log start: deleted history cannot be replayed.",
      actions: [{ type: "addConsumer", group: "audit-late" }, { type: "tick", quanta: 10 }],
      // A group that started reading where retention left the log, not at offset 0.
      done: (state) => replayGroups(state, "billing").some((group) => startedPastZero(state, group)),
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
