import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { EnvError } from "@/lib/env";
import { CLIENT_IP_HEADER, clientIpFrom, compileTrustedProxies, resolveClientIp, stampClientIp } from "@/lib/http/client-ip";

function request(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("the client address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const trust = compileTrustedProxies(undefined);
    expect(resolveClientIp(request("203.0.113.7", { "x-forwarded-for": "198.51.100.1" }), trust)).toBe("203.0.113.7");
  });

  it("is the nearest untrusted hop when the peer is a trusted proxy", () => {
    const trust = compileTrustedProxies("10.0.0.0/8, loopback");
    // client → untrusted hop → proxy 10.0.0.5 → us
    expect(resolveClientIp(request("10.0.0.5", { "x-forwarded-for": "198.51.100.1, 203.0.113.9" }), trust)).toBe("203.0.113.9");
    expect(resolveClientIp(request("127.0.0.1", { "x-forwarded-for": "198.51.100.1" }), trust)).toBe("198.51.100.1");
  });

  it("ignores X-Forwarded-For sent straight to us by an untrusted peer even when a proxy is configured", () => {
    const trust = compileTrustedProxies("10.0.0.5");
    expect(resolveClientIp(request("203.0.113.7", { "x-forwarded-for": "1.2.3.4" }), trust)).toBe("203.0.113.7");
  });

  it("replaces a client-sent copy of the internal header", () => {
    const incoming = request("203.0.113.7", { [CLIENT_IP_HEADER]: "6.6.6.6" });
    stampClientIp(incoming, compileTrustedProxies(""));
    expect(incoming.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers())).toBeNull();
  });

  it("names a bad OFFSET_TRUSTED_PROXIES entry", () => {
    expect(() => compileTrustedProxies("10.0.0.1, not-an-address")).toThrow(EnvError);
    expect(() => compileTrustedProxies("10.0.0.1, not-an-address")).toThrow(/"not-an-address"/);
  });
});
