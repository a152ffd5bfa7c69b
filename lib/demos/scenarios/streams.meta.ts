// The listing entries (id, title, summary) of the stream processing scenarios, defined in ./streams.ts. They live
// in this import-free module because ../catalog.ts lists them for client code, which must not load the lab.

export const TRANSACTIONS_EOS = {
  id: "transactions-eos",
  title: "Transactions and read_committed",
  summary: "Run a read-process-write loop in a transaction, abort one, and see what read_committed and read_uncommitted consumers get.",
} as const;

export const TIME_WINDOWS = {
  id: "time-windows",
  title: "Tumbling and hopping windows",
  summary: "Aggregate by event time in fixed windows and see which windows each record lands in.",
} as const;

export const SESSION_WINDOWS = {
  id: "session-windows",
  title: "Session windows",
  summary: "Group bursts of activity per key into sessions that merge when a record bridges the gap.",
} as const;

export const LATE_DATA_GRACE = {
  id: "late-data-grace",
  title: "Late records and grace periods",
  summary: "Send out-of-order records and watch stream time, grace and window close decide what is counted and what is dropped.",
} as const;
