// The score formula, shared by both scorers so their results are comparable.
//
//   credit   = 1 for an explained point, NAMED_CREDIT for a point only named (see depth.ts)
//   coverage = min(1, (Σ weight × credit of met required + BONUS_SHARE × Σ weight × credit of met bonus) / Σ weight of required)
//   raw      = 10 × coverage
//   penalty  = MISCONCEPTION_PENALTY × Σ weight of the wrong claims the answer makes (the rubric's own
//              misconceptions and the shared catalogue's false claims alike)
//            + REJECTION_PENALTY × the number of right points it waves away
//   score    = clamp(raw − penalty, 0, 10), then the caps below, rounded to one decimal
//
// Caps (the lowest applies):
//   missed required  9.5  bonus points never stand in for a missed required point at 10
//   wrong claim    6.5    one real wrong claim (weight 2+), or two loose ones: at best "correct basics with an error"
//                         (graders put one subtle false claim in an otherwise strong answer at 5.5–8; on the tune part
//                         the answers this cap held, mostly such slips, were graded 6.6 on average, median 6.4: a cap of
//                         5.5 sat a point under them, one of 4 scored them 2–4 points under)
//   wrong claims     2    two or more, one of them real: the answer is built on a wrong model of the system
//                         (a single loose claim, weight 1, only costs its penalty)
//   wrong model      2    one real wrong claim in an answer covering under WRONG_MODEL_COVERAGE of the required
//                         weight: graders read an error beside gaps as a wrong model (on the tune part they put
//                         these at 0.5-3, while one error in an answer covering 0.76 or more got 5-8)
//   rejections       3    two or more right points named only to be waved away ("I'd avoid X", "Y is overkill")
//   injection        2    text addressed to the grader (it is also removed before matching); what is left
//                         earns INJECTION_BASE + INJECTION_SHARE × its score, rounded to a half point
//   dismissive       3    DISMISSIVE_SENTENCES or more sentences (and at least DISMISSIVE_SHARE of them) wave
//                         practices away: the answer argues against what the question is about
//   thin             7    few concrete specifics (config names, defaults, numbers, sizes) and few reasons or costs
//                         in the whole answer: right points without them are "correct basics", however many points
//                         they name (graders put these at 6–7.5; on the tune part the answers this cap held were
//                         graded 6.6 on average, 102 of 107 under 9, so a cap of 8 sat a point over most of them)
//   list-like        3    mostly a bare list of terms: keywords without the sentences that connect them
//   non-answer       1    "I don't know", "pass", or only a handful of words
// Floor: a genuine, on-topic attempt (not a non-answer, no injection, at least ON_TOPIC_WORDS content words
// shared with the question's model answer and rubric) scores at least 1, wrong claims or not: graders put
// answers built on a wrong model at 1–1.5 on average, not 0 (tune part, rules-16: 289 such answers the penalty
// took under 1 were graded 1.23 on average; with the floor, MAE 0.84 → 0.75 on the tune part and 1.18 → 1.11 held out).
// Length never raises a score: every item counts once, however often it is repeated.
import { analyseText, type AnalysedText } from "./normalise";
import type { Depth } from "./depth";
import type { ScorableQuestion, ScoreBreakdown } from "./types";
import type { RubricItemKind } from "@/lib/content/schema";
import { FUNCTION_WORDS } from "./function-words";

export const MISCONCEPTION_PENALTY = 1.5;
/** Share of a point's weight earned when the answer only names it. */
export const NAMED_CREDIT = 0.65;
/** Bonus points top up coverage at this rate. */
export const BONUS_SHARE = 0.5;
export const CAPS = { "missed-required": 9.5, thin: 7, dismissive: 3, misconception: 6.5, "wrong-model": 2, "wrong-claims": 2, rejections: 3, injection: 2, "list-like": 3, "non-answer": 1 } as const;
/**
 * A real wrong claim in an answer that covers less than this share of the required points is read as an answer
 * built on a wrong model (CAPS["wrong-model"]), not as one slip in a sound answer (CAPS.misconception).
 */
export const WRONG_MODEL_COVERAGE = 0.75;
/** Points taken off for each required or bonus point the answer waves away. */
export const REJECTION_PENALTY = 1.5;
/** An answer with text addressed to the grader scores INJECTION_BASE + INJECTION_SHARE × the rest's score, at most 2. */
export const INJECTION_BASE = 0.5;
export const INJECTION_SHARE = 0.15;
/**
 * An answer with at most THIN_SPECIFICS concrete specifics and at most THIN_REASONS reasons or costs (see
 * depth.ts `sentenceDepth`) is capped at CAPS.thin.
 */
export const THIN_SPECIFICS = 5;
export const THIN_REASONS = 4;
/** …unless it is written as dense notes: a share of function words at or under this (see rules.ts writtenAsDenseNotes). */
export const THIN_DENSE_FUNCTION_RATIO = 0.35;
/** …and at least this many words long (see rules.ts writtenAsDenseNotes). */
export const THIN_DENSE_MIN_WORDS = 80;
/** An answer with at least this many sentences that wave a practice away (stance.ts)… */
export const DISMISSIVE_SENTENCES = 3;
/** …making up at least this share of its sentences is capped at CAPS.dismissive. */
export const DISMISSIVE_SHARE = 0.15;
/** Answers with fewer content words than this are non-answers. */
export const MIN_CONTENT_WORDS = 6;
/** At or below this share of function words (and with enough words), an answer is a bare list of terms. */
export const LIST_LIKE_RATIO = 0.12;
/** Clauses per word above which a low-function-word answer reads as terse notes, not a bare list of terms. */
export const LIST_LIKE_CLAUSES = 0.12;
/** Distinct content words shared with the question's own text that make an answer "on topic". */
export const ON_TOPIC_WORDS = 3;
export const ATTEMPT_FLOOR = 1;

/** Words that carry no content in a non-answer. */
const FILLER = new Set(
  "yeah yes no um uh hmm ok okay honestly sorry guess maybe idk know sure idea pass skip question answer remember think " +
    "really clue unsure dunno heard familiar right now sorry next bit little lot thing stuff something".split(" "),
);

const DONT_KNOW = /\b(?:i )?(?:dont|do not) (?:really )?know\b|\bno (?:idea|clue)\b|\bnot sure\b|\bidk\b|\bdunno\b|\bpass\b|\bskip\b|\bcant remember\b|\bnever (?:heard|used)\b|\bnot familiar\b|\bhavent (?:used|heard|worked)\b/;

export interface AnswerSignals {
  /** Tokens outside sentences addressed to the grader. */
  usableTokens: number;
  contentWords: number;
  functionRatio: number;
  nonAnswer: boolean;
  listLike: boolean;
  onTopic: boolean;
}

const topicCache = new WeakMap<object, Set<string>>();

/** Content words (4+ letters) of the model answer and the rubric's labels and hints, cached per rubric. */
export function topicWords(question: ScorableQuestion): Set<string> {
  const cached = topicCache.get(question.rubric);
  if (cached) return cached;
  const text = [question.modelAnswer, ...question.rubric.items.flatMap((item) => [item.label, item.hint ?? ""])].join("\n");
  const words = new Set(analyseText(text).tokens.map((token) => token.n).filter((n) => n.length >= 4 && !FUNCTION_WORDS.has(n) && !FILLER.has(n)));
  topicCache.set(question.rubric, words);
  return words;
}

export function answerSignals(analysed: AnalysedText, usable: Uint8Array, topic: Set<string> = new Set()): AnswerSignals {
  let usableTokens = 0;
  let functionWords = 0;
  let clauses = 0;
  const content = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < analysed.tokens.length; i++) {
    if (!usable[i]) continue;
    const n = analysed.tokens[i]!.n;
    if (i === 0 || analysed.tokens[i - 1]!.clause !== analysed.tokens[i]!.clause) clauses++;
    usableTokens++;
    words.push(n);
    if (FUNCTION_WORDS.has(n)) functionWords++;
    else if (!FILLER.has(n)) content.add(n);
  }
  const functionRatio = usableTokens === 0 ? 0 : functionWords / usableTokens;
  const joined = words.join(" ");
  const nonAnswer = content.size < MIN_CONTENT_WORDS || (usableTokens < 25 && DONT_KNOW.test(joined));
  // A bare list of terms has few function words and little structure; a terse expert's notes have few function
  // words too, but are cut into many short clauses (colons, semicolons, brackets).
  const listLike = !nonAnswer && usableTokens >= 12 && functionRatio <= LIST_LIKE_RATIO && clauses / usableTokens < LIST_LIKE_CLAUSES;
  let shared = 0;
  for (const word of content) if (topic.has(word)) shared++;
  return { usableTokens, contentWords: content.size, functionRatio, nonAnswer, listLike, onTopic: shared >= ON_TOPIC_WORDS };
}

export interface ItemOutcome {
  kind: RubricItemKind;
  weight: number;
  met: boolean;
  /** Met points only: "named" earns NAMED_CREDIT of the weight; absent counts as explained. */
  depth?: Depth;
  /** A missed point the answer waved away. */
  rejection?: unknown;
}

export interface ScoreFlags {
  injection: boolean;
  nonAnswer: boolean;
  listLike: boolean;
  /** Few concrete specifics in the whole answer (THIN_SPECIFICS). */
  thin?: boolean;
  /** Many sentences wave practices away (DISMISSIVE_SENTENCES). */
  dismissive?: boolean;
  empty: boolean;
  /** A genuine on-topic attempt: earns the floor when nothing else holds it down. */
  onTopic?: boolean;
}

export function computeScore(items: ItemOutcome[], flags: ScoreFlags): { score: number; breakdown: ScoreBreakdown } {
  if (flags.empty) return { score: 0, breakdown: { coverage: 0, raw: 0, penalty: 0, cap: { value: 0, reason: "empty" } } };
  let required = 0;
  let earned = 0;
  let wrong = 0;
  let wrongClaims = 0;
  let seriousClaims = 0;
  let rejected = 0;
  let missedRequired = false;
  for (const item of items) {
    const credit = item.met ? (item.depth === "named" ? NAMED_CREDIT : 1) : 0;
    if (item.rejection && !item.met) rejected++;
    if (item.kind === "required") {
      required += item.weight;
      earned += item.weight * credit;
      if (!item.met) missedRequired = true;
    } else if (item.kind === "bonus") {
      earned += BONUS_SHARE * item.weight * credit;
    } else if (item.met) {
      wrong += item.weight;
      wrongClaims++;
      if (item.weight > 1) seriousClaims++;
    }
  }
  const coverage = required > 0 ? Math.min(1, earned / required) : 0;
  const raw = 10 * coverage;
  const penalty = MISCONCEPTION_PENALTY * wrong + REJECTION_PENALTY * rejected;
  let score = Math.max(0, Math.min(10, raw - penalty));
  if (flags.onTopic && !flags.injection && !flags.nonAnswer) score = Math.max(score, ATTEMPT_FLOOR);
  let cap: ScoreBreakdown["cap"];
  const applyCap = (value: number, reason: NonNullable<ScoreBreakdown["cap"]>["reason"]) => {
    if (!cap || value < cap.value) cap = { value, reason };
    score = Math.min(score, value);
  };
  if (missedRequired && score > CAPS["missed-required"]) applyCap(CAPS["missed-required"], "missed-required");
  // A loose, secondary error (weight 1) only costs its points; a real misunderstanding caps the answer, and
  // two wrong claims, one of them real, mean the answer is built on a wrong model.
  if (seriousClaims >= 1 && wrongClaims >= 2) applyCap(CAPS["wrong-claims"], "wrong-claims");
  else if ((seriousClaims >= 1 || wrongClaims >= 2) && coverage < WRONG_MODEL_COVERAGE) applyCap(CAPS["wrong-model"], "wrong-model");
  else if (seriousClaims >= 1 || wrongClaims >= 2) applyCap(CAPS.misconception, "misconception");
  if (rejected >= 2) applyCap(CAPS.rejections, "rejections");
  if (flags.dismissive && score > CAPS.dismissive) applyCap(CAPS.dismissive, "dismissive");
  if (flags.thin && score > CAPS.thin) applyCap(CAPS.thin, "thin");
  if (flags.listLike) applyCap(CAPS["list-like"], "list-like");
  // What is left beside text addressed to the grader is judged thinly: at most 2, usually 1 to 1.5.
  if (flags.injection) applyCap(Math.min(CAPS.injection, Math.round((INJECTION_BASE + INJECTION_SHARE * score) * 2) / 2), "injection");
  if (flags.nonAnswer) applyCap(CAPS["non-answer"], "non-answer");
  return { score: Math.round(score * 10) / 10, breakdown: { coverage: round3(coverage), raw: round3(raw), penalty, cap } };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
