import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const baseDir = mkdtempSync(join(tmpdir(), "offset-embedded-"));
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("embedded PostgreSQL", () => {
  it("initialises, serves queries, stops, and keeps its data across restarts", async () => {
    const first = await startEmbeddedPostgres({ baseDir });
    expect(first.initialisedNow).toBe(true);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
    await first.stop();

    const second = await startEmbeddedPostgres({ baseDir });
    try {
      expect(second.initialisedNow).toBe(false);
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "survives a restart" }]);
    } finally {
      await second.stop();
    }
  });

  it("recovers a server left running by a killed parent", async () => {
    // A separate Node process starts the server, then is SIGKILLed, so nothing stops Postgres.
    const script = `import { startEmbeddedPostgres } from "./lib/db/embedded-postgres.ts";
      const handle = await startEmbeddedPostgres({ baseDir: ${JSON.stringify(baseDir)} });
      console.log("READY " + handle.port);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
      child.once("exit", (code) => reject(new Error(`helper exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const orphanPid = Number(readFileSync(join(baseDir, "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(orphanPid)).toBe(true);

    const recovered = await startEmbeddedPostgres({ baseDir });
    try {
      expect(recovered.recoveredStaleServer).toBe(true);
      expect(isAlive(orphanPid)).toBe(false);
      expect(await query(recovered.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await recovered.stop();
    }
  });
});
