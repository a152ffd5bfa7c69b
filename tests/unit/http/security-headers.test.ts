import { createHash } from "node:crypto";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { themeBootScript } from "@/components/layout/theme-toggle";
import {
  contentSecurityPolicy,
  generateNonce,
  inlineScriptHash,
  securityHeaders,
  STATIC_SECURITY_HEADERS,
  THEME_BOOT_SCRIPT_HASH,
} from "@/lib/http/security-headers";

const NONCE = "cmFuZG9tLW5vbmNlLXZhbHVl";

/** The policy as directive → sources, so assertions do not depend on order or spacing. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only through this request's nonce, and what they load", () => {
    const scriptSrc = parse(contentSecurityPolicy(NONCE, { dev: false })).get("script-src");
    expect(scriptSrc).toEqual(expect.arrayContaining(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]));
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(parse(contentSecurityPolicy(NONCE, { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("locks down plugins, base URLs, form targets, framing and fetches", () => {
    const policy = parse(contentSecurityPolicy(NONCE, { dev: false }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("keeps inline styles (shiki, mermaid) without a style nonce, which would disable 'unsafe-inline'", () => {
    const styleSrc = parse(contentSecurityPolicy(NONCE, { dev: false })).get("style-src")!;
    expect(styleSrc).toContain("'unsafe-inline'");
    expect(styleSrc.some((source) => source.startsWith("'nonce-"))).toBe(false);
  });

  it("allows listed inline scripts by hash", () => {
    const hash = inlineScriptHash("console.log(1)");
    expect(parse(contentSecurityPolicy(NONCE, { dev: false, scriptHashes: [hash] })).get("script-src")).toContain(`'${hash}'`);
  });

  it("refuses a nonce that could smuggle in another directive", () => {
    expect(() => contentSecurityPolicy("abc'; script-src *", { dev: false })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy("", { dev: false })).toThrow(/nonce/);
  });
});

describe("securityHeaders", () => {
  it("sends the CSP with the anti-framing, sniffing, referrer and device headers", () => {
    const headers = securityHeaders(NONCE, { dev: false });
    expect(headers["Content-Security-Policy"]).toContain(`'nonce-${NONCE}'`);
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("microphone=(self)");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("matches what next.config.js sends on the files the proxy skips", async () => {
    // A plain-JS module without types: the cast keeps tsc from resolving it.
    const { default: nextConfig } = (await import("../../../next.config.js" as string)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    const catchAll = rules.find((rule) => rule.source === "/:path*");
    expect(Object.fromEntries(catchAll!.headers.map(({ key, value }) => [key, value]))).toEqual(STATIC_SECURITY_HEADERS);
  });
});

describe("generateNonce", () => {
  it("is 128 random bits of base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, generateNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(() => contentSecurityPolicy(generateNonce(), { dev: false })).not.toThrow();
  });
});

describe("inlineScriptHash", () => {
  it("is the base64 SHA-256 of the exact script text, as browsers compute it", () => {
    expect(inlineScriptHash(themeBootScript)).toBe(`sha256-${createHash("sha256").update(themeBootScript).digest("base64")}`);
    expect(inlineScriptHash("")).toBe("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });

  it("still allows the layout's theme script (update THEME_BOOT_SCRIPT_HASH when the script changes)", () => {
    expect(THEME_BOOT_SCRIPT_HASH).toBe(inlineScriptHash(themeBootScript));
  });
});
