// A fresh CSP nonce per request. Next reads it back from the request's Content-Security-Policy
// header while rendering and puts it on its own scripts, which is why the policy goes on the
// request as well as the response.
import { NextResponse, type NextRequest } from "next/server";
import { checkServerActionCall } from "@/lib/http/action-guard";
import { generateNonce, securityHeaders, THEME_BOOT_SCRIPT_HASH } from "@/lib/http/security-headers";

const dev = process.env.NODE_ENV === "development";
const scriptHashes = [THEME_BOOT_SCRIPT_HASH];

export async function proxy(request: NextRequest) {
  const nonce = generateNonce();
  const headers = securityHeaders(nonce, { dev, scriptHashes });
  const refusal = await checkServerActionCall({ method: request.method, headers: request.headers, readBody: () => request.clone().text() });
  if (refusal) {
    return Response.json({ error: { code: refusal.status === 413 ? "payload_too_large" : refusal.status === 403 ? "forbidden" : "bad_request", message: refusal.message } }, {
      status: refusal.status,
      headers: { ...headers, "cache-control": "no-store" },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output and icons never render HTML, so no nonce; next.config.js gives them the rest.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
