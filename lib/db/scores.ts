// An attempt's scores over time (first score, AI refinement, re-scores, instructor overrides) and
// the override itself. Every change adds a Score row and moves `isCurrent`; nothing is rewritten.
import { isUuid } from "@/lib/ids";
import "server-only";
import { AppError } from "@/lib/errors";
import { refreshReviewFromCurrentScore } from "./attempts";
import { recordAudit } from "./audit";
import type { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export interface ScoreHistoryEntry {
  id: string;
  score: number;
  scorer: "rules" | "llm" | "instructor";
  reason: "initial" | "llm_refinement" | "rescore" | "override";
  isCurrent: boolean;
  /** The attempt's first score. */
  isOriginal: boolean;
  versionNumber: number | null;
  comment: string | null;
  actorName: string | null;
  createdAt: Date;
}

const historyFields = {
  id: true,
  score: true,
  scorer: true,
  reason: true,
  isCurrent: true,
  comment: true,
  createdAt: true,
  rubricVersion: { select: { version: true } },
  actor: { select: { name: true } },
} satisfies Prisma.ScoreSelect;

type HistoryRow = Prisma.ScoreGetPayload<{ select: typeof historyFields }>;

function toEntry(row: HistoryRow, originalId: string | undefined): ScoreHistoryEntry {
  return {
    id: row.id,
    score: row.score,
    scorer: row.scorer,
    reason: row.reason,
    isCurrent: row.isCurrent,
    isOriginal: row.id === originalId,
    versionNumber: row.rubricVersion?.version ?? null,
    comment: row.comment,
    actorName: row.actor?.name ?? null,
    createdAt: row.createdAt,
  };
}

/** Oldest first. */
export async function getScoreHistory(db: Db, { attemptId }: { attemptId: string }): Promise<ScoreHistoryEntry[]> {
  const rows = await db.score.findMany({ where: { attemptId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: historyFields });
  return rows.map((row) => toEntry(row, rows[0]?.id));
}

/** One stored score with its checklist, e.g. the original one after a re-score. */
export async function getScoreById(db: Db, { attemptId, scoreId }: { attemptId: string; scoreId: string }) {
  if (!isUuid(scoreId)) return null;
  return db.score.findFirst({
    where: { id: scoreId, attemptId },
    select: {
      ...historyFields,
      promptVersion: true,
      model: true,
      feedback: true,
      items: { select: { itemId: true, label: true, kind: true, weight: true, met: true, evidence: true } },
    },
  });
}

export const OVERRIDE_COMMENT_MAX = 1000;

export function validateOverride(input: { score: unknown; comment: unknown }): { score: number; comment: string } {
  const score = input.score;
  if (typeof score !== "number" || !Number.isFinite(score) || score < 0 || score > 10) {
    throw new AppError("bad_request", "The score must be a number from 0 to 10.", { field: "score" });
  }
  if (Math.round(score * 10) !== score * 10 && Math.abs(Math.round(score * 10) - score * 10) > 1e-9) {
    throw new AppError("bad_request", "The score takes at most one decimal place (e.g. 7.5).", { field: "score" });
  }
  const comment = typeof input.comment === "string" ? input.comment.trim() : "";
  if (!comment) throw new AppError("bad_request", "Explain the override in a comment: the candidate will read it.", { field: "comment" });
  if (comment.length > OVERRIDE_COMMENT_MAX) {
    throw new AppError("bad_request", `The comment is ${comment.length} characters; keep it under ${OVERRIDE_COMMENT_MAX}.`, { field: "comment" });
  }
  return { score: Math.round(score * 10) / 10, comment };
}

/** An instructor's score replaces the current one; the checklist and feedback are carried over. */
export async function overrideAttemptScore(
  db: Db,
  input: { attemptId: string; score: unknown; comment: unknown; actorId: string },
): Promise<ScoreHistoryEntry> {
  const { score, comment } = validateOverride(input);
  if (!isUuid(input.attemptId)) throw new AppError("not_found", "There is no such attempt.");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${input.attemptId}::uuid FOR UPDATE`;
    const attempt = await tx.attempt.findUnique({
      where: { id: input.attemptId },
      select: {
        id: true,
        questionId: true,
        parentAttemptId: true,
        question: { select: { slug: true } },
        user: { select: { name: true } },
        scores: {
          where: { isCurrent: true },
          take: 1,
          select: { id: true, score: true, rubricVersionId: true, feedback: true, items: { select: { itemId: true, label: true, kind: true, weight: true, met: true, evidence: true } } },
        },
      },
    });
    if (!attempt) throw new AppError("not_found", "There is no such attempt.");
    if (attempt.parentAttemptId) throw new AppError("bad_request", "Follow-up answers are not scored, so there is nothing to override.", { field: "attemptId" });
    const current = attempt.scores[0];
    if (!current) throw new AppError("bad_request", "This attempt has no score yet; wait until it is scored.", { field: "attemptId" });
    await tx.score.updateMany({ where: { attemptId: attempt.id, isCurrent: true }, data: { isCurrent: false } });
    // The attempt changed for whoever reads it: history's cached aggregates key on this.
    await tx.$executeRaw`UPDATE "Attempt" SET "updatedAt" = now() WHERE "id" = ${attempt.id}::uuid`;
    const created = await tx.score.create({
      data: {
        attemptId: attempt.id,
        rubricVersionId: current.rubricVersionId,
        scorer: "instructor",
        reason: "override",
        score,
        isCurrent: true,
        feedback: current.feedback as Prisma.InputJsonValue,
        comment,
        actorId: input.actorId,
        items: { create: current.items },
      },
      select: historyFields,
    });
    await refreshReviewFromCurrentScore(tx, attempt.id);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "score.override",
      questionId: attempt.questionId,
      attemptId: attempt.id,
      rubricVersionId: current.rubricVersionId,
      summary: `Overrode ${attempt.user.name}'s score on ${attempt.question.slug}: ${current.score.toFixed(1)} → ${score.toFixed(1)}`,
      details: { from: current.score, to: score, comment, previousScoreId: current.id },
    });
    return toEntry(created, undefined);
  });
}
