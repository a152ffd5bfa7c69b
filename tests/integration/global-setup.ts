import type { TestProject } from "vitest/node";
import { acquireTestServer } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.stop();
}
