// Integration and e2e tests run against a real PostgreSQL: TEST_DATABASE_URL, else the local server
// this machine provides (127.0.0.1:5432, database `test`), else an embedded one started for the run.
// Each test file gets its own throwaway database so tests never see each other's rows.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { describeConnectionProblem } from "@/lib/db/connection-check";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/db/embedded-postgres";

const LOCAL_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test";

/** Finds (or starts) a server; returns an admin URL and a stop function for what we started. */
export async function acquireTestServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const configured = process.env.TEST_DATABASE_URL;
  const candidate = configured ?? LOCAL_DEFAULT;
  const problem = await describeConnectionProblem(candidate, 3000);
  if (!problem) return { adminUrl: candidate, stop: async () => {} };
  if (configured) throw new Error(`TEST_DATABASE_URL is not usable: ${problem}`);
  const embedded: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    baseDir: join(process.cwd(), ".offset", "test-postgres"),
    database: "offset_test_admin",
  });
  return { adminUrl: embedded.url, stop: () => embedded.stop() };
}

export interface TempDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(adminUrl: string, prefix = "offset_test"): Promise<TempDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
