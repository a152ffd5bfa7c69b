// The public shape of an attempt, shared by the JSON API and the feedback page.
import { toStoredFeedback, type AttemptDetail, type StoredFeedback } from "@/lib/db/attempts";
import { storedScoreItemView } from "./stored-item";
import type { SubmitOutcome } from "./submit";

export function presentAttempt(attempt: AttemptDetail) {
  const current = attempt.scores.find((score) => score.isCurrent) ?? null;
  return {
    id: attempt.id,
    question: attempt.question,
    status: attempt.status,
    llmStatus: attempt.llmStatus,
    llmError: attempt.llmError,
    answer: attempt.answer,
    answerSource: attempt.answerSource,
    timeSpentMs: attempt.timeSpentMs,
    createdAt: attempt.createdAt.toISOString(),
    mockSessionId: attempt.mockSessionId,
    score: current ? presentScore(current) : null,
    scoreHistory: attempt.scores.map((score) => ({
      score: score.score,
      scorer: score.scorer,
      reason: score.reason,
      isCurrent: score.isCurrent,
      createdAt: score.createdAt.toISOString(),
    })),
    followUps: attempt.followUps.map((followUp) => ({ index: followUp.followUpIndex, answer: followUp.answer, createdAt: followUp.createdAt.toISOString() })),
  };
}

export type PresentedAttempt = ReturnType<typeof presentAttempt>;

function presentScore(score: AttemptDetail["scores"][number]) {
  const stored = score.feedback as unknown as StoredFeedback;
  return {
    score: score.score,
    scorer: score.scorer,
    reason: score.reason,
    rubricVersion: score.rubricVersion ? `v${score.rubricVersion.version}` : null,
    promptVersion: score.promptVersion,
    model: score.model,
    createdAt: score.createdAt.toISOString(),
    items: score.items.map((item) => storedScoreItemView(item, stored.items?.[item.itemId])),
    feedback: {
      summary: stored.summary,
      nailed: stored.nailed,
      tightenUp: stored.tightenUp,
      misconceptions: stored.misconceptions,
      flags: stored.flags,
    },
    breakdown: stored.breakdown,
    fallbackReason: stored.fallbackReason ?? null,
  };
}

/**
 * The same shape as presentAttempt, for an attempt this request has just stored and scored: built
 * from what the submission already holds, so answering POST /api/attempts needs no re-read.
 */
export function presentFreshAttempt(
  outcome: SubmitOutcome & { fresh: NonNullable<SubmitOutcome["fresh"]> },
  input: { answer: string; answerSource: "typed" | "voice"; timeSpentMs: number | null },
): PresentedAttempt {
  const { fresh } = outcome;
  const score: AttemptDetail["scores"][number] = {
    id: "",
    scorer: fresh.result.scorer,
    reason: "initial",
    score: fresh.result.score,
    isCurrent: true,
    promptVersion: fresh.result.promptVersion ?? null,
    model: fresh.result.model ?? null,
    feedback: toStoredFeedback(fresh.result) as unknown as AttemptDetail["scores"][number]["feedback"],
    createdAt: fresh.scoredAt,
    rubricVersion: { version: fresh.rubricVersionNumber },
    items: fresh.result.items.map((item) => ({ itemId: item.id, label: item.label, kind: item.kind, weight: item.weight, met: item.met, evidence: item.evidence })),
  };
  return {
    id: outcome.attemptId,
    question: fresh.question,
    status: "scored",
    llmStatus: outcome.llmQueued ? "pending" : "not_requested",
    llmError: null,
    answer: input.answer,
    answerSource: input.answerSource,
    timeSpentMs: input.timeSpentMs,
    createdAt: fresh.createdAt.toISOString(),
    mockSessionId: null,
    score: presentScore(score),
    scoreHistory: [{ score: score.score, scorer: score.scorer, reason: score.reason, isCurrent: true, createdAt: score.createdAt.toISOString() }],
    followUps: [],
  };
}
