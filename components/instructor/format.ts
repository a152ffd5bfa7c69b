// Formatting for the instructor pages. Dates are formatted on the server (in UTC, labelled as such)
// and passed to client components as text, so server and browser never disagree while hydrating.

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatWhen = (date: Date | string) => `${dateTime.format(new Date(date))} UTC`;
export const formatDay = (date: Date | string) => dateOnly.format(new Date(date));

export function formatPercent(rate: number | null | undefined) {
  return rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`;
}

export function formatMean(score: number | null | undefined) {
  return score === null || score === undefined ? "—" : score.toFixed(1);
}

export const ACTION_LABELS: Record<string, string> = {
  "rubric.save": "Saved a version",
  "rubric.publish": "Published",
  "rubric.revert": "Reverted",
  "rubric.import": "Imported",
  "score.override": "Overrode a score",
  "rescore.start": "Re-score started",
  "rescore.finish": "Re-score finished",
  "sample.add": "Added a graded answer",
  "sample.delete": "Deleted a graded answer",
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
