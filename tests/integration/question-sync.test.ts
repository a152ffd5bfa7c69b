import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { makeContentDir, questionFile, VALID_RUBRIC } from "../support/content-fixtures";
import { createTempDatabase, type TempDatabase } from "../support/database";

describe("syncQuestionBank", () => {
  let database: TempDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const bankOf = (files: Record<string, string>) => loadContentBank(makeContentDir(files));
  const original = { "alpha.md": questionFile({ slug: "alpha" }), "beta.md": questionFile({ slug: "beta", level: "lead" }) };

  it("creates each question with a first, published rubric version", async () => {
    expect(await syncQuestionBank(db, bankOf(original))).toEqual({ created: 2, updated: 0, unchanged: 0, archived: 0, rubricVersionsAdded: 2 });
    const alpha = await db.question.findUniqueOrThrow({ where: { slug: "alpha" }, include: { rubricVersions: true } });
    expect(alpha).toMatchObject({ track: "kafka", level: "warm-up", demoScenario: "cluster-tour", archivedAt: null });
    expect(alpha.rubricVersions).toHaveLength(1);
    expect(alpha.rubricVersions[0]).toMatchObject({ version: 1, source: "content" });
    expect(alpha.rubricVersions[0]!.publishedAt).not.toBeNull();
  });

  it("does nothing when nothing changed", async () => {
    expect(await syncQuestionBank(db, bankOf(original))).toMatchObject({ created: 0, updated: 0, unchanged: 2, rubricVersionsAdded: 0 });
  });

  const reweighted = VALID_RUBRIC.replace('weight: 2\n      concept:\n        - "distributed log', 'weight: 3\n      concept:\n        - "distributed log');
  const changed = { ...original, "alpha.md": questionFile({ slug: "alpha", rubric: reweighted }) };

  it("adds a rubric version when the rubric changes, keeping the old one", async () => {
    expect(reweighted).not.toBe(VALID_RUBRIC);
    expect(await syncQuestionBank(db, bankOf(changed))).toMatchObject({ updated: 1, unchanged: 1, rubricVersionsAdded: 1 });
    const versions = await db.rubricVersion.findMany({ where: { question: { slug: "alpha" } }, orderBy: { version: "asc" } });
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
  });

  it("updates text-only edits without a new rubric version", async () => {
    const edited = { ...changed, "beta.md": questionFile({ slug: "beta", level: "final-boss" }) };
    expect(await syncQuestionBank(db, bankOf(edited))).toMatchObject({ updated: 1, rubricVersionsAdded: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { slug: "beta" } })).level).toBe("final-boss");
  });

  it("archives a question whose file disappears, and restores it when it returns", async () => {
    expect(await syncQuestionBank(db, bankOf({ "alpha.md": original["alpha.md"] }))).toMatchObject({ archived: 1 });
    expect((await db.question.findUniqueOrThrow({ where: { slug: "beta" } })).archivedAt).not.toBeNull();
    await syncQuestionBank(db, bankOf(original));
    expect((await db.question.findUniqueOrThrow({ where: { slug: "beta" } })).archivedAt).toBeNull();
  });
});
