// The public shape of an attempt, shared by the JSON API and the feedback page.
import type { AttemptDetail, StoredFeedback } from "@/lib/db/attempts";

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
    items: score.items.map((item) => ({
      id: item.itemId,
      label: item.label,
      kind: item.kind,
      weight: item.weight,
      met: item.met,
      evidence: item.evidence,
      spans: stored.items?.[item.itemId]?.spans ?? [],
      highlights: stored.items?.[item.itemId]?.highlights ?? [],
      hint: stored.items?.[item.itemId]?.hint,
      correction: stored.items?.[item.itemId]?.correction,
    })),
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
