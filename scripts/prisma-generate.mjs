// Runs `prisma generate` offline. Prisma's CLI insists on locating a native schema engine before it
// generates, and downloads one when missing; generation never calls it, so a stub that exits 0 is
// enough. The stub is used ONLY here: migrations go through @prisma/schema-engine-wasm
// (scripts/db-migrate.ts), because `migrate deploy` with the stub silently applies nothing.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stubDir = join(root, "node_modules", ".cache", "offset");
const stub = join(stubDir, "schema-engine-stub");
mkdirSync(stubDir, { recursive: true });
writeFileSync(stub, "#!/bin/sh\nexit 0\n");
chmodSync(stub, 0o755);

const result = spawnSync(process.execPath, [join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
