// The scripted walkthrough under each demo page: the lab's own guided steps, played on the scenario's
// seed, as plain data the page can show without JavaScript — what each step does and what to notice,
// what the lab explained while it ran (its notes, which carry the engine's own sentences), and what
// Kafka's tools print afterwards. Deterministic, so it is built once per scenario and kept.
import { renderGroupOffsets, renderTopics, type ClusterState } from "@/lib/cluster";
import type { LabNoteTone } from "./lab/types";
import { createLab, labStep } from "./lab/reducer";
import { labScenarioById } from "./scenarios";

export interface WalkthroughStep {
  /** 1-based. */
  index: number;
  title: string;
  /** What the step does (the lab's instruction). */
  instruction: string;
  /** What to notice afterwards. */
  notice: string;
  virtualTimeMs: number;
  /** What the lab explained during the step, oldest first. */
  notes: { t: number; tone: LabNoteTone; kind: string; message: string }[];
  error: string | null;
  topics: string;
  groups: { id: string; output: string }[];
}

export interface Walkthrough {
  id: string;
  title: string;
  initial: { virtualTimeMs: number; topics: string; groups: { id: string; output: string }[] };
  steps: WalkthroughStep[];
}

const built = new Map<string, Walkthrough>();

export function buildWalkthrough(id: string): Walkthrough | null {
  const scenario = labScenarioById(id);
  if (!scenario) return null;
  const cached = built.get(scenario.id);
  if (cached) return cached;
  let lab = createLab(scenario.id);
  const initial = { virtualTimeMs: lab.cluster.now, topics: renderTopics(lab.cluster), groups: groupOutputs(lab.cluster) };
  const steps = scenario.steps.map((guided, index): WalkthroughStep => {
    const before = lab;
    lab = labStep(lab, { type: "guidedStep", index });
    return {
      index: index + 1,
      title: guided.title,
      instruction: guided.instruction,
      notice: guided.notice,
      virtualTimeMs: lab.cluster.now,
      notes: lab.notes.filter((note) => note.seq >= before.noteSeq).map(({ t, tone, kind = "", message }) => ({ t, tone, kind, message })),
      error: lab.lastError,
      topics: renderTopics(lab.cluster),
      groups: groupOutputs(lab.cluster),
    };
  });
  const walkthrough: Walkthrough = { id: scenario.id, title: scenario.title, initial, steps };
  built.set(scenario.id, walkthrough);
  return walkthrough;
}

function groupOutputs(state: ClusterState) {
  return Object.keys(state.groups)
    .sort()
    .map((groupId) => {
      const { stdout, stderr } = renderGroupOffsets(state, groupId);
      return { id: groupId, output: [stderr.trim(), stdout.replace(/^\n/, "")].filter(Boolean).join("\n") };
    });
}
