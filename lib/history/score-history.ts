// One attempt's scores over time as the attempt page shows them: which score is current, which
// earlier one was asked for (`?score=<id>`), whether an instructor's override replaced the scorer's.
import type { ScoreHistoryEntry } from "@/lib/db/scores";

/** A stored score with its time as text: `when` for reading, `isoTime` for <time> and ordering. */
export type ScoreHistoryRowOf<Entry extends ScoreHistoryEntry> = Entry & { when: string; isoTime: string };

export interface AttemptScoreHistory<Entry extends ScoreHistoryEntry, Requested> {
  /** Every score, in the order given (oldest first), with its time formatted. */
  rows: ScoreHistoryRowOf<Entry>[];
  current: ScoreHistoryRowOf<Entry> | null;
  /** The score asked for when it is an earlier (not the current) one, to draw read-only. */
  earlier: Requested | null;
  earlierEntry: ScoreHistoryRowOf<Entry> | null;
  /** A score id was asked for that is neither the current score nor an earlier one of this attempt. */
  requestedNotFound: boolean;
  /** Whether the list is worth showing: more than one score, after a re-score or an override. */
  showHistory: boolean;
  /** The current score when an instructor set it. */
  override: ScoreHistoryRowOf<Entry> | null;
  /** The score the override replaced: the latest other one at or before it. */
  replaced: ScoreHistoryRowOf<Entry> | undefined;
}

/**
 * `entries` oldest first (lib/db/scores getScoreHistory); `requested` is the score `requestedId`
 * found for this attempt, or null.
 */
export function attemptScoreHistory<Entry extends ScoreHistoryEntry, Requested extends { id: string; isCurrent: boolean }>(
  entries: Entry[],
  { requestedId, requested, formatWhen }: { requestedId: string | null; requested: Requested | null; formatWhen: (date: Date) => string },
): AttemptScoreHistory<Entry, Requested> {
  const rows = entries.map((entry) => ({ ...entry, when: formatWhen(entry.createdAt), isoTime: entry.createdAt.toISOString() }));
  const current = rows.find((entry) => entry.isCurrent) ?? null;
  // An earlier score opened from the history, drawn read-only; asking for the current one shows the page as usual.
  const earlier = requested && !requested.isCurrent ? requested : null;
  const earlierEntry = earlier ? (rows.find((entry) => entry.id === earlier.id) ?? null) : null;
  const showHistory = rows.length > 1 && rows.some((entry) => entry.reason === "rescore" || entry.reason === "override");
  const override = current?.reason === "override" ? current : null;
  const replaced = override ? rows.filter((entry) => entry !== override && entry.isoTime <= override.isoTime).at(-1) : undefined;
  return {
    rows,
    current,
    earlier,
    earlierEntry,
    requestedNotFound: Boolean(requestedId) && !earlier && !(requested?.isCurrent ?? false),
    showHistory,
    override,
    replaced,
  };
}

/**
 * An override keeps the scorer's checklist, whose summary still quotes the scorer's number; this
 * sentence says what happened instead.
 */
export function overrideSummary(
  override: Pick<ScoreHistoryEntry, "score" | "actorName">,
  replaced: Pick<ScoreHistoryEntry, "score"> | undefined,
  { isOwner }: { isOwner: boolean },
): string {
  return `${isOwner ? "Your instructor" : (override.actorName ?? "An instructor")} set this score to ${override.score.toFixed(1)}${
    replaced ? ` (the scorer gave ${replaced.score.toFixed(1)})` : ""
  }. The checklist below is still the scorer's, point by point.`;
}
