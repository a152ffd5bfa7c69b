// Which demo challenges a learner has completed: as this browser keeps it (localStorage) and as their
// account keeps it (lib/db/demo-progress.ts). Framework-free: parsing what was stored, recording one
// more completion and merging the two sources. The first completion of a scenario is the one kept.
import { DEMO_SCENARIO_IDS, type DemoScenarioId } from "./catalog";

/** Scenario id → ISO time of its first completion. */
export type DemoCompletions = Partial<Record<DemoScenarioId, string>>;

/** The localStorage key of this browser's completions. */
export const DEMO_PROGRESS_KEY = "offset-demo-progress";

const isScenarioId = (id: string): id is DemoScenarioId => (DEMO_SCENARIO_IDS as readonly string[]).includes(id);

/** What was stored, read leniently: unknown scenarios, bad dates and foreign shapes are dropped. */
export function parseCompletions(raw: string | null | undefined): DemoCompletions {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const completions: DemoCompletions = {};
  for (const [id, at] of Object.entries(value)) {
    if (isScenarioId(id) && typeof at === "string" && !Number.isNaN(Date.parse(at))) completions[id] = new Date(at).toISOString();
  }
  return completions;
}

export function serializeCompletions(completions: DemoCompletions): string {
  return JSON.stringify(completions);
}

/** `completions` with `id` done at `at`, unless it was done earlier. */
export function withCompletion(completions: DemoCompletions, id: DemoScenarioId, at: Date): DemoCompletions {
  const existing = completions[id];
  if (existing && Date.parse(existing) <= at.getTime()) return completions;
  return { ...completions, [id]: at.toISOString() };
}

/** Every scenario completed in any of the sources, each with its earliest time. */
export function mergeCompletions(...sources: DemoCompletions[]): DemoCompletions {
  let merged: DemoCompletions = {};
  for (const source of sources) {
    for (const [id, at] of Object.entries(source)) if (at && isScenarioId(id)) merged = withCompletion(merged, id, new Date(at));
  }
  return merged;
}

/** Completions in catalog order, for counting and listing. */
export function completedIds(completions: DemoCompletions): DemoScenarioId[] {
  return DEMO_SCENARIO_IDS.filter((id) => completions[id] !== undefined);
}
