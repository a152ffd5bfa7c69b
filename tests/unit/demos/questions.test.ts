// Every question opens a live lab that exists, the lab lists exactly the questions that name it in their
// own `demo:` field, and every seed question's lab carries a challenge.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { LAB_SCENARIOS, labScenarioById } from "@/lib/demos/lab";
import { questionsOpening } from "@/lib/demos/questions";
import { SEED_QUESTIONS } from "@/lib/scoring/calibration";

const bank = loadContentBank();

describe("questions and their live labs", () => {
  it("has a lab for every scenario in the catalog", () => {
    expect(LAB_SCENARIOS.map((scenario) => scenario.id).sort()).toEqual([...DEMO_SCENARIO_IDS].sort());
  });

  it.each(bank.questions.map((question) => [question.slug, question.demo] as const))("%s opens %s, which lists it", (slug, demo) => {
    expect(labScenarioById(demo)).toBeDefined();
    expect(questionsOpening(demo).map((question) => question.slug)).toContain(slug);
  });

  it("lists only questions that open it", () => {
    const demoOf = new Map(bank.questions.map((question) => [question.slug, question.demo]));
    for (const scenario of LAB_SCENARIOS) {
      for (const question of questionsOpening(scenario.id)) expect([question.slug, demoOf.get(question.slug)]).toEqual([question.slug, scenario.id]);
    }
    expect(LAB_SCENARIOS.reduce((n, scenario) => n + questionsOpening(scenario.id).length, 0)).toBe(bank.questions.length);
  });

  it.each([...SEED_QUESTIONS])("seed question %s has a challenge and 2–5 guided steps", (slug) => {
    const question = bank.questions.find((candidate) => candidate.slug === slug)!;
    const scenario = labScenarioById(question.demo)!;
    expect(scenario.challenge?.goal).toBeTruthy();
    expect(scenario.steps.length).toBeGreaterThanOrEqual(2);
    expect(scenario.steps.length).toBeLessThanOrEqual(5);
  });
});
