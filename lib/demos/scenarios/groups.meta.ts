// The listing entries (id, title, summary) of the consumer groups scenarios, defined in ./groups.ts. They live
// in this import-free module because ../catalog.ts lists them for client code, which must not load the lab.

export const CONSUMER_GROUP_SCALING = {
  id: "consumer-group-scaling",
  title: "Scaling a consumer group",
  summary: "Add consumers one by one until the group hits the partition ceiling and the extra consumer sits idle.",
} as const;

export const REBALANCE_ASSIGNORS = {
  id: "rebalance-assignors",
  title: "Rebalances: range, round-robin, cooperative-sticky",
  summary: "Compare how each assignor hands out partitions when members join and leave, including the two-round cooperative handover.",
} as const;

export const OFFSETS_AND_COMMITS = {
  id: "offsets-and-commits",
  title: "Offsets, commits and replay",
  summary: "Crash a consumer with auto-commit and with manual commit and see which records are lost or read twice; seek back to replay.",
} as const;

export const CONSUMER_LAG = {
  id: "consumer-lag",
  title: "Diagnosing consumer lag",
  summary: "Skew traffic onto one hot key and find the lagging partition with a kafka-consumer-groups style view.",
} as const;
