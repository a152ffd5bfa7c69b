// The mini-cluster scenarios a question can link to (`demo:` in its frontmatter), in the order /demos
// lists them. Each id is a page at /demos/<id>; the simulation behind it lives in lib/cluster.
// An entry is written once, in scenarios/<family>.meta.ts beside its definition; this list only orders
// them. It is not derived from the definitions because client code imports it (demo progress, the
// rubric editor through the content schema), and the definitions would bring the lab and the engine
// along: +46 KB gzip of first-load JS on /demos when measured.
import { CLUSTER_TOUR, KEY_PARTITIONING, RETENTION_REPLAY } from "./scenarios/basics.meta";
import { ACKS_DURABILITY, IDEMPOTENT_PRODUCER, LEADER_ELECTION, MIN_ISR } from "./scenarios/durability.meta";
import { CONSUMER_GROUP_SCALING, CONSUMER_LAG, OFFSETS_AND_COMMITS, REBALANCE_ASSIGNORS } from "./scenarios/groups.meta";
import { LATE_DATA_GRACE, SESSION_WINDOWS, TIME_WINDOWS, TRANSACTIONS_EOS } from "./scenarios/streams.meta";

export const DEMO_SCENARIOS = [
  CLUSTER_TOUR,
  KEY_PARTITIONING,
  CONSUMER_GROUP_SCALING,
  REBALANCE_ASSIGNORS,
  OFFSETS_AND_COMMITS,
  RETENTION_REPLAY,
  ACKS_DURABILITY,
  MIN_ISR,
  LEADER_ELECTION,
  IDEMPOTENT_PRODUCER,
  TRANSACTIONS_EOS,
  CONSUMER_LAG,
  TIME_WINDOWS,
  SESSION_WINDOWS,
  LATE_DATA_GRACE,
] as const;

export type DemoScenarioId = (typeof DEMO_SCENARIOS)[number]["id"];
export const DEMO_SCENARIO_IDS = DEMO_SCENARIOS.map((scenario) => scenario.id) as [DemoScenarioId, ...DemoScenarioId[]];

export function demoScenarioById(id: string) {
  return DEMO_SCENARIOS.find((scenario) => scenario.id === id);
}
