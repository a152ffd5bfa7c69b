// Every demo scenario, once: the lab's setup, guided steps (what to do and what to notice) and challenge,
// one file per family. Ids, titles and summaries come from each family's .meta.ts; the questions that open
// a scenario name it in their own `demo:` frontmatter.
import type { LabScenario } from "../lab/types";
import { clusterTour, keyPartitioning, retentionReplay } from "./basics";
import { acksDurability, idempotentProducer, leaderElection, minIsr } from "./durability";
import { consumerLag, groupScaling, offsetsAndCommits, rebalanceAssignors } from "./groups";
import { lateData, sessionWindows, timeWindows, transactionsEos } from "./streams";

/** In the catalog's order. */
export const LAB_SCENARIOS: readonly LabScenario[] = [
  clusterTour,
  keyPartitioning,
  groupScaling,
  rebalanceAssignors,
  offsetsAndCommits,
  retentionReplay,
  acksDurability,
  minIsr,
  leaderElection,
  idempotentProducer,
  transactionsEos,
  consumerLag,
  timeWindows,
  sessionWindows,
  lateData,
];

export function labScenarioById(id: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((scenario) => scenario.id === id);
}
