// Is this error "the database is not there" (down, restarting, unreachable, out of connections) rather
// than "the query was wrong"? Such errors answer 503 with Retry-After instead of 500.

// PostgreSQL SQLSTATEs for a server going away or refusing work: admin/crash shutdown, cannot connect
// now, too many connections, and the connection-exception class.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
// Prisma's codes for "cannot reach / timed out / connection closed / pool timeout".
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|terminating connection|connect ECONNREFUSED|Connection refused|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  // By name, so this module (imported by lib/errors) does not load the Prisma client.
  if ((error as { name?: unknown }).name === "PrismaClientInitializationError") return true;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code))) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  // Driver adapters wrap the pg error: { cause: { originalCode, originalMessage, kind } }.
  const meta = (error as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  if (meta && isDatabaseUnavailable(meta, depth + 1)) return true;
  const adapterCause = (error as { cause?: { originalCode?: unknown; originalMessage?: unknown; kind?: unknown } }).cause;
  if (adapterCause && typeof adapterCause === "object") {
    if (typeof adapterCause.originalCode === "string" && (UNAVAILABLE_SQLSTATES.has(adapterCause.originalCode) || UNAVAILABLE_NODE_CODES.has(adapterCause.originalCode))) return true;
    if (typeof adapterCause.originalMessage === "string" && UNAVAILABLE_MESSAGE.test(adapterCause.originalMessage)) return true;
  }
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
