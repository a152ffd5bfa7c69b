// Producer settings: a change starts a new engine producer with the new acks, idempotence and retries,
// and says what they mean. Also the network fault that drops acknowledgements.
import { plural } from "@/lib/format/text";
import { engine, isInt, LabError, note } from "../core";
import { baseline } from "../durability";
import type { LabAcks, LabAction, LabState } from "../types";

function engineAcks(acks: LabAcks): 0 | 1 | "all" {
  return acks === "all" ? "all" : acks === "1" ? 1 : 0;
}

/** A new engine producer with these settings (the lab's producer from now on); `narrate` explains them in a note. */
export function startProducer(lab: LabState, acks: LabAcks, idempotence: boolean, retries: number, narrate: boolean): LabState {
  const generation = lab.producer.generation + 1;
  const client = generation === 1 ? "producer" : `producer-${generation}`;
  const effective = idempotence && acks === "all" && retries > 0;
  const next = engine(lab, {
    type: "createProducer",
    producer: client,
    config: { acks: engineAcks(acks), retries, ...(effective ? { enableIdempotence: true } : idempotence ? {} : { enableIdempotence: false }), requestTimeoutMs: 2000, deliveryTimeoutMs: 30_000 },
  });
  let result: LabState = { ...next, producer: { acks, idempotence: effective, retries, client, generation } };
  if (narrate) {
    const parts = [`The producer now sends with acks=${acks}`, `retries=${retries}`, effective ? "enable.idempotence=true" : "no idempotence"];
    let message = `${parts.join(", ")}.`;
    if (idempotence && !effective) {
      message += ` Idempotence needs acks=all and retries above 0, so it is off${acks !== "all" ? ` with acks=${acks}` : ""}.`;
    }
    if (acks === "1") message += " The leader answers as soon as it has written a record itself, before any follower copies it.";
    if (acks === "0") message += " The producer does not wait for any answer: it never learns whether a record arrived.";
    result = note(result, "info", "producer-settings", message);
  }
  return result;
}

/** The learner's producer settings: a new producer, and a new baseline for the challenges. */
export function setProducer(lab: LabState, action: Extract<LabAction, { type: "setProducer" }>): LabState {
  if (!["0", "1", "all"].includes(action.acks as string)) throw new LabError(`acks is "0", "1" or "all", got ${String(action.acks)}.`);
  if (typeof action.idempotence !== "boolean") throw new LabError("idempotence is true or false.");
  if (!isInt(action.retries) || action.retries < 0 || action.retries > 2147483647) throw new LabError(`retries is a whole number from 0 to 2147483647, got ${String(action.retries)}.`);
  const next = startProducer(lab, action.acks, action.idempotence, action.retries, true);
  return { ...next, baseline: baseline(next) };
}

/** The network drops the next `count` acknowledgements to the producer: its retries then test idempotence. */
export function dropAcks(lab: LabState, count: number): LabState {
  if (!isInt(count) || count < 1 || count > 100) throw new LabError(`dropAcks needs a count between 1 and 100, got ${String(count)}.`);
  let next = engine(lab, { type: "loseResponses", producer: lab.producer.client, count });
  next = { ...next, durability: { ...next.durability, acksDropped: next.durability.acksDropped + count } };
  return note(
    next,
    "warning",
    "acks-dropped",
    `The network will drop the next ${plural(count, "acknowledgement")} to the producer: the brokers write the records, but the producer never hears back and retries after request.timeout.ms.`,
  );
}
