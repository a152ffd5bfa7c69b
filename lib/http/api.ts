// One wrapper for every JSON route: errors become `{ error: { code, message, field?, details? } }` with the
// right status, bodies are parsed with a zod schema that names the bad field, and mutations from
// another site are refused.
import type { z } from "zod";
import { AppError, toPublicError } from "@/lib/errors";

export function json(data: unknown, init: ResponseInit = {}) {
  return Response.json(data, { ...init, headers: { "cache-control": "no-store", ...init.headers } });
}

export function errorResponse(error: unknown) {
  const { status, retryAfterSeconds, ...body } = toPublicError(error);
  return json({ error: body }, { status, headers: retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {} });
}

export function route<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args) => {
    try {
      if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) assertSameOrigin(request);
      return await handler(request, ...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Browsers always send Origin (or Sec-Fetch-Site) on cross-site POSTs; scripts using a session
 * cookie send neither. So: refuse when the browser says the request came from another site.
 */
export function assertSameOrigin(request: Request) {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") throw new AppError("forbidden", "Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "The request's Origin header is not a valid URL.");
  }
  if (originHost !== host) throw new AppError("forbidden", `Requests from ${origin} are not allowed.`);
}

export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.", { field: "body" });
  }
  return parseWith(schema, body);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const nul = pathOfNulByte(value);
  if (nul !== undefined) {
    const field = nul || "body";
    // PostgreSQL cannot store NUL in text; refuse it here, naming the field, rather than fail deep inside a query.
    throw new AppError("bad_request", `${field}: contains a NUL character (\\u0000), which is not allowed in text.`, { field });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "body";
    throw new AppError("bad_request", `${field}: ${issue.message}`, { field });
  }
  return parsed.data;
}

/** The dotted path of the first string (or key) holding a NUL byte, "" for the value itself; undefined when there is none. */
export function pathOfNulByte(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : undefined;
  if (!value || typeof value !== "object" || depth > 32) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "\\u0000")].join(".");
    const found = pathOfNulByte(inner, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
