import pg from "pg";

/** Connects once to prove a DATABASE_URL works; resolves to a one-line reason when it does not. */
export async function describeConnectionProblem(url: string, timeoutMs = 5000): Promise<string | undefined> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  } catch (error) {
    return `the URL cannot be parsed (${(error as Error).message})`;
  }
  client.on("error", () => {}); // a late socket error after end() must not crash the caller
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "ECONNREFUSED") return "nothing is listening at that host and port (is PostgreSQL running?)";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name does not resolve";
    if (code === "28P01" || code === "28000") return `authentication failed (${message})`;
    if (code === "3D000") return `${message} — create it first (createdb) or point DATABASE_URL at an existing one`;
    return message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
