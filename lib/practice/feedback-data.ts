// Both roads into the feedback view — a fresh ScoreResult (not signed in) and a stored attempt —
// become the same FeedbackData, so the view has one shape to draw.
import type { FeedbackData } from "@/components/feedback/types";
import type { ScoreResult } from "@/lib/scoring";
import type { PresentedAttempt } from "./present";

export function feedbackFromResult(result: ScoreResult, answer: string): FeedbackData {
  return {
    score: result.score,
    scorer: result.scorer,
    model: result.model ?? null,
    rubricVersion: result.rubricVersion,
    summary: result.feedback.summary,
    items: result.items.map(({ id, label, kind, weight, met, evidence, spans, hint, correction }) => ({ id, label, kind, weight, met, evidence, spans, hint, correction })),
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
