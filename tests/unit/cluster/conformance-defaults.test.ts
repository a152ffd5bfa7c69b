// Config defaults at the snapshot (vectors.json config_defaults_at_snapshot): every default is either
// the simulator's default or explicitly listed as not modelled.
import { describe, expect, it } from "vitest";
import { CLUSTER_DEFAULTS, CONSUMER_DEFAULTS, PRODUCER_DEFAULTS, TOPIC_DEFAULTS, UNMODELLED_DEFAULTS } from "@/lib/cluster";
import { vectors } from "./vectors";

const ours: Record<string, unknown> = {
  acks: PRODUCER_DEFAULTS.acks,
  "enable.idempotence": PRODUCER_DEFAULTS.enableIdempotence,
  "max.in.flight.requests.per.connection": PRODUCER_DEFAULTS.maxInFlightRequestsPerConnection,
  retries: PRODUCER_DEFAULTS.retries,
  "batch.size": PRODUCER_DEFAULTS.batchSize,
  "partitioner.ignore.keys": PRODUCER_DEFAULTS.partitionerIgnoreKeys,
  // The default list is [RangeAssignor, CooperativeStickyAssignor]; a group uses the first one all support.
  "partition.assignment.strategy": CONSUMER_DEFAULTS.assignmentStrategy === "range" ? ["RangeAssignor", "CooperativeStickyAssignor"] : null,
  "auto.offset.reset": CONSUMER_DEFAULTS.autoOffsetReset,
  "enable.auto.commit": CONSUMER_DEFAULTS.enableAutoCommit,
  "auto.commit.interval.ms": CONSUMER_DEFAULTS.autoCommitIntervalMs,
  "session.timeout.ms": CONSUMER_DEFAULTS.sessionTimeoutMs,
  "heartbeat.interval.ms": CONSUMER_DEFAULTS.heartbeatIntervalMs,
  "max.poll.interval.ms": CONSUMER_DEFAULTS.maxPollIntervalMs,
  "max.poll.records": CONSUMER_DEFAULTS.maxPollRecords,
  "isolation.level": CONSUMER_DEFAULTS.isolationLevel,
  "min.insync.replicas": TOPIC_DEFAULTS.minInsyncReplicas,
  "unclean.leader.election.enable": TOPIC_DEFAULTS.uncleanLeaderElectionEnable,
  "replica.lag.time.max.ms": CLUSTER_DEFAULTS.replicaLagTimeMaxMs,
};

describe("config defaults at the snapshot", () => {
  const rows = vectors.config_defaults_at_snapshot;
  let ran = 0;
  it.each(rows.map((row) => [row.config, row] as const))("%s", (config, row) => {
    if (config in UNMODELLED_DEFAULTS) {
      expect(UNMODELLED_DEFAULTS[config]).toMatch(/\w/);
    } else {
      expect(config in ours, `${config} is neither modelled nor listed in UNMODELLED_DEFAULTS`).toBe(true);
      expect(ours[config]).toEqual(row.default);
    }
    ran++;
  });
  it("covered every row in the file", () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(ran).toBe(rows.length);
  });
});
