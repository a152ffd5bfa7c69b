// The demo challenges a user completed, per account (DemoCompletion). Recording is idempotent and keeps
// the first completion; reads return only scenarios the catalog still knows.
import { DEMO_SCENARIO_IDS, type DemoScenarioId } from "@/lib/demos/catalog";
import type { DemoCompletions } from "@/lib/demos/progress";
import type { Db } from "./prisma";

/** Records that `userId` completed `scenarioId`'s challenge; returns when they first did. */
export async function recordDemoCompletion(db: Db, { userId, scenarioId, at = new Date() }: { userId: string; scenarioId: DemoScenarioId; at?: Date }): Promise<Date> {
  // INSERT … ON CONFLICT DO NOTHING: two tabs finishing at once cannot race, and the first time stays.
  await db.demoCompletion.createMany({ data: [{ userId, scenarioId, completedAt: at }], skipDuplicates: true });
  const row = await db.demoCompletion.findUniqueOrThrow({ where: { userId_scenarioId: { userId, scenarioId } }, select: { completedAt: true } });
  return row.completedAt;
}

/** Every scenario the user has completed, with when. */
export async function listDemoCompletions(db: Db, userId: string): Promise<DemoCompletions> {
  const rows = await db.demoCompletion.findMany({ where: { userId }, select: { scenarioId: true, completedAt: true } });
  const completions: DemoCompletions = {};
  for (const row of rows) {
    const id = DEMO_SCENARIO_IDS.find((known) => known === row.scenarioId);
    if (id) completions[id] = row.completedAt.toISOString();
  }
  return completions;
}
