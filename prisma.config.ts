import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from schema.prisma. Generation needs no database,
// so a placeholder keeps `prisma generate` working before DATABASE_URL exists.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/offset" },
});
