import { requireRequestUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/prisma";
import { json, route } from "@/lib/http/api";

/** GET ?question=<slug>&limit=<n> → the audit log, newest first. */
export const GET = route(async (request: Request) => {
  await requireRequestUser(request, "instructor");
  const params = new URL(request.url).searchParams;
  const limit = Number(params.get("limit") ?? 100);
  return json({ events: await listAuditEvents(db(), { slug: params.get("question") ?? undefined, limit: Number.isFinite(limit) ? limit : 100 }) });
});
