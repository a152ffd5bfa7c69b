// Durability: acks under a leader crash, min.insync.replicas, ISR and leader election, idempotent retries.
import { plural } from "@/lib/format/text";
import type { LabAction, LabScenario, LabState } from "../lab/types";
import { brokerOnline, lastKill, lostSince, met, notYet, partitionOf, sinceBaseline } from "./checks";
import { labSetup, SAFE_PRODUCER, scenarioMeta, SECOND } from "./define";
import { ACKS_DURABILITY, IDEMPOTENT_PRODUCER, LEADER_ELECTION, MIN_ISR } from "./durability.meta";

const DELIVERY_TP = "payments-0";

/** The producer switched to the safe settings: acks=all, idempotent, retries at Kafka's default. */
const SAFE_PRODUCER_ACTION: LabAction = { type: "setProducer", ...SAFE_PRODUCER };

/** A broker other than `broker` leads payments-0 again. */
function newLeader(state: LabState, broker: number): boolean {
  const partition = partitionOf(state, "payments", 0);
  return Boolean(partition) && partition!.leader >= 0 && partition!.leader !== broker;
}

/** The ISR of the topic's partition 0 is `broker` alone. */
function soleIsr(state: LabState, topic: string, broker: number): boolean {
  const isr = partitionOf(state, topic, 0)?.isr ?? [];
  return isr.length === 1 && isr[0] === broker;
}

export const acksDurability: LabScenario = {
  ...scenarioMeta(ACKS_DURABILITY),
  topic: "payments",
  group: "ledger",
  controls: ["produce", "producer", "topic", "brokers", "consumers"],
  setup: labSetup([{ name: "payments", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 1 } }], {
    producer: { acks: "1", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 50, keyCount: 10 },
    consumers: 1,
    consumerConfig: { maxPollRecords: 200, pollIntervalMs: 100 },
    slowFactor: 0.1,
    warmupQuanta: 10,
  }),
  steps: [
    {
      title: "acks=1 and a leader crash",
      instruction: "Keep acks=1, crash broker 1 (the leader of payments-0) and play ten seconds.",
      notice: "The records broker 1 acknowledged in its last moments were never copied. Broker 2 takes over without them: the producer was told they were written, and they are gone.",
      actions: [{ type: "tick", quanta: 5 }, { type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }],
      // Broker 1 died leading payments-0 under acks=1, and another broker has taken over.
      done: (state) => Boolean(lastKill(state, (k) => k.broker === 1 && k.acks === "1" && k.led.includes(DELIVERY_TP))) && newLeader(state, 1),
    },
    {
      title: "The old leader returns",
      instruction: "Restart broker 1.",
      notice: "Broker 1 still had the lost records on disk, but it truncates its log to match the new leader before following it.",
      actions: [{ type: "restartBroker", broker: 1 }, { type: "tick", quanta: 20 }],
      done: (state) => state.killed.includes(1) && brokerOnline(state, 1),
    },
    {
      title: "acks=all, min.insync.replicas=2, idempotence",
      instruction: "Switch the producer to acks=all with idempotence, set min.insync.replicas=2, then crash the new leader, broker 2, and play ten seconds.",
      notice: "An acknowledgement now means at least two brokers have the record, so the new leader has everything that was acknowledged. Retries of unanswered requests are recognised by sequence number instead of written twice.",
      actions: [
        SAFE_PRODUCER_ACTION,
        { type: "setTopic", minInsyncReplicas: 2 },
        { type: "tick", quanta: 20 },
        { type: "killBroker", broker: 2 },
        { type: "tick", quanta: 100 },
      ],
      done: (state) =>
        Boolean(lastKill(state, (k) => k.broker === 2 && k.led.includes(DELIVERY_TP) && k.acks === "all" && k.idempotence && k.minInsyncReplicas >= 2)) && newLeader(state, 2),
    },
  ],
  challenge: {
    goal: "Lose no acknowledged record, and write no duplicate, while the leader of payments-0 dies — with settings that guarantee it rather than luck.",
    hint: "Ask yourself how many brokers have a record at the moment the producer hears 'done', and what a retry does when only the answer was lost.",
    check(state) {
      const kill = lastKill(state, (k) => k.led.includes(DELIVERY_TP));
      if (!kill) return notYet("Produce with the settings you trust, then kill the broker that leads payments-0 and play time until another broker takes over.");
      const lost = lostSince(state, kill);
      if (lost > 0) {
        return notYet(`${plural(lost, "acknowledged record")} ${lost === 1 ? "was" : "were"} lost when broker ${kill.broker} died (acks=${kill.acks}). Reset and change the producer or topic settings first.`);
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
      if (sinceBaseline(state, "duplicatesWritten") > 0) return notYet("A retry wrote a duplicate. Which producer setting lets the broker recognise a retry?");
      return met(
        `Broker ${kill.broker} died and broker ${partition.leader} took over with every acknowledged record (acks=all, min.insync.replicas=${kill.minInsyncReplicas}${kill.idempotence ? ", idempotent retries" : ""}).`,
      );
    },
  },
};

/** min-isr's steps stop brokers 3 and 2 and play fifteen seconds. */
const STOP_TWO: LabAction[] = [{ type: "killBroker", broker: 3 }, { type: "killBroker", broker: 2 }, { type: "tick", quanta: 150 }];

/** Brokers 2 and 3 are down and broker 1 is alone in the ISR of payments-0. */
function twoStoppedSoleIsr(state: LabState): boolean {
  return !brokerOnline(state, 2) && !brokerOnline(state, 3) && soleIsr(state, "payments", 1);
}

export const minIsr: LabScenario = {
  ...scenarioMeta(MIN_ISR),
  topic: "payments",
  group: null,
  controls: ["produce", "producer", "topic", "brokers"],
  setup: labSetup([{ name: "payments", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { minInsyncReplicas: 1 } }], {
    workload: { ratePerSec: 20, keyCount: 10 },
    slowFactor: 0.1,
    warmupQuanta: 10,
  }),
  steps: [
    {
      title: "acks=all with a shrinking ISR",
      instruction: "Stop brokers 3 and 2 and play fifteen seconds.",
      notice: "acks=all waits for the in-sync replicas, not for all replicas. Once brokers 2 and 3 are fenced, the ISR is broker 1 alone, and with min.insync.replicas=1 every write is acknowledged by a single copy.",
      actions: STOP_TWO,
      done: (state) => twoStoppedSoleIsr(state),
    },
    {
      title: "Require two copies",
      instruction: "Restart both brokers, set min.insync.replicas=2, stop them again and play fifteen seconds.",
      notice: "Now the leader refuses writes with NotEnoughReplicas once the ISR drops below two. The producer keeps retrying, nothing is acknowledged, and nothing acknowledged can be lost.",
      actions: [
        { type: "restartBroker", broker: 2 },
        { type: "restartBroker", broker: 3 },
        { type: "setTopic", minInsyncReplicas: 2 },
        { type: "tick", quanta: 20 },
        ...STOP_TWO,
      ],
      done: (state) => state.cluster.topics.payments!.config.minInsyncReplicas >= 2 && twoStoppedSoleIsr(state),
    },
  ],
  challenge: {
    goal: "With two of three brokers down, have the producer refused rather than acknowledged by a single copy.",
    hint: "Which topic setting makes acks=all insist on a minimum number of replicas?",
    check(state) {
      const partition = partitionOf(state, "payments", 0)!;
      const down = Object.values(state.cluster.brokers).filter((b) => b.status !== "online").length;
      const single = sinceBaseline(state, "ackedSingleCopy");
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

export const leaderElection: LabScenario = {
  ...scenarioMeta(LEADER_ELECTION),
  topic: "orders",
  group: null,
  controls: ["produce", "producer", "topic", "brokers"],
  setup: labSetup([{ name: "orders", partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config: { uncleanLeaderElectionEnable: true } }], {
    producer: { acks: "1", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 20, keyCount: 10 },
    slowFactor: 0.1,
    prelude: [{ type: "throttleBroker", broker: 3, recordsPerFetch: 0 }],
    warmupQuanta: 10,
  }),
  steps: [
    {
      title: "A follower falls behind",
      instruction: "Play fifty seconds. Broker 3's follower is stuck (a long pause).",
      notice: "Once broker 3 has not caught up for replica.lag.time.max.ms (30 s), the leader's next ISR check (every 15 s) drops it from the ISR. The high watermark keeps moving with brokers 1 and 2.",
      actions: [{ type: "tick", quanta: 500 }],
      done: (state) => !partitionOf(state, "orders", 0)!.isr.includes(3),
    },
    {
      title: "Down to one in-sync replica",
      instruction: "Crash broker 2 and play ten seconds.",
      notice: "The ISR is now broker 1 alone. Writes with acks=1 (or acks=all with min.insync.replicas=1) still succeed on a single copy.",
      actions: [{ type: "killBroker", broker: 2 }, { type: "tick", quanta: 100 }],
      done: (state) => !brokerOnline(state, 2) && soleIsr(state, "orders", 1),
    },
    {
      title: "The last in-sync replica dies",
      instruction: "Crash broker 1 and play ten seconds.",
      notice: "With unclean.leader.election.enable=true, broker 3, which was out of sync, becomes leader with its shorter log: everything it missed is lost. With it off, the partition would stay offline instead.",
      actions: [{ type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }],
      done: (state) => {
        const kill = lastKill(state, (k) => k.broker === 1 && k.soleIsr.includes("orders-0"));
        return Boolean(kill) && !brokerOnline(state, 1) && state.cluster.now - kill!.t >= 10 * SECOND;
      },
    },
  ],
  challenge: {
    goal: "Crash broker 1 while it is the only in-sync replica, and lose no acknowledged record.",
    hint: "Either stop out-of-sync replicas from taking over, or make sure there never is just one copy of an acknowledged write.",
    check(state) {
      const kill = lastKill(state, (k) => k.broker === 1 && k.soleIsr.includes("orders-0"));
      if (!kill) return notYet("Get the ISR of orders-0 down to broker 1 alone (a follower is stuck; crash broker 2), then crash broker 1.");
      const lost = lostSince(state, kill);
      if (lost > 0) {
        return notYet(`${plural(lost, "acknowledged record")} lost after broker 1 died. Reset and change a topic or producer setting first.`);
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

/** One payment whose acknowledgement the network drops, and three seconds for the producer's retry. */
const LOST_ACK: LabAction[] = [{ type: "dropAcks", count: 1 }, { type: "produce", key: "card-42", value: "charge 42" }, { type: "tick", quanta: 30 }];

export const idempotentProducer: LabScenario = {
  ...scenarioMeta(IDEMPOTENT_PRODUCER),
  topic: "payments",
  group: null,
  controls: ["produce", "producer"],
  setup: labSetup([{ name: "payments", partitions: 1, replicationFactor: 3 }], {
    producer: { acks: "all", idempotence: false, retries: 2147483647 },
    workload: { ratePerSec: 0, keyCount: 10 },
    slowFactor: 0.1,
  }),
  steps: [
    {
      title: "A lost acknowledgement without idempotence",
      instruction: "Drop the next acknowledgement, send one payment, and play three seconds.",
      notice: "The broker wrote the payment, but the answer never arrived. After request.timeout.ms the producer sends it again and the broker writes it a second time: a duplicate charge.",
      actions: LOST_ACK,
      done: (state) => state.durability.duplicatesWritten > 0,
    },
    {
      title: "The same with idempotence",
      instruction: "Turn idempotence on, drop an acknowledgement again, send one payment and play three seconds.",
      notice: "The producer has an id and numbers its batches. The broker sees the retry's sequence number again and answers with the original offset instead of writing it twice.",
      actions: [SAFE_PRODUCER_ACTION, ...LOST_ACK],
      done: (state) => state.producer.idempotence && state.durability.duplicatesAvoided > 0,
    },
  ],
  challenge: {
    goal: "Have three acknowledgements lost in the network and still end with every payment written exactly once.",
    hint: "Retries are what turn a lost answer into a duplicate, and retries are what you need for no loss.",
    check(state) {
      const dropped = sinceBaseline(state, "acksDropped");
      const written = sinceBaseline(state, "duplicatesWritten");
      const avoided = sinceBaseline(state, "duplicatesAvoided");
      if (written > 0) return notYet(`With the current producer settings, ${written === 1 ? "a retry wrote a duplicate record" : `retries wrote ${written} duplicate records`}.`);
      if (dropped < 3) return notYet(`${plural(dropped, "acknowledgement")} dropped with the current producer settings; drop three and send records.`);
      if (avoided < 3) return notYet("Send records and play time so the producer retries the unanswered requests.");
      const pending = Object.values(state.cluster.producers).some((p) => p.inFlight.length > 0 || p.queue.length > 0);
      if (pending) return notYet("Some requests are still waiting; play a little more time.");
      return met(`${plural(avoided, "retried record")} reached the broker again and ${avoided === 1 ? "was" : "were"} recognised by sequence number: no duplicates, nothing lost.`);
    },
  },
};
