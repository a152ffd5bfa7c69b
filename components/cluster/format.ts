// Small formatting helpers of the cluster view (pure, no React). Time formatting lives in lib/format/time.ts;
// the view's two time helpers are re-exported here for its components.
import { formatVirtualTime } from "@/lib/format/time";

export { formatClock, formatVirtualTime } from "@/lib/format/time";

/** 1234 → "1,234"; 1_250_000 → "1.25M" when short is asked for. */
export function formatCount(value: number, short = false): string {
  if (short && value >= 1_000_000) return `${(value / 1_000_000).toFixed(value >= 10_000_000 ? 1 : 2)}M`;
  if (short && value >= 10_000) return `${(value / 1000).toFixed(value >= 100_000 ? 0 : 1)}k`;
  return value.toLocaleString("en-US");
}

/** retention.ms as words: -1 is "forever". */
export function formatRetention(ms: number): string {
  if (ms < 0) return "forever";
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return formatVirtualTime(ms);
}
