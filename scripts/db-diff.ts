// `npm run db:diff -- --name add_something`: writes the next migration from prisma/schema.prisma,
// replaying the existing migrations in a temporary shadow database to compute the difference.
import { createMigration } from "@/lib/db/schema-engine";
import { withDatabase } from "./lib/database";

const nameIndex = process.argv.indexOf("--name");
const name = nameIndex > -1 ? process.argv[nameIndex + 1] : undefined;
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- --name <snake_case_name>   (e.g. --name add_review_notes)");
  process.exit(2);
}

await withDatabase(async (url) => {
  const dir = await createMigration(url, name);
  console.log(dir ? `Wrote ${dir}/migration.sql — review it, then run npm run db:migrate.` : "No changes: schema.prisma matches the migrations.");
});
