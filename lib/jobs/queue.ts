// Background work on the same Postgres (pg-boss): the optional LLM refinement of a score. The queue
// is one instance per process, parked on globalThis like the Prisma client.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

export const QUEUES = {
  llmRefinement: "llm-refinement",
} as const;

export interface LlmRefinementJob {
  attemptId: string;
}

const globalForQueue = globalThis as unknown as { offsetQueue?: Promise<PgBoss> };

export function queue(): Promise<PgBoss> {
  globalForQueue.offsetQueue ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, max: 4, application_name: "offset-jobs" });
    boss.on("error", (error: Error) => console.error(`[jobs] ${error.message}`));
    await boss.start();
    // Two retries with backoff on top of the scorer's own timeout-and-retry, then the rules score stands.
    await boss.createQueue(QUEUES.llmRefinement, { name: QUEUES.llmRefinement, retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 });
    return boss;
  })();
  return globalForQueue.offsetQueue;
}

export async function enqueueLlmRefinement(attemptId: string) {
  const boss = await queue();
  await boss.send(QUEUES.llmRefinement, { attemptId } satisfies LlmRefinementJob, { singletonKey: attemptId });
}

export async function stopQueue() {
  const pending = globalForQueue.offsetQueue;
  globalForQueue.offsetQueue = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5000 });
}
