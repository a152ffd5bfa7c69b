// Each scenario's challenge: unmet at the start, met by a sequence of learner actions that really does
// what the goal asks, and left unmet — with a reason — by a tempting wrong approach. The learner's runs
// here are their own (guided steps done by hand), so a met challenge is a complete one; what "Do it for
// me" does to a challenge is in step-progress.test.ts.
import { describe, expect, it } from "vitest";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { LAB_SCENARIOS, challengeProgress, createLab, type LabAction, type LabState } from "@/lib/demos/lab";
import { byHand, play, records, stepActions } from "../helpers";

const MINUTE = 60_000;

function expectMet(lab: LabState, detail: RegExp): void {
  expect(lab.challenge?.detail).toMatch(detail);
  expect(lab.challenge?.met).toBe(true);
  expect(challengeProgress(lab)).toBe("complete");
  // Meeting it is news once: a success note that repeats the detail.
  const notes = lab.notes.filter((n) => n.kind === "challenge-met");
  expect(notes.length).toBeGreaterThan(0);
  expect(notes.every((n) => n.tone === "success" && n.message.startsWith("Challenge met: "))).toBe(true);
}

function expectUnmet(lab: LabState, detail: RegExp): void {
  expect(lab.challenge?.detail).toMatch(detail);
  expect(lab.challenge?.met).toBe(false);
}

function run(id: DemoScenarioId, actions: LabAction[]): LabState {
  return play(createLab(id), actions);
}

describe("every challenge", () => {
  it.each(LAB_SCENARIOS.filter((s) => s.challenge).map((s) => s.id))("%s starts unmet, with a goal, a hint and what is missing", (id) => {
    const s = LAB_SCENARIOS.find((x) => x.id === id)!;
    const lab = createLab(id);
    expect(s.challenge!.goal.length).toBeGreaterThan(20);
    expect(s.challenge!.hint.length).toBeGreaterThan(20);
    expect(lab.challenge?.met).toBe(false);
    expect(lab.challenge?.detail.length).toBeGreaterThan(20);
    // The status stored in the state is what the check says about that state.
    expect(s.challenge!.check(lab)).toEqual(lab.challenge);
  });
});

describe("cluster-tour", () => {
  it("is met once leaders have moved off the crashed broker and the group has caught up", () => {
    expectMet(byHand("cluster-tour", 3), /After broker 2 crashed, every partition has a running leader and the group is caught up/);
  });
  it("is not met while the crashed broker still leads (before the controller notices)", () => {
    // broker.session.timeout.ms is 9 s; one second after the crash broker 1 is still the leader of orders-0.
    expectUnmet(run("cluster-tour", [{ type: "killBroker", broker: 1 }, { type: "tick", quanta: 10 }]), /orders-0 still has no running leader/);
  });
});

describe("key-partitioning", () => {
  it("is met by resizing the topic and sending more keyed traffic", () => {
    expectMet(byHand("key-partitioning"), /Key '[^']+' has records on partitions \d+ and \d+/);
  });
  it("is not met by lots of traffic on the same key: the partition count decides", () => {
    const lab = run("key-partitioning", [{ type: "produce", key: "alice", count: 50 }, { type: "tick", quanta: 100 }]);
    expectUnmet(lab, /Every key still lives on exactly one partition/);
  });
});

describe("consumer-group-scaling", () => {
  it("is met with six partitions and six consumers (1,500 records/s against 900)", () => {
    const lab = run("consumer-group-scaling", [
      { type: "setTopic", partitions: 6 },
      ...Array.from({ length: 5 }, (): LabAction => ({ type: "addConsumer" })),
      { type: "tick", quanta: 60 },
    ]);
    expectMet(lab, /6 consumers on 6 partitions keep up: lag \d+, nobody idle/);
  });
  it("is not met by more consumers than partitions", () => {
    const lab = run("consumer-group-scaling", [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 20 }]);
    expectUnmet(lab, /c4 is idle: the group has more members than partitions/);
  });
  it("is not met by turning the workload down", () => {
    expectUnmet(run("consumer-group-scaling", [{ type: "setWorkload", ratePerSec: 100, keySkew: 0 }, { type: "tick", quanta: 50 }]), /Keep the workload at 900 records\/s or more \(it is 100\)/);
  });
});

describe("rebalance-assignors", () => {
  it("is met by the guided steps: switch to cooperative-sticky, then grow to four", () => {
    expectMet(byHand("rebalance-assignors"), /Four members on cooperative-sticky: \d+ incremental rebalances/);
  });
  it("does not count the members leaving the old protocol during the switch against it", () => {
    const lab = createLab("rebalance-assignors");
    const switched = play(lab, [{ type: "setAssignor", strategy: "cooperative-sticky" }]);
    // The restart makes the range group rebalance as members leave...
    expect(switched.rebalances.eager).toBeGreaterThan(lab.rebalances.eager);
    // ...but that is the switch itself, not a rebalance after it.
    expect(switched.rebalances.eagerSinceAssignor).toBe(0);
    expectMet(play(switched, [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 10 }]), /Four members on cooperative-sticky/);
  });
  it("is not met by growing the group on an eager assignor", () => {
    expectUnmet(run("rebalance-assignors", [{ type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 10 }]), /uses range: each rebalance stops every member\. 4 running/);
    const back = run("rebalance-assignors", [
      { type: "setAssignor", strategy: "cooperative-sticky" },
      { type: "tick", quanta: 10 },
      { type: "setAssignor", strategy: "sticky" },
      { type: "addConsumer" },
      { type: "addConsumer" },
      { type: "tick", quanta: 10 },
    ]);
    expectUnmet(back, /uses sticky/);
  });
});

describe("offsets-and-commits", () => {
  it("is met by crashing a consumer right after its auto-commit, when nothing is uncommitted", () => {
    let lab = createLab("offsets-and-commits");
    const caughtUpAtCommit = (state: LabState) => {
      const c1 = state.cluster.consumers.c1!;
      const tp = c1.assignment[0]!;
      const committed = state.cluster.groups.ledger!.committed[tp];
      return committed !== undefined && committed.offset > 0 && c1.positions[tp] === committed.offset;
    };
    for (let i = 0; i < 100 && !caughtUpAtCommit(lab); i++) lab = play(lab, [{ type: "tick", quanta: 1 }]);
    expect(caughtUpAtCommit(lab)).toBe(true);
    lab = play(lab, [{ type: "crashConsumer", consumer: "c1" }, { type: "tick", quanta: 150 }]);
    expectMet(lab, /A consumer crashed and its partitions moved on, yet none of the \d+ processed payments was processed twice/);
  });
  it("is not met by the guided crash between two commits", () => {
    expectUnmet(byHand("offsets-and-commits"), /^\d+ payments were processed twice/);
  });
  it("is not met before the crashed consumer's partitions are taken over", () => {
    const lab = createLab("offsets-and-commits");
    // No poll since the warm-up's last commit yet: c1 is exactly at its committed offset.
    expectUnmet(play(lab, [{ type: "crashConsumer", consumer: "c1" }, { type: "tick", quanta: 20 }]), /have not been taken over yet/);
  });
});

describe("retention-replay", () => {
  it("is met by a second group that reads from offset 0 before retention deletes anything", () => {
    expectMet(byHand("retention-replay", 2), /Group 'analytics' read \d+ records from offset 0, while 'billing' kept its own position/);
  });
  it("is met later too when retention is off (retention.ms=-1)", () => {
    const lab = run("retention-replay", [{ type: "setTopic", retentionMs: -1 }, { type: "tick", quanta: 900 }, { type: "addConsumer", group: "analytics" }, { type: "tick", quanta: 20 }]);
    expectMet(lab, /Group 'analytics' read/);
  });
  it("is not met once retention has deleted the first segments", () => {
    const lab = run("retention-replay", [{ type: "tick", quanta: 900 }, { type: "addConsumer", group: "analytics" }, { type: "tick", quanta: 20 }]);
    expectUnmet(lab, /Retention already deleted the oldest segments \(a log now starts at offset [1-9]\d*\)/);
  });
});

describe("acks-durability", () => {
  const safe: LabAction[] = [
    { type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 },
    { type: "setTopic", minInsyncReplicas: 2 },
  ];
  const crashLeader: LabAction[] = [{ type: "tick", quanta: 20 }, { type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }];

  it("is met with acks=all, min.insync.replicas=2 and idempotence", () => {
    expectMet(byHand("acks-durability"), /Broker 2 died and broker [13] took over with every acknowledged record \(acks=all, min\.insync\.replicas=2, idempotent retries\)/);
    expectMet(run("acks-durability", [...safe, ...crashLeader]), /Broker 1 died and broker [23] took over/);
  });
  it("is not met with acks=1: acknowledged records are lost", () => {
    const lab = byHand("acks-durability", 1);
    expect(lab.durability.lostTotal).toBeGreaterThan(0);
    expectUnmet(lab, /acknowledged records? (was|were) lost when broker 1 died \(acks=1\)/);
  });
  it("is not met by luck: acks=all with min.insync.replicas=1 or acks=0", () => {
    const allOne = run("acks-durability", [{ type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 }, ...crashLeader]);
    expect(allOne.durability.lostTotal).toBe(0);
    expectUnmet(allOne, /with acks=all and min\.insync\.replicas=1 an acknowledged record can exist on a single broker/);
    const zero = run("acks-durability", [{ type: "setProducer", acks: "0", idempotence: false, retries: 2147483647 }, ...crashLeader]);
    expectUnmet(zero, /with acks=0 and min\.insync\.replicas=1/);
  });
  it("is not met when a retry without idempotence writes a duplicate", () => {
    const lab = run("acks-durability", [
      { type: "setProducer", acks: "all", idempotence: false, retries: 2147483647 },
      { type: "setTopic", minInsyncReplicas: 2 },
      { type: "tick", quanta: 20 },
      { type: "dropAcks", count: 3 },
      { type: "tick", quanta: 40 },
      { type: "killBroker", broker: 1 },
      { type: "tick", quanta: 100 },
    ]);
    expect(lab.durability.duplicatesWritten).toBeGreaterThan(0);
    expectUnmet(lab, /A retry wrote a duplicate/);
  });
});

describe("min-isr", () => {
  const twoDown: LabAction[] = [{ type: "killBroker", broker: 3 }, { type: "killBroker", broker: 2 }, { type: "tick", quanta: 150 }];

  it("is met with min.insync.replicas=2: the lone leader refuses writes", () => {
    const lab = run("min-isr", [{ type: "setTopic", minInsyncReplicas: 2 }, ...twoDown]);
    expectMet(lab, /The ISR is broker 1 alone and every write since was refused \(NotEnoughReplicas\)/);
    expectMet(byHand("min-isr"), /every write since was refused/);
  });
  it("is not met with min.insync.replicas=1: the lone leader acknowledges single copies", () => {
    const lab = byHand("min-isr", 1);
    expect(lab.cluster.topics.payments!.partitions[0]!.isr).toEqual([1]);
    expectUnmet(lab, /^\d+ records were acknowledged while only one replica was in sync/);
  });
  it("is not met with acks=1, which min.insync.replicas does not protect", () => {
    const lab = run("min-isr", [{ type: "setProducer", acks: "1", idempotence: false, retries: 10 }, { type: "setTopic", minInsyncReplicas: 2 }, ...twoDown]);
    expectUnmet(lab, /acknowledged while only one replica was in sync/);
  });
  it("is not met when nothing tries to write", () => {
    const lab = run("min-isr", [{ type: "setTopic", minInsyncReplicas: 2 }, { type: "setWorkload", ratePerSec: 0, keySkew: 0 }, ...twoDown]);
    expectUnmet(lab, /Keep the workload running/);
  });
});

describe("leader-election", () => {
  it("is met by turning unclean leader election off before the last in-sync replica dies", () => {
    const lab = run("leader-election", [{ type: "setTopic", uncleanLeaderElection: false }, ...stepActions("leader-election", 0, 1, 2)]);
    expect(lab.cluster.topics.orders!.partitions[0]!.leader).toBe(-1);
    expect(lab.durability.lostTotal).toBe(0);
    expectMet(lab, /orders-0 is offline rather than led by a replica that missed acknowledged writes/);
  });
  it("is not met with unclean election on: broker 3 leads without what it missed", () => {
    expectUnmet(byHand("leader-election"), /^\d+ acknowledged records lost after broker 1 died/);
  });
  it("is not met before the controller has had time to act", () => {
    expectUnmet(run("leader-election", [...stepActions("leader-election", 0, 1), { type: "killBroker", broker: 1 }, { type: "tick", quanta: 50 }]), /Play at least ten seconds after the crash/);
  });
});

describe("idempotent-producer", () => {
  it("is met by three lost acknowledgements with idempotence on", () => {
    const lab = run("idempotent-producer", [
      { type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 },
      { type: "dropAcks", count: 3 },
      { type: "produce", key: "card-42", value: "charge" },
      { type: "tick", quanta: 1 },
      { type: "produce", key: "card-43", value: "charge" },
      { type: "tick", quanta: 1 },
      { type: "produce", key: "card-44", value: "charge" },
      { type: "tick", quanta: 50 },
    ]);
    // Each payment is in the log once.
    const keys = records(lab.cluster, "payments").map((r) => r.key);
    expect(keys.sort()).toEqual(["card-42", "card-43", "card-44"]);
    expectMet(lab, /3 retried records reached the broker again and were recognised by sequence number/);
  });
  it("is not met without idempotence: the retries write duplicates", () => {
    const lab = run("idempotent-producer", [{ type: "dropAcks", count: 3 }, { type: "produce", key: "card-42", value: "charge", count: 3 }, { type: "tick", quanta: 30 }]);
    expectUnmet(lab, /With the current producer settings, retries wrote 3 duplicate records/);
  });
  it("is not met with acks=1, where idempotence is off", () => {
    const lab = run("idempotent-producer", [{ type: "setProducer", acks: "1", idempotence: true, retries: 2147483647 }]);
    expect(lab.producer.idempotence).toBe(false);
    expect(lab.notes.at(-1)?.message).toMatch(/Idempotence needs acks=all and retries above 0, so it is off with acks=1/);
    const after = play(lab, [{ type: "dropAcks", count: 3 }, { type: "produce", key: "card-42", value: "charge", count: 3 }, { type: "tick", quanta: 30 }]);
    expectUnmet(after, /wrote 3 duplicate records/);
  });
  it("is not met by the guided steps alone, which drop one acknowledgement after the switch", () => {
    expectUnmet(byHand("idempotent-producer"), /^1 acknowledgement dropped with the current producer settings/);
  });
});

describe("transactions-eos", () => {
  it("is met by an abort followed by a commit", () => {
    expectMet(byHand("transactions-eos", 2), /^\d+ orders processed, \d+ invoices visible to read_committed, one each/);
  });
  it("is not met without an abort, or without a commit after it", () => {
    expectUnmet(run("transactions-eos", [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "commit" }, { type: "tick", quanta: 20 }]), /No transaction has been aborted yet/);
    expectUnmet(run("transactions-eos", [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "abort" }, { type: "tick", quanta: 20 }]), /Commit a transaction after the abort/);
  });
});

describe("consumer-lag", () => {
  it("is met with one consumer per partition", () => {
    expectMet(byHand("consumer-lag", 2), /Total lag \d+ with 4 consumers on 4 partitions, and none idle/);
  });
  it("is not met with an idle fifth consumer, or with too few consumers", () => {
    expectUnmet(byHand("consumer-lag", 3), /c5 is idle/);
    expectUnmet(run("consumer-lag", [...stepActions("consumer-lag", 0), { type: "addConsumer" }, { type: "tick", quanta: 10 }]), /Total lag is \d+\. The group handles about 750 records\/s against 600 coming in/);
  });
  it("is not met by lowering the input rate", () => {
    expectUnmet(run("consumer-lag", [{ type: "setWorkload", ratePerSec: 300, keySkew: 0 }, { type: "tick", quanta: 100 }]), /Keep the workload at 600 records\/s or more \(it is 300\)/);
  });
});

describe("time-windows", () => {
  it("is met by hopping windows", () => {
    expectMet(byHand("time-windows"), /0:40 counts in \[0:00, 1:00\) and \[0:30, 1:30\): hopping windows overlap/);
  });
  it("is not met by smaller tumbling windows", () => {
    const lab = run("time-windows", [...stepActions("time-windows", 0), { type: "setWindow", sizeMs: 30_000 }, { type: "tick", quanta: 5 }]);
    expect(lab.cluster.streams[lab.streamApp!]!.window.kind).toBe("tumbling");
    expectUnmet(lab, /0:40 is in 1 window of the current app/);
  });
});

describe("session-windows", () => {
  it("is met by a bridging event, or by a gap wider than the pause", () => {
    expectMet(byHand("session-windows"), /alice has one session \[0:00, 13:00\] with 5 events/);
    // 2:00 → 12:00 is a 10-minute pause: a 10-minute gap joins the bursts without the bridging event.
    expectMet(run("session-windows", [...stepActions("session-windows", 0), { type: "setWindow", gapMs: 10 * MINUTE }, { type: "tick", quanta: 5 }]), /one session \[0:00, 13:00\] with 4 events/);
  });
  it("is not met by two bursts under a 5-minute gap, nor a gap just short of the pause", () => {
    expectUnmet(byHand("session-windows", 1), /alice has 2 sessions: \[0:00, 2:00\], \[12:00, 13:00\]/);
    expectUnmet(run("session-windows", [...stepActions("session-windows", 0), { type: "setWindow", gapMs: 10 * MINUTE - 1 }, { type: "tick", quanta: 5 }]), /alice has 2 sessions/);
  });
});

describe("late-data-grace", () => {
  it("is met with a grace period that covers the 5:00 reading", () => {
    expectMet(run("late-data-grace", [{ type: "setWindow", graceMs: 5 * MINUTE }, ...stepActions("late-data-grace", 0, 1, 2)]), /All 6 readings counted with a grace period of 300 s; none dropped/);
    // Changing it afterwards works too: the new app re-reads the topic.
    expectMet(run("late-data-grace", [...stepActions("late-data-grace", 0, 1, 2), { type: "setWindow", graceMs: 5 * MINUTE }, { type: "tick", quanta: 5 }]), /All 6 readings counted/);
  });
  it("is not met when the window has closed: end 10:00 + grace ≤ stream time 13:00", () => {
    expectUnmet(byHand("late-data-grace"), /^1 reading dropped as too late/);
    // A 3-minute grace closes [0:00, 10:00) exactly at stream time 13:00; one millisecond more keeps it open.
    expectUnmet(run("late-data-grace", [{ type: "setWindow", graceMs: 3 * MINUTE }, ...stepActions("late-data-grace", 0, 1, 2)]), /1 reading dropped/);
    expectMet(run("late-data-grace", [{ type: "setWindow", graceMs: 3 * MINUTE + 1 }, ...stepActions("late-data-grace", 0, 1, 2)]), /All 6 readings counted/);
  });
});

it("records the challenge-met note once, when the status flips", () => {
  let lab = byHand("key-partitioning", 2);
  expect(lab.challenge?.met).toBe(false);
  lab = play(lab, stepActions("key-partitioning", 2));
  expect(lab.notes.filter((n) => n.kind === "challenge-met")).toHaveLength(1);
  lab = play(lab, [{ type: "tick", quanta: 20 }, { type: "produce", key: "alice" }]);
  expect(lab.challenge?.met).toBe(true);
  expect(lab.notes.filter((n) => n.kind === "challenge-met")).toHaveLength(1);
});
