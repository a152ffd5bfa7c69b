// The one Prisma client. Next's dev server re-evaluates modules on every change, so the instance is
// parked on globalThis to avoid opening a new pool each time (the create-t3-app pattern).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
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
