// `npm start` (and `npm run dev` with --dev): everything Offset needs, in order, in one process —
// validate the environment, open the database (DATABASE_URL or the embedded PostgreSQL), build if
// the sources changed, apply migrations, mirror the question bank, then serve Next in-process.
// Running Next in this process means a kill can orphan at most PostgreSQL, and the next start
// detects and recovers that (lib/db/embedded-postgres.ts).
import { createServer, type Server } from "node:http";
import next from "next";
import { formatProblem, loadContentBank, projectRoot } from "@/lib/content/load";
import { isPortFree, type EmbeddedPostgresHandle } from "@/lib/db/embedded-postgres";
import { createPrismaClient } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { compileTrustedProxies, stampClientIp } from "@/lib/http/client-ip";
import { stopQueue } from "@/lib/jobs/queue";
import { parseEnv } from "@/lib/env";
import { isBuildCurrent } from "./lib/build-fingerprint";
import { dataDirectory, describeStartupError, openDatabase, StartupError } from "./lib/database";
import { ensureAuthSecret } from "./lib/secret";
import { runBuild } from "./build";

const dev = process.argv.includes("--dev");
// Decided here, before anything reads it: Next, React and our env module all key off NODE_ENV.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const startedAt = performance.now();
const say = (line: string) => console.log(`[offset] ${line}`);

// What is running, so a signal or a failure can stop it in reverse order: HTTP, Next, Postgres.
const running: { server?: Server; app?: ReturnType<typeof next>; embedded?: EmbeddedPostgresHandle } = {};
let stopping = false;

async function stopAll() {
  const { server, app, embedded } = running;
  if (server) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  // Background workers run inside the Next server; stop them before their database goes away.
  await stopQueue().catch((error: unknown) => console.error(error));
  await app?.close().catch((error: unknown) => console.error(error));
  await embedded?.stop().catch((error: unknown) => console.error(error));
}

async function main() {
  const env = parseEnv();
  const trustProxy = compileTrustedProxies(env.OFFSET_TRUSTED_PROXIES);
  const host = "0.0.0.0";
  if (!(await isPortFree(env.PORT, host))) {
    throw new StartupError(`Port ${env.PORT} is already in use. Stop whatever is using it, or choose another port: PORT=${env.PORT + 1} npm start`);
  }

  ensureAuthSecret(dataDirectory());
  process.env.BETTER_AUTH_URL ??= `http://localhost:${env.PORT}`;

  // The database first: a wrong DATABASE_URL should fail in a second, not after a build.
  const database = await openDatabase(say);
  running.embedded = database.embedded;
  process.env.DATABASE_URL = database.url;

  if (!dev && !isBuildCurrent(projectRoot)) {
    say("Building the app (sources changed since the last build)…");
    if (!runBuild()) throw new StartupError("The build failed; see the messages above.");
  }

  const applied = await applyMigrations(database.url);
  if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);

  const bank = loadContentBank();
  for (const problem of bank.problems) console.error(`[offset] content problem, skipped: ${formatProblem(problem)}`);
  const prisma = createPrismaClient(database.url);
  try {
    const sync = await syncQuestionBank(prisma, bank);
    if (sync.created + sync.updated + sync.archived > 0) {
      say(`Question bank synced: ${sync.created} new, ${sync.updated} updated, ${sync.archived} archived.`);
    }
  } finally {
    await prisma.$disconnect();
  }

  running.app = next({ dev, dir: projectRoot, hostname: "localhost", port: env.PORT });
  const handle = running.app.getRequestHandler();
  await running.app.prepare();
  const server = createServer((req, res) => {
    stampClientIp(req, trustProxy);
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, host, resolve);
  });
  running.server = server;

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  say(`Offset is ready at http://localhost:${env.PORT}  (${dev ? "development" : "production"} mode, started in ${seconds} s)`);
  say(`${bank.questions.length} questions in ${bank.tracks.length} tracks.`);
  say(
    database.embedded
      ? `Data lives in ${database.embedded.dataDir} (embedded PostgreSQL on 127.0.0.1:${database.embedded.port}, log: ${database.embedded.logFile}).`
      : "Data lives in the database at DATABASE_URL.",
  );
  say("Press Ctrl-C to stop.");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down…`);
    void stopAll().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`[offset] ${describeStartupError(error)}`);
  stopping = true;
  void stopAll().finally(() => process.exit(1));
});
