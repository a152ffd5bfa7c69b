// One zod schema per content type; types are inferred from them. The same schemas validate the
// markdown at build time (`npm run content:check`), at run time, and instructor edits later.
import { z } from "zod";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { LEVEL_IDS } from "./levels";
import { parseConceptPattern, PatternSyntaxError } from "./concept-pattern";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(kebab, "must be kebab-case: lowercase letters, digits and single hyphens");

const conceptPatternSchema = z.string().superRefine((value, ctx) => {
  try {
    parseConceptPattern(value);
  } catch (error) {
    if (error instanceof PatternSyntaxError) ctx.addIssue({ code: "custom", message: error.message });
    else throw error;
  }
});

const sentence = z.string().trim().min(8, "must be a full sentence").max(400);

export const rubricItemKinds = ["required", "bonus", "misconception"] as const;
export type RubricItemKind = (typeof rubricItemKinds)[number];

export const rubricItemSchema = z
  .object({
    id: slugSchema,
    label: z.string().trim().min(3).max(120),
    kind: z.enum(rubricItemKinds),
    weight: z.number().positive().max(5),
    /** Alternatives: the item matches when any one pattern matches (see concept-pattern.ts). */
    concept: z.array(conceptPatternSchema).min(1, "needs at least one pattern"),
    /** Optional: how many words apart the terms of a "..." pattern may be; default is one sentence. */
    near: z.number().int().min(2).max(80).optional(),
    /** "Say it like this": one sentence a candidate could use. Required for required and bonus items. */
    hint: sentence.optional(),
    /** For misconceptions: what is actually true. */
    correction: sentence.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === "misconception" && !item.correction) {
      ctx.addIssue({ code: "custom", path: ["correction"], message: "a misconception item needs a correction" });
    }
    if (item.kind !== "misconception" && !item.hint) {
      ctx.addIssue({ code: "custom", path: ["hint"], message: `a ${item.kind} item needs a hint` });
    }
  });
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const rubricSchema = z
  .object({ items: z.array(rubricItemSchema).min(6, "a rubric needs at least 6 items").max(12, "a rubric has at most 12 items") })
  .strict()
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", index, "id"], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
    });
    if (!rubric.items.some((item) => item.kind === "misconception")) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "a rubric needs at least one misconception item" });
    }
    if (!rubric.items.some((item) => item.kind === "required")) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "a rubric needs at least one required item" });
    }
  });
export type Rubric = z.infer<typeof rubricSchema>;

export const questionFrontmatterSchema = z
  .object({
    slug: slugSchema,
    title: z.string().trim().min(5).max(120),
    track: slugSchema,
    level: z.enum(LEVEL_IDS, { message: `must be one of: ${LEVEL_IDS.join(", ")}` }),
    tags: z.array(slugSchema).min(1).max(8),
    timeBudgetMinutes: z.number().int().min(1).max(30),
    demo: z.enum(DEMO_SCENARIO_IDS, { message: "unknown demo scenario (see lib/demos/catalog.ts)" }),
    rubric: rubricSchema,
  })
  .strict();
export type QuestionFrontmatter = z.infer<typeof questionFrontmatterSchema>;

export const trackFrontmatterSchema = z
  .object({
    id: slugSchema,
    title: z.string().trim().min(3).max(60),
    summary: z.string().trim().min(10).max(300),
    order: z.number().int().min(0),
  })
  .strict();
export type TrackFrontmatter = z.infer<typeof trackFrontmatterSchema>;

/** content/vocabulary/*.yml: synonym sets that patterns reference as {name}. */
export const vocabularySchema = z.record(slugSchema, z.array(z.string().trim().min(1)).min(1));
export type Vocabulary = z.infer<typeof vocabularySchema>;

export const BODY_SECTIONS = ["Prompt", "Model answer", "Key points", "Follow-ups"] as const;
