// Brokers: the learner kills and restarts them; a kill records what the broker led and what only it had.
import { plural } from "@/lib/format/text";
import { engine, isInt, LabError, note } from "../core";
import { ackedWithin, range } from "../durability";
import type { LabScenario, LabState } from "../types";

function brokerIdOf(lab: LabState, broker: number): number {
  if (!isInt(broker) || !lab.cluster.brokers[String(broker)]) {
    const ids = Object.keys(lab.cluster.brokers).join(", ");
    throw new LabError(`There is no broker ${String(broker)}; this cluster has brokers ${ids}.`);
  }
  return broker;
}

export function killBroker(lab: LabState, scenario: LabScenario, broker: number): LabState {
  const id = brokerIdOf(lab, broker);
  const before = lab.cluster;
  let next = engine(lab, { type: "crashBroker", broker: id });
  const led: string[] = [];
  const soleIsr: string[] = [];
  const atRisk: string[] = [];
  for (const topic of Object.values(before.topics)) {
    for (const partition of topic.partitions) {
      if (partition.leader !== id) continue;
      const tp = `${topic.name}-${partition.index}`;
      led.push(tp);
      if (partition.isr.length === 1 && partition.isr[0] === id) soleIsr.push(tp);
      const leaderLeo = partition.logs[String(id)]?.leo ?? 0;
      const bestFollower = Math.max(
        partition.logStartOffset,
        ...partition.isr.filter((b) => b !== id).map((b) => partition.logs[String(b)]?.leo ?? 0),
      );
      if (leaderLeo > bestFollower) {
        const acked = ackedWithin(next, tp, bestFollower, leaderLeo);
        atRisk.push(
          `${tp} offsets ${range(bestFollower, leaderLeo)} exist only on broker ${id}` + (acked > 0 ? ` (${plural(acked, "record")} of them already acknowledged)` : ""),
        );
      }
    }
  }
  const mainTopic = before.topics[scenario.topic];
  next = {
    ...next,
    killed: [...next.killed, id],
    kills: [
      ...next.kills,
      {
        broker: id,
        t: before.now,
        led,
        soleIsr,
        lostBefore: next.durability.lostTotal,
        ackedBefore: next.durability.ackedTotal,
        acks: next.producer.acks,
        idempotence: next.producer.idempotence,
        minInsyncReplicas: mainTopic?.config.minInsyncReplicas ?? 1,
      },
    ].slice(-20),
  };
  let message = `Broker ${id} crashed.`;
  message += led.length > 0
    ? ` It led ${led.join(", ")}. The controller notices after broker.session.timeout.ms (9 s) and then hands each partition to an in-sync follower; until then those partitions take no writes.`
    : " It led no partitions, so only its follower copies are gone for now.";
  if (atRisk.length > 0) message += ` Not yet copied: ${atRisk.join("; ")}.`;
  return note(next, "warning", "broker-killed", message);
}

export function restartBroker(lab: LabState, broker: number): LabState {
  const id = brokerIdOf(lab, broker);
  const next = engine(lab, { type: "startBroker", broker: id });
  return note(
    next,
    "info",
    "broker-restarted",
    `Broker ${id} is back. It first cuts its log back to what the current leaders have (anything only it had is dropped), then fetches what it missed and rejoins the ISR once caught up.`,
  );
}
