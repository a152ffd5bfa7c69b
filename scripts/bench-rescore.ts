// Re-scoring benchmark: a question with N scored attempts in a throwaway database; an instructor
// publishes a new rubric version and the re-score job runs over every attempt. Prints the job's wall
// time and attempts per second. No assertions.
//   npm run bench:rescore [-- --attempts 2000]
// (It runs under the react-server condition because the data layer imports "server-only".)
import { performance } from "node:perf_hooks";
import { loadContentBank } from "@/lib/content/load";
import { saveScore } from "@/lib/db/attempts";
import { createPrismaClient } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { getRubricWorkspace, publishRubricVersion, saveRubricVersion } from "@/lib/db/rubrics";
import { applyMigrations } from "@/lib/db/schema-engine";
import { runRescoreJob } from "@/lib/instructor/rescore";
import { scoreWithRules } from "@/lib/scoring";
import { acquireTestServer, createTempDatabase } from "@/tests/support/database";

const index = process.argv.indexOf("--attempts");
const ATTEMPTS = index > 0 ? Number(process.argv[index + 1]) : 2000;
const SLUG = "kafka-delivery-guarantees";

const server = await acquireTestServer();
const database = await createTempDatabase(server.adminUrl, "offset_bench_rescore");
try {
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url);
  const bank = loadContentBank();
  await syncQuestionBank(db, bank);
  const question = bank.questions.find((candidate) => candidate.slug === SLUG)!;
  const user = await db.user.create({ data: { id: "bench-rescore-user", email: "rescore@example.com", name: "Bench", emailVerified: true } });
  const instructor = await db.user.create({ data: { id: "bench-rescore-instructor", email: "instructor@example.com", name: "Instructor", emailVerified: true, role: "instructor" } });
  const { id: questionId } = (await db.question.findUnique({ where: { slug: SLUG }, select: { id: true } }))!;
  const workspace = (await getRubricWorkspace(db, { slug: SLUG }))!;

  // Answers of varied quality: the first k sentences of the model answer, for k = 1…n.
  const sentences = question.modelAnswer.replace(/[*#`>|]/g, "").split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 20);
  console.log(`Seeding ${ATTEMPTS.toLocaleString("en")} scored attempts of ${SLUG}…`);
  for (let i = 0; i < ATTEMPTS; i++) {
    const answer = sentences.slice(0, 1 + (i % sentences.length)).join(" ");
    const attempt = await db.attempt.create({ data: { userId: user.id, questionId, answer, status: "scored" } });
    const result = scoreWithRules({ question: { ...question, rubric: workspace.active.rubric }, answer, vocabulary: bank.vocabulary, claims: bank.claims });
    await saveScore(db, { attemptId: attempt.id, rubricVersionId: workspace.active.id, result, reason: "initial" });
  }

  const rubric = { items: workspace.active.rubric.items.map((item, i) => (i === 0 ? { ...item, weight: Math.min(5, item.weight + 1) } : item)) };
  const saved = await saveRubricVersion(db, { slug: SLUG, baseVersion: workspace.latest.version, rubric, note: "bench", actorId: instructor.id });
  let jobId = "";
  await publishRubricVersion(db, { slug: SLUG, version: saved.version, actorId: instructor.id }, async (id) => {
    jobId = id;
  });

  const started = performance.now();
  const outcome = await runRescoreJob(db, { id: jobId });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nRe-scored ${outcome.rescored.toLocaleString("en")} of ${ATTEMPTS.toLocaleString("en")} attempts under v${saved.version} in ${seconds.toFixed(1)} s`);
  console.log(`  ${Math.round(outcome.rescored / seconds).toLocaleString("en")} attempts/s (rules scorer + one transaction per attempt); ${outcome.failed} failed`);
  const originals = await db.score.count({ where: { reason: "initial", isCurrent: false } });
  console.log(`  original scores kept: ${originals.toLocaleString("en")}`);
  await db.$disconnect();
} finally {
  await database.drop();
  await server.stop();
}
