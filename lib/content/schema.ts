// One zod schema per content type; types are inferred from them. The same schemas validate the
// markdown at build time (`npm run content:check`), at run time, and instructor edits later.
import { z } from "zod";
import { DEMO_SCENARIO_IDS } from "@/lib/demos/catalog";
import { RUBRIC_LIMITS } from "@/lib/rubrics/limits";
import { LEVEL_IDS } from "./levels";
import { parseConceptPattern, PatternSyntaxError } from "./concept-pattern";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(kebab, "must be kebab-case: lowercase letters, digits and single hyphens");

/** A concept pattern that parses (see concept-pattern.ts); the parser's message otherwise. */
export const conceptPatternSchema = z.string().superRefine((value, ctx) => {
  try {
    parseConceptPattern(value);
  } catch (error) {
    if (error instanceof PatternSyntaxError) ctx.addIssue({ code: "custom", message: error.message });
    else throw error;
  }
});

const sentence = z.string().trim().min(RUBRIC_LIMITS.sentenceMin, "must be a full sentence").max(RUBRIC_LIMITS.sentenceMax);

export const rubricItemKinds = ["required", "bonus", "misconception"] as const;
export type RubricItemKind = (typeof rubricItemKinds)[number];

export const rubricItemSchema = z
  .object({
    id: slugSchema,
    label: z.string().trim().min(RUBRIC_LIMITS.labelMin).max(RUBRIC_LIMITS.labelMax),
    kind: z.enum(rubricItemKinds),
    weight: z.number().positive().max(RUBRIC_LIMITS.weightMax),
    /** Alternatives: the item matches when any one pattern matches (see concept-pattern.ts). */
    concept: z.array(conceptPatternSchema).min(1, "needs at least one pattern"),
    /** Optional: how many words apart the terms of a "..." pattern may be; default is one sentence. */
    near: z.number().int().min(RUBRIC_LIMITS.nearMin).max(RUBRIC_LIMITS.nearMax).optional(),
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
  .object({
    items: z
      .array(rubricItemSchema)
      .min(RUBRIC_LIMITS.minItems, `a rubric needs at least ${RUBRIC_LIMITS.minItems} items`)
      .max(RUBRIC_LIMITS.maxItems, `a rubric has at most ${RUBRIC_LIMITS.maxItems} items`),
  })
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

/**
 * Where a question's facts were checked: only the projects' own documentation, their improvement
 * proposals (KIPs) and their source code. Blogs and vendor pages do not count as a source.
 */
export const SOURCE_HOSTS = [
  "kafka.apache.org",
  "cwiki.apache.org",
  "nightlies.apache.org",
  "flink.apache.org",
  "spark.apache.org",
  "github.com",
  "www.rabbitmq.com",
  "rabbitmq.com",
] as const;

const sourceUrlSchema = z.string().trim().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a URL; give the full https:// address of the page` });
    return;
  }
  if (url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: `"${value}" must be an https:// address` });
  } else if (!(SOURCE_HOSTS as readonly string[]).includes(url.hostname)) {
    ctx.addIssue({ code: "custom", message: `"${url.hostname}" is not an official source (use one of: ${SOURCE_HOSTS.join(", ")})` });
  } else if (url.hostname === "github.com" && !/^\/apache\/[^/]+\/.+/.test(url.pathname)) {
    ctx.addIssue({ code: "custom", message: `"${value}" must point into an Apache repository (https://github.com/apache/<repo>/...)` });
  }
});

/** Each system a question's facts were checked against, e.g. "Kafka 4.4 · Flink 2.2 · Spark 4.1". */
const checkedAgainstSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* \d+(?:\.\d+)*(?: · [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* \d+(?:\.\d+)*)*$/,
    'must name each system with its version, joined by " · " (e.g. "Kafka 4.4 · Flink 2.2")',
  );

export const questionFrontmatterSchema = z
  .object({
    slug: slugSchema,
    title: z.string().trim().min(5).max(120),
    track: slugSchema,
    level: z.enum(LEVEL_IDS, { message: `must be one of: ${LEVEL_IDS.join(", ")}` }),
    tags: z.array(slugSchema).min(1).max(8),
    timeBudgetMinutes: z.number().int().min(1).max(30),
    demo: z.enum(DEMO_SCENARIO_IDS, { message: "unknown demo scenario (see lib/demos/catalog.ts)" }),
    /** The versions a reviewer checked the answer against; shown to candidates on the question page. */
    checkedAgainst: checkedAgainstSchema,
    /** The pages that back the question's claims: 2 to 5 official docs, KIPs or Apache source files. */
    sources: z
      .array(sourceUrlSchema)
      .min(2, "list at least 2 sources")
      .max(5, "list at most 5 sources")
      .superRefine((urls, ctx) => {
        urls.forEach((url, index) => {
          if (urls.indexOf(url) !== index) ctx.addIssue({ code: "custom", path: [index], message: `duplicate source "${url}"` });
        });
      }),
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
