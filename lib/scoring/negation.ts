// Where the answer denies something, and where it talks about a different system.
//
// Three kinds of signal, all computed once per answer on the normalised tokens:
//  - local cues: not, never, no, don't, doesn't, isn't, can't, cannot, won't, without, nor, nothing,
//    "rather than", "instead of", "no longer" … A cue negates what follows it in the same clause
//    (up to NEGATION_WINDOW words). "not only", "no matter", "whether or not", "no more than" (a limit)
//    are not cues.
//  - sentential cues: "it's a myth that", "a common mistake is to think", "it's not true that",
//    "people assume" … negate everything up to the next strong break (";", "but", "however", "in fact").
//    Trailing ones ("… is a myth", "… is wrong") negate back to the previous strong break, or to a clause
//    of their own ("…, so anyone who says X is wrong"); a setting's value ("… is false by default") is none.
//  - contrast: "unlike", "whereas", "compared to", "as opposed to", "in contrast"; and elliptical
//    denials ("…, but Kafka doesn't.", "…, not Kafka."). These only matter for misconceptions: a wrong claim
//    attributed to another system ("RabbitMQ deletes messages once they are read") is not the candidate's
//    claim. A corrective contrast ("Consumers pull, not push.") is not one: its first clause is asserted.
//  - concession: "whether or not", "regardless of", "irrespective of", "no matter". Also only for
//    misconceptions, and only between the terms of a match: "deleted after seven days whether or not
//    anyone consumed them" denies the link the misconception asserts. ("even if" is not one: "charged
//    only once even if the consumer retries" still makes the claim.)
import { allMatches, type AnalysedText, joinTokens } from "./normalise";

export const NEGATION_WINDOW = 8;

const SINGLE_CUES = new Set([
  "not", "never", "no", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without", "cannot",
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt", "shouldnt",
  "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint", "nope",
  // "Events rarely arrive in the order they happened": a generalisation denied, not made.
  "rarely", "seldom",
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
  // "nothing beats a failover drill" praises it
  nothing: new Set(["but", "more", "else", "beats", "compares", "replaces", "tops"]),
  never: new Set(["mind"]),
};
// "while" is left out: it is far more often "during" ("pause processing while it checkpoints") than a contrast.
const CONTRAST_SINGLE = new Set(["unlike", "whereas", "versus", "vs", "contrast", "contrasted"]);
const CONTRAST_PAIRS: Array<[string, string]> = [
  ["compared", "to"],
  ["compared", "with"],
  ["opposed", "to"],
  ["different", "from"],
  ["differs", "from"],
  ["different", "to"],
  ["different", "than"],
  // An exception names what the statement is NOT about: "joins other than GlobalKTable joins need co-partitioning".
  ["other", "than"],
  ["apart", "from"],
  ["aside", "from"],
  ["except", "for"],
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
  /\b(?:is|are|was|thats|its) (?:a |an |just a |simply a |the |another |the other |the usual |the biggest |the real )?(?:common |popular |classic |big |other )?(?:myth|misconception|misunderstanding|mistake|fallacy|wrong|false|incorrect|untrue|not true|not correct|not the case)\b/g,
];
/** After a cue, words of replacing: "no substitute for X", "can't replace X", "isn't a replacement for X" (see deniesReplacement). */
const REPLACEMENT_WORDS = new Set(["substitute", "substitutes", "replace", "replaces", "replacement", "alternative"]);
const ARTICLE_OR_HEDGE = new Set(["a", "an", "really", "actually", "fully", "quite", "good", "real"]);
const ELLIPSIS_EXCEPTIONS = new Set(["whether"]);
const OBJECT_NEGATIVES = new Set(["nothing", "none", "nobody", "nowhere", "neither"]);
/** How far back a negation denies a "without" ("nobody should ship a stateful Flink job without…"). */
const DOUBLE_NEGATION_REACH = 8;
/** What goes wrong in a counterfactual "Without X, …" (loses, twice, never closes, has to repartition…). */
const BREAKS_WITHOUT = new Set([
  "lose", "loses", "lost", "losing", "duplicate", "duplicates", "duplicated", "twice", "again", "stall", "stalls", "stuck", "fail", "fails",
  "break", "breaks", "crash", "crashes", "corrupt", "corrupts", "block", "blocks", "cant", "cannot", "wouldnt", "risk", "risks", "halt", "halts",
  "silently", "forever", "unbounded", "grow", "grows", "must", "dropped", "drops", "hang", "hangs", "miss", "misses", "missed",
  "impossible",
]);
/** After "never", what says all is well rather than what breaks ("we never had a problem", "nobody ever noticed"). */
const ALL_WELL_AFTER_NEVER = new Set(["had", "have", "needed", "need", "missed", "miss", "noticed", "saw", "seen", "looked", "bothered", "cared"]);
/** "…has to repartition", "…windows never close" (not "we never had a problem", which says all is well). */
const breaksWithout = (tokens: AnalysedText["tokens"], j: number): boolean => {
  const n = tokens[j]!.n;
  if (n === "has" || n === "have") return tokens[j + 1]?.n === "to";
  if (n === "never") return !ALL_WELL_AFTER_NEVER.has(tokens[j + 1]?.n ?? "");
  return BREAKS_WITHOUT.has(n);
};
/** Verbs of taking something away: negating one affirms its object ("never disable idempotence"). */
export const REMOVAL_VERBS = new Set([
  "skip", "skipping", "drop", "dropping", "disable", "disabling", "turn", "turning", "switch", "switching", "ignore", "ignoring",
  "avoid", "avoiding", "remove", "removing", "lose", "losing", "forget", "forgetting", "bypass", "bypassing", "underestimate", "compromise",
]);
const ELLIPSIS_CONJUNCTIONS = new Set(["but", "and", "or", "though", "yet"]);
const CONCESSIVE_SINGLE = new Set(["regardless", "irrespective", "irrespectively"]);

/**
 * A question asked to make a point for a practice: "Why would you run a stateful job without checkpoints?", "What's the
 * alternative to monitoring lag, hearing about it from support?". It claims what it asks about (match.ts), and its
 * "without" is denied (the question is a "nobody would").
 */
export function affirmsByAsking(analysed: AnalysedText, sentenceIndex: number): boolean {
  const { tokens, sentences } = analysed;
  const sentence = sentences[sentenceIndex];
  if (!sentence?.question) return false;
  const at = (k: number) => (sentence.firstToken + k < sentence.endToken ? tokens[sentence.firstToken + k]!.n : "");
  let k = 0;
  while (["so", "but", "and", "honestly", "seriously", "i", "mean"].includes(at(k))) k++;
  if (at(k) === "why" && ["would", "should", "on", "in"].includes(at(k + 1))) {
    for (let j = sentence.firstToken + k; j < sentence.endToken; j++) if (tokens[j]!.n === "without") return true;
    return false;
  }
  // "What's the alternative to X, <a worse way>?"
  if ((at(k) === "whats" || (at(k) === "what" && ["is", "s"].includes(at(k + 1)))) && at(k + (at(k) === "whats" ? 1 : 2)) === "the" && at(k + (at(k) === "whats" ? 2 : 3)) === "alternative") {
    for (let j = sentence.firstToken + k + 3; j < sentence.endToken; j++) if (tokens[j]!.clause !== tokens[sentence.firstToken + k]!.clause) return true;
  }
  return false;
}

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
  /**
   * SWITCHED_OFF for what the answer switches off ("turn auto-commit off", "disable X", "with X disabled"), and
   * OFF_SWITCH for the switching words themselves. A wrong claim about what X does is not made by a sentence
   * that turns X off ("turn auto commit off and commit after processing"), unless the claim is about switching it off.
   */
  disabled: Uint8Array;
  /**
   * 1 on a cue that negates a verb of removal ("never disable", "don't skip"), on both cues of a denied "without"
   * ("never run without"), and on a "Without X, …" that goes on to what breaks: it affirms the practice named after it.
   */
  deniesRemoval: Uint8Array;
}

/** Words after a corrective "not" that name who or what does something, so the clause before it is said of another. */
const SYSTEM_NAMES = new Set([
  "kafka", "flink", "spark", "rabbitmq", "rabbit", "zookeeper", "kraft", "pulsar", "kinesis", "sqs", "activemq", "jms", "storm", "samza",
  "beam", "redis", "nats", "ksqldb", "debezium",
]);
const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "they", "he", "she", "us", "them", "me", "ours", "theirs", "yours", "mine", "others"]);

/**
 * "Consumers pull, not push.", "ordering holds per partition, not globally", "…, not which window it lands in": a "not"
 * that opens its clause right after a comma (no conjunction before it) corrects the clause before it, which stays
 * asserted; the cue itself denies what follows it. When the word after it names someone ("Some brokers push, not
 * Kafka."), the clause before is said of someone else: an elliptical denial.
 */
function correctsContrast(analysed: AnalysedText, i: number): boolean {
  const { tokens, text } = analysed;
  const before = tokens[i - 1];
  const named = tokens[i + 1];
  if (!before || !named || before.sentence !== tokens[i]!.sentence || named.sentence !== tokens[i]!.sentence) return false;
  if (before.clause === tokens[i]!.clause || !text.slice(before.end, tokens[i]!.start).includes(",")) return false;
  if (text.slice(tokens[i]!.end, named.start).trim() !== "" || SYSTEM_NAMES.has(named.n) || SUBJECT_PRONOUNS.has(named.n)) return false;
  // A capital inside the sentence marks a proper name: "…, not Pulsar."
  const first = text[named.start] ?? "";
  return first.toLowerCase() === first;
}

/** "records not yet replicated": "yet" opens a clause only as a conjunction; right after "not" it is "so far". */
function notYet(analysed: AnalysedText, i: number): boolean {
  const { tokens, text } = analysed;
  const next = tokens[i + 1];
  return tokens[i]!.n === "not" && next?.n === "yet" && next.sentence === tokens[i]!.sentence && text.slice(tokens[i]!.end, next.start).trim() === "";
}

/** A raw word written as a setting's name: "enable.auto.commit", "enable_idempotence". */
const SETTING_NAME_RE = /[\p{L}\p{N}][._][\p{L}\p{N}]/u;

/**
 * "enable.auto.commit is false by default": a "false" that is the value of a setting (after a setting's name, or
 * before "by default") states what the setting holds; it is no verdict on the words before it.
 */
function settingValue(analysed: AnalysedText, copula: number, verdict: number): boolean {
  const { tokens, text } = analysed;
  if (tokens[verdict]!.n !== "false") return false;
  const next = tokens[verdict + 1];
  const nextInSentence = next && next.sentence === tokens[verdict]!.sentence ? next.n : "";
  if (nextInSentence === "default" || (nextInSentence === "by" && tokens[verdict + 2]?.n === "default")) return true;
  const subject = tokens[copula - 1];
  if (!subject || subject.sentence !== tokens[copula]!.sentence) return false;
  // The raw word the subject's last part belongs to: its text back to the previous space.
  const rawStart = text.lastIndexOf(" ", subject.end - 1) + 1;
  return SETTING_NAME_RE.test(text.slice(rawStart, subject.end));
}

/** Conjunctions after which a clause makes a statement of its own ("…, so anyone who says X is wrong"). */
const NEW_STATEMENT_AFTER = new Set(["so", "and", "because", "since"]);
/** Words that point back at what was said before ("…, and that's a myth", "…, which is wrong"). */
const POINTS_BACK = new Set(["that", "thats", "this", "it", "its", "which", "all", "both", "these", "those", "everything"]);

/**
 * "Ordering holds only within a partition, so anyone who calls the topic ordered is wrong": a trailing verdict whose
 * clause opens on "so" / "and" / "because" and names its own subject judges that subject, not the clause before it.
 * ("…, and that is a myth" points back, and reaches it.)
 */
function opensOwnVerdict(analysed: AnalysedText, k: number, copula: number): boolean {
  const { tokens } = analysed;
  const previous = tokens[k - 1];
  if (!previous || previous.clause === tokens[k]!.clause || !NEW_STATEMENT_AFTER.has(tokens[k]!.n)) return false;
  return k + 1 < copula && !POINTS_BACK.has(tokens[k + 1]!.n);
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
      // "not more than a filter" denies; "no more than 12 consumers" sets a limit.
      const third = tokens[i + 3]?.sentence === t.sentence ? tokens[i + 3]!.n : "";
      const deniesComparison = t.n === "not" && sameSentenceNext?.n === "more" && tokens[i + 2]?.n === "than" && ["a", "an", "just", "merely", "simply", "the"].includes(third);
      if ((deniesComparison || !(sameSentenceNext && exceptions?.has(sameSentenceNext.n))) && !whetherOrNot && !ifNot) cue[i] = 1;
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

  // "Never turn off idempotence", "don't skip the savepoint": a cue that negates a verb of removal affirms
  // the practice after it (for points to earn); a wrong claim ("you can never remove partitions") stays denied.
  const deniesRemoval = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if (!cue[i]) continue;
    for (let k = i + 1; k <= i + 3 && k < count && tokens[k]!.clause === tokens[i]!.clause; k++) {
      // "is no substitute for static membership", "can't replace lag alerts", "doesn't replace transactions": a denied
      // replacement says the practice is needed (for points to earn; "Kafka doesn't replace a database" stays denied).
      if (REMOVAL_VERBS.has(tokens[k]!.n) || (REPLACEMENT_WORDS.has(tokens[k]!.n) && (k === i + 1 || ARTICLE_OR_HEDGE.has(tokens[i + 1]!.n)))) {
        deniesRemoval[i] = 1;
        break;
      }
    }
  }

  // "I would never run without lag alerts", "nobody should ship a stateful job without checkpointing": a denied
  // "without" is a double negation, and both cues affirm what follows. "Without idempotence, a retry writes the batch
  // twice": a sentence that opens on "without" and goes on to what breaks is a counterfactual for the practice.
  for (let i = 0; i < count; i++) {
    if (!cue[i] || tokens[i]!.n !== "without") continue;
    const sentence = sentences[tokens[i]!.sentence]!;
    if (affirmsByAsking(analysed, sentence.index)) deniesRemoval[i] = 1;
    for (let k = i - 1; k >= i - DOUBLE_NEGATION_REACH && k >= sentence.firstToken && !tokens[k + 1]!.strongBreak; k--) {
      if (!cue[k] || !NEGATING_WORDS.has(tokens[k]!.n)) continue;
      deniesRemoval[i] = deniesRemoval[k] = 1;
      break;
    }
    if (i === sentence.firstToken) {
      for (let j = i + 2; j < sentence.endToken && !tokens[j]!.strongBreak; j++) {
        if (!breaksWithout(tokens, j)) continue;
        deniesRemoval[i] = 1;
        break;
      }
    }
  }

  for (const sentence of sentences) {
    const { firstToken, endToken } = sentence;
    // Elliptical denial: a cue that closes its clause ("Kafka doesn't.", "but not Kafka.").
    for (let i = firstToken; i < endToken; i++) {
      // "…loses nothing." ends on an object, not an elliptical denial ("…, but Kafka doesn't.").
      if (!cue[i] || OBJECT_NEGATIVES.has(tokens[i]!.n)) continue;
      const clause = tokens[i]!.clause;
      const after = i + 1 < endToken && tokens[i + 1]!.clause === clause ? 1 : 0;
      const after2 = after && i + 2 < endToken && tokens[i + 2]!.clause === clause ? 1 : 0;
      const before = tokens[i - 1];
      if (before && ELLIPSIS_EXCEPTIONS.has(before.n)) continue;
      // "…the least loaded broker, in sync or not." names both cases (a "regardless"), denying neither.
      if (!after && tokens[i]!.n === "not" && before?.n === "or" && before.clause === clause) continue;
      // "…, but Kafka doesn't." / "…, but not Kafka.": a bare "not" with one word after it is elliptical only
      // after a conjunction or at the start of its clause ("are not compacted." is a plain claim).
      const bareNot = tokens[i]!.n === "not" && !after2 && (!before || before.clause !== clause || ELLIPSIS_CONJUNCTIONS.has(before.n));
      // "Consumers pull, not push." corrects its clause rather than denying it of someone else.
      if (tokens[i]!.n === "not" && (correctsContrast(analysed, i) || notYet(analysed, i))) continue;
      if (!after || bareNot) elliptical[sentence.index] = 1;
    }
    // Sentential negation, found with regular expressions over the sentence's normalised words.
    const { joined, tokenAt } = joinTokens(tokens, firstToken, endToken);
    if (!/myth|misconception|misunderstanding|mistake|fallacy|true|correct|right|case|accurate|false|wrong|untrue|misleading|think|assume|believe|claim|say|imagine|expect|contrary|wrongly|incorrectly/.test(joined)) {
      continue;
    }
    for (const re of FORWARD_SENTENTIAL) {
      re.lastIndex = 0;
      for (const m of allMatches(re, joined)) {
        const from = tokenAt(m.index ?? 0);
        let to = tokenAt((m.index ?? 0) + m[0].length - 1) + 1;
        while (to < endToken && !tokens[to]!.strongBreak) to++;
        for (let i = from; i < to; i++) sentential[i] = 1;
      }
    }
    for (const re of TRAILING_SENTENTIAL) {
      re.lastIndex = 0;
      for (const m of allMatches(re, joined)) {
        const to = tokenAt((m.index ?? 0) + m[0].length - 1) + 1;
        let from = tokenAt(m.index ?? 0);
        if (settingValue(analysed, from, to - 1)) continue;
        const copula = from;
        while (from > firstToken && !tokens[from]!.strongBreak && !opensOwnVerdict(analysed, from, copula)) from--;
        for (let i = from; i < to; i++) sentential[i] = 1;
      }
    }
  }
  return { cue, sentential, contrast, elliptical, concessive, disabled: switchedOff(analysed), deniesRemoval };
}

/** In NegationInfo.disabled: the words that switch something off, and what they switch off. */
export const OFF_SWITCH = 2;
export const SWITCHED_OFF = 1;
const OFF_VERBS = new Set(["turn", "turns", "turned", "turning", "switch", "switches", "switched", "switching", "set", "sets", "setting", "leave", "leaves", "left", "keep", "keeps", "kept", "lowered", "lower", "reduced", "reduce"]);
/** What an OFF verb may switch something to ("set the grace period to zero", "turn compaction off"). */
const OFF_VALUES = new Set(["off", "0", "zero", "false", "none", "blank", "unset", "disabled", "empty"]);
const DISABLE_VERBS = new Set(["disable", "disables", "disabled", "disabling"]);
/** Words that deny the verb after them (a lexical check: the cue itself may have been cleared above). */
export const NEGATING_WORDS = new Set(["never", "not", "dont", "doesnt", "didnt", "cant", "cannot", "shouldnt", "wouldnt", "mustnt", "nobody", "no", "none", "wont"]);
/** How far the thing switched off reaches: "turn [enable auto commit] off", "disable [auto commit]". */
const OFF_REACH = 5;

function switchedOff(analysed: AnalysedText): Uint8Array {
  const { tokens } = analysed;
  const disabled = new Uint8Array(tokens.length);
  const sameClause = (a: number, b: number) => tokens[a] && tokens[b] && tokens[a]!.clause === tokens[b]!.clause;
  const mark = (k: number) => {
    if (!disabled[k]) disabled[k] = SWITCHED_OFF;
  };
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i]!.n;
    if (!DISABLE_VERBS.has(n) && !OFF_VERBS.has(n)) continue;
    // "never disable X", "don't turn X off": not switched off at all.
    let denied = false;
    for (let k = i - 1; k >= i - 3 && k >= 0 && tokens[k]!.clause === tokens[i]!.clause; k--) if (NEGATING_WORDS.has(tokens[k]!.n)) denied = true;
    if (denied) continue;
    if (DISABLE_VERBS.has(n)) {
      // "disable X" / "with X disabled": the words after the verb, and before a trailing "disabled".
      disabled[i] = OFF_SWITCH;
      for (let k = i + 1; k <= i + OFF_REACH && sameClause(i, k); k++) mark(k);
      for (let k = i - 1; k >= i - OFF_REACH && sameClause(i, k); k--) mark(k);
    } else if (OFF_VERBS.has(n)) {
      // "turn off X" / "turn X off"
      if (tokens[i + 1]?.n === "off" && sameClause(i, i + 1)) {
        disabled[i] = disabled[i + 1] = OFF_SWITCH;
        for (let k = i + 2; k <= i + 1 + OFF_REACH && sameClause(i, k); k++) mark(k);
      } else
        for (let k = i + 1; k <= i + OFF_REACH + 1 && sameClause(i, k); k++) {
          if (!OFF_VALUES.has(tokens[k]!.n)) continue;
          if (tokens[k]!.n !== "off" && !["to", "at"].includes(tokens[k - 1]!.n)) continue;
          disabled[i] = disabled[k] = OFF_SWITCH;
          for (let m = i + 1; m < k; m++) mark(m);
          break;
        }
    }
  }
  return disabled;
}
