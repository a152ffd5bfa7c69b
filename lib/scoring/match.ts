// Matching compiled rubric items against an analysed answer.
//
//  1. Every phrase of the rubric is searched once over the answer's tokens (a first-character index keeps
//     this cheap). Words are compared character by character across token boundaries, so "append only",
//     "append-only" and "appendonly" are the same, "partition" also matches "partitions" (plural -s/-es),
//     and "partition*" matches any ending.
//  2. A pattern "a ... b ... c" needs one occurrence of each term, not overlapping, in any order, in one
//     sentence and within DEFAULT_SPAN words — or, when the item sets `near`, within `near` words even
//     across sentence boundaries.
//  3. Negation decides which combinations count (see negation.ts): for required and bonus items no term
//     may sit in the scope of a negation cue that is not itself part of the match ("never remove*" keeps
//     its own "never"); misconceptions are stricter about dismissing, because a false penalty hurts more
//     than a missed one: cues anywhere between the terms, elliptical denials, questions, contrast words
//     and other systems named in the same stretch all dismiss the match.
import type { AnalysedText } from "./normalise";
import type { CompiledItem, CompiledPattern, CompiledPhrase, CompiledRubric } from "./compile";
import { NEGATION_WINDOW, type NegationInfo } from "./negation";

/** Default largest distance, in words, between the first and last term of a same-sentence match. */
export const DEFAULT_SPAN = 32;
/** Evidence sentences kept per item. */
export const MAX_EVIDENCE = 3;

/** Tokens that an "=" in a pattern may stand for. */
const CONNECTORS = new Set(["set", "to", "of", "is", "are", "be", "equals", "equal", "at", "as", "was", "=", "should", "must", "with"]);
const MAX_CONNECTORS = 3;

export interface Occurrence {
  /** Token range, end exclusive. */
  start: number;
  end: number;
}

export interface ItemMatch {
  item: CompiledItem;
  met: boolean;
  /** Sentence indices holding the evidence, in answer order. */
  sentences: number[];
  /** Token ranges of the terms that matched. */
  occurrences: Occurrence[];
}

export interface MatchContext {
  analysed: AnalysedText;
  negation: NegationInfo;
  /** 0 for tokens that may not be evidence (sentences addressed to the grader). */
  usable: Uint8Array;
}

/**
 * Tries to match a phrase starting at token i; returns the exclusive end token or -1.
 * A lone "*" never stands for a negation cue: the instructor did not write that word, so "tumbling windows * overlap"
 * must not match "tumbling windows don't overlap" and then treat the "don't" as part of the claim.
 */
function matchAt(analysed: AnalysedText, phrase: CompiledPhrase, i: number, limit: number, cue: Uint8Array): number {
  const tokens = analysed.tokens;
  const elements = phrase.elements;
  let t = i;
  let c = 0;
  for (let e = 0; e < elements.length; e++) {
    const element = elements[e]!;
    if (element.kind === "any") {
      if (c !== 0 || t >= limit || cue[t]) return -1;
      t++;
      continue;
    }
    if (element.kind === "assign") {
      if (c !== 0) return -1;
      let skipped = 0;
      while (skipped < MAX_CONNECTORS && t < limit && CONNECTORS.has(tokens[t]!.n)) {
        t++;
        skipped++;
      }
      continue;
    }
    const word = element.text;
    let k = 0;
    let crossings = 0;
    while (k < word.length) {
      if (t >= limit) return -1;
      const tok = tokens[t]!.n;
      if (c >= tok.length) {
        t++;
        c = 0;
        if (++crossings > 2) return -1;
        continue;
      }
      if (tok.charCodeAt(c) !== word.charCodeAt(k)) return -1;
      c++;
      k++;
    }
    const tok = tokens[t]!.n;
    if (c === tok.length || element.prefix) {
      t++;
      c = 0;
      continue;
    }
    const rest = tok.length - c;
    const plural = (rest === 1 && tok.charCodeAt(c) === 115) /* s */ || (rest === 2 && tok.endsWith("es"));
    if (plural) {
      t++;
      c = 0;
      continue;
    }
    const nextIsWord = elements[e + 1]?.kind === "word";
    if (!nextIsWord) return -1;
    // Otherwise the next pattern word continues inside this token ("append only" vs "appendonly").
  }
  return c === 0 ? t : -1;
}

/** All occurrences of every phrase in the answer, indexed like CompiledRubric.phrases. */
export function findPhraseOccurrences(rubric: CompiledRubric, ctx: MatchContext): Occurrence[][] {
  const { analysed, usable } = ctx;
  const byFirst = new Map<string, number[]>();
  for (let i = 0; i < analysed.tokens.length; i++) {
    if (!usable[i]) continue;
    const ch = analysed.tokens[i]!.n[0]!;
    const list = byFirst.get(ch);
    if (list) list.push(i);
    else byFirst.set(ch, [i]);
  }
  const sentenceEnd = (i: number) => analysed.sentences[analysed.tokens[i]!.sentence]!.endToken;
  return rubric.phrases.map((phrase) => {
    const candidates = phrase.first ? byFirst.get(phrase.first) : undefined;
    const found: Occurrence[] = [];
    if (!candidates) return found;
    for (const i of candidates) {
      const end = matchAt(analysed, phrase, i, sentenceEnd(i), ctx.negation.cue);
      if (end > i) found.push({ start: i, end });
    }
    return found;
  });
}

function termOccurrences(pattern: CompiledPattern, phraseHits: Occurrence[][]): Occurrence[][] {
  return pattern.terms.map((term) => {
    if (term.phrases.length === 1) return phraseHits[term.phrases[0]!] ?? [];
    const all: Occurrence[] = [];
    for (const index of term.phrases) for (const occ of phraseHits[index] ?? []) all.push(occ);
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    return all;
  });
}

/** Token j lies inside one matched phrase, after its first word (so it was written into the pattern). */
function insideOccurrence(j: number, combo: Occurrence[]): boolean {
  for (const occ of combo) if (j > occ.start && j < occ.end) return true;
  return false;
}

function inCombo(j: number, combo: Occurrence[]): boolean {
  for (const occ of combo) if (j >= occ.start && j < occ.end) return true;
  return false;
}

/** A term occurrence is negated by a cue earlier in its clause (not part of the match) or a sentential scope. */
function occurrenceNegated(ctx: MatchContext, occ: Occurrence, combo: Occurrence[]): boolean {
  const { tokens } = ctx.analysed;
  const { cue, sentential } = ctx.negation;
  const clause = tokens[occ.start]!.clause;
  for (let j = occ.start - 1; j >= 0 && j >= occ.start - NEGATION_WINDOW; j--) {
    if (tokens[j]!.clause !== clause) break;
    if (cue[j] && !inCombo(j, combo)) return true;
  }
  for (let j = occ.start; j < occ.end; j++) if (sentential[j]) return true;
  return false;
}

/** Words that turn a sentence round; a misconception's terms may not sit on both sides of one. */
const TURN_WORDS = new Set(["but", "however", "whereas", "although", "though", "instead"]);

/** Token j starts a new statement inside its sentence: after a semicolon, or at "but", "however", "whereas"… */
function isTurn(analysed: AnalysedText, j: number): boolean {
  const token = analysed.tokens[j]!;
  if (TURN_WORDS.has(token.n)) return true;
  return analysed.text.slice(analysed.tokens[j - 1]!.end, token.start).includes(";");
}

function comboAccepted(ctx: MatchContext, combo: Occurrence[], misconception: boolean, rubric: CompiledRubric, phraseHits: Occurrence[][]): boolean {
  for (const occ of combo) if (occurrenceNegated(ctx, occ, combo)) return false;
  if (!misconception) return true;

  const { tokens, sentences } = ctx.analysed;
  const { cue, contrast, elliptical, concessive } = ctx.negation;
  let min = Infinity;
  let max = -Infinity;
  for (const occ of combo) {
    min = Math.min(min, occ.start);
    max = Math.max(max, occ.end);
  }
  for (let s = tokens[min]!.sentence; s <= tokens[max - 1]!.sentence; s++) {
    if (sentences[s]!.question || elliptical[s]) return false;
  }
  // A negation cue or a concession ("whether or not", "regardless of") between the terms denies the link,
  // and a claim does not run across a turn ("…; across partitions…", "…, but…"): those are two statements.
  for (let j = min; j < max; j++) {
    if (j > min && !insideOccurrence(j, combo) && tokens[j]!.strongBreak && tokens[j]!.sentence === tokens[j - 1]!.sentence && isTurn(ctx.analysed, j)) return false;
    if (inCombo(j, combo)) continue;
    if (cue[j] || concessive[j]) return false;
  }
  // The stretch the claim lives in: back to the previous strong break, forward to the end of the clause.
  let from = min;
  while (from > 0 && !tokens[from]!.strongBreak) from--;
  let to = max;
  const lastClause = tokens[max - 1]!.clause;
  while (to < tokens.length && tokens[to]!.clause === lastClause) to++;
  for (let j = from; j < to; j++) if (contrast[j] && !inCombo(j, combo)) return false;
  if (namesOtherSystem(ctx, rubric, phraseHits, combo, from, to)) return false;
  // "RabbitMQ is a smart router. It deletes messages once they are processed.": a sentence that opens with a
  // pronoun continues the previous one, so another system that previous sentence opens with is still the subject.
  const first = sentences[tokens[min]!.sentence]!;
  const previous = sentences[first.index - 1];
  if (previous && PRONOUNS.has(tokens[first.firstToken]!.n)) {
    const subjectEnd = Math.min(previous.endToken, previous.firstToken + SUBJECT_TOKENS);
    if (namesOtherSystem(ctx, rubric, phraseHits, combo, previous.firstToken, subjectEnd)) return false;
  }
  return true;
}

/** How far into a sentence its subject is looked for ("RabbitMQ is…", "With SQS, …", "In RabbitMQ …"). */
const SUBJECT_TOKENS = 3;

/** Sentence-opening words that refer back to the previous sentence's subject. */
const PRONOUNS = new Set(["it", "they", "this", "that", "these", "those", "there"]);

/** Another system (contrast-subjects) is named between token from and to, and not as a likeness ("like RabbitMQ"). */
function namesOtherSystem(ctx: MatchContext, rubric: CompiledRubric, phraseHits: Occurrence[][], combo: Occurrence[], from: number, to: number): boolean {
  const { tokens } = ctx.analysed;
  for (const subject of rubric.contrastSubjects) {
    for (const occ of phraseHits[subject] ?? []) {
      if (occ.start < from || occ.start >= to || inCombo(occ.start, combo)) continue;
      const before = tokens[occ.start - 1]?.n;
      const before2 = tokens[occ.start - 2]?.n;
      const likened = before === "like" || before === "as" || (before === "to" && before2 === "similar");
      if (!likened) return true;
    }
  }
  return false;
}

function lowerBound(list: Occurrence[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds accepted combinations for one pattern; calls `found` for each until it returns false.
 * Anchors in sentences listed in `covered` are skipped (they already gave evidence).
 */
function searchPattern(
  ctx: MatchContext,
  pattern: CompiledPattern,
  near: number | undefined,
  misconception: boolean,
  rubric: CompiledRubric,
  phraseHits: Occurrence[][],
  covered: Set<number>,
  found: (combo: Occurrence[]) => boolean,
): void {
  const lists = termOccurrences(pattern, phraseHits);
  if (lists.some((list) => list.length === 0)) return;
  const { tokens } = ctx.analysed;
  const span = near ?? DEFAULT_SPAN;
  // Search the rarest term first.
  const order = lists.map((_, index) => index).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const combo: Occurrence[] = new Array<Occurrence>(lists.length);
  let budget = 2000;
  let stop = false;

  const recurse = (depth: number, min: number, max: number, sentence: number): void => {
    if (stop || budget-- <= 0) return;
    if (depth === order.length) {
      if (comboAccepted(ctx, combo, misconception, rubric, phraseHits) && !found(combo.slice())) stop = true;
      return;
    }
    const termIndex = order[depth]!;
    const list = lists[termIndex]!;
    const from = depth === 0 ? 0 : lowerBound(list, max - span - 8);
    for (let i = from; i < list.length; i++) {
      if (stop) return;
      const occ = list[i]!;
      if (depth === 0) {
        if (covered.has(tokens[occ.start]!.sentence)) continue;
      } else {
        if (occ.start > min + span + 1) break;
        if (near === undefined && tokens[occ.start]!.sentence !== sentence) continue;
      }
      const newMin = Math.min(min, occ.start);
      const newMax = Math.max(max, occ.end);
      if (depth > 0 && newMax - newMin > span + 1) continue;
      let overlaps = false;
      for (let d = 0; d < depth; d++) {
        const other = combo[order[d]!]!;
        if (occ.start < other.end && other.start < occ.end) overlaps = true;
      }
      if (overlaps) continue;
      combo[termIndex] = occ;
      recurse(depth + 1, newMin, newMax, depth === 0 ? tokens[occ.start]!.sentence : sentence);
    }
  };
  recurse(0, Infinity, -Infinity, -1);
}

export function matchItems(rubric: CompiledRubric, ctx: MatchContext): ItemMatch[] {
  const phraseHits = findPhraseOccurrences(rubric, ctx);
  const { tokens } = ctx.analysed;
  return rubric.items.map((item) => {
    const misconception = item.item.kind === "misconception";
    const sentences = new Set<number>();
    const occurrences: Occurrence[] = [];
    for (const pattern of item.patterns) {
      if (sentences.size >= MAX_EVIDENCE) break;
      searchPattern(ctx, pattern, item.near, misconception, rubric, phraseHits, sentences, (combo) => {
        const comboSentences = new Set(combo.map((occ) => tokens[occ.start]!.sentence));
        const isNew = [...comboSentences].some((s) => !sentences.has(s));
        if (isNew) {
          for (const s of comboSentences) sentences.add(s);
          occurrences.push(...combo);
        }
        return sentences.size < MAX_EVIDENCE;
      });
    }
    return {
      item,
      met: sentences.size > 0,
      sentences: [...sentences].sort((a, b) => a - b).slice(0, MAX_EVIDENCE),
      occurrences: occurrences.sort((a, b) => a.start - b.start),
    };
  });
}
