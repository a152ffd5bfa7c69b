// Stream apps: a new window starts a new version of the scenario's app, which re-reads the topic.
import { formatMs } from "@/lib/format/time";
import { engine, isInt, LabError, note, SECOND } from "../core";
import type { LabAction, LabScenario, LabState } from "../types";

export function setWindow(lab: LabState, scenario: LabScenario, action: Extract<LabAction, { type: "setWindow" }>): LabState {
  const base = scenario.setup.streamApp;
  const current = lab.streamApp ? lab.cluster.streams[lab.streamApp] : undefined;
  if (!base || !current) throw new LabError("This scenario has no stream application to change.");
  for (const key of ["sizeMs", "advanceMs", "graceMs", "gapMs"] as const) {
    const value = action[key];
    if (value !== undefined && (!isInt(value) || value < 0 || value > 24 * 3600 * SECOND)) throw new LabError(`${key} is a whole number of milliseconds up to a day, got ${String(value)}.`);
  }
  const window = {
    kind: current.window.kind,
    sizeMs: action.sizeMs ?? current.window.sizeMs,
    advanceMs: action.advanceMs ?? (action.sizeMs !== undefined && current.window.kind === "tumbling" ? action.sizeMs : current.window.advanceMs),
    graceMs: action.graceMs ?? current.window.graceMs,
    gapMs: action.gapMs ?? current.window.gapMs,
  };
  if (window.advanceMs !== window.sizeMs && window.kind === "tumbling") window.kind = "hopping";
  if (window.advanceMs === window.sizeMs && window.kind === "hopping") window.kind = "tumbling";
  const generation = lab.streamAppGeneration + 1;
  const app = `${scenario.id}-app-v${generation + 1}`;
  const next = engine(lab, { type: "createStreamApp", app, sourceTopic: scenario.topic, window, emit: current.emit });
  const describe =
    window.kind === "session"
      ? `session windows with a ${formatMs(window.gapMs)} inactivity gap`
      : window.kind === "hopping"
        ? `hopping windows of ${formatMs(window.sizeMs)} advancing every ${formatMs(window.advanceMs)}`
        : `tumbling windows of ${formatMs(window.sizeMs)}`;
  return note(
    { ...next, streamApp: app, streamAppGeneration: generation },
    "info",
    "window-settings",
    `A new version of the app (${app}) counts ${describe} and a grace period of ${formatMs(window.graceMs)}. It re-reads the topic from the start, so every record is counted again under the new rules.`,
  );
}
