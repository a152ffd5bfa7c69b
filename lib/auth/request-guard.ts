// What the auth endpoints accept before better-auth sees a request: a bounded body, no NUL bytes, a
// display name of sensible length, and no more than a handful of failed sign-ins per account. (Without
// this, a 1 MB display name was stored and the admin users page then weighed 8 MB.)
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { clearWindow, hitWindow, peekWindow } from "@/lib/db/rate-limit";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format/text";
import { parseWith } from "@/lib/http/api";

/** Auth bodies are a few small fields; anything bigger is not a real form. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;
export const MAX_NAME_CHARS = 80;
export const MAX_EMAIL_CHARS = 254;

/** Failed sign-ins allowed per account in FAILED_SIGN_IN_WINDOW_SECONDS, from any address. */
export const FAILED_SIGN_INS_ALLOWED = 10;
export const FAILED_SIGN_IN_WINDOW_SECONDS = 15 * 60;

const name = z.string().trim().min(1, "must not be empty").max(MAX_NAME_CHARS, `must be at most ${MAX_NAME_CHARS} characters`);
const email = z.string().trim().max(MAX_EMAIL_CHARS, `must be at most ${MAX_EMAIL_CHARS} characters`);

// Only the fields we bound; better-auth validates the rest (passwords, formats) itself.
const bodySchemas: Record<string, z.ZodType> = {
  "/sign-up/email": z.looseObject({ name: name.optional(), email }),
  "/sign-in/email": z.looseObject({ email }),
  "/update-user": z.looseObject({ name: name.optional() }),
};

/** The endpoint path under /api/auth, e.g. "/sign-in/email". */
export function authEndpoint(url: string): string {
  return new URL(url).pathname.replace(/^\/api\/auth/, "") || "/";
}

/** Reads and checks a POST body; returns it as text to hand on to better-auth unchanged. */
export async function readAuthBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_AUTH_BODY_BYTES) throw tooLarge();
  const text = await readBounded(request, MAX_AUTH_BODY_BYTES);
  const schema = bodySchemas[authEndpoint(request.url)];
  if (!text) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Form posts and other encodings go to better-auth as they are; only JSON fields are bounded.
    if (text.includes("\u0000")) throw new AppError("bad_request", "body: contains a NUL character, which is not allowed.", { field: "body" });
    return text;
  }
  parseWith(schema ?? z.unknown(), body);
  return text;
}

async function readBounded(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge() {
  return new AppError("payload_too_large", `The request body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KB, which no sign-in or sign-up form needs.`, { field: "body" });
}

function failureKey(emailAddress: string) {
  return `sign-in-failures:${emailAddress.trim().toLowerCase()}`;
}

/** Refuses a sign-in to an account that has had too many failures lately, whichever addresses they came from. */
export async function assertSignInAllowed(db: Db, emailAddress: string): Promise<void> {
  const window = await peekWindow(db, failureKey(emailAddress), FAILED_SIGN_IN_WINDOW_SECONDS);
  if (window && window.count >= FAILED_SIGN_INS_ALLOWED) {
    const minutes = Math.ceil(window.retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins for this account. For its safety, signing in is paused for ${plural(minutes, "minute")}.`,
      { retryAfterSeconds: window.retryAfterSeconds },
    );
  }
}

/** Records the outcome of a sign-in: failures count towards the pause, a success clears them. */
export async function recordSignInOutcome(db: Db, emailAddress: string, succeeded: boolean): Promise<void> {
  if (succeeded) await clearWindow(db, failureKey(emailAddress));
  else await hitWindow(db, failureKey(emailAddress), FAILED_SIGN_INS_ALLOWED, FAILED_SIGN_IN_WINDOW_SECONDS);
}
