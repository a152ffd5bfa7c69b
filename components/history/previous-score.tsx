// "7.5 (was 6.0, re-scored v5)": when an attempt's current score came from a re-score or an
// instructor's override, the list shows the score it replaced too. Works with whatever score fields
// the list query selects: without `reason`/`isCurrent` it simply shows nothing extra.

export interface ListedScore {
  score: number;
  scorer?: string;
  reason?: string;
  isCurrent?: boolean;
  createdAt?: Date | string;
  rubricVersion?: { version: number } | null;
}

export interface ScoreChange {
  current: ListedScore;
  previous: ListedScore;
  why: string;
}

/** The current score and the one it replaced, when the current one is a re-score or an override. */
export function scoreChange(scores: readonly ListedScore[]): ScoreChange | null {
  const current = scores.find((score) => score.isCurrent) ?? null;
  if (!current || (current.reason !== "rescore" && current.reason !== "override")) return null;
  const currentTime = current.createdAt ? new Date(current.createdAt).getTime() : Infinity;
  const previous = scores
    .filter((score) => score !== current && (!score.createdAt || new Date(score.createdAt).getTime() <= currentTime))
    .sort((a, b) => (b.createdAt ? new Date(b.createdAt).getTime() : 0) - (a.createdAt ? new Date(a.createdAt).getTime() : 0))[0];
  if (!previous) return null;
  const why = current.reason === "override" ? "instructor override" : current.rubricVersion ? `re-scored v${current.rubricVersion.version}` : "re-scored";
  return { current, previous, why };
}

/** The small print under a score in a list. */
export function PreviousScore({ change, className }: { change: ScoreChange | null; className?: string }) {
  if (!change) return null;
  return (
    <span className={className ?? "mt-0.5 block text-xs whitespace-nowrap text-muted tabular-nums"} data-testid="history-previous-score">
      (was {change.previous.score.toFixed(1)}, {change.why})
    </span>
  );
}
