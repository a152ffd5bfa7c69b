import { requireUser } from "@/lib/auth/session";
import { exportStream, listHistoryQuestions } from "@/lib/db/history";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMATS, exportFilename, type ExportFormat } from "@/lib/history/export";
import { assertValidHistoryQuery, knownValues, parseHistoryQuery } from "@/lib/history/query";
import { route } from "@/lib/http/api";
import { queryObject } from "@/lib/practice/schemas";

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

/**
 * GET /api/attempts/export?format=csv|json&question=&track=&from=&to=&minScore=&maxScore=
 * → the signed-in user's attempts (newest first) as a download, streamed in chunks.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const raw = queryObject(request.url);
  const format = (raw.format ?? "csv").toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("bad_request", `format: "${format.slice(0, 20)}" is not an export format — use csv or json.`, { field: "format" });
  }
  const query = parseHistoryQuery(raw, knownValues(await listHistoryQuestions(db())));
  assertValidHistoryQuery(query, { ignorePage: true });
  const now = new Date();
  const body = await exportStream(db(), user.id, { filters: query.filters, values: query.values, format: format as ExportFormat, now });
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format as ExportFormat],
      "content-disposition": `attachment; filename="${exportFilename(format as ExportFormat, now)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
