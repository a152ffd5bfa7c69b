// History benchmark: one user with 10,000 scored attempts (plus a second user's 2,000, so scoping
// matters) in a throwaway database, then median and p95 server time of every query the history
// pages run. No assertions: the goal is a full /history render at 10,000 attempts with a median ≤ 80 ms
// and p97.5 ≤ 150 ms, printed next to an authenticated no-op measured in the same run.
//   npm run bench:history [-- --attempts 10000 --runs 20 --keep]
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { loadContentBank, type Question } from "@/lib/content/load";
import type { Prisma } from "@/lib/db/generated/client";
import { exportStream, getAttemptsForCompare, getHistoryPage, getMissHeatMap, getQuestionSummaries, getQuestionTimeline, getScoreTrend, HISTORY_PAGE_SIZE, listCompareChoices, listHistoryQuestions, loadHistory } from "@/lib/db/history";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { compareAttempts } from "@/lib/history/compare";
import type { ExportFormat } from "@/lib/history/export";
import { parseHistoryQuery } from "@/lib/history/query";
import { startApp, signUp } from "@/tests/support/app-server";
import { acquireTestServer, createTempDatabase } from "@/tests/support/database";
import { seededRandom } from "@/tests/support/seeded-random";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ATTEMPTS = arg("attempts", 10_000);
const OTHER_ATTEMPTS = Math.round(ATTEMPTS / 5);
const RUNS = arg("runs", 20);
const KEEP = process.argv.includes("--keep");
const DAY = 86_400_000;

function sentences(text: string): string[] {
  return text
    .replace(/[*#`>|]/g, "")
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 30 && sentence.length < 300);
}

async function seedUser(db: Db, questions: Question[], questionIds: Map<string, { id: string; rubricVersionId: string }>, userId: string, count: number, seed: number) {
  const random = seededRandom(seed); // the same history on every run
  const now = Date.now();
  // Some questions are practised far more than others, like real people do.
  const weights = questions.map((_, index) => 1 / (1 + index * 0.15));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const pick = () => {
    let roll = random() * weightSum;
    for (let index = 0; index < questions.length; index++) {
      roll -= weights[index]!;
      if (roll <= 0) return questions[index]!;
    }
    return questions[questions.length - 1]!;
  };
  // Per item difficulty: how often this person covers it before improving.
  const difficulty = new Map<string, number>();
  const sentenceCache = new Map<string, string[]>();

  const attempts: Prisma.AttemptCreateManyInput[] = [];
  const scores: Prisma.ScoreCreateManyInput[] = [];
  const items: Prisma.ScoreItemCreateManyInput[] = [];
  // Rows are written in time order, as they are in real life (an attempt is stored when it is made).
  const moments = Array.from({ length: count }, () => random()).sort((a, b) => a - b);
  for (let n = 0; n < count; n++) {
    const question = pick();
    const ids = questionIds.get(question.slug)!;
    const progress = moments[n]!;
    const createdAt = new Date(now - (1 - progress) * 182 * DAY);
    const attemptId = randomUUID();
    const pool = sentenceCache.get(question.slug) ?? sentences(question.modelAnswer);
    sentenceCache.set(question.slug, pool);
    const answer = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pool[Math.floor(random() * pool.length)] ?? "Kafka is a distributed log.").join(" ");
    const pending = random() < 0.01;
    attempts.push({
      id: attemptId,
      userId,
      questionId: ids.id,
      rubricVersionId: ids.rubricVersionId,
      answer,
      answerSource: random() < 0.1 ? "voice" : "typed",
      status: pending ? "pending" : "scored",
      timeSpentMs: Math.round(60_000 + random() * 420_000),
      createdAt,
      updatedAt: createdAt,
    });
    if (pending) continue;

    const versions = random() < 0.05 ? 2 : 1; // some attempts were re-scored: the older score is not current
    for (let version = 0; version < versions; version++) {
      const current = version === versions - 1;
      const scoreId = randomUUID();
      let covered = 0;
      let needed = 0;
      let penalty = 0;
      for (const item of question.rubric.items) {
        const key = `${question.slug}/${item.id}`;
        if (!difficulty.has(key)) difficulty.set(key, 0.25 + random() * 0.65);
        const base = difficulty.get(key)!;
        let met: boolean;
        if (item.kind === "misconception") met = random() < 0.12 * (1 - progress * 0.6);
        else if (item.kind === "bonus") met = random() < base * 0.5 + progress * 0.15;
        else met = random() < Math.min(0.97, base + progress * 0.25);
        if (item.kind === "required") needed += item.weight;
        if (item.kind !== "misconception" && met) covered += item.weight;
        if (item.kind === "misconception" && met) penalty += 1.5;
        items.push({
          scoreId,
          itemId: item.id,
          label: item.label,
          kind: item.kind,
          weight: item.weight,
          met,
          evidence: met ? [pool[Math.floor(random() * pool.length)] ?? answer.slice(0, 120)] : [],
        });
      }
      const score = Math.max(0, Math.min(10, Math.round((10 * Math.min(1, covered / Math.max(needed, 1)) - penalty) * 10) / 10));
      scores.push({
        id: scoreId,
        attemptId,
        rubricVersionId: ids.rubricVersionId,
        scorer: current && random() < 0.2 ? "llm" : "rules",
        reason: version === 0 ? "initial" : "rescore",
        score,
        isCurrent: current,
        feedback: { summary: `Seeded score ${score}`, items: {} },
        createdAt: new Date(createdAt.getTime() + (version + 1) * 1000),
      });
    }
  }
  for (let index = 0; index < attempts.length; index += 2000) await db.attempt.createMany({ data: attempts.slice(index, index + 2000) });
  for (let index = 0; index < scores.length; index += 2000) await db.score.createMany({ data: scores.slice(index, index + 2000) });
  for (let index = 0; index < items.length; index += 5000) await db.scoreItem.createMany({ data: items.slice(index, index + 5000) });
  return { attempts: attempts.length, scores: scores.length, items: items.length };
}

interface Timing {
  name: string;
  median: number;
  p95: number;
  p975: number;
  min: number;
  note?: string;
}

async function time(name: string, work: () => Promise<unknown>, { runs = RUNS, warmup = 3, note }: { runs?: number; warmup?: number; note?: string } = {}): Promise<Timing> {
  for (let index = 0; index < warmup; index++) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  const timing = { name, median: at(0.5), p95: at(0.95), p975: at(0.975), min: samples[0]!, note };
  console.log(
    `  ${name.padEnd(52)} median ${timing.median.toFixed(1).padStart(7)} ms   p95 ${timing.p95.toFixed(1).padStart(7)} ms   p97.5 ${timing.p975.toFixed(1).padStart(7)} ms${note ? `   ${note}` : ""}`,
  );
  return timing;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function main() {
  const server = await acquireTestServer();
  const database = await createTempDatabase(server.adminUrl, "offset_bench_history");
  const db = createPrismaClient(database.url);
  try {
    console.log(`history benchmark: ${ATTEMPTS.toLocaleString("en")} attempts for one user, ${RUNS} runs per query (node ${process.version})`);
    console.log(`database ${database.name}`);
    await applyMigrations(database.url);
    const bank = loadContentBank();
    await syncQuestionBank(db, bank);
    const rows = await db.question.findMany({
      select: { id: true, slug: true, rubricVersions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
    });
    const questionIds = new Map(rows.map((row) => [row.slug, { id: row.id, rubricVersionId: row.rubricVersions[0]!.id }]));
    const questions = bank.questions.filter((question) => questionIds.has(question.slug));

    const userId = "bench-user";
    const otherId = "bench-other";
    await db.user.createMany({
      data: [
        { id: userId, name: "Bench Candidate", email: "bench@example.test", role: "candidate" },
        { id: otherId, name: "Other Candidate", email: "other@example.test", role: "candidate" },
      ],
    });
    const seedStart = performance.now();
    const mine = await seedUser(db, questions, questionIds, userId, ATTEMPTS, 42);
    const theirs = await seedUser(db, questions, questionIds, otherId, OTHER_ATTEMPTS, 7);
    await db.$executeRawUnsafe("ANALYZE");
    console.log(
      `seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${mine.attempts} attempts / ${mine.scores} scores / ${mine.items} score items ` +
        `across ${questions.length} questions (+ ${theirs.attempts} attempts for another user)\n`,
    );

    const none = parseHistoryQuery({}).filters;
    const filtered = parseHistoryQuery({ track: "kafka", from: new Date(Date.now() - 90 * DAY).toISOString().slice(0, 10), minScore: "4", maxScore: "9" }).filters;
    const busiest = (await getQuestionSummaries(db, userId, none)).sort((a, b) => b.attempts - a.attempts)[0]!;
    const lastPage = Math.ceil(ATTEMPTS / HISTORY_PAGE_SIZE);
    const [first, second] = (await db.attempt.findMany({ where: { userId, question: { slug: busiest.slug }, status: "scored" }, orderBy: { createdAt: "desc" }, take: 2, select: { id: true } })).map((row) => row.id);

    const timings: Timing[] = [];
    console.log("queries the history page runs");
    timings.push(await time("questions (filter options + validation)", () => listHistoryQuestions(db)));
    timings.push(await time("attempts table, page 1 (count + 25 rows)", () => getHistoryPage(db, userId, { filters: none, page: 1 })));
    timings.push(await time(`attempts table, last page (${lastPage})`, () => getHistoryPage(db, userId, { filters: none, page: lastPage })));
    timings.push(await time("attempts table, filtered (track, 90 days, score 4–9)", () => getHistoryPage(db, userId, { filters: filtered, page: 1 })));
    timings.push(await time("per-question summary (SQL aggregate)", () => getQuestionSummaries(db, userId, none)));
    timings.push(await time("score trend (top 5 questions × 40 points)", () => getScoreTrend(db, userId, none)));
    timings.push(await time("heat map (SQL aggregate over items)", () => getMissHeatMap(db, userId, none)));
    timings.push(await time("heat map, filtered", () => getMissHeatMap(db, userId, filtered)));

    console.log("\nfull data loads (what one page render waits for)");
    timings.push(await time("/history page 1, no filters", () => loadHistory(db, userId, {})));
    timings.push(await time("/history page 1, filtered", () => loadHistory(db, userId, { track: "kafka", minScore: "4", maxScore: "9" })));
    timings.push(await time(`/history?page=${lastPage}`, () => loadHistory(db, userId, { page: String(lastPage) })));
    timings.push(await time(`/history/questions/${busiest.slug} (${busiest.attempts} attempts)`, () => getQuestionTimeline(db, userId, busiest.slug)));
    timings.push(
      await time("/history/compare (two attempts + choices)", async () => {
        const [sides, choices] = await Promise.all([getAttemptsForCompare(db, userId, [first!, second!]), listCompareChoices(db, userId, { questionSlug: busiest.slug })]);
        if (!sides[0] || !sides[1]) throw new Error("compare: attempts not found");
        return [compareAttempts(sides[0], sides[1]), choices];
      }),
    );

    console.log("\nexport (streamed in chunks of 500; the whole file)");
    for (const format of ["csv", "json"] as ExportFormat[]) {
      let bytes = 0;
      timings.push(
        await time(
          `export ${format}, all ${ATTEMPTS.toLocaleString("en")} attempts`,
          async () => {
            bytes = await drain(await exportStream(db, userId, { filters: none, values: {}, format }));
          },
          { runs: Math.max(3, Math.round(RUNS / 4)), warmup: 1 },
        ),
      );
      console.log(`    ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    }
    timings.push(
      await time("export csv, first chunk (time to first byte)", async () => {
        const reader = (await exportStream(db, userId, { filters: none, values: {}, format: "csv" })).getReader();
        await reader.read();
        await reader.cancel();
      }),
    );

    const page = timings.find((timing) => timing.name === "/history page 1, no filters")!;
    console.log(`\n/history page 1 at ${ATTEMPTS.toLocaleString("en")} attempts: data load median ${page.median.toFixed(1)} ms, p95 ${page.p95.toFixed(1)} ms`);

    // The whole server render, over HTTP against a production build: data + React + HTML.
    console.log("\nfull server renders over HTTP (production build; time until the whole HTML has arrived)");
    const app = await startApp({ databaseUrl: database.url });
    try {
      const cookie = await signUp(app.baseUrl, { email: "bench-http@example.test", password: "bench-password-123", name: "Bench HTTP" });
      // Hand the seeded history to the account that can sign in.
      const account = await db.user.findUniqueOrThrow({ where: { email: "bench-http@example.test" }, select: { id: true } });
      await db.attempt.updateMany({ where: { userId }, data: { userId: account.id } });
      const get = (path: string) => async () => {
        const response = await fetch(`${app.baseUrl}${path}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        await response.text();
      };
      const renders: Timing[] = [];
      // The yardstick in the same run: an authenticated request that only looks up its session.
      const noop = await time("GET /api/auth/get-session (authenticated no-op)", get("/api/auth/get-session"), { runs: Math.max(RUNS, 40) });
      renders.push(await time("GET /history", get("/history"), { runs: Math.max(RUNS, 40) }));
      renders.push(await time("GET /history?track=kafka&minScore=4&maxScore=9", get("/history?track=kafka&minScore=4&maxScore=9")));
      renders.push(await time(`GET /history?page=${lastPage}`, get(`/history?page=${lastPage}`)));
      renders.push(await time(`GET /history/questions/${busiest.slug}`, get(`/history/questions/${busiest.slug}`)));
      renders.push(await time("GET /api/attempts?page=1", get("/api/attempts?page=1")));
      const render = renders[0]!;
      console.log(
        `\n/history at ${ATTEMPTS.toLocaleString("en")} attempts, full render: median ${render.median.toFixed(1)} ms (goal ≤ 80), p97.5 ${render.p975.toFixed(1)} ms (goal ≤ 150);` +
          ` ${(render.median / noop.median).toFixed(1)}× the authenticated no-op's ${noop.median.toFixed(1)} ms median.`,
      );
    } finally {
      await app.stop();
    }
  } finally {
    await db.$disconnect();
    if (KEEP) console.log(`kept database ${database.url}`);
    else await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
