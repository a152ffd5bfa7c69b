import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// `server-only` throws outside Next's react-server build; under test, server modules are plain modules.
const alias = { "@": root, "server-only": `${root}/tests/support/empty-module.ts` };

// Three suites, one command each: unit (pure lib/ code), integration (a real Postgres), e2e (a real
// Chromium against a production build). `npm test` runs them in that order.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Scoring tests compile the whole false-claim catalogue once per file, which can take seconds on a busy machine.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
