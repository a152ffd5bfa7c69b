// Starts Offset exactly as `npm start` does (production build if needed, migrations, content sync)
// on a given database and a free port. Used by the e2e suite and the HTTP benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  output: string[];
  stop(): Promise<void>;
}

export async function startApp({ databaseUrl, env = {}, readyTimeoutMs = 300_000 }: { databaseUrl: string; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<RunningApp> {
  const port = await freePort();
  const output: string[] = [];
  // BENCH_CPU_PROF=<dir> profiles the server (Node refuses --cpu-prof in NODE_OPTIONS): `npm run bench:submit`
  // then open the .cpuprofile in Chrome's DevTools or speedscope.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), OPENAI_API_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForReady(child, output, readyTimeoutMs);
  return {
    baseUrl: `http://localhost:${port}`,
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function waitForReady(child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Offset did not start within ${Math.round(timeoutMs / 60_000)} minutes:\n${output.join("")}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("Offset is ready at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Offset exited with code ${code} before it was ready:\n${output.join("")}`));
    });
  });
}

/**
 * Signs up a user through the real auth endpoint; returns the session cookie header. Sign-ups are
 * rate-limited per client address, so simulated users can each bring their own (`clientIp`).
 */
export async function signUp(baseUrl: string, user: { email: string; password: string; name: string }, clientIp?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, ...(clientIp ? { "x-forwarded-for": clientIp } : {}) },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`sign-up of ${user.email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return cookies.join("; ");
}
