// Loads the vendored Kafka test vectors (fixtures/README.md says where they come from) with the
// shapes the conformance tests read.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface MemberVector {
  member_id: string;
  topics: string[];
  group_instance_id?: string;
}

export interface AssignorCase {
  name: string;
  partitions: Record<string, number>;
  members: MemberVector[];
  expected: Record<string, string[]>;
  compare_as: string;
}

export interface SessionCase {
  name: string;
  gap: number;
  grace: number;
  input: [string, string, number][];
  expected_sessions: Record<string, [number, number, number][]>;
  expected_sessions_after_first_3?: Record<string, [number, number, number][]>;
  expected_emit_final_output?: [string, [number, number], number, number][];
}

export interface KafkaVectors {
  meta: { kafka_snapshot: string };
  murmur2: {
    algorithm_facts: Record<string, unknown>;
    partition_formula: Record<string, string>;
    /** Each vector states one of: the hash, the toPositive()-masked hash, or a partition over num_partitions. */
    upstream_vectors: {
      input_utf8: string;
      input_hex: string;
      murmur2?: number;
      toPositive_murmur2?: number;
      num_partitions?: number;
      partition?: number;
      source: string;
    }[];
    kafkajs_legacy_partitioner_NOT_java_compatible: {
      vectors: { input_utf8: string; kafkajs_legacy_hash: number; java_murmur2_for_comparison: number }[];
    };
  };
  range_assignor: { cases: AssignorCase[] };
  roundrobin_assignor: { cases: AssignorCase[] };
  windows: {
    time_windows_windowsFor: { name: string; size: number; advance: number; timestamp?: number; expected?: [number, number][]; note?: string }[];
    time_windows_invalid: { rule: string; source: string }[];
    session_windows: SessionCase[];
  };
  replication: {
    hw_not_advanced_under_min_isr_PartitionTest: { steps: { state: string; expected_hw: number; is_under_min_isr?: boolean }[] };
    isr_lag_ReplicaTest: { replica_lag_time_max_ms: number; cases: { name: string; steps: [string, string, boolean | number | string][] }[] };
    idempotent_producer_UnifiedLogTest_testDuplicateAppends: { steps: { append: string; expected: string }[] };
    min_isr_acks_decision_table: {
      cases: { rf: number; min_isr: number; isr_size: number; acks: string; expected: string; version_dependent?: boolean }[];
    };
  };
  consumer_groups_describe: {
    describe_offsets_header: string[];
    describe_offsets_printf_format: string;
    describe_members_header: string[];
    describe_members_header_with_static_members: string[];
    describe_members_verbose_extra_column: string;
    describe_state_header: string[];
    missing_value: string;
    version_history: string[];
    example_rendered: { note: string; lines: string[] };
    rules: string[];
    docs_sample_note: string;
    source: string;
  };
  config_defaults_at_snapshot: { config: string; default: unknown; source: string }[];
}

const path = join(import.meta.dirname, "fixtures", "kafka-vectors.json");

export const vectors = JSON.parse(readFileSync(path, "utf8")) as KafkaVectors;

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
