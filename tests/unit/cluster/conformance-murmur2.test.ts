// Kafka's murmur2 and default partitioner against every vector in vectors.json (rules.md §1).
import { describe, expect, it } from "vitest";
import { murmur2, partitionForKey, toPositive, utf8Bytes } from "@/lib/cluster";
import { hexToBytes, vectors } from "./vectors";

describe("murmur2 (Utils.murmur2) — upstream vectors", () => {
  const cases = vectors.murmur2.upstream_vectors;

  it("runs every upstream vector", () => {
    expect(cases.length).toBeGreaterThan(0);
    let ran = 0;
    for (const vector of cases) {
      const bytes = hexToBytes(vector.input_hex);
      const label = `${vector.input_utf8} (${vector.source})`;
      if (vector.murmur2 !== undefined) {
        expect(murmur2(bytes), label).toBe(vector.murmur2);
      } else if (vector.toPositive_murmur2 !== undefined) {
        expect(toPositive(murmur2(bytes)), label).toBe(vector.toPositive_murmur2);
      } else {
        expect(vector.num_partitions, label).toBeDefined();
        expect(partitionForKey(bytes, vector.num_partitions!), label).toBe(vector.partition);
      }
      // Where input_utf8 is the literal key, hashing the string gives the same bytes.
      if (Buffer.from(vector.input_utf8, "utf8").toString("hex") === vector.input_hex) {
        expect(murmur2(utf8Bytes(vector.input_utf8))).toBe(murmur2(bytes));
      }
      ran++;
    }
    expect(ran).toBe(cases.length);
  });

  it("covers all four len % 4 tail cases", () => {
    const tails = new Set(cases.filter((vector) => vector.murmur2 !== undefined).map((vector) => (vector.input_hex.length / 2) % 4));
    expect([...tails].sort()).toEqual([0, 1, 2, 3]);
  });

  it("agrees with the Java values listed next to KafkaJS's incompatible legacy hash", () => {
    const legacy = vectors.murmur2.kafkajs_legacy_partitioner_NOT_java_compatible.vectors;
    expect(legacy.length).toBeGreaterThan(0);
    let ran = 0;
    for (const vector of legacy) {
      expect(murmur2(utf8Bytes(vector.input_utf8))).toBe(vector.java_murmur2_for_comparison);
      ran++;
    }
    expect(ran).toBe(legacy.length);
    expect(legacy.some((vector) => vector.kafkajs_legacy_hash !== vector.java_murmur2_for_comparison)).toBe(true);
  });
});

describe("partitionForKey (BuiltInPartitioner.partitionForKey)", () => {
  it("is (murmur2(utf8(key)) & 0x7fffffff) % numPartitions for every vector key", () => {
    for (const vector of vectors.murmur2.upstream_vectors) {
      const bytes = hexToBytes(vector.input_hex);
      for (const n of [1, 3, 7, 12, 1000]) {
        expect(partitionForKey(bytes, n)).toBe((murmur2(bytes) & 0x7fffffff) % n);
      }
      if (vector.murmur2 !== undefined) expect(partitionForKey(bytes, 1000)).toBe((vector.murmur2 & 0x7fffffff) % 1000);
    }
  });

  it("masks the sign bit instead of taking Math.abs (Utils.toPositive)", () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    const negative = vectors.murmur2.upstream_vectors.find((vector) => (vector.murmur2 ?? 0) < 0)!;
    const hash = negative.murmur2!;
    expect(partitionForKey(negative.input_utf8, 1000)).toBe((hash & 0x7fffffff) % 1000);
    expect(partitionForKey(negative.input_utf8, 1000)).not.toBe(Math.abs(hash) % 1000);
  });

  it("hashes strings as UTF-8 bytes (multi-byte keys such as ü and 日本)", () => {
    expect([...utf8Bytes("ü")]).toEqual([0xc3, 0xbc]);
    expect([...utf8Bytes("日本")]).toEqual([0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0xac]);
    for (const key of ["ü", "日本", "Zürich", "🙂", "naïve-ключ"]) {
      const bytes = utf8Bytes(key);
      expect(partitionForKey(key, 12)).toBe((murmur2(bytes) & 0x7fffffff) % 12);
    }
  });

  it("remaps keys when partitions are added (the formula divides by the count)", () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    const moved = keys.filter((key) => partitionForKey(key, 3) !== partitionForKey(key, 6));
    expect(moved.length).toBeGreaterThan(0);
  });

  it("rejects a non-positive partition count", () => {
    expect(() => partitionForKey("a", 0)).toThrow(RangeError);
  });
});
