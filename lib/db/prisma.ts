// The one Prisma client. Next's dev server re-evaluates modules on every change, so the instance is
// parked on globalThis to avoid opening a new pool each time (the create-t3-app pattern).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export type Db = PrismaClient;

/** Where a client made by createPrismaClient keeps its pg pool (see driverPool). */
export const DRIVER_POOL = Symbol.for("offset.driverPool");

interface PoolHolder {
  pool: pg.Pool;
  config: pg.PoolConfig;
}

function newPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // An idle connection that the server drops (a restart, a dropped database) must not crash the
  // process: the next query opens a new one, and a failing query reports its own error.
  pool.on("error", () => undefined);
  return pool;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // allowExitOnIdle: a script that has finished its work exits even though the pool still holds idle connections.
  const config: pg.PoolConfig = { connectionString: databaseUrl, max: 10, allowExitOnIdle: true };
  const holder: PoolHolder = { pool: newPool(config), config };
  const client = new PrismaClient({ adapter: new PrismaPg(holder.pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, DRIVER_POOL, { value: holder, configurable: true });
  return client;
}

/**
 * The pg pool under a client, for the few statements on every submission's path that skip Prisma's
 * raw-query layer (see lib/db/sql.ts). After $disconnect has ended it, a fresh one takes its place, as
 * Prisma itself does on its next query.
 */
export function driverPool(client: Db): pg.Pool {
  const holder = (client as unknown as Record<symbol, PoolHolder | undefined>)[DRIVER_POOL];
  if (!holder) throw new Error("This database client was not made by createPrismaClient, so it has no pool for direct statements.");
  if (holder.pool.ending || holder.pool.ended) holder.pool = newPool(holder.config);
  return holder.pool;
}

const globalForPrisma = globalThis as unknown as { offsetPrisma?: PrismaClient };

/**
 * Points db() (and auth(), which uses it) at a database chosen at run time — e.g. a script that
 * has just started the embedded PostgreSQL after the environment was first read.
 */
export function connectDatabase(databaseUrl: string): PrismaClient {
  globalForPrisma.offsetPrisma = createPrismaClient(databaseUrl);
  return globalForPrisma.offsetPrisma;
}

export function db(): PrismaClient {
  if (!globalForPrisma.offsetPrisma) {
    const url = env().DATABASE_URL;
    if (!url) throw new AppError("database_unavailable", "DATABASE_URL is not set: start Offset with `npm start`, which provides one.");
    globalForPrisma.offsetPrisma = createPrismaClient(url);
  }
  return globalForPrisma.offsetPrisma;
}
