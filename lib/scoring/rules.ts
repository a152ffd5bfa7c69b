// The rules scorer: offline, deterministic, synchronous. Also the analysis the LLM path builds on.
import { compiledRubricFor } from "./compile";
import { composeFeedback, FLAG_MESSAGES } from "./feedback";
import { detectInjection, type InjectionResult } from "./injection";
import { matchItems, type ItemMatch, type Occurrence } from "./match";
import { analyseNegation } from "./negation";
import { analyseText, type AnalysedText } from "./normalise";
import { answerSignals, computeScore, topicWords, type AnswerSignals } from "./score";
import type { Flag, ItemResult, ScorableQuestion, ScoreInput, ScoreResult, ScorerName, Span } from "./types";
import { rubricContentVersion, RULES_VERSION } from "./version";
import type { Vocabulary } from "@/lib/content/schema";

/** Answers longer than this are refused (about 3,000 words: far beyond a spoken interview answer). */
export const MAX_ANSWER_CHARS = 20_000;

export class AnswerTooLongError extends Error {
  readonly code = "answer-too-long";
  constructor(readonly length: number) {
    super(`The answer is ${length.toLocaleString("en-GB")} characters long; the limit is ${MAX_ANSWER_CHARS.toLocaleString("en-GB")}. Shorten it and submit again.`);
  }
}

export function assertAnswerLength(answer: string): void {
  if (answer.length > MAX_ANSWER_CHARS) throw new AnswerTooLongError(answer.length);
}

export interface RulesAnalysis {
  analysed: AnalysedText;
  injection: InjectionResult;
  signals: AnswerSignals & { crammed: boolean };
  matches: ItemMatch[];
  /** 0 for tokens inside sentences addressed to the grader. */
  usable: Uint8Array;
}

export function analyseAnswer(question: ScorableQuestion, answer: string, vocabulary: Vocabulary): RulesAnalysis {
  const compiled = compiledRubricFor(question.rubric, vocabulary);
  const analysed = analyseText(answer);
  const injection = detectInjection(analysed);
  const usable = new Uint8Array(analysed.tokens.length).fill(1);
  if (injection.sentences.length > 0) {
    const flagged = new Set(injection.sentences);
    analysed.tokens.forEach((token, index) => {
      if (flagged.has(token.sentence)) usable[index] = 0;
    });
  }
  const negation = analyseNegation(analysed);
  const matches = matchItems(compiled, { analysed, negation, usable });
  const crammed = limitCrammedSentences(analysed, matches);
  return { analysed, injection, signals: { ...answerSignals(analysed, usable, topicWords(question)), crammed }, matches, usable };
}

/** Words of sentence a single point needs: a sentence supports at most max(2, words / WORDS_PER_POINT) points. */
export const WORDS_PER_POINT = 10;

/**
 * Diminishing returns for keyword stuffing: one sentence may be the evidence for only as many required or
 * bonus items as its length justifies. Extra items lose that sentence (lightest first); an item left with
 * no evidence is not met. Returns whether anything was dropped.
 */
function limitCrammedSentences(analysed: AnalysedText, matches: ItemMatch[]): boolean {
  let dropped = false;
  for (const sentence of analysed.sentences) {
    const users = matches.filter((match) => match.met && match.item.item.kind !== "misconception" && match.sentences.includes(sentence.index));
    const allowance = Math.max(2, Math.floor((sentence.endToken - sentence.firstToken) / WORDS_PER_POINT));
    if (users.length <= allowance) continue;
    const ranked = [...users].sort((a, b) => b.item.item.weight - a.item.item.weight || matches.indexOf(a) - matches.indexOf(b));
    for (const match of ranked.slice(allowance)) {
      dropped = true;
      match.sentences = match.sentences.filter((index) => index !== sentence.index);
      match.occurrences = match.occurrences.filter((occ) => analysed.tokens[occ.start]!.sentence !== sentence.index);
      if (match.sentences.length === 0) match.met = false;
    }
  }
  return dropped;
}

/** Sentence span trimmed of surrounding markup (bold markers, quotes). */
export function sentenceSpan(analysed: AnalysedText, index: number): Span {
  const sentence = analysed.sentences[index]!;
  return { start: sentence.start, end: sentence.end };
}

function highlightSpans(analysed: AnalysedText, occurrences: Occurrence[]): Span[] {
  const spans: Span[] = [];
  for (const occ of occurrences) {
    const start = analysed.tokens[occ.start]!.start;
    const end = analysed.tokens[occ.end - 1]!.end;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

export function itemResultsFromRules(analysis: RulesAnalysis): ItemResult[] {
  const { analysed } = analysis;
  return analysis.matches.map((match) => {
    const spans = match.sentences.map((index) => sentenceSpan(analysed, index));
    const item = match.item.item;
    return {
      id: item.id,
      label: item.label,
      kind: item.kind,
      weight: item.weight,
      met: match.met,
      evidence: spans.map((span) => analysed.text.slice(span.start, span.end)),
      spans,
      highlights: highlightSpans(analysed, match.occurrences),
      decidedBy: "rules",
      ...(item.hint ? { hint: item.hint } : {}),
      ...(item.correction ? { correction: item.correction } : {}),
    };
  });
}

export function analysisFlags(analysis: RulesAnalysis): Flag[] {
  const flags: Flag[] = [];
  if (analysis.injection.sentences.length > 0) {
    flags.push({ code: "injection", message: FLAG_MESSAGES.injection, spans: analysis.injection.spans });
  }
  if (analysis.signals.nonAnswer) flags.push({ code: "non-answer", message: FLAG_MESSAGES["non-answer"] });
  else if (analysis.signals.listLike) flags.push({ code: "list-like", message: FLAG_MESSAGES["list-like"] });
  else if (analysis.signals.crammed) flags.push({ code: "crammed", message: FLAG_MESSAGES.crammed });
  return flags;
}

export interface BuildResultArgs {
  question: ScorableQuestion;
  rubricVersion: string;
  scorer: ScorerName;
  items: ItemResult[];
  flags: Flag[];
  /** From the rules analysis: a genuine on-topic attempt (earns the floor of 1). */
  onTopic?: boolean;
  promptVersion?: string;
  model?: string;
  fallbackReason?: string;
}

export function buildResult(args: BuildResultArgs): ScoreResult {
  const { question, items, flags, scorer } = args;
  const has = (code: Flag["code"]) => flags.some((flag) => flag.code === code);
  const { score, breakdown } = computeScore(items, {
    empty: has("empty"),
    injection: has("injection"),
    nonAnswer: has("non-answer"),
    listLike: has("list-like"),
    onTopic: args.onTopic ?? false,
  });
  return {
    question: question.slug,
    score,
    scorer,
    rubricVersion: args.rubricVersion,
    rulesVersion: RULES_VERSION,
    ...(args.promptVersion ? { promptVersion: args.promptVersion } : {}),
    ...(args.model ? { model: args.model } : {}),
    ...(args.fallbackReason ? { fallbackReason: args.fallbackReason } : {}),
    items,
    feedback: composeFeedback({ score, scorer, items, flags, breakdown }),
    breakdown,
    modelAnswer: question.modelAnswer,
  };
}

function emptyItems(question: ScorableQuestion): ItemResult[] {
  return question.rubric.items.map((item) => ({
    id: item.id,
    label: item.label,
    kind: item.kind,
    weight: item.weight,
    met: false,
    evidence: [],
    spans: [],
    highlights: [],
    decidedBy: "rules",
    ...(item.hint ? { hint: item.hint } : {}),
    ...(item.correction ? { correction: item.correction } : {}),
  }));
}

export function resolveRubricVersion(input: ScoreInput): string {
  return input.rubricVersion ?? rubricContentVersion(input.question.rubric, input.vocabulary);
}

/**
 * Scores an answer with the rules scorer. Synchronous and fast (well under a millisecond for a typical
 * answer once the rubric is compiled). Throws AnswerTooLongError above MAX_ANSWER_CHARS.
 */
export function scoreWithRules(input: ScoreInput): ScoreResult {
  assertAnswerLength(input.answer);
  const rubricVersion = resolveRubricVersion(input);
  if (!input.answer.trim()) {
    return buildResult({
      question: input.question,
      rubricVersion,
      scorer: "rules",
      items: emptyItems(input.question),
      flags: [{ code: "empty", message: FLAG_MESSAGES.empty }],
    });
  }
  const analysis = analyseAnswer(input.question, input.answer, input.vocabulary);
  return buildResult({
    question: input.question,
    rubricVersion,
    scorer: "rules",
    items: itemResultsFromRules(analysis),
    flags: analysisFlags(analysis),
    onTopic: analysis.signals.onTopic,
  });
}
