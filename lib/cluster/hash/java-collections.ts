// Java's String.hashCode and HashMap/HashSet iteration order. The sticky assignor iterates HashMaps, and
// where it does, the iteration order decides real outcomes (which of two members keeps a partition).
// Reproducing that order is what makes our answers equal Kafka's, not just "a" valid sticky answer.

/** java.lang.String#hashCode over UTF-16 code units, as a Java int. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/** org.apache.kafka.common.TopicPartition#hashCode: 31 * (31 + partition) + topic.hashCode(). */
export function javaTopicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, 31 + partition) + javaStringHash(topic)) | 0;
}

/** HashMap.hash(): the high bits are folded into the low ones before masking. */
function spread(hash: number): number {
  return hash ^ (hash >>> 16);
}

/** Table size of a HashMap filled by `size` puts from the default capacity 16 and load factor 0.75. */
export function javaHashMapCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/**
 * The order a HashMap/HashSet iterates its keys: by bucket, then by insertion within a bucket (resizes
 * split buckets preserving relative order). `keys` must be in insertion order. Treeified buckets (8+
 * collisions in one bucket) are not modelled; they do not occur at the sizes a consumer group has.
 */
export function javaHashOrder<T>(keys: readonly T[], hashOf: (key: T) => number, capacity?: number): T[] {
  const tableSize = capacity ?? javaHashMapCapacity(keys.length);
  const mask = tableSize - 1;
  return keys
    .map((key, insertion) => ({ key, insertion, bucket: spread(hashOf(key)) & mask }))
    .sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion)
    .map((entry) => entry.key);
}

/** Java String#compareTo: UTF-16 code unit order, which is what JS `<` compares. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
