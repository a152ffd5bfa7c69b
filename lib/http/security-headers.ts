// The headers every response carries. Framework-free so the policy can be read and tested on its
// own; proxy.ts sends it with a fresh nonce per request, next.config.js sends the nonce-free part
// on the static files the proxy skips.
import { createHash } from "node:crypto";

export interface SecurityHeaderOptions {
  /** Next's development runtime rebuilds server error stacks with eval(). */
  dev: boolean;
  /** inlineScriptHash() of inline scripts we write ourselves: React gives those no nonce. */
  scriptHashes?: readonly string[];
}

/**
 * The root layout's theme script (themeBootScript in components/layout/theme-toggle.tsx). It must run
 * inline and blocking before first paint, and React does not put a nonce on scripts we write, so it
 * is allowed by hash. Written out because proxy.ts cannot import a "use client" module (it gets a
 * client reference, not the string); the unit test fails when the script changes without this.
 */
export const THEME_BOOT_SCRIPT_HASH = "sha256-Ib5eWjJZtwplZpXwetiRv6MVlFx8nskGrMh0MyPf6jg=";

/** The headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Old browsers ignore frame-ancestors; both say the same thing.
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Voice answers record from the microphone on our own pages; nothing else needs a device.
  "Permissions-Policy": "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), display-capture=()",
};

export function contentSecurityPolicy(nonce: string, { dev, scriptHashes = [] }: SecurityHeaderOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic' lets Next's nonce-carrying bootstrap load its chunks; 'self' is for browsers
    // that predate it (newer ones ignore it when 'strict-dynamic' is present).
    ["script-src", "'self'", `'nonce-${nonce}'`, ...scriptHashes.map((hash) => `'${hash}'`), "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Shiki colours tokens with style attributes and mermaid puts a <style> inside each diagram, so
    // inline styles stay allowed (adding a nonce here would switch 'unsafe-inline' off).
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every security header for one response; `nonce` must be fresh for each request. */
export function securityHeaders(nonce: string, options: SecurityHeaderOptions): { "Content-Security-Policy": string } & Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy(nonce, options), ...STATIC_SECURITY_HEADERS };
}

/** 128 random bits, base64: unguessable, and safe inside a header and an HTML attribute. */
export function generateNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The CSP source expression (without quotes) that allows exactly this inline script. */
export function inlineScriptHash(source: string): string {
  return `sha256-${createHash("sha256").update(source, "utf8").digest("base64")}`;
}
