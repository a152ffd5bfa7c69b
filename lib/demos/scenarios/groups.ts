// Consumer groups: scaling to the partition count, rebalances and assignors, offsets and commits, lag.
import { plural } from "@/lib/format/text";
import type { LabScenario, LabState } from "../lab/types";
import { groupRows, idleMembers, lagAtLeast, lagNow, liveMembers, met, notYet, partitionCount, processedOn, workloadBelow } from "./checks";
import { labSetup, scenarioMeta } from "./define";
import { CONSUMER_GROUP_SCALING, CONSUMER_LAG, OFFSETS_AND_COMMITS, REBALANCE_ASSIGNORS } from "./groups.meta";
import { addConsumers, playSeconds } from "./steps";

/** Every partition of `topic` is assigned to a running member of `group`. */
function everyPartitionOwned(state: LabState, topic: string, group: string): boolean {
  const owned = new Set(liveMembers(state, group).flatMap((row) => row.partitions));
  return (state.cluster.topics[topic]?.partitions ?? []).every((p) => owned.has(`${topic}-${p.index}`));
}

export const groupScaling: LabScenario = {
  ...scenarioMeta(CONSUMER_GROUP_SCALING),
  topic: "clicks",
  group: "analytics",
  controls: ["produce", "topic", "consumers"],
  setup: labSetup([{ name: "clicks", partitions: 3, replicationFactor: 3 }], {
    workload: { ratePerSec: 900, keyCount: 1000 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 25, pollIntervalMs: 100 },
    slowFactor: 0.2,
    warmupQuanta: 30,
  }),
  steps: [
    {
      title: "One consumer, 900 records/s",
      instruction: "Play three seconds.",
      notice: "Each consumer handles about 250 records/s, so one consumer falls further behind every second.",
      ...playSeconds(3),
    },
    {
      title: "Scale to the partition count",
      instruction: "Add two consumers (three in total, one per partition).",
      notice: "Three consumers handle about 750 records/s: better, but still below 900, so the lag keeps growing, only more slowly.",
      ...addConsumers({ count: 2, quanta: 30, group: "analytics", members: 3 }),
    },
    {
      title: "Hit the ceiling",
      instruction: "Add a fourth consumer.",
      notice: "There are only three partitions, so the fourth consumer gets none and sits idle: more consumers than partitions adds no throughput.",
      ...addConsumers({ count: 1, quanta: 10, group: "analytics", members: 4 }),
    },
    {
      title: "Raise the ceiling",
      instruction: "Grow 'clicks' to 4 partitions.",
      notice: "The group rebalances onto four partitions, the idle consumer gets one, and four consumers (about 1,000 records/s) finally outpace the input.",
      actions: [{ type: "setTopic", partitions: 4 }, { type: "tick", quanta: 50 }],
      done: (state) => partitionCount(state, "clicks") >= 4,
    },
  ],
  challenge: {
    goal: "Keep up with 900 records/s: total lag under 100, no idle consumer, no slowed-down consumer.",
    hint: "One consumer handles about 250 records/s, and a partition is read by one consumer of the group at a time.",
    check(state) {
      const rows = groupRows(state, "analytics");
      const unmet = workloadBelow(state, 900) ?? idleMembers(rows);
      if (unmet) return unmet;
      if (rows.some((r) => r.status === "slow")) return notYet("A consumer is slowed down; the goal is a healthy group.");
      const lagging = lagAtLeast(state, groupScaling, rows, 100);
      if (lagging) return lagging;
      const lag = lagNow(state, groupScaling);
      return met(`${plural(rows.length, "consumer")} on ${state.cluster.topics.clicks!.partitions.length} partitions keep up: lag ${lag}, nobody idle.`);
    },
  },
};

export const rebalanceAssignors: LabScenario = {
  ...scenarioMeta(REBALANCE_ASSIGNORS),
  topic: "events",
  group: "workers",
  controls: ["consumers", "assignor", "produce"],
  setup: labSetup([{ name: "events", partitions: 6, replicationFactor: 2 }], {
    workload: { ratePerSec: 120, keyCount: 100 },
    consumers: 2,
    consumerConfig: { maxPollRecords: 50, pollIntervalMs: 100, sessionTimeoutMs: 10_000 },
    slowFactor: 0.2,
    warmupQuanta: 10,
  }),
  steps: [
    {
      title: "An eager rebalance",
      instruction: "Add a third consumer while the group uses the range assignor.",
      notice: "Range is eager: every member gives up all its partitions, the group waits, and then the six partitions are handed out again, two each.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
      done: (state) => state.assignor !== "cooperative-sticky" && liveMembers(state, "workers").length >= 3,
    },
    {
      title: "Switch to cooperative-sticky",
      instruction: "Change the assignor to cooperative-sticky (the group restarts with the new setting).",
      notice: "A group agrees on one protocol, so switching means restarting every member with the new setting.",
      actions: [{ type: "setAssignor", strategy: "cooperative-sticky" }, { type: "tick", quanta: 10 }],
      done: (state) => state.assignor === "cooperative-sticky",
    },
    {
      title: "An incremental rebalance",
      instruction: "Add a fourth consumer.",
      notice: "Only the partitions that move are revoked, in a first round; a second round gives them to the newcomer. The others keep reading throughout.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
      done: (state) => state.assignor === "cooperative-sticky" && liveMembers(state, "workers").length >= 4,
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

export const offsetsAndCommits: LabScenario = {
  ...scenarioMeta(OFFSETS_AND_COMMITS),
  topic: "payments",
  group: "ledger",
  controls: ["produce", "consumers"],
  setup: labSetup([{ name: "payments", partitions: 2, replicationFactor: 3 }], {
    workload: { ratePerSec: 20, keyCount: 50 },
    consumers: 2,
    consumerConfig: { maxPollRecords: 100, pollIntervalMs: 100, sessionTimeoutMs: 10_000, autoCommitIntervalMs: 5000 },
    slowFactor: 0.2,
    warmupQuanta: 20,
  }),
  steps: [
    {
      title: "Auto-commit at work",
      instruction: "Play six seconds.",
      notice: "The consumers process payments as they arrive, but their offsets are committed only every 5 s (auto.commit.interval.ms).",
      ...playSeconds(6),
    },
    {
      title: "Crash between commits",
      instruction: "Crash c1 and play fifteen seconds.",
      notice: "c1 had processed payments after its last commit. When c2 takes over its partition (after session.timeout.ms, 10 s here) it starts from the committed offset and processes those payments a second time.",
      // 1.5 s more puts the crash at 9.5 s, 4.5 s after c1's last auto-commit (at 10 s it would land right after one).
      actions: [{ type: "tick", quanta: 15 }, { type: "crashConsumer", consumer: "c1" }, { type: "tick", quanta: 150 }],
      // c1 crashed and a running member has taken over every partition (after session.timeout.ms).
      done: (state) => state.cluster.consumers.c1?.status === "crashed" && everyPartitionOwned(state, "payments", "ledger"),
    },
  ],
  challenge: {
    goal: "Crash a consumer without any payment being processed twice.",
    hint: "Duplicates are the records processed after the last commit. When is there nothing uncommitted?",
    check(state) {
      const group = state.cluster.groups.ledger;
      const crashed = groupRows(state, "ledger").filter((r) => r.status === "crashed");
      if (!group) return notYet("The group does not exist yet.");
      const processed = Object.values(group.ledger).reduce((n, l) => n + processedOn(l), 0);
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

export const consumerLag: LabScenario = {
  ...scenarioMeta(CONSUMER_LAG),
  topic: "events",
  group: "dashboards",
  controls: ["produce", "topic", "consumers"],
  setup: labSetup([{ name: "events", partitions: 4, replicationFactor: 3 }], {
    workload: { ratePerSec: 600, keyCount: 1000, hotKey: "user-7" },
    consumers: 2,
    consumerConfig: { maxPollRecords: 25, pollIntervalMs: 100 },
    slowFactor: 0.2,
    warmupQuanta: 50,
  }),
  steps: [
    {
      title: "Falling behind",
      instruction: "Play five seconds with two consumers.",
      notice: "Each consumer handles about 250 records/s; 600 arrive. The lag grows by roughly 100 records every second.",
      ...playSeconds(5),
    },
    {
      title: "Scale out",
      instruction: "Add two consumers, one per partition.",
      notice: "Four consumers, one partition each, handle about 1,000 records/s: the lag shrinks back towards zero.",
      ...addConsumers({ count: 2, quanta: 50, group: "dashboards", members: 4 }),
    },
    {
      title: "Past the partition count",
      instruction: "Add a fifth consumer.",
      notice: "There are four partitions, so the fifth consumer gets none and sits idle.",
      actions: [{ type: "addConsumer" }, { type: "tick", quanta: 10 }],
      done: (state) => liveMembers(state, "dashboards").length > partitionCount(state, "events"),
    },
    {
      title: "A hot key",
      instruction: "Send half of the traffic with one key and play five seconds.",
      notice: "Every record of user-7 goes to the same partition: about 360 records/s for one consumer that handles 250. Only that partition lags, and more consumers cannot help; the key is the problem.",
      actions: [{ type: "setWorkload", ratePerSec: 600, keySkew: 0.5 }, { type: "tick", quanta: 50 }],
      done: (state) => state.workload.keySkew >= 0.5,
    },
    {
      title: "A slow consumer",
      instruction: "Spread the keys again and make c1 slow.",
      notice: "c1 still polls and stays in the group, but it handles about 50 records/s: its partition's lag grows while the others stay at zero.",
      actions: [{ type: "setWorkload", ratePerSec: 600, keySkew: 0 }, { type: "slowConsumer", consumer: "c1", slow: true }, { type: "tick", quanta: 50 }],
      done: (state) => state.workload.keySkew === 0 && groupRows(state, "dashboards").some((row) => row.consumer === "c1" && row.status === "slow"),
    },
  ],
  challenge: {
    goal: "Bring the total lag under 100 with no idle consumer, while 600 records/s keep coming.",
    hint: "One consumer handles about 250 records/s, and a partition is read by one member of the group at a time.",
    check(state) {
      const rows = groupRows(state, "dashboards");
      const unmet = workloadBelow(state, 600) ?? idleMembers(rows);
      if (unmet) return unmet;
      const working = rows.filter((r) => r.status === "running" || r.status === "slow");
      if (working.length === 0) return notYet("No consumer in 'dashboards' is running.");
      const lagging = lagAtLeast(state, consumerLag, rows, 100);
      if (lagging) return lagging;
      const lag = lagNow(state, consumerLag);
      return met(`Total lag ${lag} with ${plural(working.length, "consumer")} on ${state.cluster.topics.events!.partitions.length} partitions, and none idle.`);
    },
  },
};
