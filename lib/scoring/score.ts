// The score formula, shared by both scorers so their results are comparable.
//
//   coverage = min(1, (Σ weight of met required + Σ weight of met bonus) / Σ weight of required)
//   raw      = 10 × coverage
//   penalty  = MISCONCEPTION_PENALTY × Σ weight of misconceptions the answer makes
//   score    = clamp(raw − penalty, 0, 10), then the caps below, rounded to one decimal
//
// Caps (the lowest applies):
//   misconception  4   a confident wrong claim: the answer cannot read as more than "weak"
//   injection      2   text addressed to the grader (it is also removed before matching)
//   list-like      3   mostly a bare list of terms: keywords without the sentences that connect them
//   non-answer     1   "I don't know", "pass", or only a handful of words
// Floor: a genuine, on-topic attempt (not a non-answer, no injection, no misconception, at least
// ON_TOPIC_WORDS content words shared with the question's model answer and rubric) scores at least 1.
// Length never raises a score: every item counts once, however often it is repeated.
import { analyseText, type AnalysedText } from "./normalise";
import type { FlagCode, ScorableQuestion, ScoreBreakdown } from "./types";
import type { RubricItemKind } from "@/lib/content/schema";

export const MISCONCEPTION_PENALTY = 1.5;
export const CAPS = { misconception: 4, injection: 2, "list-like": 3, "non-answer": 1 } as const;
/** Answers with fewer content words than this are non-answers. */
export const MIN_CONTENT_WORDS = 6;
/** At or below this share of function words (and with enough words), an answer is a bare list of terms. */
export const LIST_LIKE_RATIO = 0.12;
/** Distinct content words shared with the question's own text that make an answer "on topic". */
export const ON_TOPIC_WORDS = 3;
export const ATTEMPT_FLOOR = 1;

/** Short English function words and spoken fillers: the glue between terms in a real sentence. */
export const FUNCTION_WORDS = new Set(
  (
    "a an the is are was were be been being am it its this that these those there here to of in on at by for from with " +
    "without into onto over under about as than then so and or but if when while because since not no never nor do does " +
    "did done doing has have had having can could will would should shall may might must i you he she we they them their " +
    "theirs our your my me us him her his what which who whom whose how why where each every all any some many much more " +
    "most less few both either neither other another such same only just also very too up down out off again still yet " +
    "even ever per via until unless whether one dont doesnt isnt arent wasnt cant wont im ive youre theyre thats theres " +
    "lets let get gets got like um uh yeah well basically actually really kind sort know mean think just okay ok so whatever " +
    "1 once twice whenever wherever"
  ).split(/\s+/),
);

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
  const content = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < analysed.tokens.length; i++) {
    if (!usable[i]) continue;
    const n = analysed.tokens[i]!.n;
    usableTokens++;
    words.push(n);
    if (FUNCTION_WORDS.has(n)) functionWords++;
    else if (!FILLER.has(n)) content.add(n);
  }
  const functionRatio = usableTokens === 0 ? 0 : functionWords / usableTokens;
  const joined = words.join(" ");
  const nonAnswer = content.size < MIN_CONTENT_WORDS || (usableTokens < 25 && DONT_KNOW.test(joined));
  const listLike = !nonAnswer && usableTokens >= 12 && functionRatio <= LIST_LIKE_RATIO;
  let shared = 0;
  for (const word of content) if (topic.has(word)) shared++;
  return { usableTokens, contentWords: content.size, functionRatio, nonAnswer, listLike, onTopic: shared >= ON_TOPIC_WORDS };
}

export interface ItemOutcome {
  kind: RubricItemKind;
  weight: number;
  met: boolean;
}

export interface ScoreFlags {
  injection: boolean;
  nonAnswer: boolean;
  listLike: boolean;
  empty: boolean;
  /** A genuine on-topic attempt: earns the floor when nothing else holds it down. */
  onTopic?: boolean;
}

export function computeScore(items: ItemOutcome[], flags: ScoreFlags): { score: number; breakdown: ScoreBreakdown } {
  if (flags.empty) return { score: 0, breakdown: { coverage: 0, raw: 0, penalty: 0, cap: { value: 0, reason: "empty" } } };
  let required = 0;
  let earned = 0;
  let wrong = 0;
  for (const item of items) {
    if (item.kind === "required") required += item.weight;
    if (item.met && item.kind !== "misconception") earned += item.weight;
    if (item.met && item.kind === "misconception") wrong += item.weight;
  }
  const coverage = required > 0 ? Math.min(1, earned / required) : 0;
  const raw = 10 * coverage;
  const penalty = MISCONCEPTION_PENALTY * wrong;
  let score = Math.max(0, Math.min(10, raw - penalty));
  if (flags.onTopic && wrong === 0 && !flags.injection && !flags.nonAnswer) score = Math.max(score, ATTEMPT_FLOOR);
  let cap: ScoreBreakdown["cap"];
  const applyCap = (value: number, reason: FlagCode | "misconception") => {
    if (!cap || value < cap.value) cap = { value, reason };
    score = Math.min(score, value);
  };
  if (wrong > 0) applyCap(CAPS.misconception, "misconception");
  if (flags.listLike) applyCap(CAPS["list-like"], "list-like");
  if (flags.injection) applyCap(CAPS.injection, "injection");
  if (flags.nonAnswer) applyCap(CAPS["non-answer"], "non-answer");
  return { score: Math.round(score * 10) / 10, breakdown: { coverage: round3(coverage), raw: round3(raw), penalty, cap } };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
