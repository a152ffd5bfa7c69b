// Text → tokens and sentences, with offsets into the ORIGINAL text so evidence can be highlighted.
//
// One tokeniser serves both sides: answers and rubric patterns go through the same `normaliseWord`, so
// whatever an instructor writes ("append-only", "min.insync.replicas=2", "two in-sync replicas") is
// compared on the same footing as what a candidate types ("appendonly", "min_insync_replicas: 2",
// "2 in sync replicas").
//
//  - Unicode NFKC, accents stripped, lower case, curly apostrophes straightened.
//  - Words split at "." "_" "-" (config keys and hyphenated words become word sequences; a dot
//    between digits stays, so 1.5 is one token). Apostrophes vanish ("don't" → "dont"), "'s" goes.
//  - "=" and ":" never become tokens: a pattern's "=" is a flexible connector (see compile.ts).
//  - A minus directly before a digit after a space, "=", ":" or "(" makes a negative number: "acks=-1"
//    gives "acks", "-1", which never equals "1".
//  - Number words become digits ("two" → "2", "two hundred" → "200", "10k" → "10000"), digit
//    groups lose their commas ("10,000" → "10000").
//  - A small typo map fixes key terms ("kakfa", "paritition", "offest", "idempotant", "rebalence", …).
// Compound spellings ("append only" / "appendonly") are handled by the matcher, which compares words
// across token boundaries.

export interface Token {
  /** Normalised form. */
  n: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  sentence: number;
  /** Global clause number: increases at punctuation (, ; : — brackets) and at contrast conjunctions. */
  clause: number;
  /** A strong break (sentence start, ";", ":", a dash, "but", "however") comes right before this token. */
  strongBreak: boolean;
}

export interface Sentence {
  index: number;
  /** Offsets into the original text (list markers and surrounding spaces excluded). */
  start: number;
  end: number;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
  /** Ends with a question mark. */
  question: boolean;
}

export interface AnalysedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
// A Map, not an object: looking up every token of an answer as an object key costs more than the tokenising.
const MULTIPLIERS = new Map([["hundred", 100], ["thousand", 1000], ["million", 1_000_000], ["billion", 1_000_000_000]]);

/** Misspelled stem → correct stem; applied to the start of a token. */
const TYPO_STEMS: Record<string, string> = {
  kakfa: "kafka", kafak: "kafka", kafkfa: "kafka",
  paritition: "partition", partitition: "partition", partiton: "partition", parition: "partition", partion: "partition", partitoin: "partition",
  offest: "offset", ofset: "offset", offsett: "offset",
  idempotant: "idempotent", idempontent: "idempotent", idempotnet: "idempotent", idempodent: "idempotent",
  rebalenc: "rebalanc", rebalans: "rebalanc", rebalnc: "rebalanc",
  watermak: "watermark", wartermark: "watermark", watermrk: "watermark",
  consumor: "consumer", comsumer: "consumer", cosumer: "consumer", consumr: "consumer",
  producor: "producer", prodcuer: "producer",
  brocker: "broker", borker: "broker",
  replicaiton: "replication", replciation: "replication", repliaction: "replication",
  retension: "retention", retantion: "retention",
  aknowledg: "acknowledg", acknowleg: "acknowledg", acknolwedg: "acknowledg",
  garantee: "guarantee", guarentee: "guarantee", gaurantee: "guarantee", guarante: "guarantee",
  exactley: "exactly",
  transacton: "transaction", transcation: "transaction",
  checkpoit: "checkpoint", chekpoint: "checkpoint", checkpiont: "checkpoint",
  tumbeling: "tumbling", tumblng: "tumbling",
  zookeper: "zookeeper", zookeepr: "zookeeper", zookepper: "zookeeper",
  rabitmq: "rabbitmq", rabbimq: "rabbitmq",
  latancy: "latency",
  throughtput: "throughput", thoughput: "throughput", throuput: "throughput", througput: "throughput",
  backpresure: "backpressure",
  deduplciat: "deduplicat",
  seperat: "separat",
};
const TYPOS_BY_FIRST = new Map<string, [string, string][]>();
for (const [wrong, right] of Object.entries(TYPO_STEMS)) {
  const list = TYPOS_BY_FIRST.get(wrong[0]!) ?? [];
  list.push([wrong, right]);
  TYPOS_BY_FIRST.set(wrong[0]!, list);
}

const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "approx", "incl", "cf", "eg", "ie", "resp", "esp"]);

/** Words seen before, normalised: the same few thousand words recur in every answer. Bounded. */
const normalised = new Map<string, string>();
const NORMALISED_LIMIT = 50_000;

/** Unicode → plain lower-case ASCII-ish form of one word part (no splitting). */
export function normaliseWord(part: string): string {
  let known = normalised.get(part);
  if (known === undefined) {
    if (normalised.size >= NORMALISED_LIMIT) normalised.clear();
    normalised.set(part, (known = normaliseUncached(part)));
  }
  return known;
}

function normaliseUncached(part: string): string {
  let s = part.normalize("NFKC");
  if (/[^\u0000-\u007f]/.test(s)) s = s.normalize("NFD").replace(/\p{M}+/gu, "").normalize("NFC");
  s = s.toLowerCase().replace(/[’‘`´]/g, "'");
  if (s.endsWith("'s")) s = s.slice(0, -2);
  s = s.replace(/'/g, "");
  if (/^\d{1,3}(,\d{3})+/.test(s)) s = s.replace(/,/g, "");
  const number = NUMBER_WORDS[s];
  if (number !== undefined) return String(number);
  const k = /^(\d+)k$/.exec(s);
  if (k?.[1]) return String(Number(k[1]) * 1000);
  const typos = TYPOS_BY_FIRST.get(s[0] ?? "");
  if (typos) {
    // A stem that is the start of its own correction ("guarante" → "guarantee") must leave correct words alone.
    for (const [wrong, right] of typos) if (s.startsWith(wrong) && !s.startsWith(right)) return right + s.slice(wrong.length);
  }
  return s;
}

/** A number with a unit glued on ("1GB", "100ms", "1,000KB"); "10k" is a number and never gets here, and a
 * multiplier ("3x", "1.5x") stays one word. */
const GLUED_UNIT_RE = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\p{L}+)$/u;
const WORD_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’._-]*[\p{L}\p{N}\p{M}])?/gu;
const LIST_MARKER_RE = /(^|\n)([ \t]*)([-*•·▪‣>]+|\d{1,2}[.)])(?=[ \t])/g;
// "|" separates markdown table cells: each cell is its own statement.
// Quotes do not break a clause: '"Effectively once" is the better name' keeps its subject.
const CLAUSE_GAP_RE = /[,;:()[\]|\u2013\u2014\u2192]|\s-+\s|->|=>|\s\+\s|&/;
const STRONG_GAP_RE = /[;:|\u2013\u2014\u2192]|\s-+\s|->|=>/;
// A sentence also ends before markdown emphasis closes ("**Latency budget.** Roughly…").
const SENTENCE_END_RE = /[.!?](?:\*{1,2}|_{1,2})?(?=\s|$|["”')\]])/;
/** Conjunctions that open a new clause (negation does not reach across them). */
const CLAUSE_WORDS = new Set(["but", "however", "whereas", "although", "though", "yet", "because", "so", "while", "instead", "otherwise", "unless", "then", "which", "who", "where"]);
const STRONG_WORDS = new Set(["but", "however", "whereas", "instead", "actually", "although", "though"]);
const DEGREE_AFTER_HOWEVER = /^\s+(many|much|long|late|early|big|small|large|few|often|far|high|low|fast|slow|hard|old)\b/i;

interface RawPart {
  text: string;
  start: number;
  end: number;
}

const SPLITS_RE = /[._-]/;

/** Splits one raw word (e.g. "min.insync.replicas", "don't", "append-only", "1.5") into parts. */
function splitRaw(raw: string, offset: number): RawPart[] {
  if (!SPLITS_RE.test(raw)) return [{ text: raw, start: offset, end: offset + raw.length }];
  const parts: RawPart[] = [];
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "_" || ch === "-" || (ch === "." && !(isDigit(raw[i - 1]) && isDigit(raw[i + 1])))) {
      if (i > from) parts.push({ text: raw.slice(from, i), start: offset + from, end: offset + i });
      from = i + 1;
    }
  }
  if (raw.length > from) parts.push({ text: raw.slice(from), start: offset + from, end: offset + raw.length });
  return parts;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}

/** A line that opens with a label ("at-least-once: retries + …"): a list of definitions, one per line. */
function startsLabelledLine(text: string, start: number): boolean {
  return /^[\p{L}\p{N} .'/()+-]{1,40}:\s/u.test(text.slice(start, start + 42));
}

/** Tokenises and splits into sentences and clauses. Linear in the text length. */
export function analyseText(text: string): AnalysedText {
  // List markers at the start of a line ("- ", "* ", "1. ") are skipped and start a new sentence.
  const markers: Array<[number, number]> = [];
  for (const m of text.matchAll(LIST_MARKER_RE)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    markers.push([start, start + (m[3]?.length ?? 0)]);
  }
  let markerCursor = 0;

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentence = -1;
  let clause = -1;
  let prevEnd = 0;
  let prevRaw = "";
  let sentenceStartToken = 0;
  let sentenceStart = 0;

  const closeSentence = (gapAfterLast: string) => {
    if (sentence < 0 || tokens.length === sentenceStartToken) return;
    const last = tokens[tokens.length - 1]!;
    const trail = /^[^\s\p{L}\p{N}]*/u.exec(gapAfterLast)?.[0] ?? "";
    const punct = trail.replace(/[^.!?"”')\]]/g, "").length > 0 ? trail.length : 0;
    sentences.push({
      index: sentence,
      start: sentenceStart,
      end: last.end + punct,
      firstToken: sentenceStartToken,
      endToken: tokens.length,
      question: trail.includes("?"),
    });
  };

  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    const raw = m[0];
    // Skip words inside a list marker ("1." at the start of a line); a marker starts a new sentence.
    while (markerCursor < markers.length && markers[markerCursor]![1] <= prevEnd) markerCursor++;
    let markerBreak = false;
    let insideMarker = false;
    for (let i = markerCursor; i < markers.length && markers[i]![0] <= start; i++) {
      const [ms, me] = markers[i]!;
      if (ms >= prevEnd) markerBreak = true;
      if (start >= ms && start < me) insideMarker = true;
    }
    if (insideMarker) continue;

    let negative = false;
    if (isDigit(raw[0]) && text[start - 1] === "-" && (start - 1 === 0 || /[\s=:(]/.test(text[start - 2] ?? " "))) {
      negative = true;
    }
    const gapStart = prevEnd;
    const gapEnd = negative ? start - 1 : start;
    const gap = text.slice(gapStart, gapEnd);

    // Most gaps are one space, which breaks nothing: the gap tests below are skipped for them.
    const plainGap = gap === " ";
    let sentenceBreak = sentence < 0 || markerBreak;
    if (!sentenceBreak && !plainGap && SENTENCE_END_RE.test(gap) && !ABBREVIATIONS.has(prevRaw.toLowerCase())) sentenceBreak = true;
    // A new line starts a sentence unless it continues wrapped prose in lower case; a markdown table
    // row always starts one.
    if (!sentenceBreak && !plainGap && gap.includes("\n") && (/\n\s*\n/.test(gap) || /\n\s*\|/.test(gap) || !isLowerLetter(raw[0]) || startsLabelledLine(text, start))) sentenceBreak = true;

    if (sentenceBreak) {
      closeSentence(gap);
      sentence++;
      sentenceStartToken = tokens.length;
      sentenceStart = negative ? start - 1 : start;
    }
    const firstPartNorm = normaliseWord(raw);
    // "however many partitions", "however late it arrives": a degree, not a turn.
    const degree = firstPartNorm === "however" && DEGREE_AFTER_HOWEVER.test(text.slice(start + raw.length, start + raw.length + 12));
    let clauseBreak = sentenceBreak || (!plainGap && CLAUSE_GAP_RE.test(gap)) || (CLAUSE_WORDS.has(firstPartNorm) && !degree);
    // ", while" contrasts two statements ("Spark's sink is at-least-once, while Flink's…"); a bare "while"
    // is usually "during" and does not.
    let strong = sentenceBreak || (!plainGap && STRONG_GAP_RE.test(gap)) || (STRONG_WORDS.has(firstPartNorm) && !degree) || (firstPartNorm === "while" && gap.includes(","));
    if (clauseBreak) clause++;

    const parts = splitRaw(raw, start);
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      let n = normaliseWord(part.text);
      let partStart = part.start;
      if (p === 0 && negative) {
        n = `-${n}`;
        partStart = start - 1;
      }
      if (!n) continue;
      // A unit glued to its number ("1GB", "100ms", "30s") is two words, as when written with a space.
      const glued = !negative && /^\d/.test(n) && /[a-z]/.test(n) ? GLUED_UNIT_RE.exec(part.text) : null;
      if (glued?.[1] && glued[2] && glued[2].toLowerCase() !== "x") {
        const split = part.start + glued[1].length;
        tokens.push({ n: normaliseWord(glued[1]), start: partStart, end: split, sentence, clause, strongBreak: strong });
        tokens.push({ n: normaliseWord(glued[2]), start: split, end: part.end, sentence, clause, strongBreak: false });
      } else {
        tokens.push({ n, start: partStart, end: part.end, sentence, clause, strongBreak: strong });
      }
      strong = false;
      clauseBreak = false;
    }
    prevEnd = start + raw.length;
    prevRaw = raw;
  }
  closeSentence(text.slice(prevEnd));
  mergeNumbers(tokens);
  mergeNegatingPrefix(tokens);
  canonicalDefaults(tokens);
  if (tokens.length !== countTokens(sentences)) reindexSentences(tokens, sentences);
  return { text, tokens, sentences };
}

/** "2 hundred" → "200", "10 thousand" → "10000", "a million" → "1000000" (in place). */
function mergeNumbers(tokens: Token[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const next = tokens[i + 1]!;
    const mult = MULTIPLIERS.get(next.n);
    if (mult === undefined) continue;
    const cur = tokens[i]!;
    if (cur.sentence !== next.sentence) continue;
    const value = cur.n === "a" ? 1 : /^\d+(\.\d+)?$/.test(cur.n) ? Number(cur.n) : NaN;
    if (Number.isNaN(value)) continue;
    tokens.splice(i, 2, { ...cur, n: String(Math.round(value * mult)), end: next.end });
  }
}

/**
 * "non-overlapping", "non overlapping" → one word "nonoverlapping" (in place). Split off, "non" is not a negation
 * cue, so "overlap*" would match the very opposite of what the candidate said.
 */
function mergeNegatingPrefix(tokens: Token[]): void {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const cur = tokens[i]!;
    const next = tokens[i + 1]!;
    if (cur.n !== "non" || next.sentence !== cur.sentence || !/^[a-z]/.test(next.n)) continue;
    tokens.splice(i, 2, { ...cur, n: `non${next.n}`, end: next.end });
  }
}

/**
 * "out of the box" → "by default" (in place): the same claim in two wordings, so a pattern written with one
 * matches an answer written with the other. The two words keep the original offsets ("out of" / "the box").
 */
function canonicalDefaults(tokens: Token[]): void {
  for (let i = tokens.length - 4; i >= 0; i--) {
    if (tokens[i]!.n !== "out" || tokens[i + 1]!.n !== "of" || tokens[i + 2]!.n !== "the" || tokens[i + 3]!.n !== "box") continue;
    if (tokens[i + 3]!.sentence !== tokens[i]!.sentence) continue;
    const [out, of, the, box] = tokens.slice(i, i + 4) as [Token, Token, Token, Token];
    tokens.splice(i, 4, { ...out, n: "by", end: of.end }, { ...the, n: "default", start: the.start, end: box.end });
  }
}

function countTokens(sentences: Sentence[]): number {
  const last = sentences[sentences.length - 1];
  return last ? last.endToken : 0;
}

/** After merging tokens, sentence token ranges are recomputed from the tokens' sentence numbers. */
function reindexSentences(tokens: Token[], sentences: Sentence[]): void {
  let t = 0;
  for (const s of sentences) {
    s.firstToken = t;
    while (t < tokens.length && tokens[t]!.sentence === s.index) t++;
    s.endToken = t;
  }
}

/** Normalised words of a short phrase (used for rubric patterns and phrase lists). */
export function normalisePhrase(phrase: string): string[] {
  return analyseText(phrase).tokens.map((token) => token.n);
}

/**
 * Every match of a global regex in `text`. Unlike String.prototype.matchAll it does not copy the regex
 * first, which for the stance and negation patterns run on every sentence cost more than the matching.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return found;
}

/**
 * A sentence's normalised words joined by single spaces, for regular expressions over whole phrases,
 * and the way back from a character of that string to the token it belongs to.
 */
export function joinTokens(tokens: readonly { n: string }[], firstToken: number, endToken: number): { joined: string; tokenAt: (charIndex: number) => number } {
  let joined = "";
  const startsAt: number[] = [];
  for (let i = firstToken; i < endToken; i++) {
    if (i > firstToken) joined += " ";
    startsAt.push(joined.length);
    joined += tokens[i]!.n;
  }
  const tokenAt = (charIndex: number) => {
    let lo = 0;
    let hi = startsAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (startsAt[mid]! <= charIndex) lo = mid;
      else hi = mid - 1;
    }
    return firstToken + lo;
  };
  return { joined, tokenAt };
}
