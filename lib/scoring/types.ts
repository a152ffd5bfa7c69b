// The shapes the scoring engine hands to the UI, the database and the CLI. Framework-free.
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { RubricItemKind, Rubric, Vocabulary } from "@/lib/content/schema";
import type { Depth } from "./depth";

/** What the scorer needs from a question (a loaded `Question` satisfies it). */
export interface ScorableQuestion {
  slug: string;
  rubric: Rubric;
  modelAnswer: string;
  /** The question as asked; sent to the LLM judge when present. */
  prompt?: string;
}

/** A character range in the ORIGINAL answer text: `answer.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export type ScorerName = "rules" | "llm";

export interface ItemResult {
  id: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  /**
   * required/bonus: the answer covers the item. misconception: the answer MAKES the wrong claim
   * (so `met: true` on a misconception costs points).
   */
  met: boolean;
  /** The sentence(s) of the answer that satisfy the item, quoted verbatim (at most 3). */
  evidence: string[];
  /** Where each evidence sentence sits in the original answer (same order as `evidence`). */
  spans: Span[];
  /** The exact words that matched the concept, for finer highlighting inside the sentences. */
  highlights: Span[];
  /** Which scorer decided `met` for this item. */
  decidedBy: ScorerName;
  /**
   * For a met required or bonus item: "explained" when the quoted sentences also say how or why (a reason,
   * a condition, a number, a cost), "named" when they only mention it. A named point earns part of its weight.
   */
  depth?: Depth;
  /**
   * For a missed required or bonus point the answer names only to wave it away ("rack awareness isn't worth
   * the bother"): the sentences that dismiss it. Such a point costs the answer, beyond not earning it.
   */
  rejection?: { evidence: string[]; spans: Span[] };
  /** "catalogue" for a false claim from the shared catalogue (content/claims); absent for the rubric's own items. */
  origin?: "catalogue";
  /** The catalogue topic of a false claim. */
  topic?: string;
  hint?: string;
  correction?: string;
}

export type FlagCode = "empty" | "non-answer" | "injection" | "list-like" | "crammed" | "thin" | "dismissive" | "llm-fallback" | "llm-quote-discarded";

export interface Flag {
  code: FlagCode;
  message: string;
  /** For injection: where the text addressed to the grader sits in the answer. */
  spans?: Span[];
}

export interface NailedPoint {
  id: string;
  label: string;
  evidence: string[];
}

export interface TightenUpPoint {
  id: string;
  label: string;
  weight: number;
  hint: string;
  /**
   * Why it is here: "rejected" (the answer named it only to wave it away; `evidence` quotes where),
   * "missed" (not covered), or "named" (covered without saying how or why it works).
   * Absent on results stored before depth existed: read as "missed".
   */
  reason?: "rejected" | "missed" | "named";
  evidence?: string[];
}

export interface MisconceptionPoint {
  id: string;
  label: string;
  evidence: string[];
  correction: string;
}

export interface Feedback {
  /** One line: the score, who produced it, and the headline. */
  summary: string;
  nailed: NailedPoint[];
  /** Missed required items, most valuable first, each with its "say it like this" hint. */
  tightenUp: TightenUpPoint[];
  misconceptions: MisconceptionPoint[];
  flags: Flag[];
}

export interface ScoreBreakdown {
  /** Weighted coverage of required items (bonus items top it up), 0–1. */
  coverage: number;
  /** 10 × coverage before penalties and caps. */
  raw: number;
  /** Points taken off for misconceptions. */
  penalty: number;
  /** The lowest cap that applied, with its reason (a wrong claim or several, injection, non-answer, list-like, a missed required point). */
  cap?: { value: number; reason: FlagCode | "misconception" | "wrong-model" | "wrong-claims" | "rejections" | "missed-required" };
}

export interface ScoreResult {
  question: string;
  /** 0–10, one decimal. */
  score: number;
  scorer: ScorerName;
  /** Stable id of the rubric content the score was computed against ("c-…" or an instructor version). */
  rubricVersion: string;
  /** Version of the rules engine (matching + formula). */
  rulesVersion: string;
  /** Set when scorer is "llm". */
  promptVersion?: string;
  model?: string;
  /** Set when an LLM was configured but the rules result stands; says why. */
  fallbackReason?: string;
  items: ItemResult[];
  feedback: Feedback;
  breakdown: ScoreBreakdown;
  modelAnswer: string;
}

export interface ScoreInput {
  question: ScorableQuestion;
  answer: string;
  vocabulary: Vocabulary;
  /** The shared false-claim catalogue (content/claims); every question is scored against all of it. */
  claims: ClaimCatalogue;
  /** Instructor rubric version from the database; defaults to a content hash of the rubric. */
  rubricVersion?: string;
}

/** An answer graded by a person, used as a few-shot example for the LLM and for calibration. */
export interface GradedExample {
  id: string;
  voice: string;
  text: string;
  expected: number;
}

export interface LlmConfig {
  apiKey: string;
  /** For OpenAI-compatible servers, e.g. http://127.0.0.1:8080/v1. */
  baseURL?: string;
  model: string;
  /** Per request; one retry follows a failure. Default 15 000. */
  timeoutMs?: number;
  /** 2–3 graded answers for the same question (see calibration fixtures). */
  examples?: GradedExample[];
}
