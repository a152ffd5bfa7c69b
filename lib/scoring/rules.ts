// The rules scorer: offline, deterministic, synchronous. Also the analysis the LLM path builds on.
import { compiledCatalogueFor, compiledRubricFor } from "./compile";
import { composeFeedback, FLAG_MESSAGES } from "./feedback";
import { detectInjection, type InjectionResult } from "./injection";
import { itemDepth, sentenceDepth, type Depth } from "./depth";
import { matchRubric, type ItemMatch, type Occurrence } from "./match";
import { analyseNegation } from "./negation";
import { analyseStance, refutedAttributions } from "./stance";
import { analyseText, type AnalysedText } from "./normalise";
import { answerSignals, computeScore, DISMISSIVE_SENTENCES, DISMISSIVE_SHARE, THIN_DENSE_FUNCTION_RATIO, THIN_DENSE_MIN_WORDS, THIN_REASONS, THIN_SPECIFICS, topicWords, type AnswerSignals } from "./score";
import type { Flag, ItemResult, ScorableQuestion, ScoreInput, ScoreResult, ScorerName, Span } from "./types";
import { rubricContentVersion, RULES_VERSION } from "./version";
import type { ClaimCatalogue } from "@/lib/content/claims";
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
  signals: AnswerSignals & { crammed: boolean; thin: boolean; dismissive: boolean };
  /** One per rubric item, in rubric order. */
  matches: ItemMatch[];
  /** Catalogue claims the answer makes (not already charged as one of the rubric's own misconceptions). */
  claims: ItemMatch[];
  /** Required and bonus points the answer names only to wave away (see match.ts). */
  rejected: ItemMatch[];
  /** Per met required/bonus item id: whether its evidence explains it or only names it. */
  depth: Map<string, Depth>;
  /** 0 for tokens inside sentences addressed to the grader. */
  usable: Uint8Array;
}

export function analyseAnswer(question: ScorableQuestion, answer: string, vocabulary: Vocabulary, claims: ClaimCatalogue): RulesAnalysis {
  const compiled = compiledRubricFor(question.rubric, vocabulary);
  const catalogue = compiledCatalogueFor(claims, vocabulary);
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
  const dismissed = analyseStance(analysed);
  // "People think idempotence is marketing, but really…": the verdict quoted is refuted, so what it names is not denied.
  const refuted = refutedAttributions(analysed);
  if (refuted) for (let k = 0; k < refuted.length; k++) if (refuted[k]) negation.sentential[k] = 0;
  const matched = matchRubric(compiled, catalogue, { analysed, negation, dismissed, usable });
  const crammed = crammedSentences(analysed, matched.items);
  const depth = new Map<string, Depth>();
  for (const match of matched.items) {
    if (!match.met || match.item.item.kind === "misconception") continue;
    depth.set(match.item.item.id, itemDepth({ analysed, sentences: match.sentences, matched: match.occurrences, crammed }));
  }
  const signals = answerSignals(analysed, usable, topicWords(question));
  return {
    analysed,
    injection,
    signals: { ...signals, crammed: crammed.size > 0, thin: isThin(analysed, usable) && !writtenAsDenseNotes(signals), dismissive: isDismissive(analysed, dismissed, usable) },
    matches: matched.items,
    claims: newClaims(matched.items, matched.claims),
    rejected: matched.rejected,
    depth,
    usable,
  };
}

/**
 * An answer written as an expert's dense notes (few function words: THIN_DENSE_FUNCTION_RATIO) is not "thin" for want
 * of specifics: on the tune part the answers the thin cap held split cleanly on it. Terse experts, graded 8.5–9.5,
 * wrote 13 of 15 at a function-word share of 0.35 or under; shallow and medium answers, graded 6–7.75, none. Notes
 * shorter than THIN_DENSE_MIN_WORDS stay thin: graders put 35–70-word notes at 5–7, however dense.
 */
function writtenAsDenseNotes(signals: AnswerSignals): boolean {
  return signals.functionRatio <= THIN_DENSE_FUNCTION_RATIO && signals.usableTokens >= THIN_DENSE_MIN_WORDS;
}

/**
 * Few concrete specifics (config names, defaults, numbers, sizes) and few reasons or costs across the
 * sentences not addressed to the grader: correct basics, however many points they name.
 */
function isThin(analysed: AnalysedText, usable: Uint8Array): boolean {
  let specifics = 0;
  let reasons = 0;
  for (const sentence of analysed.sentences) {
    if (sentence.endToken > sentence.firstToken && !usable[sentence.firstToken]) continue;
    const depth = sentenceDepth(analysed, sentence.index, () => false);
    specifics += depth.quantity;
    reasons += depth.mechanism + depth.tradeOff;
  }
  return specifics <= THIN_SPECIFICS && reasons <= THIN_REASONS;
}

/** Sentences that wave a practice away (stance.ts): many of them, and a fair share of the answer, make it an argument against the practices asked about. */
function isDismissive(analysed: AnalysedText, dismissed: Uint8Array, usable: Uint8Array): boolean {
  const sentences = new Set<number>();
  analysed.tokens.forEach((token, index) => {
    if (dismissed[index] && usable[index]) sentences.add(token.sentence);
  });
  return sentences.size >= DISMISSIVE_SENTENCES && sentences.size >= DISMISSIVE_SHARE * analysed.sentences.length;
}

/** Words of sentence a single point needs: a sentence explains at most max(2, words / WORDS_PER_POINT) points. */
export const WORDS_PER_POINT = 6;
/** Words a stretch between strong breaks (";", ":", a dash, "but") needs to count as a statement of its own. */
export const STATEMENT_MIN_WORDS = 3;

/**
 * Sentences that carry more required or bonus points than their length can explain ("we use acks=all,
 * idempotence, transactions, min ISR 2 and RF 3"): each point still counts as named, never as explained,
 * so a keyword-stuffed sentence cannot max out, and no point is dropped in silence.
 * Terse notes join several statements into one sentence ("Late records are dropped; allowedLateness re-fires the
 * window; a side output catches the rest"): each statement can explain a point, as separate sentences would. And
 * a point read from words another point already holds ("hot key" inside "split only the hot key") is the same
 * statement read twice, not one more point to explain.
 */
function crammedSentences(analysed: AnalysedText, matches: ItemMatch[]): Set<number> {
  const crammed = new Set<number>();
  for (const sentence of analysed.sentences) {
    const users = matches.filter((match) => match.met && match.item.item.kind !== "misconception" && match.sentences.includes(sentence.index));
    if (users.length <= 2) continue;
    const allowance = Math.max(2, Math.floor((sentence.endToken - sentence.firstToken) / WORDS_PER_POINT), statementCount(analysed, sentence));
    if (distinctPoints(analysed, sentence.index, users) > allowance) crammed.add(sentence.index);
  }
  return crammed;
}

/** Stretches of a sentence between strong breaks that are long enough to state something. */
function statementCount(analysed: AnalysedText, sentence: AnalysedText["sentences"][number]): number {
  let statements = 0;
  let words = 0;
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    if (t > sentence.firstToken && analysed.tokens[t]!.strongBreak) {
      if (words >= STATEMENT_MIN_WORDS) statements++;
      words = 0;
    }
    words++;
  }
  return words >= STATEMENT_MIN_WORDS ? statements + 1 : statements;
}

/** Points a sentence carries, counting once a point whose matched words there all belong to another point's match. */
function distinctPoints(analysed: AnalysedText, sentence: number, users: ItemMatch[]): number {
  const footprints = users.map((match) => {
    const words = new Set<number>();
    for (const occ of match.occurrences) for (let t = occ.start; t < occ.end; t++) if (analysed.tokens[t]!.sentence === sentence) words.add(t);
    return words;
  });
  const within = (inner: Set<number>, outer: Set<number>) => [...inner].every((t) => outer.has(t));
  // A footprint equal to an earlier one is that one again; one strictly inside another adds nothing.
  return footprints.filter((mine, i) => !footprints.some((other, j) => j !== i && within(mine, other) && (other.size > mine.size || j < i))).length;
}

/**
 * A wrong claim is charged once: a catalogue claim made in the very sentences one of the rubric's own
 * misconceptions (or a heavier catalogue claim on the same topic) already charges is the same error found twice.
 */
function newClaims(items: ItemMatch[], claims: ItemMatch[]): ItemMatch[] {
  const chargedSentences = new Set(items.filter((match) => match.met && match.item.item.kind === "misconception").flatMap((match) => match.sentences));
  const charged = new Set<string>();
  const kept: ItemMatch[] = [];
  for (const claim of [...claims].sort((a, b) => b.item.item.weight - a.item.item.weight)) {
    // Two claims made by exactly the same sentences are one error caught twice (the catalogue words one idea in
    // several ways, often under different topics); a claim with a sentence of its own is another error.
    const key = claim.sentences.join(",");
    if (charged.has(key) || claim.sentences.every((sentence) => chargedSentences.has(sentence))) continue;
    charged.add(key);
    kept.push(claim);
  }
  return claims.filter((claim) => kept.includes(claim));
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

function itemResult(analysis: RulesAnalysis, match: ItemMatch): ItemResult {
  const { analysed } = analysis;
  const kept = new Set(match.sentences);
  const spans = match.sentences.map((index) => sentenceSpan(analysed, index));
  // Only the words inside the quoted sentences are highlighted: every quote holds the words that earned it.
  const occurrences = match.occurrences.filter((occ) => kept.has(analysed.tokens[occ.start]!.sentence));
  const item = match.item.item;
  const depth = analysis.depth.get(item.id);
  const rejection = analysis.rejected.find((rejected) => rejected.item === match.item);
  return {
    id: item.id,
    label: item.label,
    kind: item.kind,
    weight: item.weight,
    met: match.met,
    evidence: spans.map((span) => analysed.text.slice(span.start, span.end)),
    spans,
    highlights: highlightSpans(analysed, occurrences),
    decidedBy: "rules",
    ...(match.met && depth ? { depth } : {}),
    ...(rejection ? { rejection: rejectionOf(analysed, rejection) } : {}),
    ...(match.item.claim ? { origin: "catalogue" as const, topic: match.item.claim.topic } : {}),
    ...(item.hint ? { hint: item.hint } : {}),
    ...(item.correction ? { correction: item.correction } : {}),
  };
}

/** Where a point was named only to be waved away: the sentences, verbatim, and their spans. */
function rejectionOf(analysed: AnalysedText, match: ItemMatch): { evidence: string[]; spans: Span[] } {
  const spans = match.sentences.map((index) => sentenceSpan(analysed, index));
  return { evidence: spans.map((span) => analysed.text.slice(span.start, span.end)), spans };
}

/** The rubric's items in rubric order, then the catalogue claims the answer makes. */
export function itemResultsFromRules(analysis: RulesAnalysis): ItemResult[] {
  return [...analysis.matches, ...analysis.claims].map((match) => itemResult(analysis, match));
}

export function analysisFlags(analysis: RulesAnalysis): Flag[] {
  const flags: Flag[] = [];
  if (analysis.injection.sentences.length > 0) {
    flags.push({ code: "injection", message: FLAG_MESSAGES.injection, spans: analysis.injection.spans });
  }
  if (analysis.signals.nonAnswer) flags.push({ code: "non-answer", message: FLAG_MESSAGES["non-answer"] });
  else if (analysis.signals.listLike) flags.push({ code: "list-like", message: FLAG_MESSAGES["list-like"] });
  else if (analysis.signals.crammed) flags.push({ code: "crammed", message: FLAG_MESSAGES.crammed });
  if (analysis.signals.thin && !analysis.signals.nonAnswer) flags.push({ code: "thin", message: FLAG_MESSAGES.thin });
  if (analysis.signals.dismissive && !analysis.signals.nonAnswer) flags.push({ code: "dismissive", message: FLAG_MESSAGES.dismissive });
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
    thin: has("thin"),
    dismissive: has("dismissive"),
    onTopic: args.onTopic ?? false,
  });
  // "Capped at 8 for want of specifics" is news only when that cap is what held the score.
  // The same for an answer that argues against the practices: the note shows when that cap holds the score.
  const shownFlags = flags.filter((flag) => (flag.code !== "thin" && flag.code !== "dismissive") || breakdown.cap?.reason === flag.code);
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
    feedback: composeFeedback({ score, scorer, items, flags: shownFlags, breakdown }),
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
  return input.rubricVersion ?? rubricContentVersion(input.question.rubric, input.vocabulary, input.claims);
}

/**
 * Scores an answer with the rules scorer. Synchronous and fast (about 2 ms for a 300-word
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
  const analysis = analyseAnswer(input.question, input.answer, input.vocabulary, input.claims);
  return buildResult({
    question: input.question,
    rubricVersion,
    scorer: "rules",
    items: itemResultsFromRules(analysis),
    flags: analysisFlags(analysis),
    onTopic: analysis.signals.onTopic,
  });
}
