// One running Offset (production build, real Postgres) for the whole e2e run.
import type { TestProject } from "vitest/node";
import { startApp } from "../support/app-server";
import { acquireTestServer, createTempDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const database = await createTempDatabase(server.adminUrl, "offset_e2e");
  // The tests stand in for a reverse proxy on loopback: the X-Forwarded-For they send gives each
  // simulated visitor an address of its own, as a real proxy would.
  const app = await startApp({ databaseUrl: database.url, env: { OFFSET_TRUSTED_PROXIES: "loopback" }, readyTimeoutMs: 15 * 60_000 });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", database.url);
  return async () => {
    await app.stop();
    await database.drop();
    await server.stop();
  };
}
