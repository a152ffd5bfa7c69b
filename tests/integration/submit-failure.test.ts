import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/prisma";
import { submitAnswer } from "@/lib/practice/submit";
import { withAppDatabase } from "../support/app-database";
import { createTestUser } from "../support/users";

// The scorer blows up: the answer must already be in Postgres, marked failed, never lost. Mocked where the scorer
// lives, so every way of calling it (inline, or the thread's fallback) blows up alike.
vi.mock("@/lib/scoring/rules", async (original) => ({
  ...(await original<typeof import("@/lib/scoring/rules")>()),
  scoreWithRules: () => {
    throw new Error("scorer exploded");
  },
}));

withAppDatabase();

describe("submitAnswer when scoring fails", () => {
  it("keeps the answer, marks the attempt failed and says so", async () => {
    const user = await createTestUser();
    const answer = "An answer that must survive a scoring failure.";
    await expect(submitAnswer(db(), { userId: user.id, questionSlug: "kafka-architecture", answer })).rejects.toThrow(/Your answer is saved, but scoring it failed/);
    const attempts = await db().attempt.findMany({ where: { userId: user.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ answer, status: "failed" });
  });
});
