// Demo completions per account on a real Postgres: recording is idempotent and keeps the first time,
// two simultaneous recordings do not conflict, reads are per user, and deleting a user deletes theirs.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listDemoCompletions, recordDemoCompletion } from "@/lib/db/demo-progress";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createTempDatabase, type TempDatabase } from "../support/database";

describe("demo completions", () => {
  let database: TempDatabase;
  let db: Db;
  const ada = { id: "user-ada", name: "Ada", email: "ada@example.test" };
  const bo = { id: "user-bo", name: "Bo", email: "bo@example.test" };

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    await db.user.createMany({ data: [ada, bo] });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("records a completion once and keeps the first time", async () => {
    const first = new Date("2026-12-01T10:00:00Z");
    expect(await recordDemoCompletion(db, { userId: ada.id, scenarioId: "cluster-tour", at: first })).toEqual(first);
    const later = await recordDemoCompletion(db, { userId: ada.id, scenarioId: "cluster-tour", at: new Date("2026-12-03T10:00:00Z") });
    expect(later).toEqual(first);
    expect(await db.demoCompletion.count({ where: { userId: ada.id } })).toBe(1);
  });

  it("survives two tabs recording the same scenario at once", async () => {
    const results = await Promise.all([0, 1, 2, 3].map(() => recordDemoCompletion(db, { userId: ada.id, scenarioId: "min-isr" })));
    expect(new Set(results.map((d) => d.getTime())).size).toBe(1);
    expect(await db.demoCompletion.count({ where: { userId: ada.id, scenarioId: "min-isr" } })).toBe(1);
  });

  it("lists only the user's own completions, and only scenarios the catalog knows", async () => {
    await recordDemoCompletion(db, { userId: bo.id, scenarioId: "time-windows", at: new Date("2026-12-02T08:00:00Z") });
    // A scenario that was since removed from the catalog is not reported.
    await db.demoCompletion.create({ data: { userId: bo.id, scenarioId: "retired-scenario" } });
    expect(await listDemoCompletions(db, bo.id)).toEqual({ "time-windows": "2026-12-02T08:00:00.000Z" });
    expect(Object.keys(await listDemoCompletions(db, ada.id)).sort()).toEqual(["cluster-tour", "min-isr"]);
    expect(await listDemoCompletions(db, "nobody")).toEqual({});
  });

  it("goes with the account", async () => {
    await db.user.delete({ where: { id: bo.id } });
    expect(await db.demoCompletion.count({ where: { userId: bo.id } })).toBe(0);
  });
});
