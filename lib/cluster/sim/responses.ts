// What a broker answers to a produce request, as the step's inbox carries it from the purgatory (where
// acks=all requests wait) to the producer (produce.ts#deliverResponses).

export type ProduceError =
  | "NOT_ENOUGH_REPLICAS"
  | "NOT_ENOUGH_REPLICAS_AFTER_APPEND"
  | "NOT_LEADER_OR_FOLLOWER"
  | "LEADER_NOT_AVAILABLE"
  | "NETWORK_EXCEPTION"
  | "REQUEST_TIMED_OUT"
  | "OUT_OF_ORDER_SEQUENCE_NUMBER"
  | "INVALID_PRODUCER_EPOCH";

/** A broker's answer to one produce request, on its way back to the producer. */
export interface ProduceResponse {
  producer: string;
  batchId: number;
  result: { ok: true; baseOffset: number } | { ok: false; error: ProduceError };
}
