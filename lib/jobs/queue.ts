// Background work on the same Postgres (pg-boss): the optional LLM refinement of a score, and
// re-scoring past attempts when an instructor publishes a rubric version. The queue
// is one instance per process, parked on globalThis like the Prisma client.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

export const QUEUES = {
  llmRefinement: "llm-refinement",
  rescore: "rubric-rescore",
  /** Every minute: scores attempts a crash or a database restart left unscored. */
  sweepStuck: "sweep-stuck-attempts",
} as const;

export interface RescoreJobData {
  rescoreJobId: string;
}

export interface LlmRefinementJob {
  attemptId: string;
}

const globalForQueue = globalThis as unknown as { offsetQueue?: Promise<PgBoss> };

export function queue(): Promise<PgBoss> {
  globalForQueue.offsetQueue ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, max: 4, application_name: "offset-jobs" });
    boss.on("error", (error: Error & { code?: string }) => {
      // 57P01 admin_shutdown: PostgreSQL is stopping. Ctrl-C reaches the embedded server as well as
      // this process, so it can close these connections before stopQueue() runs; nothing is lost.
      if (error.code === "57P01") return;
      console.error(`[jobs] ${error.message}`);
    });
    await boss.start();
    // Two retries with backoff on top of the scorer's own timeout-and-retry, then the rules score stands.
    await boss.createQueue(QUEUES.llmRefinement, { name: QUEUES.llmRefinement, retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 });
    // A re-score resumes where it stopped (attempts already under the version are skipped), so a retry is safe.
    await boss.createQueue(QUEUES.rescore, { name: QUEUES.rescore, retryLimit: 2, retryDelay: 5, expireInSeconds: 3600 });
    // pg-boss keeps schedules in the database and enqueues each tick once, however many instances run.
    await boss.createQueue(QUEUES.sweepStuck, { name: QUEUES.sweepStuck, retryLimit: 0, expireInSeconds: 300 });
    await boss.schedule(QUEUES.sweepStuck, "* * * * *", {}, { singletonKey: QUEUES.sweepStuck });
    return boss;
  })();
  return globalForQueue.offsetQueue;
}

export async function enqueueLlmRefinement(attemptId: string) {
  const boss = await queue();
  await boss.send(QUEUES.llmRefinement, { attemptId } satisfies LlmRefinementJob, { singletonKey: attemptId });
}

export async function enqueueRescore(rescoreJobId: string) {
  const boss = await queue();
  await boss.send(QUEUES.rescore, { rescoreJobId } satisfies RescoreJobData, { singletonKey: rescoreJobId });
}

export async function stopQueue() {
  const pending = globalForQueue.offsetQueue;
  globalForQueue.offsetQueue = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5000 });
}
