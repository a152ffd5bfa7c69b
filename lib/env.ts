// The environment, validated once. Everything that reads configuration imports it from here.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL, e.g. postgresql://user@127.0.0.1:5432/offset")
      .optional(),
  ),
  PORT: z.coerce.number().int().min(1, "must be a port between 1 and 65535").max(65535, "must be a port between 1 and 65535").default(3000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.string().url("must be a URL such as http://127.0.0.1:8080/v1").optional()),
  OPENAI_MODEL: optionalString.transform((value) => value ?? "gpt-4o-mini"),
  /** Speech-to-text model for recorded answers (POST /api/transcribe), e.g. gpt-4o-mini-transcribe. */
  OPENAI_TRANSCRIBE_MODEL: optionalString.transform((value) => value ?? "whisper-1"),
  /** Per-attempt timeout for one transcription request (one retry follows a timeout). */
  OPENAI_TRANSCRIBE_TIMEOUT_MS: optionalString.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a number of milliseconds, e.g. 60000" })
      .int()
      .min(100, "must be at least 100 (milliseconds)")
      .max(600_000, "must be at most 600000 (10 minutes)")
      .default(60_000),
  ),
  /** Where the embedded Postgres keeps its data when DATABASE_URL is not set. */
  OFFSET_DATA_DIR: optionalString,
  /** Per-user submissions allowed per minute (raised only by load benchmarks). */
  OFFSET_SUBMITS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /**
   * Where submissions are scored: "thread" on a worker thread beside the server's request thread, "inline" on the
   * request thread, "auto" (the default) on a thread in the production server and inline elsewhere.
   */
  OFFSET_SCORING: z.enum(["auto", "thread", "inline"], { error: 'must be "auto", "thread" or "inline"' }).default("auto"),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or loopback /
   * linklocal / uniquelocal). Unset: no one's — the client address is the TCP peer's.
   */
  OFFSET_TRUSTED_PROXIES: optionalString,
  /** Signs session cookies. `npm start` creates and keeps one in the data folder when unset. */
  BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  /** The public URL of the app, e.g. https://offset.example.com; defaults to http://localhost:PORT. */
  BETTER_AUTH_URL: optionalString.pipe(z.string().url("must be a URL such as https://offset.example.com").optional()),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment (process.env by default); throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment: ${lines.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
