import { describe, expect, it } from "vitest";
import { DEMO_SCENARIOS } from "@/lib/demos/catalog";
import { buildWalkthrough } from "@/lib/demos/walkthrough";

describe("buildWalkthrough", () => {
  it.each(DEMO_SCENARIOS.map((scenario) => scenario.id))("plays %s step by step with events and tool output", (id) => {
    const walkthrough = buildWalkthrough(id)!;
    expect(walkthrough.steps.length).toBeGreaterThan(0);
    expect(walkthrough.initial.topics).toMatch(/Topic: /);
    for (const step of walkthrough.steps) {
      expect(step.caption.length).toBeGreaterThan(10);
      expect(step.topics).toMatch(/Topic: /);
    }
    // The story is told by the engine's own explanations, not just the captions.
    expect(walkthrough.steps.flatMap((step) => step.events).length).toBeGreaterThan(0);
    // Same seed, same story.
    expect(buildWalkthrough(id)).toEqual(walkthrough);
  });

  it("shows NotEnoughReplicas when min.insync.replicas cannot be met", () => {
    const text = JSON.stringify(buildWalkthrough("min-isr"));
    expect(text).toMatch(/NotEnoughReplicas/);
  });

  it("returns null for an unknown scenario", () => {
    expect(buildWalkthrough("no-such-demo")).toBeNull();
  });
});
