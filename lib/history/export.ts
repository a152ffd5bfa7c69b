// The export of a user's attempts: one record per attempt, the formats and the file name.
import { formatDay } from "@/lib/dates";
import type { RubricItemKind, Scorer } from "@/lib/db/generated/client";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRecord {
  id: string;
  createdAt: string;
  question: string;
  questionTitle: string;
  track: string;
  level: string;
  status: string;
  score: number | null;
  scorer: Scorer | null;
  rubricVersion: string | null;
  timeSpentMs: number | null;
  answerSource: string;
  mockSessionId: string | null;
  /** Required and bonus points the answer covered. */
  metItemIds: string[];
  /** Required and bonus points it left out. */
  missedItemIds: string[];
  /** Misconceptions the answer claimed. */
  misconceptionItemIds: string[];
  answer: string;
}

/** An attempt as the export query reads it (lib/db/history.ts): its current score, if any, first in `scores`. */
export interface ExportSourceRow {
  id: string;
  createdAt: Date;
  status: string;
  answer: string;
  answerSource: string;
  timeSpentMs: number | null;
  mockSessionId: string | null;
  question: { slug: string; title: string; track: string; level: string };
  scores: { score: number; scorer: Scorer; rubricVersion: { version: number } | null; items: { itemId: string; kind: RubricItemKind; met: boolean }[] }[];
}

export function toExportRecord(row: ExportSourceRow): ExportRecord {
  const score = row.scores[0];
  const items = score?.items ?? [];
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    question: row.question.slug,
    questionTitle: row.question.title,
    track: row.question.track,
    level: row.question.level,
    status: row.status,
    score: score?.score ?? null,
    scorer: score?.scorer ?? null,
    rubricVersion: score?.rubricVersion ? `v${score.rubricVersion.version}` : null,
    timeSpentMs: row.timeSpentMs,
    answerSource: row.answerSource,
    mockSessionId: row.mockSessionId,
    metItemIds: items.filter((item) => item.kind !== "misconception" && item.met).map((item) => item.itemId),
    missedItemIds: items.filter((item) => item.kind !== "misconception" && !item.met).map((item) => item.itemId),
    misconceptionItemIds: items.filter((item) => item.kind === "misconception" && item.met).map((item) => item.itemId),
    answer: row.answer,
  };
}

export function exportFilename(format: ExportFormat, now = new Date()) {
  return `offset-attempts-${formatDay(now)}.${format}`;
}
