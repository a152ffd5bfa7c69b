// Where the answer denies something, and where it talks about a different system.
//
// Three kinds of signal, all computed once per answer on the normalised tokens:
//  - local cues: not, never, no, don't, doesn't, isn't, can't, cannot, won't, without, nor, nothing,
//    "rather than", "instead of", "no longer" … A cue negates what follows it in the same clause
//    (up to NEGATION_WINDOW words). "not only", "no matter", "whether or not", "no more than" (a limit)
//    are not cues.
//  - sentential cues: "it's a myth that", "a common mistake is to think", "it's not true that",
//    "people assume" … negate everything up to the next strong break (";", "but", "however", "in fact").
//    Trailing ones ("… is a myth", "… is wrong") negate back to the previous strong break.
//  - contrast: "unlike", "whereas", "compared to", "as opposed to", "in contrast"; and elliptical
//    denials ("…, but Kafka doesn't."). These only matter for misconceptions: a wrong claim attributed
//    to another system ("RabbitMQ deletes messages once they are read") is not the candidate's claim.
//  - concession: "whether or not", "regardless of", "irrespective of", "no matter". Also only for
//    misconceptions, and only between the terms of a match: "deleted after seven days whether or not
//    anyone consumed them" denies the link the misconception asserts. ("even if" is not one: "charged
//    only once even if the consumer retries" still makes the claim.)
import type { AnalysedText } from "./normalise";

export const NEGATION_WINDOW = 8;

const SINGLE_CUES = new Set([
  "not", "never", "no", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without", "cannot",
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt", "shouldnt",
  "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint", "nope",
]);
/** Two-word cues: [first, second]. */
const PAIR_CUES: Array<[string, string]> = [
  ["rather", "than"],
  ["instead", "of"],
  ["far", "from"],
];
/** A cue followed by one of these is not a negation ("not only", "no matter", "no more than"). */
const NOT_A_CUE_AFTER: Record<string, Set<string>> = {
  not: new Set(["only", "just", "least", "merely", "more", "fewer", "less", "exceed", "exceeding"]),
  no: new Set(["matter", "doubt", "more", "less", "fewer", "later", "earlier", "sooner", "problem"]),
  nothing: new Set(["but", "more", "else"]),
  never: new Set(["mind"]),
};
const CONTRAST_SINGLE = new Set(["unlike", "whereas", "versus", "vs", "while", "contrast", "contrasted"]);
const CONTRAST_PAIRS: Array<[string, string]> = [
  ["compared", "to"],
  ["compared", "with"],
  ["opposed", "to"],
  ["different", "from"],
  ["differs", "from"],
  ["different", "to"],
  ["different", "than"],
];

const FORWARD_SENTENTIAL = [
  /\b(?:a |the )?(?:common |popular |classic |big )?(?:myth|misconception|misunderstanding|mistake|fallacy) (?:is )?(?:that|to think|to believe|to assume|to say)\b/g,
  /\b(?:not|isnt|never|nt) (?:really )?(?:true|correct|right|the case|accurate) that\b/g,
  /\b(?:false|wrong|incorrect|untrue|inaccurate|misleading) (?:that|to say|to think|to assume|to believe|to claim)\b/g,
  /\b(?:people|many people|some people|candidates|folks|beginners|juniors|newcomers|some) (?:often |sometimes |wrongly |mistakenly |incorrectly )?(?:think|assume|believe|claim|say|imagine|expect)\b/g,
  /\b(?:you|1) (?:might|may|would|could) (?:think|assume|expect|imagine)\b/g,
  /\b(?:contrary to|mistakenly|wrongly|incorrectly|misconception)\b/g,
];
const TRAILING_SENTENTIAL = [
  /\b(?:is|are|was|thats|its) (?:a |an |just a |simply a |the )?(?:common |popular |classic |big )?(?:myth|misconception|misunderstanding|mistake|fallacy|wrong|false|incorrect|untrue|not true|not correct|not the case)\b/g,
];
const ELLIPSIS_EXCEPTIONS = new Set(["whether"]);
const CONCESSIVE_SINGLE = new Set(["regardless", "irrespective", "irrespectively"]);

export interface NegationInfo {
  /** 1 where a local negation cue starts (multi-word cues mark their first word). */
  cue: Uint8Array;
  /** 1 where a token lies inside the scope of a sentential negation. */
  sentential: Uint8Array;
  /** 1 where a contrast cue sits. */
  contrast: Uint8Array;
  /** Per sentence: contains an elliptical denial ("…, but Kafka doesn't."). */
  elliptical: Uint8Array;
  /** 1 where a concession starts ("whether or not", "regardless of", "irrespective of", "no matter"). */
  concessive: Uint8Array;
}

export function analyseNegation(analysed: AnalysedText): NegationInfo {
  const { tokens, sentences } = analysed;
  const count = tokens.length;
  const cue = new Uint8Array(count);
  const sentential = new Uint8Array(count);
  const contrast = new Uint8Array(count);
  const elliptical = new Uint8Array(sentences.length);
  const concessive = new Uint8Array(count);

  for (let i = 0; i < count; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const sameSentenceNext = next && next.sentence === t.sentence ? next : undefined;
    if (SINGLE_CUES.has(t.n)) {
      const exceptions = NOT_A_CUE_AFTER[t.n];
      const prev = tokens[i - 1];
      const whetherOrNot = t.n === "not" && prev?.n === "or" && tokens[i - 2]?.n === "whether";
      const ifNot = t.n === "not" && prev?.n === "if";
      if (!(sameSentenceNext && exceptions?.has(sameSentenceNext.n)) && !whetherOrNot && !ifNot) cue[i] = 1;
    } else if (sameSentenceNext) {
      for (const [a, b] of PAIR_CUES) if (t.n === a && sameSentenceNext.n === b) cue[i] = 1;
    }
    if (sameSentenceNext) {
      const third = tokens[i + 2]?.sentence === t.sentence ? tokens[i + 2] : undefined;
      if (CONCESSIVE_SINGLE.has(t.n)) concessive[i] = 1;
      else if (t.n === "whether" && sameSentenceNext.n === "or" && third?.n === "not") concessive[i] = 1;
      else if (t.n === "no" && sameSentenceNext.n === "matter") concessive[i] = 1;
    }
    if (CONTRAST_SINGLE.has(t.n)) contrast[i] = 1;
    else if (sameSentenceNext) {
      for (const [a, b] of CONTRAST_PAIRS) if (t.n === a && sameSentenceNext.n === b) contrast[i] = 1;
      if (t.n === "in" && sameSentenceNext.n === "contrast") contrast[i] = 1;
    }
  }

  for (const sentence of sentences) {
    const { firstToken, endToken } = sentence;
    // Elliptical denial: a cue that closes its clause ("Kafka doesn't.", "but not Kafka.").
    for (let i = firstToken; i < endToken; i++) {
      if (!cue[i]) continue;
      const clause = tokens[i]!.clause;
      const after = i + 1 < endToken && tokens[i + 1]!.clause === clause ? 1 : 0;
      const after2 = after && i + 2 < endToken && tokens[i + 2]!.clause === clause ? 1 : 0;
      const before = tokens[i - 1];
      if (before && ELLIPSIS_EXCEPTIONS.has(before.n)) continue;
      if (!after || (tokens[i]!.n === "not" && !after2)) elliptical[sentence.index] = 1;
    }
    // Sentential negation, found with regular expressions over the sentence's normalised words.
    let joined = "";
    const startsAt: number[] = [];
    for (let i = firstToken; i < endToken; i++) {
      if (i > firstToken) joined += " ";
      startsAt.push(joined.length);
      joined += tokens[i]!.n;
    }
    if (!/myth|misconception|misunderstanding|mistake|fallacy|true|correct|right|case|accurate|false|wrong|untrue|misleading|think|assume|believe|claim|say|imagine|expect|contrary|wrongly|incorrectly/.test(joined)) {
      continue;
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
    for (const re of FORWARD_SENTENTIAL) {
      re.lastIndex = 0;
      for (const m of joined.matchAll(re)) {
        const from = tokenAt(m.index ?? 0);
        let to = tokenAt((m.index ?? 0) + m[0].length - 1) + 1;
        while (to < endToken && !tokens[to]!.strongBreak) to++;
        for (let i = from; i < to; i++) sentential[i] = 1;
      }
    }
    for (const re of TRAILING_SENTENTIAL) {
      re.lastIndex = 0;
      for (const m of joined.matchAll(re)) {
        const to = tokenAt((m.index ?? 0) + m[0].length - 1) + 1;
        let from = tokenAt(m.index ?? 0);
        while (from > firstToken && !tokens[from]!.strongBreak) from--;
        for (let i = from; i < to; i++) sentential[i] = 1;
      }
    }
  }
  return { cue, sentential, contrast, elliptical, concessive };
}
