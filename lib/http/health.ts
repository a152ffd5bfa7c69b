// GET /api/health for load balancers and uptime checks: is the database answering? Anyone may ask,
// so a failure is described in a few fixed words and never with the driver's message, which can
// carry the host, the user or the database name.
import { json } from "@/lib/http/api";

export const HEALTH_TIMEOUT_MS = 2000;
/** What a 503 asks the caller to wait before checking again. */
export const HEALTH_RETRY_AFTER_SECONDS = 5;

export type DatabaseCheck = () => Promise<unknown>;

export type HealthReport = (
  | { status: "ok"; database: "ok"; latencyMs: number }
  | { status: "unavailable"; database: string; latencyMs: number }
) & {
  /** Where submissions are scored (lib/scoring/off-thread.ts); inline scoring is a fallback, never a failure. */
  scoring?: "thread" | "starting" | "inline";
};

class CheckTimeout extends Error {}

export async function checkHealth(checkDatabase: DatabaseCheck, timeoutMs = HEALTH_TIMEOUT_MS): Promise<HealthReport> {
  const startedAt = performance.now();
  const latencyMs = () => Math.round(performance.now() - startedAt);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
  });
  try {
    // A database that accepts the connection but never answers would otherwise hold the caller forever.
    await Promise.race([Promise.resolve().then(checkDatabase), timeout]);
    return { status: "ok", database: "ok", latencyMs: latencyMs() };
  } catch (error) {
    const database = error instanceof CheckTimeout ? `no answer within ${timeoutMs} ms` : describeDatabaseFailure(error);
    return { status: "unavailable", database, latencyMs: latencyMs() };
  } finally {
    clearTimeout(timer);
  }
}

export function healthResponse(report: HealthReport): Response {
  if (report.status === "ok") return json(report);
  return json(report, { status: 503, headers: { "retry-after": String(HEALTH_RETRY_AFTER_SECONDS) } });
}

// Prisma's driver adapters say what went wrong in `meta.driverAdapterError.cause.kind`; pg itself
// uses Node's and PostgreSQL's error codes.
const FAILURES: Record<string, string> = {
  DatabaseNotReachable: "not reachable",
  ECONNREFUSED: "not reachable",
  ENOTFOUND: "not reachable",
  EAI_AGAIN: "not reachable",
  SocketTimeout: "connection timed out",
  ETIMEDOUT: "connection timed out",
  ConnectionClosed: "connection closed",
  ECONNRESET: "connection closed",
  TlsConnectionError: "TLS handshake failed",
  AuthenticationFailed: "authentication failed",
  DatabaseAccessDenied: "access denied",
  "28P01": "authentication failed",
  "28000": "access denied",
  DatabaseDoesNotExist: "database does not exist",
  "3D000": "database does not exist",
  TooManyConnections: "too many connections",
  "53300": "too many connections",
  "57P03": "starting up or shutting down",
  database_unavailable: "not configured",
};

export function describeDatabaseFailure(error: unknown): string {
  const failure = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null;
  const cause = failure?.meta?.driverAdapterError?.cause;
  for (const key of [cause?.kind, cause?.originalCode, failure?.code]) {
    if (typeof key === "string" && Object.hasOwn(FAILURES, key)) return FAILURES[key]!;
  }
  return "query failed";
}
