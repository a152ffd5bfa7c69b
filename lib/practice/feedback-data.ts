// Both roads into the feedback view — a fresh ScoreResult (not signed in) and a stored attempt —
// become the same FeedbackData, so the view has one shape to draw.
import type { FeedbackData, FeedbackItem } from "./feedback-types";
import type { StoredFeedback } from "@/lib/db/attempts";
import type { ScoreResult } from "@/lib/scoring";
import type { PresentedAttempt } from "./present";
import { storedItemView, storedScoreItemView } from "./stored-item";

export function feedbackFromResult(result: ScoreResult, answer: string): FeedbackData {
  return {
    score: result.score,
    scorer: result.scorer,
    model: result.model ?? null,
    rubricVersion: result.rubricVersion,
    summary: result.feedback.summary,
    items: result.items.map(({ id, label, kind, weight, met, evidence, ...extras }) => ({ id, label, kind, weight, met, evidence, ...storedItemView(extras) })),
    nailed: result.feedback.nailed,
    tightenUp: result.feedback.tightenUp,
    misconceptions: result.feedback.misconceptions,
    flags: result.feedback.flags,
    fallbackReason: result.fallbackReason ?? null,
    answer,
  };
}

export function feedbackFromAttempt(attempt: PresentedAttempt): FeedbackData | null {
  const score = attempt.score;
  if (!score) return null;
  return {
    score: score.score,
    scorer: score.scorer,
    model: score.model,
    rubricVersion: score.rubricVersion,
    summary: score.feedback.summary,
    items: score.items,
    nailed: score.feedback.nailed,
    tightenUp: score.feedback.tightenUp,
    misconceptions: score.feedback.misconceptions,
    flags: score.feedback.flags,
    fallbackReason: score.fallbackReason,
    answer: attempt.answer,
  };
}

/** The parts of a stored Score row (lib/db/scores.ts getScoreById) that redraw its feedback. */
export interface StoredScoreLike {
  score: number;
  scorer: FeedbackData["scorer"];
  model: string | null;
  feedback: unknown;
  rubricVersion: { version: number } | null;
  items: { itemId: string; label: string; kind: FeedbackItem["kind"]; weight: number; met: boolean; evidence: string[] }[];
}

/** Any stored score of an attempt (e.g. the original one after a re-score), drawn exactly as it was given. */
export function feedbackFromStoredScore(score: StoredScoreLike, answer: string): FeedbackData {
  const stored = (score.feedback ?? {}) as Partial<StoredFeedback>;
  return {
    score: score.score,
    scorer: score.scorer,
    model: score.model,
    rubricVersion: score.rubricVersion ? `v${score.rubricVersion.version}` : null,
    summary: stored.summary ?? "",
    items: score.items.map((item) => storedScoreItemView(item, stored.items?.[item.itemId])),
    nailed: stored.nailed ?? [],
    tightenUp: stored.tightenUp ?? [],
    misconceptions: stored.misconceptions ?? [],
    flags: stored.flags ?? [],
    fallbackReason: stored.fallbackReason ?? null,
    answer,
  };
}
