// Fixed-window counters in PostgreSQL, shared by every app instance. One statement both counts and
// decides, so concurrent requests cannot all read "one left" and all get in (check-then-insert did:
// 40 concurrent submissions stored 24 against a limit of 20).
import { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export interface WindowVerdict {
  allowed: boolean;
  /** Hits in the current window, this one included (capped at limit + 1: refused hits are not stored beyond that). */
  count: number;
  /** Seconds until the window resets, at least 1. */
  retryAfterSeconds: number;
}

/**
 * The statement that counts one hit against `key` and returns the window's "count" and "resetInMs";
 * a fragment, so the submit path can count inside the statement that stores the attempt.
 */
export function windowHitSql(key: string, limit: number, windowSeconds: number): Prisma.Sql {
  const expired = Prisma.sql`w."windowStart" <= now() - make_interval(secs => ${windowSeconds})`;
  return Prisma.sql`
    INSERT INTO "RateLimitWindow" AS w ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN ${expired} THEN now() ELSE w."windowStart" END,
      "count" = CASE WHEN ${expired} THEN 1 ELSE LEAST(w."count" + 1, ${limit + 1}) END
    RETURNING "count", (EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now())) * 1000)::float8 AS "resetInMs"`;
}

export function retryAfterSeconds(resetInMs: number): number {
  return Math.max(1, Math.ceil(resetInMs / 1000));
}

/** Counts one hit against `key` and says whether it is within `limit` per `windowSeconds`. */
export async function hitWindow(db: Db, key: string, limit: number, windowSeconds: number): Promise<WindowVerdict> {
  const rows = await db.$queryRaw<{ count: number; resetInMs: number }[]>(windowHitSql(key, limit, windowSeconds));
  const { count, resetInMs } = rows[0]!;
  return { allowed: count <= limit, count, retryAfterSeconds: retryAfterSeconds(resetInMs) };
}

/** The current window's state without counting a hit (null when the key has no live window). */
export async function peekWindow(db: Db, key: string, windowSeconds: number): Promise<{ count: number; retryAfterSeconds: number } | null> {
  const rows = await db.$queryRaw<{ count: number; resetInMs: number }[]>`
    SELECT "count", (EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now())) * 1000)::float8 AS "resetInMs"
    FROM "RateLimitWindow" WHERE "key" = ${key} AND "windowStart" > now() - make_interval(secs => ${windowSeconds})`;
  const row = rows[0];
  return row ? { count: row.count, retryAfterSeconds: retryAfterSeconds(row.resetInMs) } : null;
}

/** Forgets a key (a successful sign-in clears its failures). */
export async function clearWindow(db: Db, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitWindow" WHERE "key" = ${key}`;
}
