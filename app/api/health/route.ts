import { db } from "@/lib/db/prisma";
import { checkHealth, healthResponse } from "@/lib/http/health";
import { scoringMode } from "@/lib/scoring/off-thread";

// Every call must reach the database; a cached answer would report a database that has since gone.
export const dynamic = "force-dynamic";

/**
 * GET /api/health → 200 {status:"ok", database:"ok", latencyMs, scoring} or 503 {status:"unavailable", database,
 * latencyMs, scoring} with Retry-After. `scoring` says where submissions are scored: thread, starting or inline.
 */
export async function GET() {
  return healthResponse({ ...(await checkHealth(() => db().$queryRaw`SELECT 1`)), scoring: scoringMode() });
}
