// The listing entries (id, title, summary) of the the log itself scenarios, defined in ./basics.ts. They live
// in this import-free module because ../catalog.ts lists them for client code, which must not load the lab.

export const CLUSTER_TOUR = {
  id: "cluster-tour",
  title: "A tour of a three-broker cluster",
  summary: "Brokers, topics, partitions, leaders and followers, and how a record travels from producer to consumer.",
} as const;

export const KEY_PARTITIONING = {
  id: "key-partitioning",
  title: "Keys, partitions and ordering",
  summary: "Watch murmur2 send every record with the same key to the same partition, and what adding partitions does to that mapping.",
} as const;

export const RETENTION_REPLAY = {
  id: "retention-replay",
  title: "Retention and replaying history",
  summary: "Records stay after they are read; a new consumer group replays from the beginning or from a timestamp until retention deletes old segments.",
} as const;
