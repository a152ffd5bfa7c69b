// Scoring a submission on a worker thread. Scoring is pure CPU (a few milliseconds for a long answer), and on the
// request thread it queued every other request behind it: auth, history pages, the no-op. On its own thread it
// runs beside them, on the machine's other core.
//
// The thread (thread-entry.ts) loads the same question bank from disk and warms up at start. Until it is ready,
// or if it fails, stalls or dies, a submission is scored inline exactly as before: the thread is a way to run the
// scorer, never a different scorer (tests/integration/scoring-thread.test.ts holds the two to the same results).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { projectRoot } from "@/lib/content/load";
import { env } from "@/lib/env";
import { scoreWithRules } from "./rules";
import type { ScorableQuestion, ScoreInput, ScoreResult } from "./types";

export interface ThreadRequest {
  id: number;
  /** Names one immutable version of a question's rubric ("slug@rubric version id"). */
  questionKey: string;
  /** Sent with the first request for a key only. */
  question?: ScorableQuestion;
  answer: string;
  rubricVersion?: string;
}
export type ThreadReply = { ready: true } | { id: number; result: ScoreResult } | { id: number; error: string };

/** A request the thread has not answered in this long is scored inline instead. */
const REPLY_TIMEOUT_MS = 5_000;
/** After the thread dies, wait this long before starting another. */
const RESTART_AFTER_MS = 5_000;

interface Pending {
  resolve: (result: ScoreResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ScoringThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  /** Question keys the thread already holds. */
  private readonly sent = new Set<string>();
  private nextId = 1;
  ready = false;
  dead = false;

  constructor(bootstrap: string, entry: string, onExit: () => void) {
    this.worker = new Worker(bootstrap, { workerData: { entry }, env: process.env, name: "offset-scoring" });
    this.worker.unref();
    this.worker.on("message", (reply: ThreadReply) => this.receive(reply));
    this.worker.on("error", (error) => console.error("[scoring] the scoring thread failed; scoring inline", error));
    this.worker.on("exit", () => {
      this.dead = true;
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error("the scoring thread exited"));
        this.pending.delete(id);
      }
      onExit();
    });
  }

  score(input: ScoreInput, questionKey: string): Promise<ScoreResult> {
    const id = this.nextId++;
    const request: ThreadRequest = { id, questionKey, answer: input.answer, rubricVersion: input.rubricVersion };
    if (!this.sent.has(questionKey)) {
      request.question = { slug: input.question.slug, rubric: input.question.rubric, modelAnswer: input.question.modelAnswer, prompt: input.question.prompt };
      this.sent.add(questionKey);
    }
    return new Promise<ScoreResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the scoring thread did not answer within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage(request);
    });
  }

  private receive(reply: ThreadReply) {
    if ("ready" in reply) {
      this.ready = true;
      if (process.env.NODE_ENV !== "test") console.info("[scoring] scoring submissions on a worker thread");
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if ("result" in reply) pending.resolve(reply.result);
    else pending.reject(new Error(reply.error));
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

// One thread per process, parked on globalThis: Next bundles this module into several layers.
const globalForThread = globalThis as unknown as { offsetScoringThread?: { thread?: ScoringThread; restartAt: number; counts: { thread: number; inline: number } } };
const state = (globalForThread.offsetScoringThread ??= { restartAt: 0, counts: { thread: 0, inline: 0 } });

/** How many submissions this process scored on the thread and inline (for tests and benchmarks). */
export function scoringCounts(): { thread: number; inline: number } {
  return { ...state.counts };
}

const BOOTSTRAP = join(projectRoot, "lib", "scoring", "thread-bootstrap.mjs");
const ENTRY = join(projectRoot, "lib", "scoring", "thread-entry.ts");

/** Whether submissions should be scored on the thread: OFFSET_SCORING, and "auto" means the production server. */
export function scoringThreadWanted(): boolean {
  const mode = env().OFFSET_SCORING;
  if (mode !== "auto") return mode === "thread";
  return process.env.NODE_ENV === "production" && process.env.NEXT_RUNTIME === "nodejs";
}

/** Starts the thread (it warms up in the background); a no-op when it runs or cannot run here. */
export function startScoringThread(): void {
  if (state.thread && !state.thread.dead) return;
  if (Date.now() < state.restartAt || !existsSync(BOOTSTRAP)) return;
  const thread: ScoringThread = new ScoringThread(BOOTSTRAP, ENTRY, () => {
    // A thread that died on its own is replaced, but not at once: one that cannot start would otherwise be
    // restarted on every submission. A stopped one (stopScoringThread) has already been let go.
    if (state.thread !== thread) return;
    state.thread = undefined;
    state.restartAt = Date.now() + RESTART_AFTER_MS;
  });
  state.thread = thread;
}

/** Stops the thread (tests, shutdown). */
export async function stopScoringThread(): Promise<void> {
  const thread = state.thread;
  state.thread = undefined;
  state.restartAt = 0;
  if (thread) await thread.stop();
}

/**
 * Where the next submission will be scored: "thread", "starting" (wanted, still loading: inline meanwhile) or
 * "inline". Reported by GET /api/health.
 */
export function scoringMode(): "thread" | "starting" | "inline" {
  if (!scoringThreadWanted()) return "inline";
  if (scoringThreadReady()) return "thread";
  return state.thread ? "starting" : "inline";
}

/** Whether the thread has loaded and warmed up. */
export function scoringThreadReady(): boolean {
  return state.thread?.ready === true && !state.thread.dead;
}

/**
 * scoreWithRules, on the scoring thread when it is wanted and ready, inline otherwise. `questionKey` must name
 * one immutable rubric version. The thread scores against the bank on disk, so `input.vocabulary` and
 * `input.claims` must be the content bank's own (as they are for every submission).
 */
export async function scoreSubmission(input: ScoreInput, questionKey: string, options: { thread?: boolean } = {}): Promise<ScoreResult> {
  if (options.thread ?? scoringThreadWanted()) {
    startScoringThread();
    if (scoringThreadReady()) {
      try {
        const result = await state.thread!.score(input, questionKey);
        state.counts.thread++;
        return result;
      } catch (error) {
        console.error("[scoring] scoring inline after a thread failure:", (error as Error).message);
      }
    }
  }
  state.counts.inline++;
  return scoreWithRules(input);
}
