import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { assertSignInAllowed, authEndpoint, readAuthBody, recordSignInOutcome } from "@/lib/auth/request-guard";
import { db } from "@/lib/db/prisma";
import { toPublicError } from "@/lib/errors";

export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readAuthBody(request);
    const endpoint = authEndpoint(request.url);
    const email = endpoint === "/sign-in/email" ? emailOf(body) : null;
    if (email) await assertSignInAllowed(db(), email);
    const response = await toNextJsHandler(auth()).POST(new Request(request, { body }));
    // 401 is a wrong password or unknown account; other failures (429, 400) are not guesses.
    if (email && (response.ok || response.status === 401)) await recordSignInOutcome(db(), email, response.ok);
    return response;
  } catch (error) {
    return authErrorResponse(error);
  }
}

/** Errors in better-auth's own shape ({ code, message }), which its client shows to the user. */
function authErrorResponse(error: unknown): Response {
  const { status, retryAfterSeconds, code, message, field } = toPublicError(error);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
  return Response.json({ code: code.toUpperCase(), message, field }, { status, headers });
}

function emailOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { email?: unknown };
    return typeof parsed.email === "string" && parsed.email.trim() ? parsed.email : null;
  } catch {
    return null;
  }
}
