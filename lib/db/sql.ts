// Statements on every submission's path go straight to the pg pool under the Prisma client. Measured
// under load (`npm run bench:submit` with BENCH_CPU_PROF), Prisma's raw-query layer spent several times
// the driver's own CPU on each of them, and the submit path is held to a ratio of an authenticated
// no-op. A name makes PostgreSQL parse and plan each statement once per connection instead of per call.
// Errors are pg's own, which isDatabaseUnavailable reads like Prisma's.
import type { Prisma } from "./generated/client";
import { driverPool, type Db } from "./prisma";

/** Runs `statement` (built with Prisma.sql, so values stay parameters) as the named prepared statement `name`. */
export async function preparedQuery<Row extends object>(db: Db, name: string, statement: Prisma.Sql): Promise<Row[]> {
  const result = await driverPool(db).query<Row>({ name, text: statement.text, values: statement.values as unknown[] });
  return result.rows;
}
