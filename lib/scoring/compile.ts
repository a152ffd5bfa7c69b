// Rubric patterns → fast matchers, parsed once and cached per (rubric, vocabulary) pair.
//
// A pattern alternative ("append-only", "where * left off", "partition*", "acks=-1", "{acks-all}") becomes
// a phrase: a list of elements.
//   word    a normalised word; `prefix` when the pattern wrote "word*" (any ending)
//   any     a lone "*": exactly one word of any kind
//   assign  an "=" in a config key: matches nothing, "=", ":", "set to", "of", "is", "equals" … (the
//           text never contains "=" tokens), so "min.insync.replicas=2" also matches
//           "min_insync_replicas: 2" and "min insync replicas set to two".
// Phrases are deduplicated across the rubric so each is searched once per answer.
import { parseConceptPattern, type ConceptAlternative } from "@/lib/content/concept-pattern";
import type { Rubric, RubricItem, Vocabulary } from "@/lib/content/schema";
import { analyseText } from "./normalise";

export type PhraseElement = { kind: "word"; text: string; prefix: boolean } | { kind: "any" } | { kind: "assign" };

export interface CompiledPhrase {
  index: number;
  key: string;
  elements: PhraseElement[];
  /** First character of the first word (for the per-answer index), or "" when it starts otherwise. */
  first: string;
}

export interface CompiledTerm {
  /** Indices into CompiledRubric.phrases; any one will do. */
  phrases: number[];
}

export interface CompiledPattern {
  source: string;
  terms: CompiledTerm[];
}

export interface CompiledItem {
  item: RubricItem;
  patterns: CompiledPattern[];
  /** Words apart the terms may be (across sentences); undefined → same sentence. */
  near?: number;
}

export interface CompiledRubric {
  items: CompiledItem[];
  phrases: CompiledPhrase[];
  /** Phrases naming other systems; a misconception attributed to one of them is not the candidate's claim. */
  contrastSubjects: number[];
}

/** Vocabulary set the engine reads for contrast subjects; the built-in list is used when it is absent. */
export const CONTRAST_SUBJECTS_SET = "contrast-subjects";
const DEFAULT_CONTRAST_SUBJECTS = [
  "rabbit*", "activemq", "jms", "sqs", "traditional queue*", "classic queue*", "traditional message queue*",
  "traditional broker*", "traditional messaging", "other queue*", "other broker*", "batch processing", "batch job*", "batch system*",
];

const ANY = "qqanyqq";
const PREFIX = "qqpfxqq";
const ASSIGN = "qqeqqq";

export class UnknownSetError extends Error {}

class PhraseTable {
  readonly phrases: CompiledPhrase[] = [];
  private readonly byKey = new Map<string, number>();

  add(text: string): number | undefined {
    const elements = compilePhrase(text);
    if (elements.length === 0) return undefined;
    const key = elements.map((e) => (e.kind === "word" ? e.text + (e.prefix ? "*" : "") : e.kind === "any" ? "<*>" : "<=>")).join(" ");
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const first = elements[0]?.kind === "word" ? elements[0].text[0] ?? "" : "";
    const index = this.phrases.length;
    this.phrases.push({ index, key, elements, first });
    this.byKey.set(key, index);
    return index;
  }
}

/** One alternative's text → elements, through the same normaliser as answers. */
export function compilePhrase(text: string): PhraseElement[] {
  const marked = text
    .trim()
    .replace(/\s*[=]\s*/g, ` ${ASSIGN} `)
    .split(/\s+/)
    .map((word) => (word === "*" ? ANY : word.endsWith("*") ? `${word.slice(0, -1)}${PREFIX}` : word))
    .join(" ");
  const elements: PhraseElement[] = [];
  for (const token of analyseText(marked).tokens) {
    if (token.n === ANY) elements.push({ kind: "any" });
    else if (token.n === ASSIGN) elements.push({ kind: "assign" });
    else if (token.n.endsWith(PREFIX)) {
      const word = token.n.slice(0, -PREFIX.length);
      if (word) elements.push({ kind: "word", text: word, prefix: true });
    } else elements.push({ kind: "word", text: token.n, prefix: false });
  }
  // A phrase may not start or end with a connector.
  while (elements[0]?.kind === "assign") elements.shift();
  while (elements[elements.length - 1]?.kind === "assign") elements.pop();
  return elements;
}

function expandAlternative(
  alternative: ConceptAlternative,
  vocabulary: Vocabulary,
  table: PhraseTable,
  depth = 0,
): number[] {
  if (alternative.kind === "phrase") {
    const index = table.add(alternative.text);
    return index === undefined ? [] : [index];
  }
  const entries = vocabulary[alternative.name];
  if (!entries) throw new UnknownSetError(`unknown synonym set {${alternative.name}}`);
  if (depth > 3) throw new UnknownSetError(`synonym set {${alternative.name}} nests too deeply`);
  return entries.flatMap((entry) => {
    const set = /^\{([a-z0-9][a-z0-9-]*)\}$/.exec(entry.trim());
    return set?.[1]
      ? expandAlternative({ kind: "set", name: set[1] }, vocabulary, table, depth + 1)
      : expandAlternative({ kind: "phrase", text: entry }, vocabulary, table, depth + 1);
  });
}

export function compileRubric(rubric: Rubric, vocabulary: Vocabulary): CompiledRubric {
  const table = new PhraseTable();
  const items = rubric.items.map((item): CompiledItem => {
    const patterns = item.concept.map((source): CompiledPattern => {
      const parsed = parseConceptPattern(source);
      const terms = parsed.terms.map((term) => ({
        phrases: [...new Set(term.alternatives.flatMap((alternative) => expandAlternative(alternative, vocabulary, table)))],
      }));
      return { source, terms };
    });
    return { item, patterns, near: item.near };
  });
  const subjects = vocabulary[CONTRAST_SUBJECTS_SET] ?? DEFAULT_CONTRAST_SUBJECTS;
  const contrastSubjects = [...new Set(subjects.flatMap((text) => expandAlternative({ kind: "phrase", text }, vocabulary, table)))];
  return { items, phrases: table.phrases, contrastSubjects };
}

const cache = new WeakMap<Rubric, WeakMap<Vocabulary, CompiledRubric>>();

/** compileRubric, cached by object identity (questions and vocabularies are loaded once). */
export function compiledRubricFor(rubric: Rubric, vocabulary: Vocabulary): CompiledRubric {
  let byVocabulary = cache.get(rubric);
  if (!byVocabulary) {
    byVocabulary = new WeakMap();
    cache.set(rubric, byVocabulary);
  }
  let compiled = byVocabulary.get(vocabulary);
  if (!compiled) {
    compiled = compileRubric(rubric, vocabulary);
    byVocabulary.set(vocabulary, compiled);
  }
  return compiled;
}
