// For integration tests that exercise app modules (db(), auth()): a migrated throwaway database
// with the question bank synced, wired in through DATABASE_URL before anything reads the env.
import { inject } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { createPrismaClient } from "@/lib/db/prisma";
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
