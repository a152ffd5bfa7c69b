// A demo scenario played through the cluster engine, step by step, as plain data the demo page can
// show: what each step claims, what the cluster says happened (its events), and what Kafka's own
// tools would print afterwards. Deterministic: the scenario's seed fixes the run.
import { renderGroupOffsets, renderTopics, runScenario, scenarioById, type ClusterState } from "@/lib/cluster";

export interface WalkthroughStep {
  index: number;
  caption: string;
  action: string;
  virtualTimeMs: number;
  events: { t: number; kind: string; message: string }[];
  error: string | null;
  topics: string;
  groups: { id: string; output: string }[];
}

export interface Walkthrough {
  id: string;
  title: string;
  initial: { topics: string };
  steps: WalkthroughStep[];
}

export function buildWalkthrough(id: string): Walkthrough | null {
  const scenario = scenarioById(id);
  if (!scenario) return null;
  const run = runScenario(scenario);
  const steps = scenario.steps.map((scenarioStep, index): WalkthroughStep => {
    const before = run.states[index]!;
    const after = run.states[index + 1]!;
    const lastSeq = before.events.at(-1)?.seq ?? -1;
    return {
      index: index + 1,
      caption: scenarioStep.caption,
      action: scenarioStep.action.type,
      virtualTimeMs: after.now,
      events: after.events.filter((event) => event.seq > lastSeq).map(({ t, kind, message }) => ({ t, kind, message })),
      error: after.lastError && after.lastError !== before.lastError ? after.lastError.message : null,
      topics: renderTopics(after),
      groups: groupOutputs(after),
    };
  });
  return { id: scenario.id, title: scenario.title, initial: { topics: renderTopics(run.states[0]!) }, steps };
}

function groupOutputs(state: ClusterState) {
  return Object.keys(state.groups)
    .sort()
    .map((groupId) => {
      const { stdout, stderr } = renderGroupOffsets(state, groupId);
      return { id: groupId, output: [stderr.trim(), stdout.replace(/^\n/, "")].filter(Boolean).join("\n") };
    });
}
