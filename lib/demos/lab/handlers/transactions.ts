// The transactional read-process-write app: one round turns the orders its consumer read into invoices,
// sends the input offsets to the transaction, and commits or aborts.
import { step } from "@/lib/cluster";
import { plural } from "@/lib/format/text";
import { engine, LabError, note, SECOND, SLICE_MS } from "../core";
import type { LabScenario, LabState } from "../types";

export function runTransaction(lab: LabState, scenario: LabScenario, outcome: "commit" | "abort"): LabState {
  const setup = scenario.setup.transactional;
  if (!setup || !scenario.group) throw new LabError("This scenario has no transactional application.");
  if (outcome !== "commit" && outcome !== "abort") throw new LabError(`A transaction ends with "commit" or "abort", got ${String(outcome)}.`);
  const reader = lab.consumers.map((c) => lab.cluster.consumers[c.id]).find((c) => c && c.status === "running" && c.config.groupId === scenario.group);
  if (!reader) throw new LabError(`No running consumer in group '${scenario.group}' reads the input; add one first.`);
  const group = lab.cluster.groups[scenario.group];
  const offsets: Record<string, number> = {};
  let pending = 0;
  for (const tp of reader.assignment) {
    const position = reader.positions[tp];
    if (position === undefined) continue;
    const from = group?.committed[tp]?.offset ?? 0;
    if (position > from) pending += position - from;
    offsets[tp] = position;
  }
  if (pending === 0) throw new LabError(`The app has read no new orders since its last committed transaction. Produce some orders and play time first.`);
  const producer = "billing-tx";
  let next = engine(lab, { type: "beginTransaction", producer });
  const count = Math.min(pending, 200);
  next = engine(next, {
    type: "produce",
    producer,
    topic: setup.outputTopic,
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: `invoice ${next.transactions.committed + next.transactions.aborted + 1}.${i + 1}` })),
  });
  next = engine(next, { type: "sendOffsetsToTransaction", producer, groupId: scenario.group, offsets });
  // commitTransaction flushes first: play time until the invoices are acknowledged (at most 3 s).
  for (let waited = 0; waited < 3 * SECOND; waited += SLICE_MS) {
    const p = next.cluster.producers[producer]!;
    if (p.queue.length === 0 && p.inFlight.length === 0) break;
    next = { ...next, cluster: step(next.cluster, { type: "advance", ms: SLICE_MS }) };
  }
  next = engine(next, { type: outcome === "commit" ? "commitTransaction" : "abortTransaction", producer });
  if (outcome === "commit") {
    return note(
      { ...next, transactions: { ...next.transactions, committed: next.transactions.committed + 1, last: "commit", lastInputOffset: offsets } },
      "success",
      "transaction-committed",
      `Committed: ${plural(count, "invoice")} and the group's input offsets (${Object.entries(offsets).map(([tp, o]) => `${tp}@${o}`).join(", ")}) became visible together. read_committed readers now see the invoices, and the orders will not be processed again.`,
    );
  }
  // After an abort the application rewinds to its committed offsets and processes those orders again.
  for (const tp of Object.keys(offsets)) {
    const committed = next.cluster.groups[scenario.group]?.committed[tp]?.offset ?? 0;
    next = engine(next, { type: "seek", consumer: reader.id, partition: tp, offset: committed });
  }
  return note(
    { ...next, transactions: { ...next.transactions, aborted: next.transactions.aborted + 1, last: "abort" } },
    "info",
    "transaction-aborted",
    `Aborted: the ${plural(count, "invoice")} stay in the log behind an ABORT marker, read_committed readers skip them, and the group's offsets did not move, so the app rewinds and will invoice those orders again in the next transaction. read_uncommitted readers saw them anyway.`,
  );
}
