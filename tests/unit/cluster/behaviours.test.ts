// The behaviours interviews ask about, each on a fixed seed, through the public reducer.
import { describe, expect, it } from "vitest";
import { deliveryReport, electLeader, lagReport, partitionForKey, renderGroupOffsets, renderGroupState, renderTopics } from "@/lib/cluster";
import { drive, values } from "./helpers";

const oneLeader = (name: string, config = {}) => ({ name, partitions: 1, replicationFactor: 3, replicaAssignment: [[1, 2, 3]], config });

describe("acks and durability", () => {
  it("acks=1: a record acknowledged by a leader that crashes before replication is lost", () => {
    const sim = drive({ topics: [oneLeader("orders")] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "produce", producer: "p", topic: "orders", value: "replicated" });
    sim.run({ type: "advance", ms: 200 });
    sim.run({ type: "produce", producer: "p", topic: "orders", value: "acked-then-lost" });
    const ack = sim.state.producers.p!.recentDeliveries.at(-1)!;
    expect(ack).toMatchObject({ ok: true, baseOffset: 1 });
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "advance", ms: 10_000 });
    expect(sim.state.topics.orders!.partitions[0]!.leader).toBe(2);
    sim.run({ type: "startBroker", broker: 1 });
    sim.run({ type: "advance", ms: 1000 });
    expect(values(sim.state, "orders", 0)).toEqual(["replicated"]);
    expect(sim.state.topics.orders!.partitions[0]!.logs["1"]!.leo).toBe(1); // broker 1 truncated it too
    expect(sim.eventsOf("truncation")[0]!.message).toMatch(/truncated orders-0 from offset 2 back to 1/);
  });

  it("acks=all with min.insync.replicas=2 and one broker down: nothing acknowledged is lost when the leader dies", () => {
    const sim = drive({ topics: [oneLeader("payments", { minInsyncReplicas: 2 })] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: "all" } });
    sim.run({ type: "stopBroker", broker: 3 });
    sim.run({ type: "produce", producer: "p", topic: "payments", value: "a", count: 5 });
    sim.run({ type: "advance", ms: 200 });
    const acked = sim.state.producers.p!.stats.acknowledged;
    expect(acked).toBe(5);
    sim.run({ type: "produce", producer: "p", topic: "payments", value: "b" }); // in flight when the leader dies
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "advance", ms: 10_000 });
    sim.run({ type: "startBroker", broker: 3 });
    sim.run({ type: "startBroker", broker: 1 });
    sim.run({ type: "advance", ms: 2_000 });
    const log = values(sim.state, "payments", 0);
    expect(log.slice(0, 5)).toEqual(["a", "a", "a", "a", "a"]);
    // "b" was never acknowledged before the crash; the idempotent producer retried it on the new leader.
    expect(log.filter((v) => v === "b")).toHaveLength(1);
    expect(sim.state.producers.p!.stats.acknowledged).toBe(6);
  });

  it("acks=all with two of three brokers down: NotEnoughReplicas, nothing appended", () => {
    const sim = drive({ topics: [oneLeader("payments", { minInsyncReplicas: 2 })] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: "all", deliveryTimeoutMs: 5000 } });
    sim.run({ type: "stopBroker", broker: 2 });
    sim.run({ type: "stopBroker", broker: 3 });
    sim.run({ type: "produce", producer: "p", topic: "payments", value: "x" });
    sim.run({ type: "advance", ms: 6000 });
    expect(sim.state.topics.payments!.partitions[0]!.logs["1"]!.leo).toBe(0);
    expect(sim.eventsOf("produce-retry")[0]!.message).toMatch(/NotEnoughReplicas/);
    const failure = sim.eventsOf("produce-failed")[0]!;
    expect(failure.message).toMatch(/NotEnoughReplicas.*delivery\.timeout\.ms/);
  });

  it("acks=all appended just before the ISR fell below min.insync.replicas: never acknowledged, and hidden by the frozen HW", () => {
    const sim = drive({ topics: [oneLeader("t", { minInsyncReplicas: 2 })] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: "all", enableIdempotence: false, retries: 0, requestTimeoutMs: 60_000 } });
    sim.run({ type: "throttleBroker", broker: 2, recordsPerFetch: 0 });
    sim.run({ type: "throttleBroker", broker: 3, recordsPerFetch: 0 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x" });
    sim.run({ type: "advance", ms: 46_000 });
    const partition = sim.state.topics.t!.partitions[0]!;
    expect(partition.isr).toEqual([1]);
    expect(partition.logs["1"]!.leo).toBe(1); // appended
    expect(partition.logs["1"]!.hw).toBe(0); // but frozen below min ISR (3.7+)
    expect(sim.state.producers.p!.stats.acknowledged).toBe(0);
  });

  it("acks=0 reports offset -1 and loses records sent to a dead leader without telling anyone", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 0 } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "ok" });
    expect(sim.state.producers.p!.recentDeliveries[0]!.baseOffset).toBe(-1);
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "lost" });
    expect(sim.eventsOf("record-lost")).toHaveLength(1);
    expect(sim.state.producers.p!.stats.failed).toBe(0);
  });
});

describe("leader election", () => {
  it("clean election picks the first in-sync replica in assignment order", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "throttleBroker", broker: 2, recordsPerFetch: 0 });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x" });
    sim.run({ type: "advance", ms: 46_000 }); // broker 2 falls out of the ISR
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "advance", ms: 10_000 });
    expect(sim.state.topics.t!.partitions[0]!.leader).toBe(3);
    expect(sim.eventsOf("leader-elected").at(-1)!.message).toMatch(/Broker 3 is the new leader of t-0/);
  });

  it("unclean election (opt-in): an out-of-sync replica leads and the old leader truncates committed records", () => {
    const sim = drive({ topics: [oneLeader("t", { uncleanLeaderElectionEnable: true })] });
    sim.run({ type: "createProducer", producer: "p", config: { acks: 1 } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "old", count: 3 });
    sim.run({ type: "advance", ms: 200 });
    sim.run({ type: "throttleBroker", broker: 2, recordsPerFetch: 0 });
    sim.run({ type: "throttleBroker", broker: 3, recordsPerFetch: 0 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "new", count: 4 });
    sim.run({ type: "advance", ms: 46_000 });
    expect(sim.state.topics.t!.partitions[0]!.isr).toEqual([1]);
    expect(sim.state.topics.t!.partitions[0]!.logs["1"]!.hw).toBe(7); // committed with ISR = {1}
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "throttleBroker", broker: 2, recordsPerFetch: null });
    sim.run({ type: "throttleBroker", broker: 3, recordsPerFetch: null });
    sim.run({ type: "advance", ms: 10_000 });
    const unclean = sim.eventsOf("unclean-election")[0]!;
    expect(unclean).toMatchObject({ leader: 2, lostCommitted: 4, lostTotal: 4 });
    sim.run({ type: "startBroker", broker: 1 });
    sim.run({ type: "advance", ms: 1000 });
    expect(values(sim.state, "t", 0)).toEqual(["old", "old", "old"]);
    expect(sim.state.topics.t!.partitions[0]!.logs["1"]!.leo).toBe(3);
    expect(sim.eventsOf("truncation").at(-1)!.message).toMatch(/truncated t-0 from offset 7 back to 3/);
  });

  it("without unclean election the partition goes offline (Leader: none) and keeps its last ISR member", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "stopBroker", broker: 2 });
    sim.run({ type: "stopBroker", broker: 3 });
    sim.run({ type: "crashBroker", broker: 1 });
    sim.run({ type: "advance", ms: 10_000 });
    expect(renderTopics(sim.state, { topic: "t" })).toContain("\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: 1\t");
    sim.run({ type: "startBroker", broker: 2 });
    expect(sim.state.topics.t!.partitions[0]!.leader).toBe(-1);
    sim.run({ type: "startBroker", broker: 1 });
    expect(sim.state.topics.t!.partitions[0]!.leader).toBe(1);
  });

  it("preferred leader election moves leadership back to the first replica", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "stopBroker", broker: 1 });
    sim.run({ type: "startBroker", broker: 1 });
    sim.run({ type: "advance", ms: 200 });
    expect(sim.state.topics.t!.partitions[0]!.leader).toBe(2);
    sim.run({ type: "electLeaders", topic: "t", election: "preferred" });
    expect(sim.state.topics.t!.partitions[0]!.leader).toBe(1);
  });
});

describe("idempotent producer", () => {
  it("a retried batch whose acknowledgement was lost is not written twice; without idempotence it is", () => {
    const sim = drive({ topics: [oneLeader("with"), oneLeader("without")] });
    sim.run({ type: "createProducer", producer: "idem", config: { requestTimeoutMs: 1000 } });
    sim.run({ type: "createProducer", producer: "plain", config: { enableIdempotence: false, requestTimeoutMs: 1000 } });
    sim.run({ type: "loseResponses", producer: "idem", count: 1 });
    sim.run({ type: "loseResponses", producer: "plain", count: 1 });
    sim.run({ type: "produce", producer: "idem", topic: "with", value: "pay" });
    sim.run({ type: "produce", producer: "plain", topic: "without", value: "pay" });
    sim.run({ type: "advance", ms: 2000 });
    expect(values(sim.state, "with", 0)).toEqual(["pay"]);
    expect(values(sim.state, "without", 0)).toEqual(["pay", "pay"]);
    expect(sim.state.producers.idem!.stats.duplicatesAvoided).toBe(1);
    expect(sim.eventsOf("duplicate-detected")[0]!.message).toMatch(/sequences 0-0.*did not write it again/);
  });

  it("explicit idempotence with acks=1 is a ConfigException; a defaulted one is silently turned off", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    expect(sim.reject({ type: "createProducer", producer: "bad", config: { enableIdempotence: true, acks: 1 } })).toMatch(/Must set acks to all/);
    expect(sim.reject({ type: "createProducer", producer: "bad", config: { enableIdempotence: true, maxInFlightRequestsPerConnection: 6 } })).toBe(
      "Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.",
    );
    sim.run({ type: "createProducer", producer: "quiet", config: { acks: 1 } });
    expect(sim.state.producers.quiet!.config.enableIdempotence).toBe(false);
  });
});

describe("consumer groups", () => {
  it("four consumers on three partitions: one is idle", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 3, replicationFactor: 3 }] });
    for (const id of ["c1", "c2", "c3", "c4"]) sim.run({ type: "createConsumer", consumer: id, topics: ["t"], config: { groupId: "g" } });
    const counts = ["c1", "c2", "c3", "c4"].map((id) => sim.state.consumers[id]!.assignment.length);
    expect(counts.sort()).toEqual([0, 1, 1, 1]);
    expect(sim.eventsOf("rebalance").at(-1)!.message).toMatch(/c4 is idle: the group has 4 members but only 3 partitions/);
  });

  it("a partition has at most one owner and every partition is owned after each rebalance", () => {
    for (const strategy of ["range", "roundrobin", "cooperative-sticky"] as const) {
      const sim = drive({ topics: [{ name: "a", partitions: 5, replicationFactor: 2 }, { name: "b", partitions: 3, replicationFactor: 2 }] });
      for (const id of ["m1", "m2", "m3"]) {
        sim.run({ type: "createConsumer", consumer: id, topics: ["a", "b"], config: { groupId: "g", assignmentStrategy: strategy } });
        const owned = Object.values(sim.state.consumers).flatMap((c) => c.assignment);
        expect(new Set(owned).size).toBe(owned.length);
        expect(owned.length).toBe(8);
      }
    }
  });

  it("a hot key makes one partition lag while the others keep up", () => {
    const sim = drive({ topics: [{ name: "events", partitions: 6, replicationFactor: 3 }] });
    sim.run({ type: "createProducer", producer: "p" });
    for (const id of ["c1", "c2", "c3"]) {
      sim.run({ type: "createConsumer", consumer: id, topics: ["events"], config: { groupId: "g", autoOffsetReset: "earliest", maxPollRecords: 10 } });
    }
    sim.run({
      type: "runWorkload",
      producer: "p",
      topic: "events",
      records: 6000,
      keys: Array.from({ length: 100 }, (_, i) => `user-${i}`),
      hotKey: { key: "user-7", share: 0.6 },
    });
    sim.run({ type: "advance", ms: 10_000 });
    const hot = `events-${partitionForKey("user-7", 6)}`;
    const lag = lagReport(sim.state, "g");
    const hotLag = lag.find((row) => row.partition === hot)!.lag;
    expect(hotLag).toBeGreaterThan(1000);
    for (const row of lag) if (row.partition !== hot) expect(row.lag).toBeLessThan(hotLag / 5);
    const describe = renderGroupOffsets(sim.state, "g").stdout;
    expect(describe).toContain(`events          ${hot.split("-")[1]}`);
  });

  it("auto-commit + crash: records processed after the last commit are delivered again (duplicates, no loss)", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({ type: "createConsumer", consumer: "c1", topics: ["t"], config: { groupId: "g", autoOffsetReset: "earliest" } });
    sim.run({ type: "createConsumer", consumer: "c2", topics: ["t"], config: { groupId: "g", autoOffsetReset: "earliest" } });
    const owner = sim.state.consumers.c1!.assignment.length > 0 ? "c1" : "c2";
    sim.run({ type: "produce", producer: "p", topic: "t", value: "v", count: 10 });
    sim.run({ type: "advance", ms: 5100 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "w", count: 7 });
    sim.run({ type: "advance", ms: 1000 });
    sim.run({ type: "crashConsumer", consumer: owner });
    sim.run({ type: "advance", ms: 50_000 });
    expect(deliveryReport(sim.state, "g")).toEqual([{ partition: "t-0", processed: 17, duplicates: 7, lost: 0 }]);
  });

  it("auto-commit + async processing + crash: committed but unprocessed records are lost", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({
      type: "createConsumer",
      consumer: "c1",
      topics: ["t"],
      config: { groupId: "g", autoOffsetReset: "earliest", processing: "async", processingRatePerSec: 10 },
    });
    sim.run({ type: "createConsumer", consumer: "c2", topics: ["t"], config: { groupId: "g", autoOffsetReset: "earliest" } });
    const owner = sim.state.consumers.c1!.assignment.length > 0 ? "c1" : "c2";
    expect(owner).toBe("c1");
    sim.run({ type: "produce", producer: "p", topic: "t", value: "v", count: 100 });
    sim.run({ type: "advance", ms: 5200 });
    sim.run({ type: "crashConsumer", consumer: "c1" });
    sim.run({ type: "advance", ms: 50_000 });
    const [report] = deliveryReport(sim.state, "g");
    expect(report!.lost).toBeGreaterThan(0);
    expect(report!.processed + report!.lost).toBe(100);
    expect(report!.duplicates).toBe(0);
  });

  it("commitSync before processing (at-most-once) loses what the crash interrupts", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({ type: "createConsumer", consumer: "c1", topics: ["t"], config: { groupId: "g", autoOffsetReset: "earliest", enableAutoCommit: false, processing: "commit-before-process" } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "v", count: 5 });
    sim.run({ type: "advance", ms: 150 });
    sim.run({ type: "crashConsumer", consumer: "c1" });
    expect(deliveryReport(sim.state, "g")[0]).toMatchObject({ processed: 0, lost: 5 });
  });

  it("a static member that restarts within session.timeout.ms keeps its partitions without a rebalance", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 2, replicationFactor: 2 }] });
    sim.run({ type: "createConsumer", consumer: "s1", topics: ["t"], config: { groupId: "g", groupInstanceId: "host-1" } });
    sim.run({ type: "createConsumer", consumer: "s2", topics: ["t"], config: { groupId: "g", groupInstanceId: "host-2" } });
    const generation = sim.state.groups.g!.generation;
    const assignment = sim.state.consumers.s1!.assignment;
    sim.run({ type: "crashConsumer", consumer: "s1" });
    sim.run({ type: "advance", ms: 10_000 });
    sim.run({ type: "restartConsumer", consumer: "s1" });
    expect(sim.state.groups.g!.generation).toBe(generation);
    expect(sim.state.consumers.s1!.assignment).toEqual(assignment);
  });

  it("a consumer that stops polling leaves the group after max.poll.interval.ms", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 2, replicationFactor: 2 }] });
    sim.run({ type: "createConsumer", consumer: "a", topics: ["t"], config: { groupId: "g", maxPollIntervalMs: 10_000 } });
    sim.run({ type: "createConsumer", consumer: "b", topics: ["t"], config: { groupId: "g", maxPollIntervalMs: 10_000 } });
    sim.run({ type: "stallConsumer", consumer: "a" });
    sim.run({ type: "advance", ms: 11_000 });
    expect(sim.state.consumers.b!.assignment).toHaveLength(2);
    expect(sim.eventsOf("member-left")[0]!.message).toMatch(/max\.poll\.interval\.ms/);
  });

  it("cooperative-sticky keeps the partitions that do not move (no stop-the-world)", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 4, replicationFactor: 2 }] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({ type: "createConsumer", consumer: "a", topics: ["t"], config: { groupId: "g", assignmentStrategy: "cooperative-sticky", autoOffsetReset: "earliest" } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "v", count: 20 });
    sim.run({ type: "advance", ms: 500 });
    const positionsBefore = { ...sim.state.consumers.a!.positions };
    sim.run({ type: "createConsumer", consumer: "b", topics: ["t"], config: { groupId: "g", assignmentStrategy: "cooperative-sticky" } });
    const kept = sim.state.consumers.a!.assignment;
    expect(kept).toHaveLength(2);
    for (const tp of kept) expect(sim.state.consumers.a!.positions[tp]).toBe(positionsBefore[tp]);
    expect(sim.eventsOf("rebalance").slice(-2).map((e) => e.round)).toEqual([1, 2]);
  });

  it("replays from the beginning and from a timestamp with seek", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "early", count: 3 });
    sim.run({ type: "advance", ms: 60_000 });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "late", count: 2 });
    sim.run({ type: "createConsumer", consumer: "c", topics: ["t"], config: { groupId: "g" } });
    sim.run({ type: "advance", ms: 500 });
    expect(sim.state.consumers.c!.positions["t-0"]).toBe(5); // latest: nothing read
    sim.run({ type: "seekToTimestamp", consumer: "c", timestamp: 30_000 });
    expect(sim.state.consumers.c!.positions["t-0"]).toBe(3);
    sim.run({ type: "seekToBeginning", consumer: "c" });
    sim.run({ type: "advance", ms: 500 });
    expect(sim.state.consumers.c!.recent.map((r) => r.value)).toEqual(["early", "early", "early", "late", "late"]);
  });

  it("resetting a group's offsets requires the group to be inactive", () => {
    const sim = drive({ topics: [oneLeader("t")] });
    sim.run({ type: "createConsumer", consumer: "c", topics: ["t"], config: { groupId: "g" } });
    expect(sim.reject({ type: "resetOffsets", groupId: "g", topic: "t", to: { kind: "earliest" } })).toBe(
      "Assignments can only be reset if the group 'g' is inactive, but the current state is Stable.",
    );
    sim.run({ type: "closeConsumer", consumer: "c" });
    sim.run({ type: "resetOffsets", groupId: "g", topic: "t", to: { kind: "earliest" } });
    expect(sim.state.groups.g!.committed["t-0"]!.offset).toBe(0);
  });
});

describe("partitioning in the simulation", () => {
  it("keys go where murmur2 says, and move when partitions are added", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 3, replicationFactor: 1 }] });
    sim.run({ type: "createProducer", producer: "p" });
    const keys = ["alice", "bob", "carol", "dave", "erin", "frank"];
    sim.run({ type: "produce", producer: "p", topic: "t", records: keys.map((key) => ({ key, value: key })) });
    for (const key of keys) expect(values(sim.state, "t", partitionForKey(key, 3))).toContain(key);
    sim.reject({ type: "addPartitions", topic: "t", totalPartitions: 2 });
    sim.run({ type: "addPartitions", topic: "t", totalPartitions: 6 });
    sim.run({ type: "produce", producer: "p", topic: "t", records: keys.map((key) => ({ key, value: `${key}-2` })) });
    for (const key of keys) expect(values(sim.state, "t", partitionForKey(key, 6))).toContain(`${key}-2`);
    expect(keys.some((key) => partitionForKey(key, 3) !== partitionForKey(key, 6))).toBe(true);
  });

  it("null keys stick to one partition until batch.size bytes went to it", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 4, replicationFactor: 1 }] });
    sim.run({ type: "createProducer", producer: "p", config: { batchSize: 1000 } });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x".repeat(92), count: 10 }); // 100 bytes each
    const counts = sim.state.topics.t!.partitions.map((p) => p.logs[String(p.leader)]!.leo);
    expect(counts.filter((n) => n > 0)).toEqual([10]);
    sim.run({ type: "produce", producer: "p", topic: "t", value: "x".repeat(92), count: 30 });
    const after = sim.state.topics.t!.partitions.map((p) => p.logs[String(p.leader)]!.leo);
    expect(after.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(after.every((n) => n % 10 === 0)).toBe(true);
  });
});

describe("transactions", () => {
  it("read_committed skips aborted records and waits at the LSO; read_uncommitted sees everything", () => {
    const sim = drive({ topics: [oneLeader("out")] });
    sim.run({ type: "createProducer", producer: "tx", config: { transactionalId: "app-1" } });
    sim.run({ type: "initTransactions", producer: "tx" });
    sim.run({ type: "createConsumer", consumer: "rc", topics: ["out"], config: { groupId: "rc", autoOffsetReset: "earliest", isolationLevel: "read_committed" } });
    sim.run({ type: "createConsumer", consumer: "ru", topics: ["out"], config: { groupId: "ru", autoOffsetReset: "earliest" } });
    sim.run({ type: "beginTransaction", producer: "tx" });
    sim.run({ type: "produce", producer: "tx", topic: "out", value: "good", count: 2 });
    sim.run({ type: "advance", ms: 300 });
    expect(sim.state.consumers.rc!.processedCount).toBe(0);
    expect(sim.state.consumers.ru!.processedCount).toBe(2);
    sim.run({ type: "commitTransaction", producer: "tx" });
    sim.run({ type: "beginTransaction", producer: "tx" });
    sim.run({ type: "produce", producer: "tx", topic: "out", value: "bad", count: 3 });
    sim.run({ type: "advance", ms: 300 });
    sim.run({ type: "abortTransaction", producer: "tx" });
    sim.run({ type: "advance", ms: 300 });
    expect(sim.state.consumers.rc!.recent.map((r) => r.value)).toEqual(["good", "good"]);
    expect(sim.state.consumers.ru!.recent.map((r) => r.value)).toEqual(["good", "good", "bad", "bad", "bad"]);
    // Markers take offsets: 2 + COMMIT + 3 + ABORT = 7, and both consumers end past them.
    expect(sim.state.consumers.rc!.positions["out-0"]).toBe(7);
    expect(sim.state.consumers.ru!.positions["out-0"]).toBe(7);
  });

  it("a second instance with the same transactional.id fences the first", () => {
    const sim = drive({ topics: [oneLeader("out")] });
    sim.run({ type: "createProducer", producer: "old", config: { transactionalId: "app-1" } });
    sim.run({ type: "initTransactions", producer: "old" });
    sim.run({ type: "createProducer", producer: "new", config: { transactionalId: "app-1" } });
    sim.run({ type: "initTransactions", producer: "new" });
    expect(sim.reject({ type: "beginTransaction", producer: "old" })).toMatch(/ProducerFencedException/);
    expect(sim.state.producers.new!.producerEpoch).toBe(1);
  });
});

describe("retention", () => {
  it("deletes closed segments past retention.ms, never the active one", () => {
    const minute = 60_000;
    const sim = drive({ topics: [oneLeader("t", { retentionMs: 10 * minute, segmentMs: minute })] });
    sim.run({ type: "createProducer", producer: "p" });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "a", count: 3 });
    sim.run({ type: "advance", ms: 2 * minute });
    sim.run({ type: "produce", producer: "p", topic: "t", value: "b", count: 2 });
    sim.run({ type: "advance", ms: 60 * minute });
    const partition = sim.state.topics.t!.partitions[0]!;
    expect(partition.logStartOffset).toBe(3);
    expect(values(sim.state, "t", 0)).toEqual(["b", "b"]); // the active segment stays
  });

  it("retention.bytes removes the oldest segments beyond the size limit", () => {
    const sim = drive({ topics: [oneLeader("t", { retentionBytes: 500, segmentBytes: 300 })] });
    sim.run({ type: "createProducer", producer: "p" });
    for (let i = 0; i < 10; i++) sim.run({ type: "produce", producer: "p", topic: "t", value: "x".repeat(92) });
    sim.run({ type: "advance", ms: 400_000 });
    const partition = sim.state.topics.t!.partitions[0]!;
    expect(partition.logStartOffset).toBeGreaterThan(0);
    expect(partition.segments.reduce((sum, s) => sum + s.sizeBytes, 0)).toBeLessThan(500 + 300);
  });
});

describe("electLeader (PartitionChangeBuilder)", () => {
  const alive = (...brokers: number[]) => (broker: number) => brokers.includes(broker);
  it("keeps a valid leader, else the first alive ISR member in assignment order", () => {
    expect(electLeader({ replicas: [1, 2, 3], isr: [1, 2, 3], currentLeader: 2, isEligible: alive(1, 2, 3), uncleanLeaderElectionEnable: false })).toEqual({ kind: "keep", leader: 2 });
    expect(electLeader({ replicas: [3, 1, 2], isr: [1, 2], currentLeader: 3, isEligible: alive(1, 2), uncleanLeaderElectionEnable: false })).toEqual({ kind: "clean", leader: 1 });
  });
  it("falls back to an out-of-sync replica only with unclean election, and never for PREFERRED", () => {
    const input = { replicas: [1, 2, 3], isr: [1], currentLeader: 1, isEligible: alive(2, 3) };
    expect(electLeader({ ...input, uncleanLeaderElectionEnable: false })).toEqual({ kind: "offline", leader: -1 });
    expect(electLeader({ ...input, uncleanLeaderElectionEnable: true })).toEqual({ kind: "unclean", leader: 2 });
    expect(electLeader({ ...input, uncleanLeaderElectionEnable: true, preferred: true })).toEqual({ kind: "offline", leader: -1 });
  });
  it("PREFERRED elects replica[0] when it is in the ISR and alive", () => {
    expect(electLeader({ replicas: [1, 2, 3], isr: [1, 2, 3], currentLeader: 2, isEligible: alive(1, 2, 3), uncleanLeaderElectionEnable: false, preferred: true })).toEqual({ kind: "clean", leader: 1 });
  });
});

describe("adding partitions to a consumed topic", () => {
  it("rebalances subscribed groups so the new partitions get owners", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 2, replicationFactor: 2 }] });
    sim.run({ type: "createConsumer", consumer: "a", topics: ["t"], config: { groupId: "g" } });
    sim.run({ type: "createConsumer", consumer: "b", topics: ["t"], config: { groupId: "g" } });
    sim.run({ type: "addPartitions", topic: "t", totalPartitions: 4 });
    const owned = ["a", "b"].flatMap((id) => sim.state.consumers[id]!.assignment).sort();
    expect(owned).toEqual(["t-0", "t-1", "t-2", "t-3"]);
  });
});

describe("static membership and --state", () => {
  it("a static member that closes sends no LeaveGroup: its partitions wait for session.timeout.ms", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 2, replicationFactor: 2 }] });
    sim.run({ type: "createConsumer", consumer: "s1", topics: ["t"], config: { groupId: "g", groupInstanceId: "host-1", sessionTimeoutMs: 10_000 } });
    sim.run({ type: "createConsumer", consumer: "s2", topics: ["t"], config: { groupId: "g", groupInstanceId: "host-2", sessionTimeoutMs: 10_000 } });
    sim.run({ type: "closeConsumer", consumer: "s1" });
    expect(sim.state.consumers.s2!.assignment).toHaveLength(1);
    sim.run({ type: "advance", ms: 11_000 });
    expect(sim.state.consumers.s2!.assignment).toHaveLength(2);
  });

  it("renders kafka-consumer-groups --describe --state for a simulated group", () => {
    const sim = drive({ topics: [{ name: "t", partitions: 2, replicationFactor: 2 }] });
    sim.run({ type: "createConsumer", consumer: "c", topics: ["t"], config: { groupId: "billing", assignmentStrategy: "roundrobin" } });
    const lines = renderGroupState(sim.state, "billing").stdout.split("\n");
    expect(lines[1]).toMatch(/^GROUP\s+COORDINATOR \(ID\)\s+ASSIGNMENT-STRATEGY\s+STATE\s+#MEMBERS$/);
    expect(lines[2]).toMatch(/^billing\s+broker-\d:9092 {2}\(\d\)\s+roundrobin\s+Stable\s+1$/);
    expect(renderGroupState(sim.state, "nope").stdout).toBe("\nError: Consumer group 'nope' does not exist.\n");
  });
});
