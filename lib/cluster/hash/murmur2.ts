// Kafka's key hash and default partitioner, bit-for-bit. Other visualisers use `key % partitions`;
// a learner who sees that is taught the wrong partition for every key.

const SEED = 0x9747b28c; // rules.md §1.3: Utils.murmur2 seed
const M = 0x5bd1e995;
const R = 24;

const utf8 = new TextEncoder();

/** UTF-8 bytes of a string, as Kafka's StringSerializer produces them (rules.md §1.2). */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/**
 * Kafka's murmur2 (Utils.murmur2) as a Java int: 32-bit wrap-around arithmetic, little-endian
 * 4-byte blocks, fall-through tail (rules.md §1.3).
 */
export function murmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  let h = (SEED ^ length) | 0;
  const blockEnd = length - (length % 4);

  for (let i = 0; i < blockEnd; i += 4) {
    let k =
      (bytes[i]! & 0xff) |
      ((bytes[i + 1]! & 0xff) << 8) |
      ((bytes[i + 2]! & 0xff) << 16) |
      ((bytes[i + 3]! & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }

  // The Java switch falls through: case 3 → case 2 → case 1.
  const tail = length % 4;
  if (tail === 3) h ^= (bytes[blockEnd + 2]! & 0xff) << 16;
  if (tail >= 2) h ^= (bytes[blockEnd + 1]! & 0xff) << 8;
  if (tail >= 1) {
    h ^= bytes[blockEnd]! & 0xff;
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Utils.toPositive: a mask, not Math.abs (rules.md §1.2). */
export function toPositive(value: number): number {
  return value & 0x7fffffff;
}

/**
 * BuiltInPartitioner.partitionForKey: `toPositive(murmur2(keyBytes)) % numPartitions`, where the
 * count includes partitions without a leader (rules.md §1.2). Strings are hashed as UTF-8.
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions <= 0) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  const bytes = typeof key === "string" ? utf8Bytes(key) : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}

/** Byte length of a string in UTF-8 without allocating, used to size batches and segments. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
