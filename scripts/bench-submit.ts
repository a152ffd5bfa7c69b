// `npm run bench:submit`: submit → rules feedback under load. Starts a production build on a
// throwaway database, signs up 50 users, and drives POST /api/attempts with autocannon, one
// connection per user, in two load models:
//   1. 50 users answering at once, each submitting every 2 s (already far faster than a person
//      answers an interview question) — the latency a user sees;
//   2. 50 connections submitting back to back with no pause — the throughput ceiling, where
//      latency is just the queue (Little's law: 50 / throughput).
// The per-user submit limit (20/min) is raised for the run: it exists to stop abuse, and 50
// connections hammering back to back would otherwise measure the 429 path, not scoring. Both run after
// BENCH_WARM_UP seconds (10 by default) of unmeasured load; BENCH_DURATION sets each run's seconds (20).
// The ratio to the authenticated no-op is measured in BENCH_ROUNDS (3) alternating pairs of shorter runs
// (submit, then no-op, BENCH_DURATION / 2 s each) and reported as their median: on a shared 2-core machine
// a neighbour's burst during one long run moved a single ratio by ±10 points.
import autocannon from "autocannon";
import { loadContentBank } from "@/lib/content/load";
import { startApp, signUp } from "../tests/support/app-server";
import { acquireTestServer, createTempDatabase } from "../tests/support/database";

const USERS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 20);
const SECONDS_BETWEEN_SUBMITS = 2;
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

const server = await acquireTestServer();
const database = await createTempDatabase(server.adminUrl, "offset_bench_submit");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  console.log("Starting a production build on a throwaway database…");
  app = await startApp({ databaseUrl: database.url, env: { OFFSET_SUBMITS_PER_MINUTE: "100000", OFFSET_TRUSTED_PROXIES: "loopback" } });
  const baseUrl = app.baseUrl;
  const cookies: string[] = [];
  for (let index = 0; index < USERS; index++) {
    const user = { email: `bench-${index}@example.com`, password: "bench-password-123", name: `Bench ${index}` };
    cookies.push(await signUp(baseUrl, user, `10.0.0.${index + 1}`));
  }

  // Real answers of realistic length: each question's model answer, truncated to ~150–300 words.
  const questions = loadContentBank().questions;
  const bodies = questions.map((question, index) => {
    const words = question.modelAnswer.split(/\s+/);
    return JSON.stringify({ question: question.slug, answer: words.slice(0, 150 + ((index * 37) % 150)).join(" ") });
  });

  const run = async (
    overallRate: number | undefined,
    target: { path: string; method: "GET" | "POST" } = { path: "/api/attempts", method: "POST" },
    duration = DURATION_SECONDS,
  ) => {
    let connection = 0;
    let request = 0;
    return autocannon({
      url: `${baseUrl}${target.path}`,
      connections: USERS,
      duration,
      ...(overallRate ? { overallRate } : {}),
      requests: [
        {
          method: target.method,
          setupRequest: (req, context) => {
            // Each connection is one user: it keeps the first cookie it is handed.
            const connectionState = context as { cookie?: string };
            connectionState.cookie ??= cookies[connection++ % USERS];
            const headers = { ...req.headers, cookie: connectionState.cookie ?? "" };
            return target.method === "POST"
              ? { ...req, headers: { ...headers, "content-type": "application/json" }, body: bodies[request++ % bodies.length] }
              : { ...req, headers };
          },
        },
      ],
    });
  };

  const report = (title: string, result: autocannon.Result) => {
    const latency = result.latency;
    console.log(`\n${title}`);
    console.table({
      requests: result.requests.total,
      "throughput (req/s)": Math.round(result.requests.average),
      "latency p50 (ms)": latency.p50,
      "latency p90 (ms)": latency.p90,
      "latency p97.5 (ms)": latency.p97_5,
      "latency p99 (ms)": latency.p99,
      "latency max (ms)": latency.max,
      "2xx": result["2xx"],
      "non-2xx": result.non2xx,
      errors: result.errors,
    });
    // autocannon reports p90 and p97.5, not p95; p95 lies between them.
    console.log(`p95 lies between ${latency.p90} ms (p90) and ${latency.p97_5} ms (p97.5).`);
  };

  // Warm-up, unmeasured: a server that has just started runs its first few thousand requests slower while
  // V8 optimises Next's, Prisma's and the scorer's code (in the paced run's first 5 s, p95 was 3-4x what it
  // was 10 s later). Users meet a server that has been up for hours, so that is what is measured.
  console.log(`Warming up: ${WARM_UP_SECONDS} s of submissions and no-ops, not measured…`);
  await run(undefined, undefined, WARM_UP_SECONDS);
  await run(undefined, { path: "/api/auth/get-session", method: "GET" }, WARM_UP_SECONDS / 2);

  const paced = await pacedUsers(baseUrl, cookies, bodies);
  console.log(`\n1) ${USERS} concurrent users, each submitting about every ${SECONDS_BETWEEN_SUBMITS} s (jittered) for ${DURATION_SECONDS} s, answers of 150–300 words`);
  console.table({
    requests: paced.latencies.length,
    "throughput (req/s)": Math.round(paced.latencies.length / DURATION_SECONDS),
    "latency p50 (ms)": percentile(paced.latencies, 50),
    "latency p95 (ms)": percentile(paced.latencies, 95),
    "latency p99 (ms)": percentile(paced.latencies, 99),
    "latency max (ms)": percentile(paced.latencies, 100),
    "non-201": paced.failures,
  });
  console.log(`p95 ${percentile(paced.latencies, 95)} ms. Goal: ≤ 75 ms.`);
  const saturated = await run(undefined);
  report(`2) Saturation (autocannon): ${USERS} connections submitting back to back for ${DURATION_SECONDS} s`, saturated);
  // The yardstick, measured in this same run because the machine is shared and noisy: an
  // authenticated request that does nothing but look up its session (one query).
  const noop = await run(undefined, { path: "/api/auth/get-session", method: "GET" });
  report(`3) The authenticated no-op (GET /api/auth/get-session), ${USERS} connections back to back`, noop);
  const list = await run(undefined, { path: "/api/attempts?page=1", method: "GET" });
  report(`4) GET /api/attempts?page=1 (auth + a short list), ${USERS} connections back to back`, list);
  // Only successful answers count: a 429 or an error is cheaper than the work being measured.
  const ok = (result: autocannon.Result, seconds = DURATION_SECONDS) => result["2xx"] / seconds;
  const warnIfFailed = (name: string, result: autocannon.Result) => {
    if (result.non2xx > 0 || result.errors > 0) console.log(`WARNING: ${name} had ${result.non2xx} non-2xx responses and ${result.errors} errors; the ratio counts 2xx only.`);
  };
  for (const [name, result] of [["submit", saturated], ["no-op", noop], ["list", list]] as const) warnIfFailed(name, result);

  // The ratio, in alternating pairs so that both sides of each pair meet the same neighbours.
  const roundSeconds = Math.max(5, Math.round(DURATION_SECONDS / 2));
  console.log(`\n5) The ratio in ${ROUNDS} alternating pairs: submit, then no-op, ${roundSeconds} s each, 50 connections back to back`);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const submits = await run(undefined, undefined, roundSeconds);
    const noops = await run(undefined, { path: "/api/auth/get-session", method: "GET" }, roundSeconds);
    warnIfFailed(`round ${round} submit`, submits);
    warnIfFailed(`round ${round} no-op`, noops);
    const ratio = ok(submits, roundSeconds) / ok(noops, roundSeconds);
    ratios.push(ratio);
    console.log(`   round ${round}: submit ${Math.round(ok(submits, roundSeconds))} vs no-op ${Math.round(ok(noops, roundSeconds))} successful req/s = ${(ratio * 100).toFixed(0)}%`);
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  console.log(
    `\nSubmit throughput is ${(median * 100).toFixed(0)}% of the authenticated no-op (median of ${ROUNDS} pairs: ${ratios.map((ratio) => `${(ratio * 100).toFixed(0)}%`).join(", ")};` +
      ` the long runs above: ${Math.round(ok(saturated))} vs ${Math.round(ok(noop))} req/s = ${((ok(saturated) / ok(noop)) * 100).toFixed(0)}%; goal ≥ 50%).` +
      ` Paced p95 ${percentile(paced.latencies, 95)} ms (goal ≤ 75 ms).`,
  );
  const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { scoring?: string };
  console.log(`Submissions were scored: ${health.scoring ?? "unknown"} (OFFSET_SCORING=${process.env.OFFSET_SCORING ?? "auto"}).`);
} finally {
  await app?.stop();
  await database.drop();
  await server.stop();
}

/**
 * Each virtual user submits, waits 1–3 s (2 s on average), submits again. Unlike a fixed request
 * rate released once a second, arrivals spread out the way independent people's do.
 */
async function pacedUsers(baseUrl: string, cookies: string[], bodies: string[]) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const deadline = Date.now() + DURATION_SECONDS * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    cookies.map(async (cookie) => {
      await sleep(Math.random() * SECONDS_BETWEEN_SUBMITS * 1000);
      while (Date.now() < deadline) {
        const started = performance.now();
        const response = await fetch(`${baseUrl}/api/attempts`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: bodies[next++ % bodies.length],
        });
        await response.arrayBuffer();
        latencies.push(Math.round(performance.now() - started));
        if (response.status !== 201) failures++;
        await sleep(SECONDS_BETWEEN_SUBMITS * 1000 * (0.5 + Math.random()));
      }
    }),
  );
  return { latencies, failures };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
