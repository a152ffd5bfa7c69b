// Re-scoring a question's past attempts under a newly published rubric version. Each attempt gets
// a new score (reason "rescore") that becomes current; the earlier scores stay in its history. An
// instructor's override stays current: the re-score is recorded next to it, not over it. The job
// skips attempts already scored under the version, so a retry after a crash resumes where it stopped.
import { getContentBank } from "@/lib/content/bank";
import { rubricSchema } from "@/lib/content/schema";
import { refreshReviewFromCurrentScore, saveScore } from "@/lib/db/attempts";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/prisma";
import { plural } from "@/lib/format/text";
import { scoreWithRules } from "@/lib/scoring";

const BATCH = 100;

export interface RescoreOutcome {
  status: "done" | "failed" | "skipped";
  processed: number;
  rescored: number;
  failed: number;
}

export async function runRescoreJob(db: Db, { id, batchSize = BATCH }: { id: string; batchSize?: number }): Promise<RescoreOutcome> {
  const job = await db.rescoreJob.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      questionId: true,
      requestedById: true,
      rubricVersionId: true,
      rubricVersion: { select: { version: true, rubric: true } },
      question: { select: { slug: true } },
    },
  });
  if (!job || job.status === "done") return { status: "skipped", processed: 0, rescored: 0, failed: 0 };
  const bankQuestion = getContentBank().questions.find((question) => question.slug === job.question.slug);
  // Attempts a crash left unscored are scored too: publishing must not skip them.
  const where = { questionId: job.questionId, parentAttemptId: null, status: { in: ["scored" as const, "pending" as const, "failed" as const] } };
  const total = await db.attempt.count({ where });
  await db.rescoreJob.update({ where: { id }, data: { status: "running", startedAt: new Date(), total, processed: 0, failed: 0, error: null } });

  if (!bankQuestion) {
    return finish(db, job, { status: "failed", processed: 0, rescored: 0, failed: 0 }, `The question "${job.question.slug}" is no longer in the bank.`);
  }
  const question = { ...bankQuestion, rubric: rubricSchema.parse(job.rubricVersion.rubric) };
  const { vocabulary, claims } = getContentBank();
  const label = `v${job.rubricVersion.version}`;
  const outcome: RescoreOutcome = { status: "done", processed: 0, rescored: 0, failed: 0 };
  let cursor: string | undefined;

  try {
    for (;;) {
      const attempts = await db.attempt.findMany({
        where,
        orderBy: { id: "asc" },
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          answer: true,
          scores: {
            where: { OR: [{ isCurrent: true }, { rubricVersionId: job.rubricVersionId, reason: "rescore" }] },
            select: { isCurrent: true, reason: true, rubricVersionId: true },
          },
        },
      });
      if (attempts.length === 0) break;
      cursor = attempts.at(-1)!.id;
      const nowCurrent: string[] = [];
      for (const attempt of attempts) {
        outcome.processed++;
        const current = attempt.scores.find((score) => score.isCurrent);
        const alreadyDone = attempt.scores.some((score) => score.reason === "rescore" && score.rubricVersionId === job.rubricVersionId);
        if (alreadyDone || current?.rubricVersionId === job.rubricVersionId) continue;
        try {
          const result = scoreWithRules({ question, answer: attempt.answer, vocabulary, claims, rubricVersion: label });
          const becomesCurrent = current?.reason !== "override";
          await saveScore(db, { attemptId: attempt.id, rubricVersionId: job.rubricVersionId, result, reason: "rescore", current: becomesCurrent });
          if (becomesCurrent) nowCurrent.push(attempt.id);
          outcome.rescored++;
        } catch (error) {
          outcome.failed++;
          console.error(`[rescore] attempt ${attempt.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // The review queue's "last score" follows the new current scores (one statement per batch).
      await refreshReviewFromCurrentScore(db, nowCurrent);
      await db.rescoreJob.update({ where: { id }, data: { processed: outcome.processed, failed: outcome.failed } });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish(db, job, { ...outcome, status: "failed" }, `Stopped after ${outcome.processed} of ${total}: ${message}`);
    throw error;
  }
  return finish(db, job, outcome, null);
}

async function finish(
  db: Db,
  job: { id: string; questionId: string; requestedById: string | null; rubricVersionId: string; rubricVersion: { version: number }; question: { slug: string } },
  outcome: RescoreOutcome,
  error: string | null,
): Promise<RescoreOutcome> {
  await db.rescoreJob.update({
    where: { id: job.id },
    data: { status: outcome.status === "done" ? "done" : "failed", processed: outcome.processed, failed: outcome.failed, error, finishedAt: new Date() },
  });
  const failedPart = outcome.failed ? `, ${outcome.failed} failed` : "";
  await recordAudit(db, {
    actorId: job.requestedById,
    action: "rescore.finish",
    questionId: job.questionId,
    rubricVersionId: job.rubricVersionId,
    summary: error
      ? `Re-scoring ${job.question.slug} under v${job.rubricVersion.version} failed: ${error}`
      : `Re-scored ${plural(outcome.rescored, "attempt")} of ${job.question.slug} under v${job.rubricVersion.version}${failedPart}; original scores kept`,
    details: { rescoreJobId: job.id, ...outcome, error },
  });
  return outcome;
}
