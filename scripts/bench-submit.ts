// `npm run bench:submit`: submit → rules feedback under load. Starts a production build on a
// throwaway database, signs up 50 users, then has autocannon keep 50 connections (one user each)
// posting answers to POST /api/attempts for 20 s. Prints throughput and latency percentiles.
// The per-user submit limit (20/min) is raised for the run: it exists to stop abuse, and 50
// connections hammering back to back would otherwise measure the 429 path, not scoring.
import autocannon from "autocannon";
import { loadContentBank } from "@/lib/content/load";
import { startApp, signUp } from "../tests/support/app-server";
import { acquireTestServer, createTempDatabase } from "../tests/support/database";

const USERS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 20);

const server = await acquireTestServer();
const database = await createTempDatabase(server.adminUrl, "offset_bench_submit");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  console.log("Starting a production build on a throwaway database…");
  app = await startApp({ databaseUrl: database.url, env: { OFFSET_SUBMITS_PER_MINUTE: "100000" } });
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

  // Warm-up: compile routes, fill caches.
  for (const body of bodies.slice(0, 5)) {
    await fetch(`${baseUrl}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie: cookies[0]! }, body });
  }

  let connection = 0;
  let request = 0;
  const result = await autocannon({
    url: `${baseUrl}/api/attempts`,
    connections: USERS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (req, context) => {
          // Each connection is one user: it keeps the first cookie it is handed.
          const connectionState = context as { cookie?: string };
          connectionState.cookie ??= cookies[connection++ % USERS];
          return {
            ...req,
            headers: { ...req.headers, "content-type": "application/json", cookie: connectionState.cookie ?? "" },
            body: bodies[request++ % bodies.length],
          };
        },
      },
    ],
  });

  const latency = result.latency;
  console.log(`\nPOST /api/attempts — ${USERS} concurrent users, ${DURATION_SECONDS} s, answers of 150–300 words`);
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
  // autocannon reports p90/p97.5 rather than p95; bracket it.
  console.log(`p95 lies between ${latency.p90} ms (p90) and ${latency.p97_5} ms (p97.5). Goal: ≤ 150 ms.`);
} finally {
  await app?.stop();
  await database.drop();
  await server.stop();
}
