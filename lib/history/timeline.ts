// One question's timeline: each attempt next to the scored one before it, and the rubric points
// missed across the latest attempts.
import type { RubricItemKind, Scorer } from "@/lib/db/generated/client";
import { diffItems } from "./compare";
import { isGap } from "./gaps";
import { round1 } from "./round";
import { scoredAttempt, type ScoredAttempt, type ScoredAttemptRow } from "./scored-attempt";

export interface TimelineItem {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  met: boolean;
}

export interface TimelineAttempt extends ScoredAttempt {
  items: TimelineItem[];
}

/** An attempt as the timeline query reads it. */
export type TimelineSourceRow = ScoredAttemptRow<{ score: number; scorer: Scorer; items: TimelineItem[] }>;

export function toTimelineAttempt(attempt: TimelineSourceRow): TimelineAttempt {
  return { ...scoredAttempt(attempt), items: attempt.scores[0]?.items ?? [] };
}

export interface TimelineStep {
  attempt: TimelineAttempt;
  /** The scored attempt before this one (older), if any. */
  previousId: string | null;
  delta: number | null;
  gained: string[];
  lost: string[];
}

/** Each attempt next to the scored one before it: score change and points gained / lost. Newest first in, newest first out. */
export function timelineSteps(newestFirst: TimelineAttempt[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  for (let index = 0; index < newestFirst.length; index++) {
    const attempt = newestFirst[index]!;
    const previous = newestFirst.slice(index + 1).find((candidate) => candidate.score !== null);
    if (!previous || attempt.score === null) {
      steps.push({ attempt, previousId: previous?.id ?? null, delta: null, gained: [], lost: [] });
      continue;
    }
    const diff = diffItems(previous.items, attempt.items);
    steps.push({
      attempt,
      previousId: previous.id,
      delta: round1(attempt.score - (previous.score ?? 0)),
      gained: diff.filter((entry) => entry.change === "gained" || entry.change === "fixed").map((entry) => entry.label),
      lost: diff.filter((entry) => entry.change === "lost" || entry.change === "new-misconception").map((entry) => entry.label),
    });
  }
  return steps;
}

export interface ItemMatrix {
  /** Oldest first. */
  attempts: { id: string; createdAt: Date; score: number | null }[];
  rows: { itemId: string; label: string; kind: RubricItemKind; asked: number; missed: number; cells: (boolean | null)[] }[];
}

/** Rubric points × the latest `columns` scored attempts: true = a gap in that attempt. Missed most first. */
export function itemMatrix(newestFirst: TimelineAttempt[], columns = 10): ItemMatrix {
  const attempts = newestFirst.filter((attempt) => attempt.score !== null).slice(0, columns).reverse();
  const rows = new Map<string, ItemMatrix["rows"][number]>();
  attempts.forEach((attempt, column) => {
    for (const item of attempt.items) {
      if (item.kind === "bonus") continue;
      let row = rows.get(item.itemId);
      if (!row) {
        row = { itemId: item.itemId, label: item.label, kind: item.kind, asked: 0, missed: 0, cells: attempts.map(() => null) };
        rows.set(item.itemId, row);
      }
      row.label = item.label;
      const gap = isGap(item.kind, item.met);
      row.asked++;
      if (gap) row.missed++;
      row.cells[column] = gap;
    }
  });
  const sorted = [...rows.values()].sort(
    (a, b) => b.missed - a.missed || (a.kind === b.kind ? 0 : a.kind === "required" ? -1 : 1) || a.label.localeCompare(b.label),
  );
  return { attempts: attempts.map(({ id, createdAt, score }) => ({ id, createdAt, score })), rows: sorted };
}
