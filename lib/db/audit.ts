// The audit log: who changed which rubric or score, when, and what. Rows are only ever added, in the
// same transaction as the change they describe.
import "server-only";
import type { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export type AuditAction = "rubric.save" | "rubric.publish" | "rubric.revert" | "rubric.import" | "score.override" | "rescore.start" | "rescore.finish" | "sample.add" | "sample.delete";

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  questionId?: string | null;
  attemptId?: string | null;
  rubricVersionId?: string | null;
  /** One line a person can read in the log. */
  summary: string;
  details: Prisma.InputJsonObject;
}

export async function recordAudit(db: Db | Prisma.TransactionClient, input: AuditInput) {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      questionId: input.questionId ?? null,
      attemptId: input.attemptId ?? null,
      rubricVersionId: input.rubricVersionId ?? null,
      summary: input.summary,
      details: input.details,
    },
  });
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorName: string | null;
  action: string;
  summary: string;
  slug: string | null;
  attemptId: string | null;
  version: number | null;
}

export async function listAuditEvents(db: Db, { slug, limit = 100 }: { slug?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: slug ? { question: { slug } } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 500),
    select: {
      id: true,
      createdAt: true,
      action: true,
      summary: true,
      attemptId: true,
      actor: { select: { name: true } },
      question: { select: { slug: true } },
      rubricVersion: { select: { version: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    actorName: row.actor?.name ?? null,
    action: row.action,
    summary: row.summary,
    slug: row.question?.slug ?? null,
    attemptId: row.attemptId,
    version: row.rubricVersion?.version ?? null,
  }));
}
