// Time and the workload: a tick plays quanta of time in slices, and after each slice the workload sends
// the records it owes at its rate; the learner's own produce action goes through the same producer.
import { step } from "@/lib/cluster";
import { engine, isInt, isNum, LabError, SECOND, SLICE_MS, SLICES_PER_QUANTUM } from "./core";
import { trackDurability } from "./durability";
import { observe } from "./observation";
import type { LabAction, LabScenario, LabState } from "./types";

const MAX_RATE_PER_SEC = 20_000;
const MAX_PRODUCE_COUNT = 1000;

/** One quantum: slices of time, each followed by the workload's records for that slice. */
export function quantum(lab: LabState, scenario: LabScenario): LabState {
  let next = lab;
  for (let slice = 0; slice < SLICES_PER_QUANTUM; slice++) {
    next = { ...next, cluster: step(next.cluster, { type: "advance", ms: SLICE_MS }) };
    const owed = next.workload.carry + (next.workload.ratePerSec * SLICE_MS) / SECOND;
    const count = Math.floor(owed + 1e-9);
    next = { ...next, workload: { ...next.workload, carry: owed - count } };
    if (count > 0) next = sendWorkload(next, scenario, count);
    next = trackDurability(next);
  }
  return observe(next, scenario);
}

function workloadKey(lab: LabState, n: number): string | null {
  const { keySkew, keyCount, hotKey } = lab.workload;
  const permille = Math.round(keySkew * 1000);
  const hotBefore = Math.floor((n * permille) / 1000);
  if (Math.floor(((n + 1) * permille) / 1000) > hotBefore) return hotKey;
  if (keyCount <= 0) return null;
  return `user-${(n - hotBefore) % keyCount}`;
}

function sendWorkload(lab: LabState, scenario: LabScenario, count: number): LabState {
  const records = [];
  const start = lab.workload.sent;
  for (let i = 0; i < count; i++) records.push({ key: workloadKey(lab, start + i), value: `#${start + i}` });
  const cluster = step(lab.cluster, { type: "produce", producer: lab.producer.client, topic: scenario.topic, records });
  return { ...lab, cluster, workload: { ...lab.workload, sent: start + count } };
}

export function produceAction(lab: LabState, scenario: LabScenario, action: Extract<LabAction, { type: "produce" }>): LabState {
  const count = action.count ?? 1;
  if (!isInt(count) || count < 1 || count > MAX_PRODUCE_COUNT) throw new LabError(`Produce between 1 and ${MAX_PRODUCE_COUNT} records at a time, got ${String(count)}.`);
  if (action.key !== null && typeof action.key !== "string") throw new LabError("A key is a string, or null for no key.");
  if (typeof action.key === "string" && action.key.length > 100) throw new LabError("Keep keys under 100 characters.");
  if (action.value !== undefined && (typeof action.value !== "string" || action.value.length > 200)) throw new LabError("A value is a string of at most 200 characters.");
  if (action.timestamp !== undefined && (!isInt(action.timestamp) || action.timestamp < 0)) {
    throw new LabError(`An event time is a whole, non-negative number of milliseconds, got ${String(action.timestamp)}.`);
  }
  const start = lab.workload.sent;
  const records = Array.from({ length: count }, (_, i) => ({
    key: action.key,
    value: action.value ?? `#${start + i}`,
    ...(action.timestamp !== undefined ? { timestamp: action.timestamp } : {}),
  }));
  const next = engine(lab, { type: "produce", producer: lab.producer.client, topic: scenario.topic, records });
  return trackDurability({ ...next, workload: { ...next.workload, sent: start + count } });
}

export function setWorkload(lab: LabState, action: Extract<LabAction, { type: "setWorkload" }>): LabState {
  if (!isNum(action.ratePerSec) || action.ratePerSec < 0 || action.ratePerSec > MAX_RATE_PER_SEC) {
    throw new LabError(`The workload rate is between 0 and ${MAX_RATE_PER_SEC} records per second, got ${String(action.ratePerSec)}.`);
  }
  if (!isNum(action.keySkew) || action.keySkew < 0 || action.keySkew > 1) {
    throw new LabError(`Key skew is the share of records sent with the hot key, between 0 and 1, got ${String(action.keySkew)}.`);
  }
  const keyCount = action.keyCount ?? lab.workload.keyCount;
  if (!isInt(keyCount) || keyCount < 0 || keyCount > 10_000) throw new LabError(`The number of keys is a whole number from 0 to 10000, got ${String(keyCount)}.`);
  return { ...lab, workload: { ...lab.workload, ratePerSec: action.ratePerSec, keySkew: action.keySkew, keyCount } };
}
