// Spawns the real CLI (npx tsx scripts/score.ts) to check its stable interface and exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ANSWER_CHARS } from "@/lib/scoring";
import { projectRoot } from "@/lib/content/load";

const SLUG = "kafka-what-and-why";

function cli(args: string[], input = "") {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY; // never the network
  const result = spawnSync("npx", ["tsx", "scripts/score.ts", ...args], { cwd: projectRoot, input, encoding: "utf8", env, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/score.ts", { timeout: 60_000 }, () => {
  it("scores one answer from stdin and prints the stable fields", () => {
    const { code, stdout } = cli(["--question", SLUG], "Kafka is a distributed, append-only commit log. Topics are split into partitions so reads and writes run in parallel.");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 6)).toEqual(["question", "score", "scorer", "rubricVersion", "items", "feedback"]);
    expect(out.question).toBe(SLUG);
    expect(out.scorer).toBe("rules");
    const items = out.items as Array<Record<string, unknown>>;
    expect(Object.keys(items[0]!)).toEqual(["id", "label", "kind", "met", "evidence"]);
    expect(Object.keys(out.feedback as object)).toEqual(["nailed", "tightenUp", "misconceptions"]);
  });

  it("exits 2 with a message for an unknown slug or bad usage", () => {
    const unknown = cli(["--question", "no-such-question"], "text");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown question "no-such-question"/);
    const usage = cli(["--bogus"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage/);
  });

  it("scores an empty answer 0 with a message, and refuses an answer over the limit", () => {
    const empty = cli(["--question", SLUG], "");
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ score: 0, message: expect.stringMatching(/no answer/i) });
    const long = cli(["--question", SLUG], "word ".repeat(MAX_ANSWER_CHARS / 4));
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/limit is 20,000/);
  });

  it("scores a JSONL batch line by line, reporting bad lines and carrying on", () => {
    const dir = mkdtempSync(join(tmpdir(), "offset-score-"));
    const file = join(dir, "batch.jsonl");
    const lines = [
      JSON.stringify({ id: "a", question: SLUG, text: "Kafka keeps records for the retention period, even after they are read." }),
      "{not json",
      JSON.stringify({ id: "c", question: "nope", text: "x" }),
      JSON.stringify({ id: "d", question: SLUG, text: "" }),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const { code, stdout } = cli(["--batch", file]);
    expect(code).toBe(0);
    const out = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: "a", question: SLUG, scorer: "rules" });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/line 2: invalid JSON/) });
    expect(out[2]).toMatchObject({ id: "c", error: expect.stringMatching(/unknown question/) });
    expect(out[3]).toMatchObject({ id: "d", score: 0 });
  });

  // How fast is for `npm run bench:scoring`; a timed assertion here only fails on a busy machine.
  it("scores 1,000 answers in one batch, one line each", () => {
    const dir = mkdtempSync(join(tmpdir(), "offset-score-"));
    const file = join(dir, "big.jsonl");
    const text = "Kafka is an append-only log split into partitions across brokers, so it scales. Consumers track offsets and can replay history. ".repeat(8);
    writeFileSync(file, Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: i, question: SLUG, text })).join("\n"));
    const { code, stdout } = cli(["--batch", file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: number; score: number });
    expect(lines.map((line) => line.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(new Set(lines.map((line) => line.score)).size).toBe(1);
  });
});
