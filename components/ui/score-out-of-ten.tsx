import { cn } from "./cn";

/** Text colour for a 0–10 score: good from 8, middling from 5, weak below. */
export function scoreTextTone(score: number): string {
  if (score >= 8) return "text-good";
  if (score >= 5) return "text-accent-strong";
  return "text-warn";
}

const SIZES = {
  /** The feedback page's headline score. */
  large: { row: "gap-1.5", score: "text-5xl", outOf: "text-lg" },
  /** The rubric editor's live preview. */
  medium: { row: "gap-1", score: "text-4xl", outOf: "text-sm" },
} as const;

/** A score as a large number over "/ 10", coloured by how good it is; `testId` marks the number. */
export function ScoreOutOfTen({ score, size, className, testId }: { score: number; size: keyof typeof SIZES; className?: string; testId: string }) {
  const classes = SIZES[size];
  return (
    <p className={cn(className, "flex items-baseline", classes.row)}>
      <span className={cn(classes.score, "font-semibold tracking-tight tabular-nums", scoreTextTone(score))} data-testid={testId}>
        {score.toFixed(1)}
      </span>
      <span className={cn(classes.outOf, "text-muted")}>/ 10</span>
    </p>
  );
}
