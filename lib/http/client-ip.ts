// Who is asking, for rate limits and the address stored on a session. Any client can write
// X-Forwarded-For, so it is believed only when it arrives through a proxy the operator listed in
// OFFSET_TRUSTED_PROXIES; otherwise the address is the TCP peer's. The HTTP server (scripts/start.ts)
// resolves it once per request into CLIENT_IP_HEADER, replacing whatever the client sent under that name.
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";
import { EnvError } from "@/lib/env";

export const CLIENT_IP_HEADER = "x-offset-client-ip";

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Parses OFFSET_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, or proxy-addr's names
 * (loopback, linklocal, uniquelocal). Empty trusts no one. Throws naming the bad entry.
 */
export function compileTrustedProxies(setting: string | undefined): TrustProxy {
  const entries = (setting ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return () => false;
  for (const entry of entries) {
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new EnvError(`OFFSET_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`);
    }
  }
  return proxyAddr.compile(entries);
}

/** The client's address: the peer, or the nearest untrusted hop of X-Forwarded-For when the peer is a trusted proxy. */
export function resolveClientIp(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust);
}

/** Stamps the resolved address on the request for the app (better-auth and our own limits) to read. */
export function stampClientIp(request: IncomingMessage, trust: TrustProxy): void {
  request.headers[CLIENT_IP_HEADER] = resolveClientIp(request, trust);
}

/** The address stamped by the server, or null when the request did not come through it (tests calling handlers directly). */
export function clientIpFrom(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}
