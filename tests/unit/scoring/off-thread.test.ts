// The scoring thread is a way to run the scorer, never a different scorer: every answer scores the same on the
// thread as inline, and the thread's absence, death or refusal falls back to inline scoring.
import { afterAll, describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { scoreWithRules } from "@/lib/scoring";
import { scoreSubmission, scoringCounts, scoringThreadReady, startScoringThread, stopScoringThread } from "@/lib/scoring/off-thread";

const bank = loadContentBank();

async function threadReady(): Promise<void> {
  startScoringThread();
  for (let waited = 0; waited < 60_000 && !scoringThreadReady(); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(scoringThreadReady(), "the scoring thread started and warmed up").toBe(true);
}

afterAll(() => stopScoringThread());

describe("scoring on a worker thread", () => {
  it("scores before the thread is ready, inline", async () => {
    await stopScoringThread();
    const question = bank.questions[0]!;
    const before = scoringCounts();
    const result = await scoreSubmission({ question, answer: question.modelAnswer, vocabulary: bank.vocabulary, claims: bank.claims }, `${question.slug}@test`, { thread: true });
    expect(result).toEqual(scoreWithRules({ question, answer: question.modelAnswer, vocabulary: bank.vocabulary, claims: bank.claims }));
    expect(scoringCounts().inline).toBe(before.inline + 1);
  });

  it("gives the same result as inline scoring for every question, on the thread", async () => {
    await threadReady();
    const before = scoringCounts();
    const answers = bank.questions.flatMap((question) => {
      const words = question.modelAnswer.split(/\s+/);
      return [
        [question, question.modelAnswer],
        [question, words.slice(0, 60).join(" ")],
        [question, `${words.slice(0, 120).join(" ")} Kafka deletes a message as soon as a consumer has read it, and acks=1 is plenty once idempotence is on.`],
      ] as const;
    });
    for (const [question, answer] of answers) {
      const input = { question, answer, vocabulary: bank.vocabulary, claims: bank.claims, rubricVersion: "v1" };
      expect(await scoreSubmission(input, `${question.slug}@v1`, { thread: true }), `${question.slug}: ${answer.slice(0, 60)}…`).toEqual(scoreWithRules(input));
    }
    expect(scoringCounts().thread - before.thread).toBe(answers.length);
  }, 120_000);

  it("falls back inline when the thread dies, and starts a new one later", async () => {
    await threadReady();
    await stopScoringThread();
    const question = bank.questions[1]!;
    const before = scoringCounts();
    const result = await scoreSubmission({ question, answer: "Consumers pull records in batches.", vocabulary: bank.vocabulary, claims: bank.claims }, `${question.slug}@v1`, { thread: true });
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(scoringCounts().inline).toBe(before.inline + 1);
    await threadReady();
  }, 120_000);
});
