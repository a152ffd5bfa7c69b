// The catalogue of false claims: content/claims/*.yml. A false claim is shared knowledge of a track,
// not one question's afterthought: "compaction deletes everything older than retention.ms" is wrong
// whichever question it turns up in, so every question is scored against the whole catalogue.
//
// Each claim carries its own proof that the patterns do what they say: `says` holds sentences that make
// the claim (each must trip it) and `nearMiss` holds sentences that come close without making it (none
// may trip it). tests/unit/scoring/claims.test.ts runs both lists through the scorer's matcher.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load as loadYaml } from "js-yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { parseConceptPattern, setsUsed } from "./concept-pattern";
import type { ContentProblem } from "./frontmatter";
import { conceptPatternSchema, slugSchema, type Vocabulary } from "./schema";
import { parseSettingDefault } from "@/lib/scoring/setting-defaults";

const sentence = z.string().trim().min(8, "must be a full sentence").max(400);

/** How much a false claim costs: 1 a loose or secondary error, 2 a real misunderstanding, 3 a dangerous one. */
export const CLAIM_WEIGHTS = [1, 2, 3] as const;

/**
 * A claim about a setting's default, checked by value rather than by wording (lib/scoring/setting-defaults.ts):
 * any sentence that states a default for one of `names` other than `default` makes the claim, whatever the
 * wrong value is. "session.timeout.ms defaults to 10 seconds" and "the default retention is 24 hours" are caught
 * without listing 10 seconds or 24 hours anywhere.
 */
export const settingSchema = z
  .object({
    /** The config keys and plain names a candidate uses for the setting ("session.timeout.ms", "session timeout"). */
    names: z.array(z.string().trim().min(2)).min(1),
    /**
     * The current default: a duration or size with its unit ("45 s", "7 days", "1 GiB"), a bare number (in the
     * unit the key names: .ms, .bytes, .hours…), true / false, "unlimited", or one of `values`.
     */
    default: z.string().trim().min(1),
    /** For a setting that takes words: every value a candidate could state ("read_uncommitted", "read_committed"). */
    values: z.array(z.string().trim().min(1)).min(2).optional(),
    /**
     * Phrases that, anywhere in the sentence, put it in a context where the setting has another default: Kafka
     * Streams sets its own clients' linger.ms and max.poll.records, so "streams" exempts those client settings.
     */
    except: z.array(z.string().trim().min(2)).optional(),
  })
  .strict();
export type SettingDefault = z.infer<typeof settingSchema>;

export const falseClaimSchema = z
  .object({
    id: slugSchema,
    /** What the claim is about (acks-and-isr, compaction, watermarks …); the editor groups claims by it. */
    topic: slugSchema,
    /** The false statement, as a candidate would make it: shown in the feedback as what was wrong. */
    claim: z.string().trim().min(8).max(160),
    /** What is actually true, in one or two sentences. */
    correction: sentence,
    weight: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    /** Patterns in the rubric concept language; any one matching means the answer makes the claim. */
    concept: z.array(conceptPatternSchema).default([]),
    /** A claim about a default, matched by value (see settingSchema); then `concept` may stay empty. */
    setting: settingSchema.optional(),
    near: z.number().int().min(2).max(40).optional(),
    /**
     * Terms in the concept language (a phrase, {set} or alternatives, no "...") that, anywhere in the sentence, show it
     * says something else: the reason that makes the statement true ("replays are harmless" beside "idempotent
     * upserts"), or another subject ("Spark's streaming is micro-batches under the hood"). Use them where the claim's
     * own words are also a true statement's.
     */
    unless: z
      .array(conceptPatternSchema.refine((value) => !value.includes("..."), { message: 'an "unless" entry is one term: no "..."' }))
      .optional(),
    /** Sentences that make the claim; each must trip it. */
    says: z.array(sentence).min(1, "give at least one sentence that makes the claim"),
    /** Sentences that come close without making the claim; none may trip it. */
    nearMiss: z.array(sentence).min(1, "give at least one near-miss sentence that must not trip the claim"),
    /** Where the correction can be checked: a doc page, a KIP or a source file. */
    source: z.string().trim().min(4).max(300).optional(),
  })
  .strict()
  .refine((claim) => claim.concept.length > 0 || claim.setting !== undefined, { message: "needs at least one pattern (concept) or a setting", path: ["concept"] });
export type FalseClaimInput = z.input<typeof falseClaimSchema>;

export interface FalseClaim extends z.infer<typeof falseClaimSchema> {
  track: string;
  /** content/claims/<file>.yml and the line the claim starts on, for error messages and the editor. */
  sourcePath: string;
  line: number;
}

export const claimFileSchema = z
  .object({
    track: slugSchema,
    claims: z.array(falseClaimSchema).min(1),
  })
  .strict();

export type ClaimCatalogue = readonly FalseClaim[];

/** Loads content/claims/*.yml; problems (file:line) are appended, broken files contribute nothing. */
export function loadClaimCatalogue(
  dir: string,
  context: { trackIds: Set<string>; vocabulary: Vocabulary; display: (file: string) => string },
  problems: ContentProblem[],
): FalseClaim[] {
  if (!existsSync(dir)) return [];
  const claims: FalseClaim[] = [];
  const firstSeen = new Map<string, string>();
  for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const file = join(dir, name);
    const path = context.display(file);
    const text = readFileSync(file, "utf8");
    const quick = claimFileSchema.safeParse(fastYaml(text));
    if (quick.success) {
      // Each claim starts at its "- id:" line, in order.
      const starts = [...text.matchAll(/^\s*- id:/gm)].map((m) => text.slice(0, m.index).split("\n").length);
      const lineOf = (valuePath: readonly PropertyKey[]) => (valuePath[0] === "claims" && typeof valuePath[1] === "number" ? (starts[valuePath[1]] ?? 1) : 1);
      claims.push(...checkFile(quick.data, path, lineOf, context, firstSeen, problems));
      continue;
    }
    // Something is wrong: parse again with positions, so each problem names its line.
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((error) => ({ path, line: error.linePos?.[0]?.line ?? 1, message: `invalid YAML: ${error.message.split("\n")[0]}` })));
      continue;
    }
    const lineOf = (valuePath: readonly PropertyKey[]) => {
      for (let depth = valuePath.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(valuePath.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    };
    const parsed = claimFileSchema.safeParse(doc.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "file";
        problems.push({ path, line: lineOf(issue.path), message: issue.code === "invalid_type" && issue.input === undefined ? `missing field "${field}"` : `${field}: ${issue.message}` });
      }
      continue;
    }
    claims.push(...checkFile(parsed.data, path, lineOf, context, firstSeen, problems));
  }
  return claims;
}

/**
 * A parsed claim file's own checks (known track, unique ids, known synonym sets), and its claims with their
 * lines. A file with any problem contributes no claim: half a file would score differently from the reviewed one.
 */
function checkFile(
  data: z.infer<typeof claimFileSchema>,
  path: string,
  lineOf: (valuePath: readonly PropertyKey[]) => number,
  context: { trackIds: Set<string>; vocabulary: Vocabulary },
  firstSeen: Map<string, string>,
  problems: ContentProblem[],
): FalseClaim[] {
  const fileProblems: ContentProblem[] = [];
  if (!context.trackIds.has(data.track)) {
    fileProblems.push({ path, line: lineOf(["track"]), message: `unknown track "${data.track}" (known: ${[...context.trackIds].join(", ")})` });
  }
  const claims = data.claims.map((claim, index): FalseClaim => {
    const line = lineOf(["claims", index]);
    const earlier = firstSeen.get(claim.id);
    if (earlier) fileProblems.push({ path, line, message: `duplicate claim id "${claim.id}" (also in ${earlier})` });
    else firstSeen.set(claim.id, `${path}:${line}`);
    if (claim.setting) {
      try {
        parseSettingDefault(claim.setting, claim.setting.names[0]!);
      } catch (error) {
        fileProblems.push({ path, line, message: `setting: ${(error as Error).message}` });
      }
    }
    for (const field of ["concept", "unless"] as const) {
      (claim[field] ?? []).forEach((pattern, patternIndex) => {
        for (const set of setsUsed(parseConceptPattern(pattern))) {
          if (!context.vocabulary[set]) fileProblems.push({ path, line: lineOf(["claims", index, field, patternIndex]), message: `unknown synonym set {${set}} (define it in content/vocabulary/*.yml)` });
        }
      });
    }
    return { ...claim, track: data.track, sourcePath: path, line };
  });
  problems.push(...fileProblems);
  return fileProblems.length > 0 ? [] : claims;
}

/** js-yaml is several times faster than `yaml` on the catalogue's long lists; `yaml` is kept for line numbers. */
export function fastYaml(text: string): unknown {
  try {
    return loadYaml(text, { json: false });
  } catch {
    return undefined;
  }
}
