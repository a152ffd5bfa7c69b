// Gives a script a database URL: DATABASE_URL when set (checked first, with a clear message when it
// is wrong), otherwise the embedded PostgreSQL, started for the script and stopped afterwards.
import { join } from "node:path";
import { projectRoot } from "@/lib/content/load";
import { describeConnectionProblem, redactUrl } from "@/lib/db/connection-check";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/db/embedded-postgres";
import { env, EnvError } from "@/lib/env";

export function dataDirectory(): string {
  return env().OFFSET_DATA_DIR ?? join(projectRoot, ".offset");
}

export async function openDatabase(log: (line: string) => void): Promise<{ url: string; embedded?: EmbeddedPostgresHandle }> {
  const url = env().DATABASE_URL;
  if (url) {
    const problem = await describeConnectionProblem(url);
    if (problem) {
      throw new StartupError(
        `Cannot use DATABASE_URL (${redactUrl(url)}): ${problem}. Fix the URL, start that PostgreSQL, or unset DATABASE_URL to use the embedded database.`,
      );
    }
    return { url };
  }
  const embedded = await startEmbeddedPostgres({ baseDir: dataDirectory(), log });
  return { url: embedded.url, embedded };
}

export async function withDatabase(work: (url: string) => Promise<void>) {
  let embedded: EmbeddedPostgresHandle | undefined;
  try {
    const opened = await openDatabase((line) => console.log(line));
    embedded = opened.embedded;
    await work(opened.url);
  } catch (error) {
    console.error(describeStartupError(error));
    process.exitCode = 1;
  } finally {
    await embedded?.stop();
  }
}

/** A failure we can explain in one line; anything else is printed with its message only. */
export class StartupError extends Error {}

export function describeStartupError(error: unknown): string {
  if (error instanceof StartupError || error instanceof EnvError) return error.message;
  return `Offset could not start: ${error instanceof Error ? error.message : String(error)}`;
}
