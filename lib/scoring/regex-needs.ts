// What a regular expression needs among a text's words, so that a set of expressions can skip, per text, the
// ones that cannot match it (stance.ts runs some sixty over every sentence and injection.ts some fifty over the
// whole answer; most answers hold the words of only a few).
//
// A need is worked out once from an expression's source. It lists alternatives; every match holds all the
// "words" of at least one of them: whole words (runs of [0-9A-Za-z_] with a non-word character or boundary on
// either side), the opening or ending of a longer word known on one side only, or a non-ASCII character.
// Whatever the reading cannot follow (flags, back-references, unknown syntax) only weakens a need, down to
// NOTHING_NEEDED (run always); it never adds a word a match may lack. Regex engines do this for their own
// prefilters (Rust's regex-syntax, Go's coregex), but no npm package we could find exposes it for JavaScript's
// RegExp, so it is written here; tests/unit/scoring/regex-needs.test.ts checks it against the expressions' matches.

export type Need = string[][];
export const NOTHING_NEEDED: Need = [[]];

/** In a shape (a sketch of what part of an expression matches): a zero-width word boundary (\b, ^, $). */
const BOUND = "\u0001";
/** In a shape: an unknown stretch, possibly empty, possibly of word characters. " " stands for any non-word character. */
const UNKNOWN = "\u0002";
/** How many shapes a piece keeps before they are cut down to what their last word leaves. */
const SHAPES_LIMIT = 1024;
/** How many alternatives a need keeps before it is weakened. */
const ALTERNATIVES_LIMIT = 2048;
/** How much of a word known on one side only is kept ("ignorier\w*" needs a word opening "igno"). */
const OPENING = 4;
const openingKey = (word: string) => UNKNOWN + word.slice(0, OPENING);
const endingKey = (word: string) => word.slice(-OPENING) + UNKNOWN;
/** [0-9A-Z_a-z]: the characters \w and \b go by. */
const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isDelimiter = (ch: string | undefined) => ch !== undefined && ch !== BOUND && ch !== UNKNOWN && !isWordCode(ch.charCodeAt(0));

/**
 * How often each word is written in the expressions: "really" or "just" fill many optional slots, "overkill" one.
 * Filled in by needIndexFor before the needs are worked out.
 */
const writtenCount = new Map<string, number>();
const rarestOf = (words: string[]) => words.reduce((a, b) => ((writtenCount.get(b) ?? 0) < (writtenCount.get(a) ?? 0) ? b : a));
const distinct = (need: Need): Need => [...new Map(need.map((words) => [words.join(" "), words])).values()];
/** Both needs: every pairing of their alternatives (a need that would make too many is left out, which only weakens). */
function allOf(needs: Need[]): Need {
  let out = NOTHING_NEEDED;
  for (const need of needs) {
    if (need !== NOTHING_NEEDED && out.length * need.length <= ALTERNATIVES_LIMIT) out = distinct(out.flatMap((a) => need.map((b) => [...new Set([...a, ...b])])));
  }
  return out;
}
/** Either need: their alternatives together (too many are cut down to their rarest words, which only weakens). */
function anyOf(needs: Need[]): Need {
  const out = distinct(needs.flat());
  if (out.some((words) => words.length === 0)) return NOTHING_NEEDED;
  return out.length <= ALTERNATIVES_LIMIT ? out : distinct(out.map((words) => [rarestOf(words)]));
}

function cross(left: Set<string>, right: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return out;
}
/** The words of one shape, with unknown text around it. */
function shapeNeed(shape: string): Need {
  const padded = UNKNOWN + shape + UNKNOWN;
  const words: string[] = [];
  for (let i = 0; i < padded.length; ) {
    if (!isWordCode(padded.charCodeAt(i))) {
      const code = padded.codePointAt(i)!;
      if (code > 0x7f) words.push(String.fromCodePoint(code));
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    let end = i;
    while (isWordCode(padded.charCodeAt(end))) end++;
    const word = padded.slice(i, end);
    const opens = padded[i - 1] !== UNKNOWN;
    const closes = padded[end] !== UNKNOWN;
    if (opens && closes) words.push(word);
    else if (word.length >= OPENING && (opens || closes)) words.push(opens ? openingKey(word) : endingKey(word));
    i = end;
  }
  return [words];
}
const shapesNeed = (shapes: Set<string>): Need => anyOf([...shapes].map(shapeNeed));
/** Shapes for an unknown stretch, opening or closing with a non-word character when all of `shapes` do. */
function summarised(shapes: Set<string>, mayBeEmpty: boolean): Set<string> {
  const filled = [...shapes].filter((shape) => shape !== "");
  const opens = filled.length > 0 && filled.every((shape) => isDelimiter(shape[0]));
  const closes = filled.length > 0 && filled.every((shape) => isDelimiter(shape.at(-1)));
  const out = new Set([`${opens ? " " : ""}${UNKNOWN}${closes ? " " : ""}`]);
  if (mayBeEmpty || shapes.has("")) out.add("");
  return out;
}
/** A shape from the character before its last word on: all that the words after it need to know. */
function tailOf(shape: string): string {
  let start = shape.length;
  while (start > 0 && !isWordCode(shape.charCodeAt(start - 1)) && shape[start - 1] !== UNKNOWN) start--;
  while (start > 0 && isWordCode(shape.charCodeAt(start - 1))) start--;
  return start > 1 ? UNKNOWN + shape.slice(start - 1) : shape;
}
/** What follows the letter of an escape that names a character by its code, or a property. */
const ESCAPE_REST: Record<string, RegExp> = { x: /^[0-9a-fA-F]{2}/, u: /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/, p: /^\{[^}]*\}/, P: /^\{[^}]*\}/, k: /^<[^>]*>/, c: /^[a-zA-Z]/ };

interface Piece {
  /** What the piece may match, as shapes: its characters, BOUND, UNKNOWN, " ". */
  shapes: Set<string>;
  /** What it needs beyond what its shapes show (read where the whole sequence is). */
  need: Need;
}

/** Reads an expression's source: alternation, groups, lookarounds, classes, escapes, quantifiers. */
export function needOf(re: RegExp): Need {
  // Case folding or multi-line anchors would change what the source's characters stand for.
  if (/[^gdu]/.test(re.flags)) return NOTHING_NEEDED;
  const source = re.source;
  let at = 0;
  const one = (shape: string): Piece => ({ shapes: new Set([shape]), need: NOTHING_NEEDED });
  const alternation = (): Piece => {
    const branches = [sequence()];
    while (source[at] === "|") {
      at++;
      branches.push(sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const shapes = new Set(branches.flatMap((branch) => [...branch.shapes]));
    if (shapes.size <= SHAPES_LIMIT) return { shapes, need: anyOf(branches.map((branch) => branch.need)) };
    return { shapes: summarised(shapes, false), need: anyOf(branches.map((branch) => allOf([branch.need, shapesNeed(branch.shapes)]))) };
  };
  const sequence = (): Piece => {
    let shapes = new Set([""]);
    const needs: Need[] = [];
    let run = ""; // single characters in a row ("overkill"), added in one go
    const addRun = () => {
      if (run) shapes = new Set([...shapes].map((shape) => shape + run));
      run = "";
    };
    while (at < source.length && source[at] !== "|" && source[at] !== ")") {
      const next = quantified();
      if (next.shapes.size === 1 && next.need === NOTHING_NEEDED) {
        run += [...next.shapes][0];
        continue;
      }
      addRun();
      needs.push(next.need);
      if (shapes.size * next.shapes.size > SHAPES_LIMIT) {
        shapes = new Set([...shapes].map(tailOf));
        if (shapes.size * next.shapes.size > SHAPES_LIMIT) shapes = new Set([UNKNOWN]);
      }
      shapes = cross(shapes, next.shapes);
    }
    addRun();
    return { shapes, need: allOf(needs) };
  };
  const quantified = (): Piece => {
    const piece = atom();
    const bounds = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(at));
    if (!bounds) return piece;
    at += bounds[0].length;
    const q = bounds[0][0];
    const min = q === "?" || q === "*" ? 0 : q === "+" ? 1 : Number(bounds[1]);
    const max = q === "?" ? 1 : q === "*" || q === "+" ? Infinity : bounds[2] === undefined ? min : bounds[3] ? Number(bounds[3]) : Infinity;
    if (max === 1) return min === 1 ? piece : { shapes: new Set([...piece.shapes, ""]), need: NOTHING_NEEDED };
    return { shapes: summarised(piece.shapes, min === 0), need: min === 0 ? NOTHING_NEEDED : allOf([piece.need, shapesNeed(piece.shapes)]) };
  };
  const atom = (): Piece => {
    const ch = source[at++]!;
    if (ch === "(") {
      const lookaround = /^\?<?[=!]/.exec(source.slice(at));
      if (lookaround) at += lookaround[0].length;
      else if (source.startsWith("?:", at)) at += 2;
      else if (source[at] === "?") throw new Error("unsupported group");
      const inner = alternation();
      if (source[at++] !== ")") throw new Error("unbalanced group");
      // What a lookahead sees is in the text too, though not in the match.
      if (lookaround) return { shapes: new Set([""]), need: lookaround[0] === "?=" ? allOf([inner.need, shapesNeed(inner.shapes)]) : NOTHING_NEEDED };
      return inner;
    }
    if (ch === "[") {
      const listed: string[] = [];
      let plainList = source[at] !== "^";
      if (source[at] === "^" || source[at] === "]") listed.push(source[at++]!);
      while (source[at] !== "]") {
        if (at >= source.length) throw new Error("unclosed class");
        let c = source[at++]!;
        if (c === "\\") {
          c = source[at++]!;
          if (/[a-zA-Z0-9]/.test(c)) plainList = false;
        } else if ((c === "-" && source[at] !== "]") || c.charCodeAt(0) > 0x7f) plainList = false;
        listed.push(c);
      }
      at++;
      if (plainList && listed.length <= 4) return { shapes: new Set(listed), need: NOTHING_NEEDED };
      return one(plainList && listed.every(isDelimiter) ? " " : UNKNOWN);
    }
    if (ch === "\\") {
      const escaped = source[at++]!;
      if (escaped === "b") return one(BOUND);
      if (escaped === "B") return one("");
      if ("sWntrfv".includes(escaped)) return one(" ");
      if (!/[a-zA-Z0-9]/.test(escaped)) return one(escaped);
      at += ESCAPE_REST[escaped]?.exec(source.slice(at))?.[0].length ?? 0; // \d, \w, \1, \x41, \u{41}, \p{L}…
      return one(UNKNOWN);
    }
    if (ch === "^" || ch === "$") return one(BOUND);
    if (ch === ".") return one(UNKNOWN);
    if ("|)?*+{".includes(ch)) throw new Error(`unexpected ${ch}`);
    const code = ch.charCodeAt(0);
    return one(code >= 0xd800 && code <= 0xdbff ? ch + source[at++] : ch);
  };
  try {
    const whole = alternation();
    return at === source.length ? allOf([whole.need, shapesNeed(whole.shapes)]) : NOTHING_NEEDED;
  } catch {
    return NOTHING_NEEDED;
  }
}

const WORD_OR_NON_ASCII = /\w+|[^\x00-\x7f]/gu;
const HELD_CACHE_LIMIT = 50_000;

/**
 * Which of several needs an answer meets. Every word a need names gets a number; an answer's tokens are read once
 * for the numbers of the words they hold (cached per token: the same words recur in every answer), and a need's
 * alternatives, filed under their rarest word, are checked only when that word is present.
 */
export class NeedIndex {
  private readonly numbers = new Map<string, number>();
  private readonly alwaysMet: Uint8Array;
  /**
   * Per word number n, the alternatives whose rarest word it is, packed (objects scattered over the heap made
   * reading them the cost): filed[filedAt[n]] up to filed[filedAt[n + 1]] holds, per alternative, [need, word
   * count, word numbers…].
   */
  private readonly filedAt: Int32Array;
  private readonly filed: Int32Array;
  private readonly heldByToken = new Map<string, number[]>();

  constructor(needs: Need[]) {
    this.alwaysMet = Uint8Array.from(needs, (need) => (need.some((words) => words.length === 0) ? 1 : 0));
    const byKey: number[][] = [];
    needs.forEach((need, k) => {
      for (const words of need) {
        if (words.length === 0) continue;
        const key = this.numberOf(rarestOf(words));
        (byKey[key] ??= []).push(k, words.length, ...words.map((word) => this.numberOf(word)));
      }
    });
    this.filedAt = new Int32Array(this.numbers.size + 1);
    for (let key = 0; key < this.numbers.size; key++) this.filedAt[key + 1] = this.filedAt[key]! + (byKey[key]?.length ?? 0);
    this.filed = Int32Array.from(byKey.flatMap((list) => list ?? []));
  }

  private numberOf(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) this.numbers.set(word, (n = this.numbers.size));
    return n;
  }

  /** The numbers of the words, openings and endings in a token that some need names. */
  private heldBy(token: string): number[] {
    let held = this.heldByToken.get(token);
    if (held === undefined) {
      const keys = (token.match(WORD_OR_NON_ASCII) ?? []).flatMap((word) => (word.length >= OPENING ? [word, openingKey(word), endingKey(word)] : [word]));
      held = keys.flatMap((key) => this.numbers.get(key) ?? []);
      if (this.heldByToken.size >= HELD_CACHE_LIMIT) this.heldByToken.clear();
      this.heldByToken.set(token, held);
    }
    return held;
  }

  /** Per need, whether some stretch of these tokens joined by spaces (a sentence, as joinTokens makes it) may meet it. */
  met(tokens: readonly { n: string }[]): Uint8Array {
    for (const token of tokens) this.mark(token.n);
    return this.collect();
  }

  /** The same for words already split out (e.g. a text split at its spaces). */
  metByWords(words: readonly string[]): Uint8Array {
    for (const word of words) this.mark(word);
    return this.collect();
  }

  // The words present in the text being read, reused across calls (stance.ts asks once per sentence, and a
  // fresh array per call zeroed as many slots as the expressions have words): `presentList` says which to clear.
  private present = new Uint8Array(0);
  private readonly presentList: number[] = [];

  private mark(token: string): void {
    if (this.present.length < this.numbers.size) this.present = new Uint8Array(this.numbers.size);
    for (const n of this.heldBy(token)) {
      if (this.present[n]) continue;
      this.present[n] = 1;
      this.presentList.push(n);
    }
  }

  private collect(): Uint8Array {
    const { present, presentList, filed, filedAt } = this;
    const met = this.alwaysMet.slice();
    for (const key of presentList) {
      for (let f = filedAt[key]!, end = filedAt[key + 1]!; f < end; ) {
        const need = filed[f]!;
        const wordsEnd = f + 2 + filed[f + 1]!;
        if (!met[need]) {
          let all = true;
          for (let w = f + 2; w < wordsEnd && all; w++) all = present[filed[w]!] === 1;
          if (all) met[need] = 1;
        }
        f = wordsEnd;
      }
    }
    for (const key of presentList) present[key] = 0;
    presentList.length = 0;
    return met;
  }
}

// One index per set of expressions per process, on globalThis like the compiled catalogue (compile.ts): Next
// bundles lib/ into several layers, and working the needs out takes ~0.1 s cold, which the start-up warm-up
// should pay once for all of them, not each layer's first answer.
const globalForNeeds = globalThis as unknown as { offsetRegexNeeds?: Map<string, NeedIndex> };

/** The index of what each expression needs, in order (NeedIndex.met answers per expression); built once per set. */
export function needIndexFor(expressions: readonly RegExp[]): NeedIndex {
  const signature = expressions.map((re) => `${re.flags}/${re.source}`).join("\n");
  const shared = (globalForNeeds.offsetRegexNeeds ??= new Map());
  let index = shared.get(signature);
  if (!index) {
    writtenCount.clear();
    for (const word of expressions.flatMap((re) => re.source.match(/\w+/g) ?? [])) writtenCount.set(word, (writtenCount.get(word) ?? 0) + 1);
    shared.set(signature, (index = new NeedIndex(expressions.map(needOf))));
  }
  return index;
}
