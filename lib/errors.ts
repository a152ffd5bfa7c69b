// One place for the errors users can see: each code maps to a message, an HTTP status and whether it
// deserves a log line. Routes and actions throw AppError; nothing else ever reaches a user, and
// never a stack trace.
import { isBadInputError } from "@/lib/db/bad-input";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

export const ERRORS = {
  bad_request: { status: 400, message: "The request is not valid.", log: false },
  unauthorized: { status: 401, message: "Please sign in to do that.", log: false },
  forbidden: { status: 403, message: "You do not have access to that.", log: false },
  not_found: { status: 404, message: "We could not find that.", log: false },
  conflict: { status: 409, message: "That conflicts with something that already exists.", log: false },
  payload_too_large: { status: 413, message: "That is too long.", log: false },
  rate_limited: { status: 429, message: "Too many requests — please wait a moment and try again.", log: false },
  upstream_failed: { status: 502, message: "A service Offset relies on returned an error. Try again in a moment.", log: true },
  upstream_unavailable: { status: 503, message: "A service Offset relies on is not reachable right now. Try again in a moment.", log: true },
  database_unavailable: { status: 503, message: "The database is not reachable right now, so nothing was saved. Try again in a few seconds.", log: true },
  internal: { status: 500, message: "Something went wrong on our side.", log: true },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** What a 503 for a database outage asks clients to wait: PostgreSQL restarts in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** For 400s: which field was wrong, so forms and API clients can point at it. */
  readonly field?: string;
  override readonly cause?: unknown;
  /** For 429s: seconds until trying again makes sense (sent as Retry-After). */
  readonly retryAfterSeconds?: number;
  /** Structured facts a client can act on (the issues of an invalid rubric, both sides of a 409). Never internals. */
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, options: { field?: string; cause?: unknown; retryAfterSeconds?: number; details?: unknown } = {}) {
    super(message ?? ERRORS[code].message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.cause = options.cause;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** Turns anything thrown into what a user may see, logging what deserves it. */
export function toPublicError(error: unknown, log: (message: string, error: unknown) => void = console.error) {
  const appError =
    error instanceof AppError
      ? error
      : isDatabaseUnavailable(error)
        ? new AppError("database_unavailable", undefined, { cause: error, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS })
        : isBadInputError(error)
          ? new AppError("bad_request", "The request holds a value that cannot be stored: a NUL character, a malformed id, or text that is too long.", { cause: error })
          : new AppError("internal", undefined, { cause: error });
  if (ERRORS[appError.code].log) log(`[${appError.code}] ${appError.message}`, appError.cause ?? appError);
  return {
    code: appError.code,
    message: appError.message,
    status: appError.status,
    field: appError.field,
    retryAfterSeconds: appError.retryAfterSeconds,
    details: appError.details,
  };
}
