// For integration tests that exercise app modules (db(), auth()): a migrated throwaway database
// with the question bank synced, wired in through DATABASE_URL before anything reads the env.
import { afterAll, beforeAll, inject } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { createPrismaClient, db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createTempDatabase, type TempDatabase } from "./database";

export async function setupAppDatabase(env: Record<string, string> = {}): Promise<TempDatabase> {
  const database = await createTempDatabase(inject("adminDatabaseUrl"));
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url);
  await syncQuestionBank(prisma, loadContentBank());
  await prisma.$disconnect();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: "integration-test-secret-that-is-long-enough",
    BETTER_AUTH_URL: "http://localhost:3000",
    OPENAI_API_KEY: "",
    ...env,
  });
  return database;
}

/**
 * The whole lifecycle for a test file that needs only the app database: set up before its tests, and
 * after them the app's client closed and the database dropped. Call it at the top of the file; the
 * function it returns gives the database once it exists.
 */
export function withAppDatabase(env: Record<string, string> = {}): () => TempDatabase {
  let database: TempDatabase | undefined;
  beforeAll(async () => {
    database = await setupAppDatabase(env);
  });
  afterAll(async () => {
    await db().$disconnect();
    await database?.drop();
  });
  return () => database!;
}
