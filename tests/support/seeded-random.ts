// A seeded stream of floats in [0, 1), so a benchmark seeds the same data on every run and a failing
// randomised trial can be replayed. It is the cluster simulator's mulberry32 (lib/cluster/sim/prng.ts),
// with the state kept in the closure instead of in the cluster.
import { nextRandom } from "@/lib/cluster/sim/prng";

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
}
