// `npm run user:create -- --email ada@example.com --role instructor [--name "Ada"] [--password …]`
//
// Creates an account through better-auth (so it signs in exactly like one made on the sign-up page)
// and gives it a role; or, when the email already has an account, changes that account's role.
// Without --password a strong one is generated and printed once. Uses DATABASE_URL, else the
// embedded database, and applies migrations first so it works on a fresh install.
// Exit codes: 0 done; 2 bad usage (unknown role, invalid email, short password); 1 anything else.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { isRole, ROLES, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";

const USAGE = `usage: npm run user:create -- --email <address> --role <${ROLES.join("|")}> [--name "<name>"] [--password <password>]`;

class UsageError extends Error {}

interface Options {
  email: string;
  role: Role;
  name?: string;
  password?: string;
}

function parseOptions(argv: string[]): Options {
  let values: { email?: string; role?: string; name?: string; password?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  const email = values.email?.trim().toLowerCase();
  if (!email) throw new UsageError(`--email is required\n${USAGE}`);
  if (!z.string().email().safeParse(email).success) throw new UsageError(`"${values.email}" is not a valid email address`);
  if (!values.role) throw new UsageError(`--role is required: one of ${ROLES.join(", ")}\n${USAGE}`);
  if (!isRole(values.role)) throw new UsageError(`"${values.role}" is not a role; use one of: ${ROLES.join(", ")}`);
  const name = values.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 80)) throw new UsageError("--name must be 1–80 characters");
  if (values.password !== undefined && (values.password.length < 8 || values.password.length > 128)) {
    throw new UsageError("--password must be 8–128 characters (leave it out to have a strong one generated)");
  }
  return { email, role: values.role, name, password: values.password };
}

/** 24 URL-safe characters (144 bits): strong, and easy to paste. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

const article = (role: Role) => (role === "candidate" ? "a" : "an");

async function createOrUpdate(prisma: Db, options: Options) {
  const { auth } = await import("@/lib/auth/auth");
  const { changeUserRole, countAdmins, findUserByEmail } = await import("@/lib/db/users");
  const existing = await findUserByEmail(prisma, options.email);
  if (existing) {
    const change = await changeUserRole(prisma, { userId: existing.id, role: options.role });
    console.log(
      change.changed
        ? `${options.email} already has an account: role changed from ${change.previousRole} to ${change.role}.`
        : `${options.email} already has an account and is already ${article(change.role)} ${change.role}; nothing changed.`,
    );
    if (options.name !== undefined) console.log("Note: --name was ignored; the account keeps its name.");
    if (options.password !== undefined) console.log("Note: --password was ignored; the account keeps its password.");
    return;
  }

  const password = options.password ?? generatePassword();
  const name = options.name ?? options.email.split("@")[0]!;
  const result = await auth().api.signUpEmail({ body: { email: options.email, password, name } });
  const userId = result.user.id;
  // Sign-up signs the new account in; a script has no use for that session.
  await prisma.session.deleteMany({ where: { userId } });
  await prisma.user.update({ where: { id: userId }, data: { role: options.role } });
  console.log(`Created ${article(options.role)} ${options.role} account for ${options.email} (name "${name}").`);
  if (options.password === undefined) console.log(`Password (shown once — store it now): ${password}`);
  if ((await countAdmins(prisma)) === 0) {
    console.log(`Warning: no account is an admin. Create one with: npm run user:create -- --email you@example.com --role admin`);
  }
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

// The heavy modules load only once the arguments are known to be good, so usage errors are instant.
const [{ AppError }, { connectDatabase }, { applyMigrations }, { dataDirectory, describeStartupError, withDatabase }, { ensureAuthSecret }] = await Promise.all([
  import("@/lib/errors"),
  import("@/lib/db/prisma"),
  import("@/lib/db/schema-engine"),
  import("./lib/database"),
  import("./lib/secret"),
]);

try {
  ensureAuthSecret(dataDirectory());
} catch (error) {
  console.error(describeStartupError(error));
  process.exit(1);
}
await withDatabase(async (url) => {
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  // env() may have been read before the embedded database existed, so connect db() — and through
  // it auth() — to this URL explicitly.
  const prisma = connectDatabase(url);
  try {
    await createOrUpdate(prisma, options);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof AppError) console.error(error.message);
    else {
      const message = (error as { body?: { message?: string } }).body?.message ?? (error instanceof Error ? error.message : String(error));
      console.error(`Could not create the account: ${message}`);
    }
  } finally {
    await prisma.$disconnect();
  }
});
process.exit(process.exitCode ?? 0);
