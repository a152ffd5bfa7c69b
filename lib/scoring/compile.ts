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
import type { ClaimCatalogue, FalseClaim } from "@/lib/content/claims";
import { parseConceptPattern, type ConceptAlternative } from "@/lib/content/concept-pattern";
import { compileSettings, type CompiledSetting } from "./setting-defaults";
import type { Rubric, RubricItem, Vocabulary } from "@/lib/content/schema";
import { analyseText, normaliseWord } from "./normalise";
import { CharTrie } from "./char-trie";
import { FUNCTION_WORDS } from "./function-words";

export type PhraseElement = { kind: "word"; text: string; prefix: boolean } | { kind: "any" } | { kind: "assign" };

export interface CompiledPhrase {
  index: number;
  key: string;
  elements: PhraseElement[];
  /**
   * Words the phrase cannot match without (its plain content words of MIN_ANCHOR+ letters after the first;
   * function words are in every answer and filter nothing). An answer missing any of them skips the phrase
   * without trying it (see match.ts).
   */
  anchors: string[];
  /** The anchors as ids into CompiledItems.anchorTrie. */
  anchorIds: number[];
  /** The phrase starts with a number ("1 request in flight"): a bound on that number in the answer is not it. */
  number: boolean;
  /**
   * The phrase states an absence or a rejection itself ("never remov*", "no longer", "not edit*"): where it
   * matched, a dismissal or negation in the answer is part of the claim, not a rejection of it.
   */
  negative: boolean;
}

export interface CompiledTerm {
  /** Unique within its compiled set (see CompiledItems.termsOfPhrase). */
  id: number;
  /** Phrase indices (see CompiledItems.packed); any one will do. */
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
  /** Set for a claim from the shared catalogue (then `item` is its misconception-shaped view). */
  claim?: FalseClaim;
  /** For a catalogue claim: phrases that, in the same sentence, show it says something else (FalseClaim.unless). */
  unless?: number[];
  /**
   * A required or bonus point that warns about what it names ("unclean leader election can lose data",
   * "auto-commit with async processing loses records"): waving that thing away agrees with the point.
   */
  warning: boolean;
}

/** Words in a point's label or hint that make it a warning about what it names. */
const WARNING_RE = /\b(?:lose|loses|losing|loss|lost|risks?|risky|danger\w*|unsafe|corrupt\w*|duplicat\w*|off by default|never enable|avoid\w*|silently|stalls?|outage|out of memory|grows? until|pitfall|trap|dropped|drops)\b/i;

/** "Route them to a side output instead of losing them": the loss is what the practice avoids, not its warning. */
const AVOIDED_OUTCOME_RE = /\b(?:instead of|rather than|without|so (?:that )?(?:you |it |nothing )?(?:never|doesn't|does not|don't|do not|won't|will not))\b[^.;:]*/gi;
const withoutAvoidedOutcome = (text: string) => text.replace(AVOIDED_OUTCOME_RE, "");

/** Result ids of catalogue claims carry this prefix, so they never collide with a rubric item's id. */
export const CLAIM_ID_PREFIX = "claim-";

/** A catalogue claim seen as a misconception item: what the scorer and the feedback work with. */
export function claimAsItem(claim: FalseClaim): RubricItem {
  return {
    id: `${CLAIM_ID_PREFIX}${claim.id}`,
    label: claim.claim,
    kind: "misconception",
    weight: claim.weight,
    concept: claim.concept,
    ...(claim.near ? { near: claim.near } : {}),
    correction: claim.correction,
  };
}

/**
 * A compiled set of items over one phrase table: a rubric's items, or the whole false-claim catalogue.
 * The two are compiled and cached apart, so editing a rubric never recompiles the catalogue.
 */
export interface CompiledItems {
  items: CompiledItem[];
  /**
   * How many phrases the items' terms index into. The phrases themselves live on only in `packed` and the tries:
   * kept as objects (their words, anchors and keys), the catalogue's ~50,000 took 29 of its 37 MB of heap.
   */
  phraseCount: number;
  /** Phrases naming other systems; a misconception attributed to one of them is not the candidate's claim. */
  contrastSubjects: number[];
  /**
   * The phrases' leading words (up to LEADING_WORDS) in a character trie with word boundaries: walking an
   * answer from a token finds every phrase that may start there (see match.ts).
   */
  starts: StartTrie;
  /** The phrases' elements and terms in flat arrays, the form matchAt reads (see PackedPhrases). */
  packed: PackedPhrases;
  termCount: number;
  /**
   * Per term id t, at 3t: the index of the item whose pattern it belongs to, then that pattern's term ids as a
   * range [first, end) (a pattern's terms are numbered in a row).
   */
  termOwners: Int32Array;
  /** Every anchor word in a character trie, to find which of them occur in an answer in one pass. */
  anchors: AnchorTrie;
  anchorCount: number;
}

/** PackedPhrases element kinds. */
export const WORD = 0;
export const PREFIX_WORD = 1;
export const ANY_WORD = 2;
export const ASSIGN_WORDS = 3;
/** PackedPhrases flag: the phrase opens with a number (CompiledPhrase.number). */
export const OPENS_WITH_NUMBER = 1;
/** PackedPhrases flag: the phrase states an absence or a rejection itself (CompiledPhrase.negative). */
export const STATES_ABSENCE = 2;

/** Whether phrase `index` states an absence or a rejection itself ("never remov*", "no longer"). */
export function statesAbsence(packed: PackedPhrases, index: number): boolean {
  return (packed.code[packed.at[index]!]! & STATES_ABSENCE) !== 0;
}

/**
 * The phrases as matchAt reads them, in flat typed arrays: it runs hundreds of times per answer, and reading
 * elements from phrase objects scattered over the heap took most of its time (a cache miss per object).
 */
export interface PackedPhrases {
  /** Per phrase: where its code starts in `code`. */
  at: Int32Array;
  /** Per phrase: [flags, element count, then per element: kind, offset of its word in `chars`, word length]. */
  code: Int32Array;
  /** The phrases' distinct words, character by character. */
  chars: Uint16Array;
  /**
   * Per phrase, the ids of the terms it belongs to (a pattern is tried only when each of its terms has a hit):
   * termIds[termsAt[p]] up to termIds[termsAt[p + 1]].
   */
  termsAt: Int32Array;
  termIds: Int32Array;
}

function packPhrases(phrases: CompiledPhrase[], termsOfPhrase: number[][]): PackedPhrases {
  const code: number[] = [];
  const at = new Int32Array(phrases.length);
  const wordAt = new Map<string, number>();
  let chars = "";
  for (const phrase of phrases) {
    at[phrase.index] = code.length;
    code.push((phrase.number ? OPENS_WITH_NUMBER : 0) | (phrase.negative ? STATES_ABSENCE : 0), phrase.elements.length);
    for (const element of phrase.elements) {
      if (element.kind !== "word") {
        code.push(element.kind === "any" ? ANY_WORD : ASSIGN_WORDS, 0, 0);
        continue;
      }
      let offset = wordAt.get(element.text);
      if (offset === undefined) {
        wordAt.set(element.text, (offset = chars.length));
        chars += element.text;
      }
      code.push(element.prefix ? PREFIX_WORD : WORD, offset, element.text.length);
    }
  }
  const termsAt = new Int32Array(phrases.length + 1);
  termsOfPhrase.forEach((terms, index) => (termsAt[index + 1] = termsAt[index]! + terms.length));
  return {
    at,
    code: Int32Array.from(code),
    chars: Uint16Array.from({ length: chars.length }, (_, k) => chars.charCodeAt(k)),
    termsAt,
    termIds: Int32Array.from(termsOfPhrase.flat()),
  };
}

/** The anchor words: per trie node, the anchor that ends there (-1: none). */
export interface AnchorTrie {
  chars: CharTrie;
  anchorAt: Int32Array;
}

/** The leading-words trie: per node, the phrases that may start there and where the next word begins. */
export interface StartTrie {
  chars: CharTrie;
  /** Per node: the node where the phrase's next word begins (0: none). */
  boundary: Int32Array;
  /**
   * Per node that ends a word written with "*" (a prefix, "broker*"): where the next word begins, whatever the
   * rest of the answer's token is (0: none). Without it every phrase opening with a prefix word would be
   * tried at each token that starts with it ("broker*" opens hundreds), and trying costs more than walking.
   */
  afterPrefix: Int32Array;
  /**
   * Per node: its phrases grouped by their rarest anchor (-1: none), so one look at the answer's anchors
   * skips a whole group: the catalogue registers hundreds of phrases under a common opening such as "delete".
   * Packed into one array, node by node, since reading phrase objects scattered over the heap cost more than
   * the checks themselves: `groupsAt[2n]`..`groupsAt[2n + 1]` is node n's stretch of `packedGroups`, which
   * holds per group [anchor, words in the group after these two], then per phrase [index, anchor count, anchors…].
   */
  groupsAt: Int32Array;
  packedGroups: Int32Array;
}

/** How many leading words of a phrase the trie holds; matchAt checks the rest. */
export const LEADING_WORDS = 2;
export type CompiledRubric = CompiledItems;
export interface CompiledCatalogue extends CompiledItems {
  /** Claims about defaults, checked by value (setting-defaults.ts); their items are in `items` too. */
  settings: CompiledSetting[];
}

/** Vocabulary set the engine reads for contrast subjects; the built-in list is used when it is absent. */
export const CONTRAST_SUBJECTS_SET = "contrast-subjects";
const DEFAULT_CONTRAST_SUBJECTS = [
  "rabbit*", "activemq", "jms", "sqs", "traditional queue*", "classic queue*", "traditional message queue*",
  "traditional broker*", "traditional messaging", "other queue*", "other broker*", "batch processing", "batch job*", "batch system*",
];

/** Words that make a phrase a statement of absence or rejection (see CompiledPhrase.negative). */
const NEGATIVE_WORDS = new Set([
  "never", "not", "no", "nor", "none", "nothing", "without", "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wont", "wouldnt",
  "longer", "instead", "rather", "unnecessary", "overkill", "needless", "rid", "gone", "obsolete", "avoid", "skip", "ignore",
]);
const NEGATIVE_PREFIXES = ["remov", "replac", "eliminat", "deprecat", "retir", "drop", "avoid", "skip", "ignor", "abandon", "disabl"];

function isNegativePhrase(elements: PhraseElement[]): boolean {
  return elements.some((element) => element.kind === "word" && (NEGATIVE_WORDS.has(element.text) || NEGATIVE_PREFIXES.some((prefix) => element.text.startsWith(prefix))));
}

/** The shortest word worth filtering phrases on. */
export const MIN_ANCHOR = 3;

const ANY = "qqanyqq";
const PREFIX = "qqpfxqq";
const ASSIGN = "qqeqqq";

export class UnknownSetError extends Error {}

class PhraseTable {
  readonly phrases: CompiledPhrase[] = [];
  private readonly byKey = new Map<string, number>();
  /** A synonym set expands once per table, however many patterns use it. */
  readonly sets = new Map<string, number[]>();

  add(text: string): number | undefined {
    const elements = compilePhrase(text);
    if (elements.length === 0) return undefined;
    const key = elements.map((e) => (e.kind === "word" ? e.text + (e.prefix ? "*" : "") : e.kind === "any" ? "<*>" : "<=>")).join(" ");
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const index = this.phrases.length;
    const anchors = [...new Set(elements.slice(1).flatMap((element) => (element.kind === "word" && !element.prefix && element.text.length >= MIN_ANCHOR && !FUNCTION_WORDS.has(element.text) ? [element.text] : [])))].sort();
    const first = elements[0];
    const number = first?.kind === "word" && /^-?\d/.test(first.text);
    this.phrases.push({ index, key, elements, negative: isNegativePhrase(elements), anchors, anchorIds: [], number });
    this.byKey.set(key, index);
    return index;
  }
}

/** Words that need the full tokeniser: number multipliers and the negating prefix merge with their neighbours. */
const MERGING_WORDS = /(?:^| )(?:non|hundred|thousand|million|billion|a|box)(?: |$)/;

/**
 * The tokens of a phrase, as analyseText would give them. Most phrases are plain lower-case words with
 * single spaces: those are split and normalised word by word (the same normaliseWord), which is what the
 * full tokeniser does for them, at a fraction of the cost; anything else goes through analyseText.
 */
function phraseTokens(text: string): Array<{ n: string }> {
  if (/^[a-z]+(?: [a-z]+)*$/.test(text) && !MERGING_WORDS.test(text)) return text.split(" ").map((word) => ({ n: normaliseWord(word) }));
  return analyseText(text).tokens;
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
  for (const token of phraseTokens(marked)) {
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
  const known = table.sets.get(alternative.name);
  if (known) return known;
  const entries = vocabulary[alternative.name];
  if (!entries) throw new UnknownSetError(`unknown synonym set {${alternative.name}}`);
  if (depth > 3) throw new UnknownSetError(`synonym set {${alternative.name}} nests too deeply`);
  const indices = entries.flatMap((entry) => {
    const set = /^\{([a-z0-9][a-z0-9-]*)\}$/.exec(entry.trim());
    return set?.[1]
      ? expandAlternative({ kind: "set", name: set[1] }, vocabulary, table, depth + 1)
      : expandAlternative({ kind: "phrase", text: entry }, vocabulary, table, depth + 1);
  });
  table.sets.set(alternative.name, indices);
  return indices;
}

function compileItems(entries: Array<{ item: RubricItem; claim?: FalseClaim }>, vocabulary: Vocabulary): CompiledItems {
  const table = new PhraseTable();
  let termCount = 0;
  const items = entries.map(({ item, claim }): CompiledItem => {
    const patterns = item.concept.map((source): CompiledPattern => {
      const parsed = parseConceptPattern(source);
      const terms = parsed.terms.map((term) => ({
        id: termCount++,
        phrases: [...new Set(term.alternatives.flatMap((alternative) => expandAlternative(alternative, vocabulary, table)))],
      }));
      return { source, terms };
    });
    const warning = item.kind !== "misconception" && WARNING_RE.test(withoutAvoidedOutcome(`${item.label} ${item.hint ?? ""}`));
    const unless = claim?.unless?.length
      ? [...new Set(claim.unless.flatMap((source) => parseConceptPattern(source).terms.flatMap((term) => term.alternatives.flatMap((alternative) => expandAlternative(alternative, vocabulary, table)))))]
      : undefined;
    return { item, patterns, near: item.near, warning, ...(claim ? { claim } : {}), ...(unless ? { unless } : {}) };
  });
  const subjects = vocabulary[CONTRAST_SUBJECTS_SET] ?? DEFAULT_CONTRAST_SUBJECTS;
  const contrastSubjects = [...new Set(subjects.flatMap((text) => expandAlternative({ kind: "phrase", text }, vocabulary, table)))];
  const anchorIds = new Map<string, number>();
  const anchorChars = new CharTrie();
  const anchorAt: number[] = [];
  for (const phrase of table.phrases) {
    phrase.anchorIds = phrase.anchors.map((anchor) => {
      let id = anchorIds.get(anchor);
      if (id === undefined) {
        anchorIds.set(anchor, (id = anchorIds.size));
        let node = CharTrie.ROOT;
        for (let c = 0; c < anchor.length; c++) node = anchorChars.child(node, anchor.charCodeAt(c));
        anchorAt[node] = id;
      }
      return id;
    });
  }
  anchorChars.seal();
  const anchors: AnchorTrie = { chars: anchorChars, anchorAt: Int32Array.from({ length: anchorChars.size }, (_, node) => anchorAt[node] ?? -1) };
  const starts = startTrie(table.phrases, anchorIds.size);
  const termsOfPhrase: number[][] = table.phrases.map(() => []);
  for (const item of items) for (const pattern of item.patterns) for (const term of pattern.terms) for (const index of term.phrases) termsOfPhrase[index]!.push(term.id);
  const termOwners = new Int32Array(3 * termCount);
  items.forEach((item, itemIndex) => {
    for (const { terms } of item.patterns) {
      for (const term of terms) termOwners.set([itemIndex, terms[0]!.id, terms[0]!.id + terms.length], 3 * term.id);
    }
  });
  const packed = packPhrases(table.phrases, termsOfPhrase);
  return { items, phraseCount: table.phrases.length, contrastSubjects, starts, packed, termCount, termOwners, anchors, anchorCount: anchorIds.size };
}

export function compileRubric(rubric: Rubric, vocabulary: Vocabulary): CompiledRubric {
  return compileItems(rubric.items.map((item) => ({ item })), vocabulary);
}

export function compileCatalogue(claims: ClaimCatalogue, vocabulary: Vocabulary): CompiledCatalogue {
  return { ...compileItems(claims.map((claim) => ({ item: claimAsItem(claim), claim })), vocabulary), settings: compileSettings(claims) };
}

// One pair of caches per process, on globalThis: Next bundles this module into several layers, which
// share the content bank (lib/content/bank.ts) and so can share what was compiled from it.
const globalForCompiled = globalThis as unknown as {
  offsetCompiled?: {
    rubrics: WeakMap<Rubric, WeakMap<Vocabulary, CompiledRubric>>;
    catalogues: WeakMap<ClaimCatalogue, WeakMap<Vocabulary, CompiledCatalogue>>;
  };
};
const { rubrics: rubricCache, catalogues: catalogueCache } = (globalForCompiled.offsetCompiled ??= { rubrics: new WeakMap(), catalogues: new WeakMap() });

function cached<K extends object, V>(cache: WeakMap<K, WeakMap<Vocabulary, V>>, key: K, vocabulary: Vocabulary, build: () => V): V {
  let byVocabulary = cache.get(key);
  if (!byVocabulary) cache.set(key, (byVocabulary = new WeakMap()));
  let value = byVocabulary.get(vocabulary);
  if (value === undefined) byVocabulary.set(vocabulary, (value = build()));
  return value;
}

/** compileRubric, cached by object identity (questions and vocabularies are loaded once). */
export function compiledRubricFor(rubric: Rubric, vocabulary: Vocabulary): CompiledRubric {
  return cached(rubricCache, rubric, vocabulary, () => compileRubric(rubric, vocabulary));
}

/** One key for every empty catalogue, so `claims: []` written inline is compiled once too. */
const NO_CLAIMS: ClaimCatalogue = [];

/** compileCatalogue, cached by object identity (the catalogue is loaded once). */
export function compiledCatalogueFor(claims: ClaimCatalogue, vocabulary: Vocabulary): CompiledCatalogue {
  const key = claims.length ? claims : NO_CLAIMS;
  return cached(catalogueCache, key, vocabulary, () => compileCatalogue(key, vocabulary));
}

function startTrie(phrases: CompiledPhrase[], anchorCount: number): StartTrie {
  const chars = new CharTrie();
  const boundary: number[] = [];
  const afterPrefix: number[] = [];
  const phrasesAt: number[][] = [];
  for (const phrase of phrases) {
    if (phrase.elements[0]?.kind !== "word") continue;
    let node = CharTrie.ROOT;
    for (let k = 0; k < LEADING_WORDS; k++) {
      const element = phrase.elements[k]!;
      if (element.kind !== "word") break;
      for (let c = 0; c < element.text.length; c++) node = chars.child(node, element.text.charCodeAt(c));
      if (k === LEADING_WORDS - 1 || phrase.elements[k + 1]?.kind !== "word") break;
      node = element.prefix ? (afterPrefix[node] ??= chars.addNode()) : (boundary[node] ??= chars.addNode());
    }
    (phrasesAt[node] ??= []).push(phrase.index);
  }
  chars.seal();

  const frequency = new Uint32Array(anchorCount);
  for (const phrase of phrases) for (const id of phrase.anchorIds) frequency[id]!++;
  const rarest = (phrase: CompiledPhrase) => {
    let best = -1;
    for (const id of phrase.anchorIds) if (best < 0 || frequency[id]! < frequency[best]!) best = id;
    return best;
  };
  const groupsAt = new Int32Array(chars.size * 2);
  const packed: number[] = [];
  for (let node = 0; node < chars.size; node++) {
    const here = phrasesAt[node];
    groupsAt[2 * node] = packed.length;
    if (here) {
      const byAnchor = new Map<number, number[]>();
      for (const index of here) {
        const anchor = rarest(phrases[index]!);
        const list = byAnchor.get(anchor);
        if (list) list.push(index);
        else byAnchor.set(anchor, [index]);
      }
      for (const [anchor, list] of byAnchor) {
        const body = list.flatMap((index) => [index, phrases[index]!.anchorIds.length, ...phrases[index]!.anchorIds]);
        packed.push(anchor, body.length, ...body);
      }
    }
    groupsAt[2 * node + 1] = packed.length;
  }
  const table = (next: number[]) => Int32Array.from({ length: chars.size }, (_, node) => next[node] ?? 0);
  return { chars, boundary: table(boundary), afterPrefix: table(afterPrefix), groupsAt, packedGroups: Int32Array.from(packed) };
}
