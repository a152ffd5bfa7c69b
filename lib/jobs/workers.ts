// Registers the queue handlers. Started once per server process from instrumentation.ts.
import { db } from "@/lib/db/prisma";
import { sweepStuckAttempts } from "@/lib/practice/finish-scoring";
import { refineAttempt } from "@/lib/practice/refine";
import { runRescoreJob } from "@/lib/instructor/rescore";
import { queue, QUEUES, type LlmRefinementJob, type RescoreJobData } from "./queue";

export async function startWorkers() {
  const boss = await queue();
  await boss.work<LlmRefinementJob>(QUEUES.llmRefinement, { includeMetadata: true, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const finalTry = job.retryCount >= job.retryLimit;
    const outcome = await refineAttempt(db(), { attemptId: job.data.attemptId, finalTry });
    // Throwing hands the job back to pg-boss for a retry with backoff.
    if (outcome === "retry") throw new Error(`LLM refinement of ${job.data.attemptId} failed; will retry`);
  });
  await boss.work<RescoreJobData>(QUEUES.rescore, { batchSize: 1 }, async ([job]) => {
    if (job) await runRescoreJob(db(), { id: job.data.rescoreJobId });
  });
  await boss.work(QUEUES.sweepStuck, { batchSize: 1 }, async () => {
    const { scored, failed } = await sweepStuckAttempts(db());
    if (scored + failed > 0) console.log(`[sweeper] scored ${scored} attempt(s) left unscored${failed ? `, ${failed} failed` : ""}`);
  });
}
