// The interviewer's follow-up in a mock interview: which of the question's own follow-ups to ask after
// an answer, and how the reply is scored. Pure and framework-free (no database, no HTTP): the service in
// lib/practice/interview.ts feeds it the stored rubric results, the unit tests feed it hand-made ones.
//
// Choosing: the answer's weakest rubric point is the required item with the lowest share of its weight
// earned (missed before waved away before named-only, heavier first). Each follow-up is matched to that
// point by the words it shares with the item's label and concept patterns, rarer words counting more;
// the best match is asked. When no follow-up touches the weakest point, the next weakest is tried, then
// the follow-up closest to any point, then simply the first.
//
// Scoring: the reply is scored by the rules against a sub-rubric made of the targeted point alone (as a
// required item), the question's misconceptions and the shared false-claim catalogue, so the score says
// how well the reply covered what the follow-up asked — not the whole question again.
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, RubricItem, RubricItemKind, Vocabulary } from "@/lib/content/schema";
import { analyseAnswer, analysisFlags, assertAnswerLength, buildResult, itemResultsFromRules, resolveRubricVersion } from "@/lib/scoring/rules";
import { NAMED_CREDIT } from "@/lib/scoring/score";
import type { ScorableQuestion } from "@/lib/scoring/types";

/** How the main answer did on one rubric item (from a score's item rows and its stored extras). */
export interface ItemStanding {
  id: string;
  met: boolean;
  /** Met items: "named" earns only part of the weight. */
  depth?: "named" | "explained";
  /** A missed item the answer waved away. */
  rejected?: boolean;
}

export type WeakPointState = "missed" | "rejected" | "named" | "met";

export interface WeakPoint {
  id: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  /** Share of the item's weight the answer earned: 0, NAMED_CREDIT or 1. */
  share: number;
  state: WeakPointState;
}

export interface FollowUpChoice {
  /** Index in the question's Follow-ups list. */
  index: number;
  prompt: string;
  /** The rubric item(s) the follow-up probes: the reply is scored against these. */
  targetItemIds: string[];
  /** The answer's weakest point (null when the rubric has no required or bonus item). */
  weakest: WeakPoint | null;
  /**
   * "weakest": the follow-up matches the weakest point; "weak": it matches a later one of the points the
   * answer did not fully earn; "closest": no follow-up touches a weak point, so the one closest to any
   * point; "first": no follow-up shares a meaningful word with any point.
   */
  match: "weakest" | "weak" | "closest" | "first";
  /** The word-overlap weight of the match (0 for "first"). */
  overlap: number;
}

/** Below this the shared words are too common across the rubric to say what a follow-up is about. */
export const MIN_OVERLAP = 1;

const STOP_WORDS = new Set(
  (
    "the a an and or but if then than that this these those there their them they its it's into onto from with without for " +
    "of to in on at by as is are was were be been being do does did done have has had having not no nor can could would should " +
    "will shall may might must you your yours we our us i me my he she his her what when where which who whom whose why how " +
    "all any each every both either some such more most much many few other another same own just only also still even very " +
    "about above after again against before below between during over under up down out off once here now ever never " +
    "happen happens happened happening exactly actually really else instead anything something everything nothing way ways " +
    "option options one two three use uses used using make makes made get gets got go goes going want wants say says said " +
    "walk tell think look take takes keep sure kind thing things like would team teams per via versus"
  ).split(/\s+/),
);
/** Set names of the vocabulary say what a set holds; these parts of them do not. */
const SET_NAME_NOISE = new Set(["word", "words", "rb", "set"]);

/** A light stemmer: enough for "deleted" ~ "delet*", "removes" ~ "remov*", "partitions" ~ "partition". */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith("ss")) return word.slice(0, -suffix.length);
  }
  return word;
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word));
}

interface ItemTerms {
  stems: Set<string>;
  /** From "partition*": any word starting with it matches. */
  prefixes: string[];
}

const termsCache = new WeakMap<RubricItem, ItemTerms>();

/** The words an item is about: its label, the words of its concept patterns and the names of the sets they use. */
export function itemTerms(item: RubricItem): ItemTerms {
  const cached = termsCache.get(item);
  if (cached) return cached;
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const word of wordsOf(item.label)) stems.add(stem(word));
  for (const pattern of item.concept) {
    const withoutSets = pattern.replace(/\{([a-z0-9-]+)\}/g, (_whole, name: string) => {
      for (const part of name.split("-")) if (!SET_NAME_NOISE.has(part) && part.length >= 3 && !STOP_WORDS.has(part)) stems.add(stem(part));
      return " ";
    });
    for (const raw of withoutSets.toLowerCase().split(/[\s|()]+|\.\.\./)) {
      for (const piece of raw.split(/[^a-z0-9*]+/)) {
        if (piece.endsWith("*")) {
          const prefix = piece.slice(0, -1);
          if (prefix.length >= 3 && !STOP_WORDS.has(prefix)) prefixes.push(prefix);
        } else if (piece.length >= 3 && !STOP_WORDS.has(piece) && !/^\d+$/.test(piece)) {
          stems.add(stem(piece));
        }
      }
    }
  }
  const terms = { stems, prefixes };
  termsCache.set(item, terms);
  return terms;
}

function mentions(terms: ItemTerms, word: string): boolean {
  const stemmed = stem(word);
  return terms.stems.has(stemmed) || terms.prefixes.some((prefix) => word.startsWith(prefix) || stemmed.startsWith(prefix));
}

/**
 * How strongly a follow-up's words point at `item`, among the rubric's `pool` of required and bonus
 * items: each distinct word the item mentions counts ln(1 + pool size / items mentioning it), so a word
 * every item shares ("kafka") counts little and a word only this item has counts most.
 */
export function followUpOverlap(followUp: string, item: RubricItem, pool: readonly RubricItem[]): number {
  const words = [...new Set(wordsOf(followUp))];
  let total = 0;
  for (const word of words) {
    if (!mentions(itemTerms(item), word)) continue;
    const documents = pool.filter((candidate) => mentions(itemTerms(candidate), word)).length || 1;
    total += Math.log(1 + pool.length / documents);
  }
  return Math.round(total * 1000) / 1000;
}

/** Every required and bonus item with how much of it the answer earned, weakest first (see the file comment). */
export function rankWeakPoints(rubric: Rubric, standings: readonly ItemStanding[]): WeakPoint[] {
  const byId = new Map(standings.map((standing) => [standing.id, standing]));
  const order = new Map(rubric.items.map((item, index) => [item.id, index]));
  const stateRank: Record<WeakPointState, number> = { missed: 0, rejected: 1, named: 2, met: 3 };
  return rubric.items
    .filter((item) => item.kind !== "misconception")
    .map((item): WeakPoint => {
      const standing = byId.get(item.id);
      const state: WeakPointState = !standing?.met ? (standing?.rejected ? "rejected" : "missed") : standing.depth === "named" ? "named" : "met";
      const share = state === "met" ? 1 : state === "named" ? NAMED_CREDIT : 0;
      return { id: item.id, label: item.label, kind: item.kind, weight: item.weight, share, state };
    })
    .sort(
      (a, b) =>
        Number(a.kind !== "required") - Number(b.kind !== "required") ||
        a.share - b.share ||
        stateRank[a.state] - stateRank[b.state] ||
        b.weight - a.weight ||
        order.get(a.id)! - order.get(b.id)!,
    );
}

/**
 * The points a follow-up should aim at, in order: required items not fully earned; when every required
 * item was fully earned, the bonus items missed; when those too were earned, every required item
 * (probing deeper on the heaviest).
 */
function weakCandidates(ranked: readonly WeakPoint[]): WeakPoint[] {
  const required = ranked.filter((point) => point.kind === "required" && point.share < 1);
  if (required.length > 0) return required;
  const bonus = ranked.filter((point) => point.kind === "bonus" && point.share < 1);
  if (bonus.length > 0) return bonus;
  return ranked.filter((point) => point.kind === "required");
}

/** The follow-up to ask after an answer with these standings, or null when the question has none. */
export function chooseFollowUp({ followUps, rubric, standings }: { followUps: readonly string[]; rubric: Rubric; standings: readonly ItemStanding[] }): FollowUpChoice | null {
  if (followUps.length === 0) return null;
  const pool = rubric.items.filter((item) => item.kind !== "misconception");
  const itemById = new Map(pool.map((item) => [item.id, item]));
  const ranked = rankWeakPoints(rubric, standings);
  const candidates = weakCandidates(ranked);
  const weakest = candidates[0] ?? null;
  const best = (item: RubricItem) =>
    followUps
      .map((prompt, index) => ({ index, prompt, overlap: followUpOverlap(prompt, item, pool) }))
      .sort((a, b) => b.overlap - a.overlap || a.index - b.index)[0]!;

  for (const [rank, point] of candidates.entries()) {
    const match = best(itemById.get(point.id)!);
    if (match.overlap >= MIN_OVERLAP) {
      return { index: match.index, prompt: match.prompt, targetItemIds: [point.id], weakest, match: rank === 0 ? "weakest" : "weak", overlap: match.overlap };
    }
  }
  // No follow-up is about a weak point: ask the one closest to any point, and score it against that point.
  const closest = pool
    .map((item) => ({ item, ...best(item) }))
    .sort((a, b) => b.overlap - a.overlap || a.index - b.index)[0];
  if (closest && closest.overlap >= MIN_OVERLAP) {
    return { index: closest.index, prompt: closest.prompt, targetItemIds: [closest.item.id], weakest, match: "closest", overlap: closest.overlap };
  }
  return { index: 0, prompt: followUps[0]!, targetItemIds: weakest ? [weakest.id] : [], weakest, match: "first", overlap: 0 };
}

/** The rubric a follow-up's reply is scored against: the targeted point(s) as required items, and the question's misconceptions. */
export function followUpRubric(rubric: Rubric, targetItemIds: readonly string[]): Rubric {
  const targets = rubric.items.filter((item) => targetItemIds.includes(item.id) && item.kind !== "misconception").map((item) => ({ ...item, kind: "required" as const }));
  if (targets.length === 0) throw new Error(`none of the follow-up's target items (${targetItemIds.join(", ") || "none"}) is a required or bonus item of this rubric`);
  return { items: [...targets, ...rubric.items.filter((item) => item.kind === "misconception")] };
}

/** One item of a scored follow-up reply, as stored and shown. */
export interface FollowUpItem {
  id: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  met: boolean;
  depth?: "named" | "explained";
  evidence: string[];
  hint?: string;
  correction?: string;
  origin?: "catalogue";
  /** The reply waved the point away; `evidence` then quotes where. */
  rejected?: boolean;
}

/** A scored follow-up reply (stored as MockFollowUp.result). */
export interface FollowUpOutcome {
  score: number;
  rubricVersion: string;
  rulesVersion: string;
  /** The targeted point(s), then any misconception or catalogue claim the reply made. */
  items: FollowUpItem[];
  flags: { code: string; message: string }[];
}

/**
 * Scores a reply to a follow-up with the rules, against followUpRubric. The "thin" cap (few specifics
 * in the whole answer) is left out: a follow-up reply is meant to be two or three sentences.
 * Throws AnswerTooLongError above the scorer's limit.
 */
export function scoreFollowUp({
  question,
  targetItemIds,
  prompt,
  answer,
  vocabulary,
  claims,
}: {
  question: ScorableQuestion;
  targetItemIds: readonly string[];
  prompt: string;
  answer: string;
  vocabulary: Vocabulary;
  claims: ClaimCatalogue;
}): FollowUpOutcome {
  assertAnswerLength(answer);
  const sub: ScorableQuestion = { slug: question.slug, rubric: followUpRubric(question.rubric, targetItemIds), modelAnswer: question.modelAnswer, prompt };
  const rubricVersion = resolveRubricVersion({ question: sub, answer, vocabulary, claims });
  const analysis = analyseAnswer(sub, answer, vocabulary, claims);
  const flags = analysisFlags(analysis).filter((flag) => flag.code !== "thin");
  const result = buildResult({ question: sub, rubricVersion, scorer: "rules", items: itemResultsFromRules(analysis), flags, onTopic: analysis.signals.onTopic });
  const targets = new Set(targetItemIds);
  return {
    score: result.score,
    rubricVersion: result.rubricVersion,
    rulesVersion: result.rulesVersion,
    items: result.items
      .filter((item) => targets.has(item.id) || (item.kind === "misconception" && item.met))
      .map((item) => ({
        id: item.id,
        label: item.label,
        kind: item.kind,
        weight: item.weight,
        met: item.met,
        ...(item.met && item.depth ? { depth: item.depth } : {}),
        evidence: !item.met && item.rejection ? item.rejection.evidence : item.evidence,
        ...(item.hint ? { hint: item.hint } : {}),
        ...(item.correction ? { correction: item.correction } : {}),
        ...(item.origin ? { origin: item.origin } : {}),
        ...(!item.met && item.rejection ? { rejected: true } : {}),
      })),
    flags: result.feedback.flags.map(({ code, message }) => ({ code, message })),
  };
}
