import { cn } from "@/components/ui/cn";
import { formatPercent } from "./format";

/**
 * A rate from 0 to 1 as a short bar with its percentage written next to it (the number is the
 * information; the bar is a glance). For misconceptions a high rate is the bad news.
 */
export function RateBar({ rate, tone = "hit", className, label }: { rate: number | null; tone?: "hit" | "fired"; className?: string; label?: string }) {
  if (rate === null) return <span className="text-muted">—</span>;
  const percent = Math.max(0, Math.min(100, rate * 100));
  const color = tone === "fired" ? (rate >= 0.25 ? "bg-bad" : "bg-muted") : rate >= 0.7 ? "bg-good" : rate >= 0.4 ? "bg-accent" : "bg-warn";
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span className="relative h-2 w-20 shrink-0 overflow-hidden rounded-full bg-surface-2 ring-1 ring-border ring-inset" aria-hidden="true">
        <span className={cn("absolute inset-y-0 left-0 rounded-full", color)} style={{ width: `${percent}%` }} />
      </span>
      <span className="text-sm tabular-nums">
        {label ? <span className="sr-only">{label}: </span> : null}
        {formatPercent(rate)}
      </span>
    </span>
  );
}
