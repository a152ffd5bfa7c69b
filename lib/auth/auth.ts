// Accounts: better-auth with email and password, sessions stored in Postgres through Prisma.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";

function createAuth() {
  const config = env();
  const prisma = db();
  const baseURL = config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`;
  return betterAuth({
    appName: "Offset",
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    secret: config.BETTER_AUTH_SECRET ?? (config.NODE_ENV === "production" ? undefined : "offset-development-secret-not-for-production"),
    baseURL,
    // Same-origin requests are trusted whatever host name the app is reached by (localhost,
    // 127.0.0.1, a LAN address); cross-site form posts are still refused.
    trustedOrigins: (request) => {
      const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
      const protocol = request?.headers.get("x-forwarded-proto") ?? "http";
      return host ? [`${protocol}://${host}`] : [];
    },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    // No cookie cache: every request reads the session row, so a role change or sign-out elsewhere
    // takes effect at once (an indexed lookup, well under a millisecond).
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "candidate", input: false },
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({ data: { ...user, role: "candidate" } }),
          // The first account on an empty database becomes the admin: whoever installs Offset runs it.
          // Decided after the insert, under a lock, so concurrent first sign-ups make exactly one admin
          // (counting users before the insert made two in 3 of 8 trials).
          after: async (user) => {
            await prisma.$transaction([
              prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('offset:first-admin'))`,
              prisma.$executeRaw`
                UPDATE "user" SET "role" = 'admin'
                WHERE "id" = ${user.id}
                  AND NOT EXISTS (SELECT 1 FROM "user" WHERE "role" = 'admin')
                  AND NOT EXISTS (SELECT 1 FROM "user" WHERE ("createdAt", "id") < (${user.createdAt}, ${user.id}))`,
            ]);
          },
        },
      },
    },
    // Per client address and shared by every instance (the rateLimit table). Reading one's own session
    // is not a guess at anything (the cookie is 256 random bits), and every page and tab asks for it,
    // so it is not counted; sign-in and sign-up keep better-auth's stricter built-in rules.
    rateLimit: { enabled: config.NODE_ENV === "production", window: 60, max: 30, storage: "database", customRules: { "/get-session": false } },
    // The HTTP server resolves the client address (trusting X-Forwarded-For only from configured
    // proxies) and stamps it here; the raw forwarded headers are never read, so they cannot be spoofed.
    // Secure (and __Secure- prefixed) cookies whenever the public URL is https; behind a TLS proxy,
    // set BETTER_AUTH_URL=https://… so this holds.
    advanced: { useSecureCookies: baseURL.startsWith("https://"), ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { offsetAuth?: Auth };

export function auth(): Auth {
  globalForAuth.offsetAuth ??= createAuth();
  return globalForAuth.offsetAuth;
}

export type SessionUser = Auth["$Infer"]["Session"]["user"];
