import { cn } from "@/components/ui/cn";
import { formatDelta, formatScore, scoreTone } from "./format";

const TONES = {
  good: "bg-good-soft text-good",
  accent: "bg-accent-soft text-accent-strong",
  warn: "bg-warn-soft text-warn",
  neutral: "bg-surface-2 text-muted",
} as const;

/** A 0–10 score as a pill; "—" for an attempt without a score yet. */
export function ScoreBadge({ score, className }: { score: number | null; className?: string }) {
  return (
    <span
      className={cn("inline-flex min-w-[3.25rem] items-center justify-center rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums", TONES[scoreTone(score)], className)}
      aria-label={score === null ? "not scored" : `${formatScore(score)} out of 10`}
    >
      {formatScore(score)}
    </span>
  );
}

/** A score change with an arrow; the colour is never the only signal. */
export function DeltaBadge({ delta, className }: { delta: number | null; className?: string }) {
  if (delta === null) return null;
  const tone = delta > 0 ? "text-good" : delta < 0 ? "text-bad" : "text-muted";
  const arrow = delta > 0 ? "▲" : delta < 0 ? "▼" : "•";
  const words = delta > 0 ? `up ${delta.toFixed(1)}` : delta < 0 ? `down ${Math.abs(delta).toFixed(1)}` : "no change";
  return (
    <span className={cn("inline-flex items-center gap-1 text-sm font-medium tabular-nums", tone, className)}>
      <span aria-hidden="true" className="text-[0.65rem]">
        {arrow}
      </span>
      <span aria-hidden="true">{formatDelta(delta)}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
