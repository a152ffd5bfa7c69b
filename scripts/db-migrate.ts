// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database) with
// Prisma's WASM schema engine — no native engine download, same `_prisma_migrations` bookkeeping.
import { applyMigrations } from "@/lib/db/schema-engine";
import { withDatabase } from "./lib/database";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date: no migrations to apply.");
});
