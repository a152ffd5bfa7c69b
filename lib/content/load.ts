// Loads the question bank from content/: every file is validated on its own, so one broken file
// becomes a list of problems (file:line: message) while the rest of the bank still loads.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import { parseBody, type QuestionBody } from "./body";
import { fastYaml, loadClaimCatalogue, type FalseClaim } from "./claims";
import { parseConceptPattern, setsUsed } from "./concept-pattern";
import { splitFrontmatter, type ContentProblem } from "./frontmatter";
import {
  questionFrontmatterSchema,
  trackFrontmatterSchema,
  vocabularySchema,
  type QuestionFrontmatter,
  type TrackFrontmatter,
  type Vocabulary,
} from "./schema";
import { LineCounter, parseDocument, isNode } from "yaml";

export type { ContentProblem } from "./frontmatter";

export interface Question extends QuestionFrontmatter, QuestionBody {
  /** Path relative to the project root, e.g. content/questions/kafka-architecture.md */
  sourcePath: string;
  /** sha256 of the file, used to re-sync the database copy when the file changes. */
  contentHash: string;
}

export interface Track extends TrackFrontmatter {
  description: string;
}

export interface ContentBank {
  questions: Question[];
  tracks: Track[];
  vocabulary: Vocabulary;
  /** The shared catalogue of false claims (content/claims/*.yml); every question is scored against it. */
  claims: FalseClaim[];
  problems: ContentProblem[];
}

// The working directory, not this file's location: inside a Next server bundle this module no longer
// sits in lib/content, but the server always runs from the project root (scripts/start.ts).
export const projectRoot = process.cwd();
export const defaultContentDir = join(projectRoot, "content");

export function loadContentBank(contentDir = defaultContentDir): ContentBank {
  const problems: ContentProblem[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;

  const vocabulary = loadVocabularies(join(contentDir, "vocabulary"), display, problems);
  const tracks = markdownFiles(join(contentDir, "tracks")).flatMap((file) => {
    const track = loadTrack(file, display(file), problems);
    return track ? [track] : [];
  });
  const trackIds = new Set(tracks.map((track) => track.id));
  const claims = loadClaimCatalogue(join(contentDir, "claims"), { trackIds, vocabulary, display }, problems);

  const loaded = markdownFiles(join(contentDir, "questions")).map((file) =>
    loadQuestion(file, display(file), { trackIds, vocabulary }, problems),
  );

  // A slug is an identity: when two files claim it, keep neither and name both.
  const slugOwners = new Map<string, string[]>();
  for (const { declaredSlug, path } of loaded) {
    if (declaredSlug) slugOwners.set(declaredSlug, [...(slugOwners.get(declaredSlug) ?? []), path]);
  }
  const questions: Question[] = [];
  for (const { question, declaredSlug, path } of loaded) {
    const claimants = declaredSlug ? (slugOwners.get(declaredSlug) ?? []) : [];
    if (claimants.length > 1) {
      const others = claimants.filter((other) => other !== path);
      problems.push({ path, line: 2, message: `duplicate slug "${declaredSlug}" (also in ${others.join(", ")})` });
    } else if (question) {
      questions.push(question);
    }
  }
  questions.sort((a, b) => a.slug.localeCompare(b.slug));
  tracks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { questions, tracks, vocabulary, claims, problems };
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(dir, name));
}

interface LoadedQuestion {
  path: string;
  /** The slug the file declares, even when something else in it is wrong (for duplicate checks). */
  declaredSlug?: string;
  question?: Question;
}

function loadQuestion(
  file: string,
  path: string,
  context: { trackIds: Set<string>; vocabulary: Vocabulary },
  problems: ContentProblem[],
): LoadedQuestion {
  const source = readFileSync(file, "utf8");
  const split = splitFrontmatter(path, source);
  if (Array.isArray(split)) {
    problems.push(...split);
    return { path };
  }
  const raw = (split.data ?? {}) as { slug?: unknown };
  const declaredSlug = typeof raw.slug === "string" ? raw.slug : undefined;

  const parsed = questionFrontmatterSchema.safeParse(split.data);
  const fileProblems: ContentProblem[] = parsed.success ? [] : zodProblems(path, parsed.error, split.lineOf);
  fileProblems.push(...unknownSynonymSets(path, split.data, context.vocabulary, split.lineOf));
  const body = parseBody(path, split.body, split.bodyLine);
  if (Array.isArray(body)) fileProblems.push(...body);

  if (parsed.success) {
    const frontmatter = parsed.data;
    const expected = basename(file, ".md");
    if (frontmatter.slug !== expected) {
      fileProblems.push({ path, line: split.lineOf(["slug"]), message: `slug "${frontmatter.slug}" must match the file name "${expected}"` });
    }
    if (!context.trackIds.has(frontmatter.track)) {
      fileProblems.push({
        path,
        line: split.lineOf(["track"]),
        message: `unknown track "${frontmatter.track}" (known: ${[...context.trackIds].join(", ") || "none"}; add content/tracks/${frontmatter.track}.md)`,
      });
    }
  }

  problems.push(...fileProblems);
  if (fileProblems.length > 0 || !parsed.success || Array.isArray(body)) return { path, declaredSlug };
  return {
    path,
    declaredSlug,
    question: {
      ...parsed.data,
      ...body,
      sourcePath: relative(projectRoot, file),
      contentHash: createHash("sha256").update(source).digest("hex"),
    },
  };
}

/**
 * {set} references to sets the vocabulary does not define. Checked on the raw frontmatter, so the
 * author hears about them even while another part of the rubric is still invalid.
 */
function unknownSynonymSets(
  path: string,
  data: unknown,
  vocabulary: Vocabulary,
  lineOf: (path: readonly PropertyKey[]) => number,
): ContentProblem[] {
  const items = (data as { rubric?: { items?: unknown } } | null)?.rubric?.items;
  if (!Array.isArray(items)) return [];
  const found: ContentProblem[] = [];
  items.forEach((item: unknown, itemIndex) => {
    const concept = (item as { concept?: unknown } | null)?.concept;
    if (!Array.isArray(concept)) return;
    concept.forEach((pattern: unknown, patternIndex) => {
      if (typeof pattern !== "string") return;
      let sets: string[];
      try {
        sets = setsUsed(parseConceptPattern(pattern));
      } catch {
        return; // a syntax error is reported by the schema
      }
      for (const set of sets) {
        if (!vocabulary[set]) {
          found.push({
            path,
            line: lineOf(["rubric", "items", itemIndex, "concept", patternIndex]),
            message: `unknown synonym set {${set}} (define it in content/vocabulary/*.yml)`,
          });
        }
      }
    });
  });
  return found;
}

function loadTrack(file: string, path: string, problems: ContentProblem[]): Track | undefined {
  const split = splitFrontmatter(path, readFileSync(file, "utf8"));
  if (Array.isArray(split)) return void problems.push(...split);
  const parsed = trackFrontmatterSchema.safeParse(split.data);
  if (!parsed.success) return void problems.push(...zodProblems(path, parsed.error, split.lineOf));
  const expected = basename(file, ".md");
  if (parsed.data.id !== expected) {
    return void problems.push({ path, line: split.lineOf(["id"]), message: `id "${parsed.data.id}" must match the file name "${expected}"` });
  }
  return { ...parsed.data, description: split.body.trim() };
}

/** content/vocabulary/*.yml, merged; a set name defined twice is a problem, not a silent override. */
function loadVocabularies(dir: string, display: (file: string) => string, problems: ContentProblem[]): Vocabulary {
  if (!existsSync(dir)) return {};
  const merged: Vocabulary = {};
  const definedIn = new Map<string, string>();
  for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const file = join(dir, name);
    for (const [set, phrases] of Object.entries(loadVocabulary(file, display, problems))) {
      const earlier = definedIn.get(set);
      if (earlier) {
        problems.push({ path: display(file), line: 1, message: `synonym set "${set}" is already defined in ${earlier}` });
        continue;
      }
      definedIn.set(set, display(file));
      merged[set] = phrases;
    }
  }
  return merged;
}

function loadVocabulary(file: string, display: (file: string) => string, problems: ContentProblem[]): Vocabulary {
  const path = display(file);
  const text = readFileSync(file, "utf8");
  const quick = vocabularySchema.safeParse(fastYaml(text) ?? {});
  if (quick.success) return quick.data;
  // Something is wrong: parse again with positions, so each problem names its line.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    problems.push(...doc.errors.map((error) => ({ path, line: error.linePos?.[0]?.line ?? 1, message: `invalid YAML: ${error.message.split("\n")[0]}` })));
    return {};
  }
  const parsed = vocabularySchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(
      ...zodProblems(path, parsed.error, (valuePath) => {
        const node = doc.getIn(valuePath as unknown[], true);
        return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1;
      }),
    );
    return {};
  }
  return parsed.data;
}

/** What to write when a required question field is missing, so the author does not have to look it up. */
const MISSING_FIELD_HELP: Record<string, string> = {
  checkedAgainst: ' — the versions a reviewer checked the answer against, e.g. checkedAgainst: "Kafka 4.4"',
  sources: " — a list of 2 to 5 https:// links to the official docs, KIPs or Apache source files that back the answer",
};

function zodProblems(path: string, error: z.ZodError, lineOf: (path: readonly PropertyKey[]) => number): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "frontmatter";
    const message =
      issue.code === "invalid_type" && issue.input === undefined
        ? `missing field "${field}"${MISSING_FIELD_HELP[field] ?? ""}`
        : `${field}: ${issue.message}`;
    return { path, line: lineOf(issue.path), message };
  });
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.path}:${problem.line}: ${problem.message}`;
}
