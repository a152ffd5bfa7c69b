// Every question opens a live lab that knows it, and every seed question's lab carries a challenge.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { LAB_SCENARIOS, labScenarioById } from "@/lib/demos/lab";
import { SEED_QUESTIONS } from "@/lib/scoring/calibration";

const bank = loadContentBank();

describe("questions and their live labs", () => {
  it("has a lab for every scenario in the catalog", () => {
    expect(LAB_SCENARIOS.map((scenario) => scenario.id).sort()).toEqual([...DEMO_SCENARIO_IDS].sort());
  });

  it.each(bank.questions.map((question) => [question.slug, question.demo] as const))("%s opens %s, which lists it", (slug, demo) => {
    const scenario = labScenarioById(demo);
    expect(scenario).toBeDefined();
    expect(scenario!.questionSlugs).toContain(slug);
  });

  it("lists only questions that open it", () => {
    const demoOf = new Map(bank.questions.map((question) => [question.slug, question.demo]));
    for (const scenario of LAB_SCENARIOS) for (const slug of scenario.questionSlugs) expect([slug, demoOf.get(slug)]).toEqual([slug, scenario.id]);
  });

  it.each([...SEED_QUESTIONS])("seed question %s has a challenge and 2–5 guided steps", (slug) => {
    const question = bank.questions.find((candidate) => candidate.slug === slug)!;
    const scenario = labScenarioById(question.demo)!;
    expect(scenario.challenge?.goal).toBeTruthy();
    expect(scenario.steps.length).toBeGreaterThanOrEqual(2);
    expect(scenario.steps.length).toBeLessThanOrEqual(5);
  });
});
