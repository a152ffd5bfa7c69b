// Reading re-score jobs for the progress bar; lib/practice/rescore.ts does the work.
import { isUuid } from "@/lib/ids";
import "server-only";
import type { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export interface RescoreJobView {
  id: string;
  slug: string;
  version: number;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  processed: number;
  failed: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const jobFields = {
  id: true,
  status: true,
  total: true,
  processed: true,
  failed: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  question: { select: { slug: true } },
  rubricVersion: { select: { version: true } },
} satisfies Prisma.RescoreJobSelect;

function toView(row: Prisma.RescoreJobGetPayload<{ select: typeof jobFields }>): RescoreJobView {
  return {
    id: row.id,
    slug: row.question.slug,
    version: row.rubricVersion.version,
    status: row.status,
    total: row.total,
    processed: row.processed,
    failed: row.failed,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

export async function getRescoreJob(db: Db, { id }: { id: string }): Promise<RescoreJobView | null> {
  if (!isUuid(id)) return null;
  const row = await db.rescoreJob.findUnique({ where: { id }, select: jobFields });
  return row ? toView(row) : null;
}

export async function latestRescoreJob(db: Db, { slug }: { slug: string }): Promise<RescoreJobView | null> {
  const row = await db.rescoreJob.findFirst({ where: { question: { slug } }, orderBy: { createdAt: "desc" }, select: jobFields });
  return row ? toView(row) : null;
}
