// Naming a point is not explaining it. An interviewer gives correct basics 6 or 7 and keeps 8–10 for
// answers that say how it works, with numbers and trade-offs; so every point an answer meets is either
// "named" (a mention) or "explained" (the sentences that earn it also carry a mechanism: a reason, a
// condition, a consequence (also written as an arrow or a formula), a number or config value, or a cost).
//
// The signals are read from the evidence sentences and the sentence right after the first one when it
// carries on from it (the explanation often follows the claim: "Use acks=all. That way the leader
// waits for every in-sync replica…"), never from the matched words themselves, and a sentence crammed
// with more points than its length can carry explains none of them.
import type { AnalysedText } from "./normalise";
import { FUNCTION_WORDS } from "./function-words";

export type Depth = "named" | "explained";

/** Words that give a reason or a consequence: the "how" and "why" of a point. */
const MECHANISM = new Set([
  "because", "therefore", "thus", "hence", "otherwise", "means", "meaning", "unless", "until", "prevents", "ensures", "guarantees",
  "triggers", "forces", "blocks", "waits", "fails", "rejects", "requires", "instead", "whereas", "consequence", "consequences", "consequently",
  // What one part does to another, in the verbs experts use for it ("the new epoch fences the old producer", "adding
  // partitions remaps keys", "an idle partition stalls the watermark"). Everyday verbs of the same kind ("breaks",
  // "stops", "replays") are left out: plain answers use them as often as strong ones.
  "fences", "fenced", "bumps", "bumped", "truncates", "truncated", "evicts", "evicted", "stall", "stalls", "stalled", "freeze",
  "freezes", "frozen", "remaps", "remapped", "gates", "pins", "pinned", "dominates",
]);
/** Words that weigh a cost against a benefit. */
const TRADE_OFF = new Set([
  "trade", "trades", "traded", "tradeoff", "tradeoffs", "cost", "costs", "costly", "costlier", "pricier", "expense", "expensive", "downside", "downsides",
  "overhead", "price", "penalty", "latency", "throughput", "risk", "risks", "ceiling", "bounded",
]);
/**
 * An arrow from a cause to its effect ("full buffers → no credit → upstream blocks"): the terse form of "which leads to".
 * Plain answers write the words out; notes written by someone who knows the chain use the arrow.
 */
const CAUSAL_ARROW = /\u2192|\u21d2|->|=>/;
/**
 * A formula relating terms ("retention ≥ size + grace", "restore ≈ download + replay", "murmur2(key) % N", "maxSeen − bound", "end = last event + gap"):
 * it states how a value is derived or bounded, which is a mechanism. A relation (<, >, ≥, ≤) counts wherever it
 * stands between two terms. An arithmetic operator counts between two terms spaced on both sides or on neither, so
 * "30% of traffic", "4.0+ clients" and "C++" are no formula, and not between capitalised names ("Kafka + Flink" is a
 * pairing). A "+" often just means "and" in notes ("batching + compression", "RocksDB + incremental checkpoints"), so
 * it counts only where the sum is a value: inside an equation or inequation, with no comma between it and the "=" or
 * the relation, or as the object of a preposition of time ("closes at end + grace", "kept until end + grace", "past end + lateness"; not "for", which also
 * gives a purpose: "we use it for batching + compression").
 * An "=" alone is left out: "Table = latest value per key" defines rather than derives.
 */
const RELATION = /\w[)\]]?\s*(?:[<>]=|[<>\u2265\u2264\u2248])\s*[\w(]/;
const ARITHMETIC = /(?:^|\W)(?![A-Z])\w+[)\]]?(?:\s+[\u2212\u00d7\u00f7%]\s+|[\u2212\u00d7\u00f7])(?![A-Z])[\w(]/;
const SUM_AS_VALUE = /\b(?:at|until|after|before|within|by|past)\s+(?:[\w.]+\s+){0,2}?[\w.]+[)\]]?(?:\s+\+\s+|\+)(?![A-Z])[\w(]/;
const SUM_IN_EQUATION = /[=<>\u2265\u2264][^,;=<>\u2265\u2264]*?\w[)\]]?(?:\s+\+\s+|\+)[\w(]|\w[)\]]?(?:\s+\+\s+|\+)[\w(][^,;=<>\u2265\u2264]*?[=<>\u2265\u2264]/;
/** Units and words that come with a concrete quantity. */
const QUANTITY = new Set(["ms", "millisecond", "milliseconds", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "mb", "gb", "kb", "tb", "percent", "default", "defaults", "x"]);

/** Words that open a sentence continuing the one before it ("This means…", "So the leader…"). */
const CONTINUATIONS = new Set(["it", "this", "that", "these", "those", "they", "so", "because", "since", "which", "then", "otherwise", "therefore", "thus", "hence", "meaning", "as", "thats", "its", "if", "when", "once", "without"]);

/**
 * The sentence after an evidence sentence explains it only when it carries on from it: it opens with a
 * pronoun or a connective, or repeats one of the matched words, in the same paragraph. A generic sentence
 * tacked on ("There are many trade-offs.") explains nothing.
 */
function continues(analysed: AnalysedText, evidence: number, next: number, matched: Array<{ start: number; end: number }>): boolean {
  const { sentences, tokens, text } = analysed;
  if (/\n\s*\n/.test(text.slice(sentences[evidence]!.end, sentences[next]!.start))) return false;
  const following = sentences[next]!;
  if (CONTINUATIONS.has(tokens[following.firstToken]!.n)) return true;
  const words = new Set<string>();
  for (const range of matched) for (let t = range.start; t < range.end; t++) if (tokens[t]!.sentence === evidence && !FUNCTION_WORDS.has(tokens[t]!.n)) words.add(tokens[t]!.n);
  for (let t = following.firstToken; t < following.endToken; t++) if (words.has(tokens[t]!.n)) return true;
  return false;
}

/** Content words, beyond the ones that matched, an evidence stretch needs to count as an explanation. */
export const EXPLAINED_MIN_WORDS = 6;
/** The same, when the stretch carries a number or a config value. */
export const EXPLAINED_MIN_WORDS_WITH_NUMBER = 3;

export interface SentenceDepth {
  mechanism: number;
  tradeOff: number;
  quantity: number;
  contentWords: number;
}

/** What a sentence's raw text shows (a setting or number; an arrow; a formula), whatever words matched in it. */
interface RawShape {
  quantity: number;
  mechanism: number;
}

/** Characters without which no arrow or formula can be written: most sentences hold none, and skip the expressions. */
const OPERATOR_CHARS = /[<>=+%\u2212\u00d7\u00f7\u2265\u2264\u2192\u21d2]/;

const rawShapes = new WeakMap<AnalysedText, Array<RawShape | undefined>>();

/** The raw shape of a sentence, read once per answer: sentenceDepth asks for every point the sentence earns. */
function rawShapeOf(analysed: AnalysedText, sentence: number): RawShape {
  let shapes = rawShapes.get(analysed);
  if (!shapes) rawShapes.set(analysed, (shapes = []));
  let shape = shapes[sentence];
  if (!shape) {
    const s = analysed.sentences[sentence]!;
    const raw = analysed.text.slice(s.start, s.end);
    shape = { quantity: 0, mechanism: 0 };
    if (/[a-z]\.[a-z]|[a-z]_[a-z]|[=:]\s*-?\d|\b\d/i.test(raw)) shape.quantity++;
    if (OPERATOR_CHARS.test(raw)) {
      if (CAUSAL_ARROW.test(raw)) shape.mechanism++;
      if (RELATION.test(raw) || ARITHMETIC.test(raw) || SUM_IN_EQUATION.test(raw) || SUM_AS_VALUE.test(raw)) shape.mechanism++;
    }
    shapes[sentence] = shape;
  }
  return shape;
}

/** Per-sentence depth signals, computed once per answer; `skip` marks tokens that must not count (the match). */
export function sentenceDepth(analysed: AnalysedText, sentence: number, skip: (token: number) => boolean): SentenceDepth {
  const s = analysed.sentences[sentence]!;
  const result: SentenceDepth = { mechanism: 0, tradeOff: 0, quantity: 0, contentWords: 0 };
  const shape = rawShapeOf(analysed, sentence);
  result.quantity += shape.quantity;
  result.mechanism += shape.mechanism;
  for (let t = s.firstToken; t < s.endToken; t++) {
    if (skip(t)) continue;
    const n = analysed.tokens[t]!.n;
    if (MECHANISM.has(n)) result.mechanism++;
    if (TRADE_OFF.has(n)) result.tradeOff++;
    if (QUANTITY.has(n) || /^-?\d/.test(n)) result.quantity++;
    if (!FUNCTION_WORDS.has(n)) result.contentWords++;
  }
  return result;
}

/**
 * "explained" when the evidence (plus the sentence after the first evidence sentence) holds at least
 * EXPLAINED_MIN_WORDS content words beyond the match and at least one reason, cost or quantity.
 */
export function itemDepth(args: {
  analysed: AnalysedText;
  sentences: number[];
  /** Token ranges of the matched terms (not counted as explanation). */
  matched: Array<{ start: number; end: number }>;
  /** Sentences carrying more points than their length allows. */
  crammed: ReadonlySet<number>;
}): Depth {
  const { analysed, sentences, matched, crammed } = args;
  const usable = sentences.filter((index) => !crammed.has(index));
  if (usable.length === 0) return "named";
  const isMatched = (token: number) => matched.some((range) => token >= range.start && token < range.end);
  let contentWords = 0;
  let reasons = 0;
  let quantities = 0;
  for (const index of usable) {
    const depth = sentenceDepth(analysed, index, isMatched);
    contentWords += depth.contentWords;
    reasons += depth.mechanism + depth.tradeOff + depth.quantity;
    quantities += depth.quantity;
  }
  // The sentence after carries on the explanation only with a reason or a number of its own: a cost word
  // in a tacked-on sentence ("There are trade-offs here.") explains nothing.
  const first = usable[0]!;
  const next = analysed.sentences[first + 1];
  if (next && !crammed.has(next.index) && continues(analysed, first, next.index, matched)) {
    const depth = sentenceDepth(analysed, next.index, isMatched);
    contentWords += depth.contentWords;
    reasons += depth.mechanism + depth.quantity;
  }
  // A concrete number or config value explains in fewer words: terse experts write "(45 s)", not "because".
  if (quantities > 0 && contentWords >= EXPLAINED_MIN_WORDS_WITH_NUMBER) return "explained";
  return contentWords >= EXPLAINED_MIN_WORDS && reasons > 0 ? "explained" : "named";
}
