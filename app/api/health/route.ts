import { db } from "@/lib/db/prisma";
import { checkHealth, healthResponse } from "@/lib/http/health";

// Every call must reach the database; a cached answer would report a database that has since gone.
export const dynamic = "force-dynamic";

/** GET /api/health → 200 {status:"ok", database:"ok", latencyMs} or 503 {status:"unavailable", database, latencyMs} with Retry-After. */
export async function GET() {
  return healthResponse(await checkHealth(() => db().$queryRaw`SELECT 1`));
}
