import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// These run the real entry points, as a user would, and check what they print and how they exit.
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: "", PORT: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm start refuses bad configuration with one clear line", () => {
  it("an unreachable DATABASE_URL", () => {
    const result = run("scripts/start.ts", [], { DATABASE_URL: "postgresql://offset@127.0.0.1:1/offset", PORT: "39871" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot use DATABASE_URL \(postgresql:\/\/offset@127\.0\.0\.1:1\/offset\): nothing is listening .* unset DATABASE_URL/);
  });

  it("a DATABASE_URL that is not a postgres URL", () => {
    const result = run("scripts/start.ts", [], { DATABASE_URL: "mysql://localhost/offset" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it("a port that is already taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = run("scripts/start.ts", [], { PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  });
});

describe("npm run content:check", () => {
  it("passes on the real bank", () => {
    const result = run("scripts/content-check.ts", []);
    expect(result.stdout).toMatch(/^content ok: \d+ questions in \d+ tracks/);
    expect(result.status).toBe(0);
  });

  it("names the file and line of a deliberately broken copy", () => {
    const copy = mkdtempSync(join(tmpdir(), "offset-broken-"));
    cpSync("content", copy, { recursive: true });
    const target = join(copy, "questions", "kafka-what-and-why.md");
    writeFileSync(target, spawnSync("sed", ["s/^level: warm-up$/level: impossible/", "content/questions/kafka-what-and-why.md"], { encoding: "utf8" }).stdout);
    const result = run("scripts/content-check.ts", ["--dir", copy]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/kafka-what-and-why\.md:5: level: must be one of: warm-up/);
    expect(result.stderr).toMatch(/content check failed: 1 problem/);
  });
});
