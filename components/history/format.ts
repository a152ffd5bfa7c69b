// Formatting shared by the history views (server and client).
import { formatTimeSpent } from "@/lib/format/time";

export function formatScore(score: number | null | undefined) {
  return score === null || score === undefined ? "—" : score.toFixed(1);
}

/** Text colour for a 0–10 score, as on the feedback page. */
export function scoreTone(score: number | null | undefined): "good" | "accent" | "warn" | "neutral" {
  if (score === null || score === undefined) return "neutral";
  if (score >= 8) return "good";
  if (score >= 5) return "accent";
  return "warn";
}

export function formatDelta(delta: number) {
  if (delta === 0) return "±0.0";
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`;
}

/** Time spent on an answer (lib/format/time.ts), or a dash when it was not measured. */
export function formatDuration(ms: number | null | undefined) {
  return ms ? formatTimeSpent(ms) : "—";
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });

export const formatDateTime = (date: Date | string | number) => dateTime.format(new Date(date));
export const formatDate = (date: Date | string | number) => dateOnly.format(new Date(date));
export const formatShortDate = (date: Date | string | number) => shortDate.format(new Date(date));

export function formatPercent(rate: number) {
  return `${Math.round(rate * 100)}%`;
}

export const KIND_LABELS = { required: "Must cover", bonus: "Extra credit", misconception: "Misconception" } as const;
