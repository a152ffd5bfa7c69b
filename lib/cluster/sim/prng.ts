// mulberry32: a tiny seeded PRNG whose whole state is one 32-bit integer, so it lives in the cluster
// state and a saved state replays exactly. Used for replica placement, topic ids, member ids and the
// sticky partitioner's choice.
import { murmur2, utf8Bytes } from "../hash/murmur2";

export function seedFrom(seed: number | string): number {
  if (typeof seed === "number" && Number.isFinite(seed)) return seed >>> 0;
  return murmur2(utf8Bytes(String(seed))) >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next >>> 0];
}
