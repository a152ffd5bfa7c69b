// What every per-attempt history view (compare, the question timeline) shows of an attempt: its own
// fields and its current score, read from the row the history queries return.
import type { Scorer } from "@/lib/db/generated/client";

/** The attempt with its current score and who gave it; both null while it has none. */
export interface ScoredAttempt {
  id: string;
  createdAt: Date;
  status: string;
  timeSpentMs: number | null;
  score: number | null;
  scorer: Scorer | null;
}

/** An attempt as the history queries read it (lib/db/history.ts): its current score, if any, first in `scores`. */
export interface ScoredAttemptRow<Score extends { score: number; scorer: Scorer }> {
  id: string;
  createdAt: Date;
  status: string;
  timeSpentMs: number | null;
  scores: Score[];
}

export function scoredAttempt(row: ScoredAttemptRow<{ score: number; scorer: Scorer }>): ScoredAttempt {
  const score = row.scores[0];
  return { id: row.id, createdAt: row.createdAt, status: row.status, timeSpentMs: row.timeSpentMs, score: score?.score ?? null, scorer: score?.scorer ?? null };
}
