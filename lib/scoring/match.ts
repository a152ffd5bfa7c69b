// Matching compiled rubric items against an analysed answer.
//
//  1. Every phrase of the rubric is searched once over the answer's tokens (a first-characters index keeps
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
import { CharTrie } from "./char-trie";
import { ANY_WORD, ASSIGN_WORDS, OPENS_WITH_NUMBER, PREFIX_WORD, statesAbsence, type CompiledCatalogue, type CompiledItem, type CompiledItems, type CompiledPattern, type CompiledRubric, type PackedPhrases } from "./compile";
import { affirmsByAsking, NEGATION_WINDOW, OFF_SWITCH, SWITCHED_OFF, type NegationInfo } from "./negation";
import { LOOKS_BACK, REJECTED_PROPOSAL } from "./stance";
import { wrongDefaults } from "./setting-defaults";

/** Default largest distance, in words, between the first and last term of a same-sentence match. */
export const DEFAULT_SPAN = 32;
/** Evidence sentences kept per item. */
export const MAX_EVIDENCE = 3;

/** Tokens that an "=" in a pattern may stand for. */
const CONNECTORS = new Set(["set", "to", "of", "is", "are", "be", "equals", "equal", "at", "as", "was", "=", "should", "must", "with"]);
const MAX_CONNECTORS = 3;

/**
 * Words a speaker drops into a statement without changing what it says ("every single message is fsynced",
 * "Kafka is basically a database", "it doesn't even need…"): between two words of a phrase, up to MAX_FILLERS
 * of them are passed over, unless the phrase itself has that word there. Negations are never fillers.
 */
export const FILLERS = new Set(["really", "basically", "actually", "just", "simply", "literally", "truly", "totally", "essentially", "single", "also", "even", "still"]);
export const MAX_FILLERS = 2;

/**
 * Whether token `tok` is a filler the phrase word chars[offset, offset + length) does not itself match: not
 * that word, its plural, or (for a prefix word) a word it opens.
 */
function skippable(tok: string, chars: Uint16Array, offset: number, length: number, prefix: boolean): boolean {
  if (!FILLERS.has(tok)) return false;
  if (tok.length < length) return true;
  for (let k = 0; k < length; k++) if (tok.charCodeAt(k) !== chars[offset + k]) return true;
  return !(tok.length === length || prefix || (tok.length === length + 1 && tok.charCodeAt(length) === 115));
}

export interface Occurrence {
  /** Token range, end exclusive. */
  start: number;
  end: number;
  /** The phrase that matched (an index into the compiled phrases). */
  phrase: number;
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
  /** Non-zero where a token lies in the scope of a dismissal ("I'd avoid X", "X is overkill"); see stance.ts. */
  dismissed: Uint8Array;
  /** Set to find what an answer waves away: dismissals and a denial right after the terms are not held against a match. */
  ignoreStance?: boolean;
  /** 0 for tokens that may not be evidence (sentences addressed to the grader). */
  usable: Uint8Array;
  /** 1 for tokens whose words make a wrong claim (a misconception or a catalogue claim the answer makes). */
  wrong?: Uint8Array;
}

/**
 * Tries to match phrase `index` (packed: see PackedPhrases) starting at token i; returns the exclusive end token or -1.
 * A lone "*" never stands for a negation cue: the instructor did not write that word, so "tumbling windows * overlap"
 * must not match "tumbling windows don't overlap" and then treat the "don't" as part of the claim.
 */
export function matchAt(analysed: AnalysedText, packed: PackedPhrases, index: number, i: number, limit: number, cue: Uint8Array): number {
  const tokens = analysed.tokens;
  const { code, chars } = packed;
  let at = packed.at[index]!;
  const count = code[at + 1]!;
  // "1 request in flight" is not said by "more than 1 request in flight": a number the answer qualifies is another number.
  if (code[at]! & OPENS_WITH_NUMBER && qualifiedNumber(analysed, i)) return -1;
  at += 2;
  let t = i;
  let c = 0;
  for (let e = 0; e < count; e++, at += 3) {
    const kind = code[at]!;
    if (kind === ANY_WORD) {
      if (c !== 0 || t >= limit || cue[t]) return -1;
      t++;
      continue;
    }
    if (kind === ASSIGN_WORDS) {
      if (c !== 0) return -1;
      let skipped = 0;
      while (skipped < MAX_CONNECTORS && t < limit && CONNECTORS.has(tokens[t]!.n)) {
        t++;
        skipped++;
      }
      continue;
    }
    const offset = code[at + 1]!;
    const length = code[at + 2]!;
    const prefix = kind === PREFIX_WORD;
    // Between two words of the phrase, fillers are passed over ("every single message").
    if (e > 0 && c === 0) {
      for (let skipped = 0; skipped < MAX_FILLERS && t < limit && skippable(tokens[t]!.n, chars, offset, length, prefix); skipped++) t++;
    }
    let k = 0;
    let crossings = 0;
    while (k < length) {
      if (t >= limit) return -1;
      const tok = tokens[t]!.n;
      if (c >= tok.length) {
        if (tok === "a" && articleBefore(analysed, t)) return -1;
        t++;
        c = 0;
        if (++crossings > WORD_CROSSINGS) return -1;
        continue;
      }
      if (tok.charCodeAt(c) !== chars[offset + k]) return -1;
      c++;
      k++;
    }
    const tok = tokens[t]!.n;
    if (c === tok.length || prefix) {
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
    const nextIsWord = e + 1 < count && code[at + 3]! <= PREFIX_WORD;
    if (!nextIsWord) return -1;
    // Otherwise the next pattern word continues inside this token ("append only" vs "appendonly").
  }
  if (c !== 0) return -1;
  // A phrase is said within one clause of a list of clauses: "exactly_once_v2; by default it is at-least-once"
  // does not say "exactly_once_v2 by default". Only a semicolon parts them ("acks: all" is one setting).
  for (let x = i + 1; x < t; x++) if (tokens[x]!.strongBreak && semicolonBefore(analysed, x)) return -1;
  return t;
}

/**
 * Token t is the article "a", a word of its own before the next token: it never starts a word split over tokens
 * ("a synchronous commit" is not "asynchronous"), while "a-sync" is one word written in parts.
 */
function articleBefore(analysed: AnalysedText, t: number): boolean {
  return t + 1 < analysed.tokens.length && /\s/.test(gapBefore(analysed, t + 1));
}

/** The text between token j and the one before it (punctuation, spaces). */
function gapBefore(analysed: AnalysedText, j: number): string {
  return analysed.text.slice(analysed.tokens[j - 1]!.end, analysed.tokens[j]!.start);
}

function semicolonBefore(analysed: AnalysedText, j: number): boolean {
  return gapBefore(analysed, j).includes(";");
}

interface JoinedWords {
  /** The answer's normalised words run together: a phrase word can only match a substring of them. */
  stream: string;
  /** Per token, where its word begins in `stream` (one more entry: the stream's length). */
  offsets: Uint32Array;
}

const joinedCache = new WeakMap<AnalysedText, JoinedWords>();

function joinedWords(analysed: AnalysedText): JoinedWords {
  let joined = joinedCache.get(analysed);
  if (joined === undefined) {
    const offsets = new Uint32Array(analysed.tokens.length + 1);
    let stream = "";
    analysed.tokens.forEach((token, index) => {
      offsets[index] = stream.length;
      stream += token.n;
    });
    offsets[analysed.tokens.length] = stream.length;
    joinedCache.set(analysed, (joined = { stream, offsets }));
  }
  return joined;
}

/**
 * Marks in `present` the anchors that occur in stream[from, to) and lists them in `marked` (to be cleared):
 * the anchor trie is walked from every character, in one pass. A phrase matches inside one sentence, so an
 * anchor that does not occur in that sentence's words rules the phrase out there.
 */
function markAnchors(compiled: CompiledItems, stream: string, from: number, to: number, present: Uint8Array, marked: number[]): void {
  const { chars, anchorAt } = compiled.anchors;
  for (let p = from; p < to; p++) {
    let node = CharTrie.ROOT;
    for (let c = p; c < to; c++) {
      node = chars.next(node, stream.charCodeAt(c));
      if (!node) break;
      const anchor = anchorAt[node]!;
      if (anchor >= 0 && !present[anchor]) {
        present[anchor] = 1;
        marked.push(anchor);
      }
    }
  }
}

/** Words that, before a number, make it a bound rather than the number itself ("more than 1", "up to 5"). */
const QUALIFIERS: Array<[string, string]> = [["more", "than"], ["less", "than"], ["fewer", "than"], ["up", "to"], ["at", "least"], ["at", "most"]];

function qualifiedNumber(analysed: AnalysedText, i: number): boolean {
  const { tokens } = analysed;
  const one = tokens[i - 1];
  const two = tokens[i - 2];
  if (!one || one.sentence !== tokens[i]!.sentence) return false;
  if (one.n === "over" || one.n === "above" || one.n === "below" || one.n === "under") return true;
  return !!two && two.sentence === tokens[i]!.sentence && QUALIFIERS.some(([a, b]) => two.n === a && one.n === b);
}

/** How many token boundaries the trie walk may cross inside one phrase word ("appendonly" = "append" + "only"). */
const WORD_CROSSINGS = 2;

export interface PhraseHits {
  /** Occurrences per phrase index (absent: none). A Map: a few hundred of tens of thousands of phrases occur. */
  byPhrase: Map<number, Occurrence[]>;
  /** 1 for every term with at least one occurrence. */
  termHit: Uint8Array;
  /** The terms with an occurrence, in the order they were first found. */
  hitTerms: number[];
}

interface TriedBuffer {
  stamps: Uint32Array;
  last: number;
}
const triedBuffers = new WeakMap<CompiledItems, TriedBuffer>();

/** Per trie node, the stamp of the last start token its phrases were tried at. */
function triedBufferFor(compiled: CompiledItems): TriedBuffer {
  let buffer = triedBuffers.get(compiled);
  if (!buffer) triedBuffers.set(compiled, (buffer = { stamps: new Uint32Array(compiled.starts.chars.size), last: 0 }));
  return buffer;
}

function nextStamp(buffer: TriedBuffer): number {
  if (buffer.last === 0xffffffff) {
    buffer.stamps.fill(0);
    buffer.last = 0;
  }
  return ++buffer.last;
}

/**
 * All occurrences of every phrase in the answer, by phrase index (absent: none). From each
 * token the leading-words trie is walked over the answer (characters, word boundaries, plural endings,
 * words run together or split), so only phrases that could start there are tried with matchAt, and only
 * when the sentence's words hold every one of their anchor words: the cost follows the answer, not the size
 * of the catalogue.
 */
export function findPhraseOccurrences(compiled: CompiledItems, ctx: MatchContext): PhraseHits {
  const { analysed, usable } = ctx;
  const { tokens } = analysed;
  const joined = joinedWords(analysed);
  // Which anchors occur in the current sentence (cleared sentence by sentence through `marked`).
  const present = new Uint8Array(compiled.anchorCount);
  const marked: number[] = [];
  // Which trie nodes' phrases were already tried at the current token: one buffer per compiled catalogue,
  // stamped with a fresh number per token, since clearing (or allocating) one slot per node for every answer
  // costs more than the search itself.
  const tried = triedBufferFor(compiled);
  const stamps = tried.stamps;
  const { packed } = compiled;
  const { termsAt, termIds } = packed;
  const cue = ctx.negation.cue;
  const byPhrase = new Map<number, Occurrence[]>();
  const termHit = new Uint8Array(compiled.termCount);
  const hitTerms: number[] = [];
  let start = 0;
  let limit = 0;

  const { chars, boundary, afterPrefix, groupsAt, packedGroups } = compiled.starts;
  // A phrase sits at one node, and matchAt does not depend on the path that reached it: a node whose
  // phrases were already tried from this start token is not tried again.
  const tryPhrases = (node: number) => {
    if (stamps[node] === stamp) return;
    stamps[node] = stamp;
    const end = groupsAt[2 * node + 1]!;
    for (let g = groupsAt[2 * node]!; g < end; ) {
      const anchor = packedGroups[g]!;
      const groupEnd = g + 2 + packedGroups[g + 1]!;
      if (anchor >= 0 && !present[anchor]) {
        g = groupEnd;
        continue;
      }
      for (let p = g + 2; p < groupEnd; ) {
        const index = packedGroups[p]!;
        const anchorsEnd = p + 2 + packedGroups[p + 1]!;
        // Only when the sentence holds every anchor word of the phrase somewhere.
        let all = true;
        for (let a = p + 2; a < anchorsEnd && all; a++) all = present[packedGroups[a]!] === 1;
        if (all) tryPhrase(index);
        p = anchorsEnd;
      }
      g = groupEnd;
    }
  };
  const tryPhrase = (index: number) => {
    const end = matchAt(analysed, packed, index, start, limit, cue);
    if (end <= start) return;
    const list = byPhrase.get(index);
    if (list) list.push({ start, end, phrase: index });
    else {
      byPhrase.set(index, [{ start, end, phrase: index }]);
      for (let k = termsAt[index]!, last = termsAt[index + 1]!; k < last; k++) {
        const term = termIds[k]!;
        if (termHit[term]) continue;
        termHit[term] = 1;
        hitTerms.push(term);
      }
    }
  };
  // The walk: `node` has consumed token t up to character c; `crossings` counts token boundaries inside the current word.
  // Characters of one token are followed in a loop; only branches (the next word, a plural, a prefix's end,
  // a word going on in the next token) recurse.
  // A new word of the phrase begins at token t: there, or after up to MAX_FILLERS fillers.
  const enterWord = (node: number, t: number): void => {
    walk(node, t, 0, 0);
    for (let u = t, skipped = 0; skipped < MAX_FILLERS && u + 1 < limit && FILLERS.has(tokens[u]!.n); skipped++) walk(node, ++u, 0, 0);
  };
  const walk = (node: number, t: number, c: number, crossings: number): void => {
    const word = tokens[t]!.n;
    for (;;) {
      if (groupsAt[2 * node]! !== groupsAt[2 * node + 1]!) tryPhrases(node);
      // A prefix word ends wherever the token does: the next word is the next token (c > 0: this token gave the prefix its letters).
      const skip = afterPrefix[node]!;
      if (skip && c > 0 && t + 1 < limit) enterWord(skip, t + 1);
      const next = boundary[node]!;
      if (c < word.length) {
        if (next) {
          const rest = word.length - c;
          // A plural ending closes the word ("partitions" for "partition"); otherwise the next word may go on inside this token.
          if (t + 1 < limit && ((rest === 1 && word.charCodeAt(c) === 115) || (rest === 2 && word.endsWith("es")))) enterWord(next, t + 1);
          // At c = 0 whoever stepped onto this token has already begun the next word here (a word ends at a
          // token boundary): walking it again would repeat that whole subtree.
          if (c > 0) walk(next, t, c, 0);
        }
        const child = chars.next(node, word.charCodeAt(c));
        if (!child) return;
        node = child;
        c++;
        continue;
      }
      if (t + 1 >= limit) return;
      if (next) enterWord(next, t + 1);
      if (crossings < WORD_CROSSINGS && !(word === "a" && articleBefore(analysed, t)) && chars.hasChildren(node)) walk(node, t + 1, 0, crossings + 1);
      return;
    }
  };

  let stamp = 0;
  for (const sentence of analysed.sentences) {
    for (const anchor of marked) present[anchor] = 0;
    marked.length = 0;
    markAnchors(compiled, joined.stream, joined.offsets[sentence.firstToken]!, joined.offsets[sentence.endToken]!, present, marked);
    limit = sentence.endToken;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      if (!usable[i]) continue;
      start = i;
      stamp = nextStamp(tried);
      walk(CharTrie.ROOT, i, 0, 0);
    }
  }
  return { byPhrase, termHit, hitTerms };
}

function termOccurrences(pattern: CompiledPattern, phraseHits: PhraseHits): Occurrence[][] {
  return pattern.terms.map((term) => {
    if (term.phrases.length === 1) return phraseHits.byPhrase.get(term.phrases[0]!) ?? [];
    const all: Occurrence[] = [];
    for (const index of term.phrases) for (const occ of phraseHits.byPhrase.get(index) ?? []) all.push(occ);
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

/**
 * A term occurrence is negated by a cue earlier in its clause (not part of the match) or a sentential scope;
 * a required or bonus point's term is also dismissed in the scope of a dismissal (see stance.ts).
 */
function occurrenceNegated(ctx: MatchContext, occ: Occurrence, combo: Occurrence[], negative: boolean, heedsStance: boolean, misconception = false): boolean {
  const { tokens } = ctx.analysed;
  const { cue, sentential } = ctx.negation;
  let clause = tokens[occ.start]!.clause;
  for (let j = occ.start - 1; j >= 0 && j >= occ.start - NEGATION_WINDOW; j--) {
    if (tokens[j]!.clause !== clause) {
      // A cue reaches into the clause it opens ("not where X matters", "not a distributed, append-only log").
      if (!reachesAcross(ctx, j)) break;
      clause = tokens[j]!.clause;
    }
    if (cue[j] && !inCombo(j, combo) && !(heedsStance && ctx.negation.deniesRemoval[j]) && !mainClauseAfterAlternative(tokens, j, occ.start)) return true;
  }
  for (let j = occ.start; j < occ.end; j++) {
    if (sentential[j]) return true;
    // Dismissals reject a practice; a wrong claim that waves a practice away ("uids are optional") still
    // stands, and waving away what a point warns against agrees with it.
    if (heedsStance && !ctx.ignoreStance && (ctx.dismissed[j]! >= LOOKS_BACK || (ctx.dismissed[j] && !negative))) return true;
    // A proposal the answer turned down as a whole makes no claim, right or wrong.
    if (misconception && !ctx.ignoreStance && ctx.dismissed[j] === REJECTED_PROPOSAL) return true;
    // "We turned compaction off", "set the grace period to zero": a practice switched off is waved away.
    if (heedsStance && !ctx.ignoreStance && ctx.negation.disabled[j] === SWITCHED_OFF && !negative) return true;
  }
  return false;
}

/** Subjects that open the main clause after a fronted "instead of …" / "rather than …" phrase. */
const MAIN_CLAUSE_SUBJECTS = new Set(["it", "they", "we", "you", "i", "kafka", "flink", "spark", "he", "she"]);

/**
 * "Instead of expiring by time it keeps the latest value per key": the alternative ends where a subject opens the
 * main clause, so what follows that subject is asserted, not set aside.
 */
function mainClauseAfterAlternative(tokens: AnalysedText["tokens"], cue: number, at: number): boolean {
  const word = tokens[cue]!.n;
  if (!((word === "instead" && tokens[cue + 1]?.n === "of") || (word === "rather" && tokens[cue + 1]?.n === "than"))) return false;
  for (let k = cue + 3; k < at; k++) if (MAIN_CLAUSE_SUBJECTS.has(tokens[k]!.n)) return true;
  return false;
}

/** How far after the last term a negation still denies what the terms say ("the high watermark is not what…"). */
const POST_NEGATION_WINDOW = 4;
/** A cue after one of these adds an alternative rather than denying ("…waits for the ISR and not for laggards"). */
const ALTERNATIVE_BEFORE = new Set(["and", "or", "but", "yet", "nor"]);

/**
 * "Rack awareness isn't needed", "the high watermark is not what consumers read": a negation right after
 * every term, in the same clause, denies the claim the terms make.
 */
function negatedAfter(ctx: MatchContext, combo: Occurrence[]): boolean {
  const { tokens } = ctx.analysed;
  let last = 0;
  for (const occ of combo) last = Math.max(last, occ.end);
  const clause = tokens[last - 1]!.clause;
  // Only a copula's negation denies what the terms name ("X is not…", "X isn't…", "X was never…"); "X doesn't
  // wait for alignment" describes what X does, and "…entries nobody touched" negates another clause's verb.
  for (let j = last; j < tokens.length && j < last + POST_NEGATION_WINDOW; j++) {
    const token = tokens[j]!;
    if (token.clause !== clause) return false;
    if (COPULAR_NEGATIONS.has(token.n) || (token.n === "not" || token.n === "never") && COPULAS.has(tokens[j - 1]!.n)) {
      if (ALTERNATIVE_BEFORE.has(tokens[j - 1]!.n)) return false;
      const next = tokens[j + 1]?.n ?? "";
      // "Tiered storage isn't just for huge clusters": "not just" adds to the claim, it does not deny it.
      if (NOT_ONLY.has(next)) return false;
      const complement = next === "a" || next === "an" || next === "really" ? (tokens[j + 2]?.n ?? "") : next;
      return !NEGATIVE_COMPLEMENTS.has(complement) && !NOT_EXCLUSIVE.has(complement);
    }
    if (!COPULAS.has(token.n) && !HEDGES.has(token.n)) return false;
  }
  return false;
}

const COPULAS = new Set(["is", "are", "was", "were", "be", "been", "being", "s", "its", "thats"]);
const COPULAR_NEGATIONS = new Set(["isnt", "arent", "wasnt", "werent"]);
const HEDGES = new Set(["really", "actually", "honestly", "just", "simply", "still", "generally", "usually", "definitely", "certainly", "truly"]);

/** "acks=all is not optional", "tuning state TTL isn't hard", "static membership isn't magic, but…": a negated negative (or a
 * denied fear) affirms the point. */
const NEGATIVE_COMPLEMENTS = new Set(["optional", "negotiable", "avoidable", "unnecessary", "needless", "overkill", "pointless", "useless", "luxury", "hype", "myth", "gimmick", "fad", "marketing", "fluff", "theoretical", "academic", "magic", "hard", "difficult", "tricky", "scary", "rocket", "paranoia", "paranoid", "bloat", "busywork", "theatre", "theater", "cargo", "ceremony", "premature", "redundant", "impossible", "slow", "expensive"]);
/** "Pull's own pacing isn't unique", "idempotence isn't new": the property is shared or old, not denied. */
const NOT_EXCLUSIVE = new Set(["unique", "exclusive", "new", "novel", "special", "peculiar", "proprietary"]);
/** "isn't just / only / merely …": more than that, not a denial. */
const NOT_ONLY = new Set(["just", "only", "merely", "simply"]);

const ARTICLES = new Set(["a", "an", "the", "any"]);
/** Clause words a negation carries into ("not where", "not because"). */
const CARRIED_INTO = new Set(["where", "which", "who", "when", "why", "because", "how", "what"]);

/**
 * Token j ends the clause before token j + 1: a negation in j's clause still reaches across when that clause
 * is only a cue and up to two words ("not a distributed, append-only log") or the cue is directly followed
 * by a clause word ("not where X matters"); never across a strong break.
 */
function reachesAcross(ctx: MatchContext, j: number): boolean {
  const { tokens } = ctx.analysed;
  const next = tokens[j + 1]!;
  if (next.strongBreak || tokens[j]!.sentence !== next.sentence) return false;
  if (ctx.negation.cue[j] && CARRIED_INTO.has(next.n)) return true;
  const clause = tokens[j]!.clause;
  const commaOnly = ctx.analysed.text.slice(tokens[j]!.end, next.start).trim() === ",";
  for (let k = j, words = 0; k >= 0 && tokens[k]!.clause === clause && words <= LIST_CUE_REACH; k--, words++) {
    if (!ctx.negation.cue[k]) continue;
    // A noun phrase split by a comma: the cue is followed by an article ("not a distributed, …").
    if (words <= 3 && ARTICLES.has(tokens[k + 1]?.n ?? "") && commaOnly) return true;
    // The tail of a list the cue governs: "no state to partition, checkpoint or recover".
    return commaOnly && listTail(ctx.analysed, j + 1);
  }
  return false;
}

/** How many words before a comma a cue may stand and still govern the list the comma continues. */
const LIST_CUE_REACH = 5;
const LIST_JOINERS = new Set(["or", "and", "nor"]);

/** Token `from` opens the last two items of a list, "X or Y" ("and", "nor"), ending the sentence or its stretch. */
function listTail(analysed: AnalysedText, from: number): boolean {
  const { tokens } = analysed;
  const clause = tokens[from]!.clause;
  let end = from;
  while (end < tokens.length && tokens[end]!.clause === clause && tokens[end]!.sentence === tokens[from]!.sentence) end++;
  if (end - from !== 3 || !LIST_JOINERS.has(tokens[from + 1]!.n)) return false;
  const after = tokens[end];
  return !after || after.sentence !== tokens[from]!.sentence || after.strongBreak;
}

/** Words that turn a sentence round; a misconception's terms may not sit on both sides of one. */
const TURN_WORDS = new Set(["but", "however", "whereas", "although", "though", "instead"]);

/** Token j starts a new statement inside its sentence: after a semicolon, or at "but", "however", "whereas"… */
function isTurn(analysed: AnalysedText, j: number): boolean {
  const token = analysed.tokens[j]!;
  if (TURN_WORDS.has(token.n)) return true;
  const gap = gapBefore(analysed, j);
  return gap.includes(";") || (token.n === "while" && gap.includes(","));
}

/**
 * "You get duplicates if you commit after processing, or lost messages if you commit before": ", or" opening a clause
 * that runs on to the claim's next words is a second alternative, not part of the first. A parenthetical alternative
 * closed by its own comma ("With acks=1, or even acks=0, you never lose data") is not.
 */
function opensAlternative(analysed: AnalysedText, combo: Occurrence[], j: number): boolean {
  const { tokens } = analysed;
  if (tokens[j]!.n !== "or" || !gapBefore(analysed, j).includes(",")) return false;
  let next = Infinity;
  for (const occ of combo) if (occ.start > j) next = Math.min(next, occ.start);
  if (next === Infinity) return false;
  for (let k = j + 1; k <= next; k++) if (tokens[k]!.clause !== tokens[j]!.clause) return false;
  return true;
}

/** "Without a doubt", "without fail", "without any question": an intensifier, not a counterfactual. */
const INTENSIFIED_BY_WITHOUT = new Set(["doubt", "question", "fail", "exception"]);

/** Token `from` lies after the opening clause of a sentence that starts "Without X, …" and goes on to what breaks. */
function counterfactualConsequence(ctx: MatchContext, from: number): boolean {
  const { tokens, sentences } = ctx.analysed;
  const first = sentences[tokens[from]!.sentence]!.firstToken;
  if (tokens[first]!.n !== "without" || !ctx.negation.deniesRemoval[first]) return false;
  const next = tokens[first + 1]?.n === "a" || tokens[first + 1]?.n === "any" ? tokens[first + 2] : tokens[first + 1];
  if (INTENSIFIED_BY_WITHOUT.has(next?.n ?? "")) return false;
  return tokens[from]!.clause !== tokens[first]!.clause;
}

/** Who an "if" clause puts up to doing something ("If you…", "if a team…"): a practice, not a mechanism. */
const CONDITION_AGENTS = new Set(["you", "we", "someone", "somebody", "anyone", "people", "teams", "your", "they", "a", "one"]);
/** Words that may open a sentence before its "if" ("And if you…", "But if we…"). */
const BEFORE_IF = new Set(["and", "but", "so", "also", "like", "now", "then", "again", "plus"]);
/** What a main clause names when it warns against what its "if" clause does ("…, you lose all of that"). */
const BAD_OUTCOMES = new Set([
  "lose", "loses", "lost", "losing", "break", "breaks", "broke", "broken", "fail", "fails", "failed", "duplicate", "duplicates",
  "duplicated", "corrupt", "corrupts", "corrupted", "stuck", "stall", "stalls", "unfenced", "zombie", "zombies", "reordered",
  "bite", "bites", "bitten", "risk", "risks", "outage", "outages", "trouble", "mess", "gone", "hang", "hangs", "overwrite",
  "overwrites", "overwritten", "leak", "leaks", "defeat", "defeats", "defeated", "undo", "undoes", "ruin", "ruins", "wreck", "wrecks",
]);

/**
 * "If you generate a random transactional.id per start, you lose all of that": a practice put in an "if" clause whose
 * main clause names what goes wrong is a warning against it, not advice. The claim's words must all be in the "if"
 * clause (a claim the main clause makes is still made), and the outcome must not be denied ("…, you lose nothing").
 */
function warnedAgainst(ctx: MatchContext, min: number, max: number): boolean {
  const { tokens, sentences } = ctx.analysed;
  const sentence = sentences[tokens[min]!.sentence]!;
  let first = sentence.firstToken;
  while (first < min && BEFORE_IF.has(tokens[first]!.n)) first++;
  if (tokens[first]!.n !== "if" || !CONDITION_AGENTS.has(tokens[first + 1]?.n ?? "")) return false;
  const clause = tokens[first]!.clause;
  if (tokens[max - 1]!.clause !== clause || tokens[max - 1]!.sentence !== sentence.index) return false;
  let j = max;
  while (j < sentence.endToken && tokens[j]!.clause === clause) j++;
  let warned = false;
  for (; j < sentence.endToken; j++) {
    if (ctx.negation.cue[j]) return false;
    if (BAD_OUTCOMES.has(tokens[j]!.n)) warned = true;
  }
  return warned;
}

/** Words after "only" that scope what comes before it down to a part ("only within each sub-key", "only per partition"). */
const LIMITING_AFTER_ONLY = new Set(["within", "per", "inside"]);

/** The claim ending before token `end` is scoped down right after it: "only within …", "only per …". */
function limitedRightAfter(ctx: MatchContext, end: number): boolean {
  const { tokens } = ctx.analysed;
  const next = tokens[end];
  if (!next || next.sentence !== tokens[end - 1]!.sentence) return false;
  const after = tokens[end + 1];
  return next.n === "only" && after !== undefined && after.sentence === next.sentence && LIMITING_AFTER_ONLY.has(after.n);
}

function comboAccepted(ctx: MatchContext, combo: Occurrence[], item: CompiledItem, rubric: CompiledRubric, phraseHits: PhraseHits): boolean {
  const misconception = item.item.kind === "misconception";
  // A combination that itself states an absence ("never remov*") keeps the answer's negations as its own.
  const negative = combo.some((occ) => statesAbsence(rubric.packed, occ.phrase));
  for (const occ of combo) if (occurrenceNegated(ctx, occ, combo, negative, !misconception && !item.warning, misconception)) return false;
  const { tokens, sentences } = ctx.analysed;
  if (!misconception && !negative && !ctx.ignoreStance && negatedAfter(ctx, combo)) return false;
  // A point the answer waves away in one sentence is not earned by pairing that sentence's other words with a
  // neighbour ("For impressions and clicks I'd skip the windowed join. You have to pick a window…").
  if (!misconception && !item.warning && !ctx.ignoreStance && item.near !== undefined && dismissedInComboSentences(ctx, combo, item, phraseHits)) return false;
  // Words that make a wrong claim do not also earn a point: in "acks=1 is plenty once idempotence is on" the
  // idempotence is part of the error, not a point stated; the rest of the sentence may still earn others.
  if (!misconception && ctx.wrong && combo.every((occ) => overlapsWrong(ctx.wrong!, occ))) return false;
  // Asking is not claiming: "What about compaction?" earns nothing, and makes no wrong claim either.
  // ("Why would you run a stateful job without checkpoints?" asks to make a point, and earns it.)
  if (combo.every((occ) => sentences[tokens[occ.start]!.sentence]!.question && (misconception || !affirmsByAsking(ctx.analysed, tokens[occ.start]!.sentence)))) return false;
  if (!misconception) return true;

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
  // "Without checkpointing, a crash loses the state": what breaks in a counterfactual is a warning, not a claim
  // about the system. The claim's words must all be in what follows the "Without X," clause; a claim that
  // names the missing thing ("Without ZooKeeper, Kafka cannot elect a controller") is still made.
  if (counterfactualConsequence(ctx, min)) return false;
  if (warnedAgainst(ctx, min, max)) return false;
  // "Salting keeps order only within each sub-key": a claim the answer scopes down at once to a part is the scoped
  // statement, which is usually the true one. ("…, unless you turn it on" is not such a limit: wrong claims come
  // with an "unless" as often as right ones, so it limits nothing here.)
  if (limitedRightAfter(ctx, max)) return false;
  // A negation cue or a concession ("whether or not", "regardless of") between the terms denies the link,
  // and a claim does not run across a turn ("…; across partitions…", "…, but…"): those are two statements.
  for (let j = min; j < max; j++) {
    if (j > min && !insideOccurrence(j, combo) && tokens[j]!.strongBreak && tokens[j]!.sentence === tokens[j - 1]!.sentence && isTurn(ctx.analysed, j)) return false;
    if (j > min && !insideOccurrence(j, combo) && opensAlternative(ctx.analysed, combo, j)) return false;
    if (inCombo(j, combo)) continue;
    if (cue[j] || concessive[j]) return false;
  }
  // A claim about what something does is not made while switching it off ("turn auto commit off and…"),
  // unless switching it off is the claim ("disabling idempotence is safer").
  let switchedOff = false;
  let aboutSwitching = false;
  for (const occ of combo) {
    for (let j = occ.start; j < occ.end; j++) {
      if (ctx.negation.disabled[j] === OFF_SWITCH) aboutSwitching = true;
      else if (ctx.negation.disabled[j]) switchedOff = true;
    }
  }
  if (switchedOff && !aboutSwitching) return false;
  // The stretch the claim lives in: back to the previous strong break, forward to the end of the clause.
  let from = min;
  while (from > 0 && !tokens[from]!.strongBreak) from--;
  let to = max;
  const lastClause = tokens[max - 1]!.clause;
  while (to < tokens.length && tokens[to]!.clause === lastClause) to++;
  for (let j = from; j < to; j++) if (contrast[j] && !inCombo(j, combo)) return false;
  if (namesOtherSystem(ctx, rubric, phraseHits, combo, from, to)) return false;
  if (item.unless && saysOtherwise(ctx, item.unless, phraseHits, min, max)) return false;
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

/** One of a claim's `unless` phrases stands in a sentence the claim's words are in. */
function saysOtherwise(ctx: MatchContext, unless: number[], phraseHits: PhraseHits, min: number, max: number): boolean {
  const { tokens, sentences } = ctx.analysed;
  const from = sentences[tokens[min]!.sentence]!.firstToken;
  const to = sentences[tokens[max - 1]!.sentence]!.endToken;
  for (const phrase of unless) for (const occ of phraseHits.byPhrase.get(phrase) ?? []) if (occ.start >= from && occ.start < to) return true;
  return false;
}

/** A combination across sentences draws on a sentence where one of the item's own terms is waved away. */
function dismissedInComboSentences(ctx: MatchContext, combo: Occurrence[], item: CompiledItem, phraseHits: PhraseHits): boolean {
  const { tokens } = ctx.analysed;
  const first = tokens[combo[0]!.start]!.sentence;
  if (combo.every((occ) => tokens[occ.start]!.sentence === first)) return false;
  const sentences = new Set(combo.map((occ) => tokens[occ.start]!.sentence));
  for (const pattern of item.patterns) {
    for (const term of pattern.terms) {
      for (const phrase of term.phrases) {
        for (const occ of phraseHits.byPhrase.get(phrase) ?? []) {
          if (!sentences.has(tokens[occ.start]!.sentence)) continue;
          for (let j = occ.start; j < occ.end; j++) if (ctx.dismissed[j]) return true;
        }
      }
    }
  }
  return false;
}

/** How far into a sentence its subject is looked for ("RabbitMQ is…", "With SQS, …", "In RabbitMQ …"). */
const SUBJECT_TOKENS = 3;

/** Sentence-opening words that refer back to the previous sentence's subject. */
const PRONOUNS = new Set(["it", "they", "this", "that", "these", "those", "there"]);

/** Another system (contrast-subjects) is named between token from and to, and not as a likeness ("like RabbitMQ"). */
function namesOtherSystem(ctx: MatchContext, rubric: CompiledRubric, phraseHits: PhraseHits, combo: Occurrence[], from: number, to: number): boolean {
  const { tokens } = ctx.analysed;
  for (const subject of rubric.contrastSubjects) {
    for (const occ of phraseHits.byPhrase.get(subject) ?? []) {
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
  item: CompiledItem,
  rubric: CompiledRubric,
  phraseHits: PhraseHits,
  covered: Set<number>,
  found: (combo: Occurrence[]) => boolean,
): void {
  for (const term of pattern.terms) if (!phraseHits.termHit[term.id]) return;
  const lists = termOccurrences(pattern, phraseHits);
  const { tokens } = ctx.analysed;
  const near = item.near;
  const span = near ?? DEFAULT_SPAN;
  // Search the rarest term first.
  const order = lists.map((_, index) => index).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const combo: Occurrence[] = new Array<Occurrence>(lists.length);
  let budget = 2000;
  let stop = false;

  const recurse = (depth: number, min: number, max: number, sentence: number): void => {
    if (stop || budget-- <= 0) return;
    if (depth === order.length) {
      if (comboAccepted(ctx, combo, item, rubric, phraseHits) && !found(combo.slice())) stop = true;
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

export interface RubricMatches {
  /** One per rubric item, in rubric order. */
  items: ItemMatch[];
  /**
   * Required and bonus points the answer names only to wave them away ("rack awareness isn't worth the
   * bother"): not met, and held against the answer. Their sentences are where the point was dismissed.
   */
  rejected: ItemMatch[];
  /** Only the catalogue claims the answer makes. */
  claims: ItemMatch[];
}

function overlapsWrong(wrong: Uint8Array, occ: Occurrence): boolean {
  for (let j = occ.start; j < occ.end; j++) if (wrong[j]) return true;
  return false;
}

/**
 * Matches every rubric item, and every claim of the shared catalogue, against the answer. Wrong claims
 * first (the rubric's misconceptions and the catalogue's claims), so that the words making one cannot also
 * earn a point.
 */
export function matchRubric(rubric: CompiledRubric, catalogue: CompiledCatalogue | undefined, ctx: MatchContext): RubricMatches {
  const rubricHits = findPhraseOccurrences(rubric, ctx);
  let claims: ItemMatch[] = [];
  if (catalogue) {
    const catalogueHits = findPhraseOccurrences(catalogue, ctx);
    const found: Array<{ index: number; match: ItemMatch }> = [];
    // Most of the catalogue has no term in a given answer: skip those claims before building a match.
    for (const index of candidateItems(catalogue, catalogueHits)) {
      const match = matchItem(catalogue.items[index]!, catalogue, ctx, catalogueHits);
      if (match.met) found.push({ index, match });
    }
    const defaults = wrongDefaults(ctx.analysed, ctx.negation, ctx.usable, catalogue.settings);
    for (const hit of defaults) {
      const occurrences = [hit.name, hit.value].map((span) => ({ ...span, phrase: -1 }));
      found.push({ index: hit.setting.claimIndex, match: { item: catalogue.items[hit.setting.claimIndex]!, met: true, sentences: [hit.sentence], occurrences } });
    }
    // Catalogue order, whether a claim was matched by its words or by a stated default.
    if (defaults.length > 0) found.sort((a, b) => a.index - b.index);
    claims = found.map(({ match }) => match);
  }
  const isWrong = (item: CompiledItem) => item.item.kind === "misconception";
  const misconceptions = new Map(rubric.items.filter(isWrong).map((item) => [item, matchItem(item, rubric, ctx, rubricHits)]));
  let points = ctx;
  const wrongMatches = [...claims, ...misconceptions.values()].filter((match) => match.met);
  if (wrongMatches.length > 0) {
    const wrong = new Uint8Array(ctx.analysed.tokens.length);
    for (const match of wrongMatches) for (const occ of match.occurrences) wrong.fill(1, occ.start, occ.end);
    points = { ...ctx, wrong };
  }
  const items = rubric.items.map((item) => misconceptions.get(item) ?? matchItem(item, rubric, points, rubricHits));
  return { items, rejected: rejectedItems(items, rubric, points, rubricHits), claims };
}

/**
 * The items (in order) with a pattern whose every term has a hit. Found from the terms that occur, not by
 * visiting every item: most of the catalogue's hundreds of claims have no term in a given answer.
 */
function candidateItems(compiled: CompiledItems, hits: PhraseHits): number[] {
  const candidates: number[] = [];
  const taken = new Uint8Array(compiled.items.length);
  const { termOwners } = compiled;
  for (const term of hits.hitTerms) {
    const item = termOwners[3 * term]!;
    if (taken[item]) continue;
    let all = true;
    for (let t = termOwners[3 * term + 1]!, end = termOwners[3 * term + 2]!; t < end && all; t++) all = hits.termHit[t] === 1;
    if (!all) continue;
    taken[item] = 1;
    candidates.push(item);
  }
  return candidates.sort((a, b) => a - b);
}

/**
 * Unmet points that would be met but for the answer's stance: searched again with dismissals and denials
 * lifted, kept when the words that match are waved away ("rack awareness isn't worth the bother").
 */
function rejectedItems(items: ItemMatch[], rubric: CompiledRubric, ctx: MatchContext, phraseHits: PhraseHits): ItemMatch[] {
  const lifted: MatchContext = { ...ctx, ignoreStance: true };
  const rejected: ItemMatch[] = [];
  for (const match of items) {
    const { item } = match;
    if (match.met || item.item.kind === "misconception" || item.warning) continue;
    const again = matchItem(item, rubric, lifted, phraseHits);
    if (!again.met) continue;
    const dismissed = again.occurrences.some((occ) => {
      for (let j = occ.start; j < occ.end; j++) if (ctx.dismissed[j]) return true;
      return false;
    });
    const switchedOff = again.occurrences.some((occ) => {
      for (let j = occ.start; j < occ.end; j++) if (ctx.negation.disabled[j] === SWITCHED_OFF) return true;
      return false;
    });
    if (dismissed || switchedOff || negatedAfter(ctx, again.occurrences)) rejected.push(again);
  }
  return rejected;
}

function matchItem(item: CompiledItem, rubric: CompiledRubric, ctx: MatchContext, phraseHits: PhraseHits): ItemMatch {
  const { tokens } = ctx.analysed;
  const sentences = new Set<number>();
  const occurrences: Occurrence[] = [];
  for (const pattern of item.patterns) {
    if (sentences.size >= MAX_EVIDENCE) break;
    searchPattern(ctx, pattern, item, rubric, phraseHits, sentences, (combo) => {
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
}
