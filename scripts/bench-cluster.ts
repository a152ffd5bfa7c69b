// npm run bench:cluster — how fast the mini-cluster engine simulates Kafka, and what retained records
// cost in memory. Prints numbers; asserts nothing (timings depend on the machine).
//
// Workload: 3 brokers, one topic with 12 partitions and replication factor 3, an idempotent acks=all
// producer with 10,000 keys, and a group of 3 consumers reading everything. Each round sends one batch
// per partition, lets the followers fetch twice (copy, then acknowledge: the high watermark moves), and
// lets the group poll; the same rules as single actions, without per-record narration.
import { cpus, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createCluster, step, type ClusterState } from "../lib/cluster";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function setup(seed: string): ClusterState {
  let state = createCluster(
    { brokers: 3, topics: [{ name: "orders", partitions: 12, replicationFactor: 3, config: { minInsyncReplicas: 2 } }] },
    seed,
  );
  state = step(state, { type: "createProducer", producer: "checkout", config: { acks: "all" } });
  for (const consumer of ["c1", "c2", "c3"]) {
    state = step(state, { type: "createConsumer", consumer, topics: ["orders"], config: { groupId: "billing", autoOffsetReset: "earliest" } });
  }
  if (state.lastError) throw new Error(state.lastError.message);
  return state;
}

const keys = Array.from({ length: 10_000 }, (_, i) => `customer-${i}`);
const values = ['{"event":"order-created","amount":42}', '{"event":"order-paid","amount":42}', '{"event":"order-shipped"}'];

function workload(state: ClusterState, records: number, consume: boolean): { state: ClusterState; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const next = step(state, {
    type: "runWorkload",
    producer: "checkout",
    topic: "orders",
    records,
    keys,
    values,
    ...(consume ? { consumeGroup: "billing" } : {}),
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (next.lastError) throw new Error(next.lastError.message);
  // The engine is single-threaded; CPU time also counts GC helper threads, so it is a fair "one core" figure
  // when the machine is busy and wall-clock time is not.
  return { state: next, ms, cpuMs: (used.user + used.system) / 1000 };
}

function totals(state: ClusterState) {
  const partitions = state.topics.orders!.partitions;
  const hw = partitions.reduce((sum, p) => sum + p.logs[String(p.leader)]!.hw, 0);
  const consumed = ["c1", "c2", "c3"].reduce((sum, id) => sum + state.consumers[id]!.processedCount, 0);
  const replicated = partitions.every((p) => p.replicas.every((b) => p.logs[String(b)]!.leo === p.logs[String(p.leader)]!.leo));
  return { hw, consumed, replicated };
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const RECORDS = 1_000_000;

console.log(`Offset mini-cluster benchmark (Node ${process.version}, ${process.arch}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`);
console.log("3 brokers · topic 'orders' 12 partitions RF 3 · acks=all idempotent producer · 10,000 keys · 3 consumers\n");

// Warm up the JIT on a throwaway cluster.
workload(setup("warm-up"), 200_000, true);

const baseHeap = heapMb();
const start = setup("bench");

const full = workload(start, RECORDS, true);
const t = totals(full.state);
console.log(`produce + replicate (RF 3) + consume: ${format(RECORDS)} records in ${full.ms.toFixed(0)} ms wall, ${full.cpuMs.toFixed(0)} ms CPU`);
console.log(`  → ${format(RECORDS / (full.ms / 1000))} simulated records/s (wall clock), ${format(RECORDS / (full.cpuMs / 1000))} per CPU-second`);
console.log(`  high watermarks sum to ${format(t.hw)}; consumers processed ${format(t.consumed)}; all replicas identical: ${t.replicated}`);

const produceOnly = workload(setup("bench-produce"), RECORDS, false);
console.log(`produce + replicate (RF 3), no consumers:  ${format(RECORDS)} records in ${produceOnly.ms.toFixed(0)} ms wall, ${produceOnly.cpuMs.toFixed(0)} ms CPU`);
console.log(`  → ${format(RECORDS / (produceOnly.ms / 1000))} simulated records/s (wall clock), ${format(RECORDS / (produceOnly.cpuMs / 1000))} per CPU-second`);

// Heap held by a state retaining 1,000,000 records (on all three replicas, sharing chunks).
const retained: ClusterState[] = [full.state];
const heldHeap = heapMb();
console.log(`\nheap used with ${format(RECORDS)} retained records: ${(heldHeap - baseHeap).toFixed(1)} MB above the empty-cluster baseline ` +
  `(${(((heldHeap - baseHeap) * 1024 * 1024) / RECORDS).toFixed(0)} bytes/record; total heap ${heldHeap.toFixed(1)} MB)`);
console.log(`serialised state: ${(JSON.stringify(retained[0]).length / (1024 * 1024)).toFixed(1)} MB of JSON`);

// A small interactive step, as the demo UI dispatches them.
const small = performance.now();
let ui = full.state;
for (let i = 0; i < 1000; i++) ui = step(ui, { type: "produce", producer: "checkout", topic: "orders", key: `customer-${i}`, value: "x" });
ui = step(ui, { type: "advance", ms: 1000 });
console.log(`\n1,000 single-record produce actions + advance(1 s) on that state: ${(performance.now() - small).toFixed(0)} ms`);
