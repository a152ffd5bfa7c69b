// The scoring thread: loads the question bank's vocabulary and false-claim catalogue once, warms the scorer up,
// then scores what the server sends. A question travels with its first request only (see off-thread.ts): after that
// the thread reuses its own copy, so each rubric is compiled once here, as it is in the server.
import { parentPort } from "node:worker_threads";
import { loadContentBank } from "@/lib/content/load";
import { scoreWithRules } from "./rules";
import type { ScorableQuestion } from "./types";
import { warmUpScorer } from "./warm-up";
import type { ThreadReply, ThreadRequest } from "./off-thread";

const port = parentPort;
if (!port) throw new Error("thread-entry.ts runs only as a worker thread (see off-thread.ts)");

const bank = loadContentBank();
warmUpScorer(bank);
const questions = new Map<string, ScorableQuestion>();

port.on("message", (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    let question = questions.get(request.questionKey);
    if (!question) {
      if (!request.question) throw new Error(`the thread has no question "${request.questionKey}" and none was sent`);
      questions.set(request.questionKey, (question = request.question));
    }
    const result = scoreWithRules({ question, answer: request.answer, vocabulary: bank.vocabulary, claims: bank.claims, rubricVersion: request.rubricVersion });
    reply = { id: request.id, result };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ThreadReply);
