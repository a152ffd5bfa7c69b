// Per-question summaries of a user's attempts, and the overall numbers derived from them.

export interface QuestionSummary {
  questionId: string;
  slug: string;
  title: string;
  track: string;
  level: string;
  attempts: number;
  scored: number;
  average: number | null;
  best: number | null;
  firstScore: number | null;
  latestScore: number | null;
  firstAt: Date;
  lastAt: Date;
}

export interface HistoryTotals {
  attempts: number;
  scored: number;
  average: number | null;
  best: number | null;
  questions: number;
  lastAt: Date | null;
}

export function totalsOf(summaries: QuestionSummary[]): HistoryTotals {
  let attempts = 0;
  let scored = 0;
  let sum = 0;
  let best: number | null = null;
  let lastAt: Date | null = null;
  for (const row of summaries) {
    attempts += row.attempts;
    scored += row.scored;
    if (row.average !== null) sum += row.average * row.scored;
    if (row.best !== null && (best === null || row.best > best)) best = row.best;
    if (!lastAt || row.lastAt > lastAt) lastAt = row.lastAt;
  }
  return { attempts, scored, average: scored ? sum / scored : null, best, questions: summaries.length, lastAt };
}
