// RUBRIC_LIMITS is the one home of a rubric's limits: the zod schema that has the last word on a rubric
// enforces exactly these numbers, at both edges.
import { describe, expect, it } from "vitest";
import { rubricSchema } from "@/lib/content/schema";
import { RUBRIC_LIMITS } from "@/lib/rubrics";

const item = (index: number, fields: Record<string, unknown> = {}) => ({
  id: `point-${index}`,
  label: `Point ${index}`,
  kind: index === 0 ? "misconception" : "required",
  weight: 1,
  concept: ["kafka"],
  ...(index === 0 ? { correction: "Kafka keeps records after they are read." } : { hint: "Kafka is a replicated, partitioned log." }),
  ...fields,
});
const rubric = (count: number, first: Record<string, unknown> = {}) => ({ items: Array.from({ length: count }, (_, index) => item(index, index === 1 ? first : {})) });
const messages = (input: unknown) => {
  const result = rubricSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("RUBRIC_LIMITS and the rubric schema", () => {
  it("accepts from minItems to maxItems items", () => {
    expect(messages(rubric(RUBRIC_LIMITS.minItems))).toEqual([]);
    expect(messages(rubric(RUBRIC_LIMITS.maxItems))).toEqual([]);
    expect(messages(rubric(RUBRIC_LIMITS.minItems - 1))).toEqual([`a rubric needs at least ${RUBRIC_LIMITS.minItems} items`]);
    expect(messages(rubric(RUBRIC_LIMITS.maxItems + 1))).toEqual([`a rubric has at most ${RUBRIC_LIMITS.maxItems} items`]);
    expect([RUBRIC_LIMITS.minItems, RUBRIC_LIMITS.maxItems]).toEqual([6, 12]);
  });

  it("bounds labels, weights, near and sentences by the same numbers", () => {
    const ok = (fields: Record<string, unknown>) => messages(rubric(RUBRIC_LIMITS.minItems, fields)).length === 0;
    expect([ok({ label: "x".repeat(RUBRIC_LIMITS.labelMin) }), ok({ label: "x".repeat(RUBRIC_LIMITS.labelMin - 1) })]).toEqual([true, false]);
    expect([ok({ label: "x".repeat(RUBRIC_LIMITS.labelMax) }), ok({ label: "x".repeat(RUBRIC_LIMITS.labelMax + 1) })]).toEqual([true, false]);
    expect([ok({ weight: RUBRIC_LIMITS.weightMax }), ok({ weight: RUBRIC_LIMITS.weightMax + 0.5 })]).toEqual([true, false]);
    expect([ok({ near: RUBRIC_LIMITS.nearMin }), ok({ near: RUBRIC_LIMITS.nearMin - 1 })]).toEqual([true, false]);
    expect([ok({ near: RUBRIC_LIMITS.nearMax }), ok({ near: RUBRIC_LIMITS.nearMax + 1 })]).toEqual([true, false]);
    expect([ok({ hint: "x".repeat(RUBRIC_LIMITS.sentenceMin) }), ok({ hint: "x".repeat(RUBRIC_LIMITS.sentenceMin - 1) })]).toEqual([true, false]);
    expect([ok({ hint: "x".repeat(RUBRIC_LIMITS.sentenceMax) }), ok({ hint: "x".repeat(RUBRIC_LIMITS.sentenceMax + 1) })]).toEqual([true, false]);
  });
});
