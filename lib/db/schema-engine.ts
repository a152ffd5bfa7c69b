// Prisma's schema engine as WebAssembly: applies and diffs migrations without the native engine
// binary that Prisma's CLI would download (this machine, and our users' CI, may be offline).
// It keeps the standard layout (prisma/migrations/<name>/migration.sql) and the `_prisma_migrations`
// table, so a user with Prisma's native CLI sees exactly the same migration state.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const projectRoot = resolve(import.meta.dirname, "../..");
export const schemaPath = join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = join(projectRoot, "prisma", "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

// Node 20 cannot `import` a .wasm module, so instantiate it by hand and hand it to the bindings.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const bindings = engineBindings as unknown as WebAssembly.ModuleImports & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmReady;
}

export interface EngineSession {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens the WASM schema engine against `databaseUrl`. Always `close()` it: it holds a pg pool. */
export async function openSchemaEngine(databaseUrl: string, log: (line: string) => void = () => {}): Promise<EngineSession> {
  await loadWasm();
  const pools: pg.Pool[] = [];
  const dropShadows: (() => Promise<void>)[] = [];
  const poolFor = (url: string) => {
    const pool = introspectionPool(url);
    // DROP DATABASE … WITH (FORCE) ends the shadow database's connections, idle ones included; the pool drops
    // such a client and reports it here. Without a listener, pg-pool's "error" event would crash the process.
    pool.on("error", (error) => log(`a pooled connection closed: ${error.message}`));
    pools.push(pool);
    return pool;
  };
  const adminPool = poolFor(databaseUrl);
  const main = new PrismaPg(adminPool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    // adapter-pg has its own shadow-database helper, but it builds the shadow pool from a connection
    // string that overrides the shadow database name (so it replays into the real database) and drops
    // the database before closing that pool. This one closes first, then drops.
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await adminPool.query(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(databaseUrl);
      shadowUrl.pathname = `/${name}`;
      const shadowPool = poolFor(shadowUrl.toString());
      dropShadows.push(async () => {
        await shadowPool.end();
        await adminPool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      return new PrismaPg(shadowPool).connect();
    },
  };
  const schema = readFileSync(schemaPath, "utf8");
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      for (const drop of dropShadows) await drop().catch((error: unknown) => log(`shadow cleanup failed: ${String(error)}`));
      await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    },
  };
}

// The engine introspects pg_catalog columns of Postgres' internal one-byte type "char" (oid 18),
// which adapter-pg rejects as an unsupported native type. Their values are plain one-letter
// strings, so relabel them as text before the adapter looks at the result.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

class CharAsTextClient extends pg.Client {
  // @ts-expect-error -- pg's overloads cannot be re-declared one by one; this wraps every form
  override query(...args: unknown[]) {
    const last = args.length - 1;
    // Pool.query() calls client.query(text, values, callback); direct use returns a promise.
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: Error | null, result?: pg.QueryResult) => void;
      args[last] = (error: Error | null, result?: pg.QueryResult) => callback(error, result && relabelCharColumns(result));
    }
    const result: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(relabelCharColumns) : result;
  }
}

function relabelCharColumns(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

function introspectionPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2, Client: CharAsTextClient as unknown as typeof pg.Client });
}

export function listMigrations(dir = migrationsDir): MigrationList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file) ? { tag: "ok", value: readFileSync(file, "utf8") } : { tag: "error", value: `missing ${file}` },
        },
      };
    }),
  } as MigrationList;
}

/** Applies every migration not yet recorded in `_prisma_migrations`. Idempotent. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const session = await openSchemaEngine(databaseUrl);
  try {
    const result = await session.engine.applyMigrations({ migrationsList: listMigrations(), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    await session.close();
  }
}

/**
 * The SQL that would bring a database built from the migrations up to schema.prisma; empty when they
 * agree. Replays the migrations in a temporary shadow database, as `prisma migrate diff` does.
 */
export async function diffMigrationsToSchema(databaseUrl: string, schema = readFileSync(schemaPath, "utf8")): Promise<string> {
  const session = await openSchemaEngine(databaseUrl);
  try {
    const migrations = listMigrations();
    const result = await session.engine.diff({
      // With no migrations yet there is nothing to replay: the first migration starts from empty.
      from: migrations.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return normaliseDiff(result.stdout ?? "");
  } finally {
    await session.close();
  }
}

// The engine reports an empty diff as a comment; treat comment-only output as "no changes".
function normaliseDiff(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : sql.trim() + "\n";
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql when the schema moved; returns its path. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await diffMigrationsToSchema(databaseUrl);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  const lockPath = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
