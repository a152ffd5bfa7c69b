import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema, migrationsDir, schemaPath } from "@/lib/db/schema-engine";
import { createTempDatabase, type TempDatabase } from "../support/database";

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("migrations (WASM schema engine)", () => {
  let database: TempDatabase;
  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
  });
  afterAll(() => database.drop());

  it("apply every migration to an empty database and record them like Prisma's CLI", async () => {
    expect(await applyMigrations(database.url)).toEqual(migrationNames);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.rows.map((row) => row.migration_name)).toEqual(migrationNames);
      for (const row of rows.rows) {
        const sql = readFileSync(join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
      }
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows.map((row) => row.tablename)).toEqual(expect.arrayContaining(["user", "Question", "RubricVersion", "Attempt", "Score", "ScoreItem", "MockSession"]));
    } finally {
      await client.end();
    }
  });

  it("are idempotent: a second run applies nothing", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("match schema.prisma exactly (no drift)", async () => {
    expect(await diffMigrationsToSchema(database.url)).toBe("");
  });

  it("would notice drift if schema.prisma changed without a migration", async () => {
    const drifted = readFileSync(schemaPath, "utf8").replace("  lastScore     Float?", "  lastScore     Float?\n  driftProbe    Int?");
    expect(await diffMigrationsToSchema(database.url, drifted)).toMatch(/ADD COLUMN\s+"driftProbe"/);
  });
});
