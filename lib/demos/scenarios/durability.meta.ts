// The listing entries (id, title, summary) of the durability scenarios, defined in ./durability.ts. They live
// in this import-free module because ../catalog.ts lists them for client code, which must not load the lab.

export const ACKS_DURABILITY = {
  id: "acks-durability",
  title: "acks=0, 1 and all under a broker crash",
  summary: "Crash the leader right after an acknowledgement and find out which settings lose acknowledged records.",
} as const;

export const MIN_ISR = {
  id: "min-isr",
  title: "min.insync.replicas and NotEnoughReplicas",
  summary: "Stop brokers under acks=all with min.insync.replicas=2 and watch writes fail safely instead of losing data.",
} as const;

export const LEADER_ELECTION = {
  id: "leader-election",
  title: "ISR, high watermark and leader election",
  summary: "Lag a follower out of the ISR, fail the leader, and compare clean election with unclean election and its truncation.",
} as const;

export const IDEMPOTENT_PRODUCER = {
  id: "idempotent-producer",
  title: "Idempotent producer retries",
  summary: "Drop an acknowledgement, let the producer retry, and see the broker discard the duplicate by sequence number.",
} as const;
