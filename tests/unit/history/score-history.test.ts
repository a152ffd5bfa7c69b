// The attempt page's score history (lib/history/score-history.ts): current, earlier, overridden and replaced scores.
import { describe, expect, it } from "vitest";
import type { ScoreHistoryEntry } from "@/lib/db/scores";
import { attemptScoreHistory, overrideSummary } from "@/lib/history/score-history";

const entry = (id: string, minute: number, fields: Partial<ScoreHistoryEntry> = {}): ScoreHistoryEntry => ({
  id,
  score: 5,
  scorer: "rules",
  reason: "initial",
  isCurrent: false,
  isOriginal: false,
  versionNumber: 1,
  comment: null,
  actorName: null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)),
  ...fields,
});
const formatWhen = (date: Date) => `at ${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, "0")}`;

describe("attemptScoreHistory", () => {
  const first = entry("s1", 0, { isOriginal: true, score: 4 });
  const refined = entry("s2", 1, { reason: "llm_refinement", scorer: "llm", score: 6 });
  const overridden = entry("s3", 5, { reason: "override", scorer: "instructor", score: 8, isCurrent: true, actorName: "Ada", comment: "Fair." });

  it("formats every score's time and finds the current one", () => {
    const view = attemptScoreHistory([first, { ...refined, isCurrent: true }], { requestedId: null, requested: null, formatWhen });
    expect(view.rows.map((row) => [row.id, row.when, row.isoTime])).toEqual([
      ["s1", "at 12:00", "2026-01-01T12:00:00.000Z"],
      ["s2", "at 12:01", "2026-01-01T12:01:00.000Z"],
    ]);
    expect(view.rows[0]).toMatchObject({ score: 4, isOriginal: true, createdAt: first.createdAt });
    expect(view.current?.id).toBe("s2");
    expect(view).toMatchObject({ earlier: null, earlierEntry: null, requestedNotFound: false, override: null, replaced: undefined });
    // A refinement alone is not worth a history list; a re-score or an override is.
    expect(view.showHistory).toBe(false);
    expect(attemptScoreHistory([first, entry("s2", 1, { reason: "rescore", isCurrent: true })], { requestedId: null, requested: null, formatWhen }).showHistory).toBe(true);
    expect(attemptScoreHistory([{ ...first, isCurrent: true }], { requestedId: null, requested: null, formatWhen })).toMatchObject({ showHistory: false, current: { id: "s1" } });
    expect(attemptScoreHistory([], { requestedId: null, requested: null, formatWhen })).toMatchObject({ rows: [], current: null, showHistory: false });
  });

  it("opens an earlier score read-only, and shows the page as usual when the current one is asked for", () => {
    const entries = [first, refined, overridden];
    const earlier = attemptScoreHistory(entries, { requestedId: "s1", requested: { id: "s1", isCurrent: false, extra: "kept" }, formatWhen });
    expect(earlier.earlier).toEqual({ id: "s1", isCurrent: false, extra: "kept" });
    expect(earlier.earlierEntry).toMatchObject({ id: "s1", when: "at 12:00" });
    expect(earlier.requestedNotFound).toBe(false);
    const current = attemptScoreHistory(entries, { requestedId: "s3", requested: { id: "s3", isCurrent: true }, formatWhen });
    expect(current).toMatchObject({ earlier: null, earlierEntry: null, requestedNotFound: false });
  });

  it("says when the asked-for score is not this attempt's, but not for an empty ?score=", () => {
    expect(attemptScoreHistory([first], { requestedId: "nope", requested: null, formatWhen }).requestedNotFound).toBe(true);
    expect(attemptScoreHistory([first], { requestedId: "", requested: null, formatWhen }).requestedNotFound).toBe(false);
    expect(attemptScoreHistory([first], { requestedId: null, requested: null, formatWhen }).requestedNotFound).toBe(false);
  });

  it("finds the override and the latest score at or before it that it replaced", () => {
    const later = entry("s4", 9, { reason: "rescore" });
    const view = attemptScoreHistory([first, refined, overridden, later], { requestedId: null, requested: null, formatWhen });
    expect(view.override?.id).toBe("s3");
    expect(view.replaced?.id).toBe("s2");
    expect(view.showHistory).toBe(true);
    const sameTime = entry("s0", 5, { score: 3 });
    expect(attemptScoreHistory([sameTime, overridden], { requestedId: null, requested: null, formatWhen }).replaced?.id).toBe("s0");
    expect(attemptScoreHistory([overridden], { requestedId: null, requested: null, formatWhen }).replaced).toBeUndefined();
  });
});

describe("overrideSummary", () => {
  it("names who set the score and what the scorer gave", () => {
    expect(overrideSummary({ score: 8, actorName: "Ada" }, { score: 6.25 }, { isOwner: true })).toBe(
      "Your instructor set this score to 8.0 (the scorer gave 6.3). The checklist below is still the scorer's, point by point.",
    );
    expect(overrideSummary({ score: 7.5, actorName: "Ada" }, undefined, { isOwner: false })).toBe(
      "Ada set this score to 7.5. The checklist below is still the scorer's, point by point.",
    );
    expect(overrideSummary({ score: 7.5, actorName: null }, { score: 2 }, { isOwner: false })).toBe(
      "An instructor set this score to 7.5 (the scorer gave 2.0). The checklist below is still the scorer's, point by point.",
    );
  });
});
