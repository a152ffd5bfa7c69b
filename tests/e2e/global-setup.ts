// Starts Offset exactly as `npm start` does (production build, migrations, content sync), on a
// throwaway database and a free port, for the whole e2e run.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { acquireTestServer, createTempDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Offset did not start within 4 minutes:\n${log.join("")}`)), 240_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("Offset is ready at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Offset exited with code ${code} before it was ready:\n${log.join("")}`));
    });
  });
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const database = await createTempDatabase(server.adminUrl, "offset_e2e");
  const port = await freePort();
  const log: string[] = [];
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), NODE_ENV: "production", OPENAI_API_KEY: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForReady(app, log);
  project.provide("baseUrl", `http://localhost:${port}`);

  return async () => {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
    await database.drop();
    await server.stop();
  };
}
