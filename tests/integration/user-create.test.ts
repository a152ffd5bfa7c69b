import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/prisma";
import { createTempDatabase, type TempDatabase } from "../support/database";

// `npm run user:create` run for real, as an operator would, against a fresh (unmigrated) database.
let database: TempDatabase;
const SECRET = "integration-test-secret-that-is-long-enough";

beforeAll(async () => {
  database = await createTempDatabase(inject("adminDatabaseUrl"));
  Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "http://localhost:3000" });
});
afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

function userCreate(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: SECRET },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const userByEmail = (email: string) => db().user.findUnique({ where: { email }, select: { id: true, name: true, role: true } });

describe("npm run user:create", () => {
  it("migrates a fresh database, creates the account with the role and prints a generated password once", async () => {
    const result = userCreate("--email", "Ines@Example.com", "--role", "instructor", "--name", "Ines");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created an instructor account for ines@example.com (name "Ines").');
    const password = /Password \(shown once — store it now\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // The first account on an empty database would be made admin; the explicit role wins, and the
    // script says there is no admin now.
    expect(result.stdout).toMatch(/Warning: no account is an admin/);
    expect(await userByEmail("ines@example.com")).toMatchObject({ name: "Ines", role: "instructor" });
    // A real better-auth account: the printed password signs in. The script leaves no session behind.
    const user = await userByEmail("ines@example.com");
    expect(await db().session.count({ where: { userId: user!.id } })).toBe(0);
    const signIn = await auth().api.signInEmail({ body: { email: "ines@example.com", password: password! } });
    expect(signIn.user.email).toBe("ines@example.com");
  });

  it("uses a given password and defaults the name to the email's local part", async () => {
    const result = userCreate("--email", "ada@example.com", "--role", "admin", "--password", "correct horse battery");
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/Password/);
    expect(result.stdout).not.toMatch(/Warning/);
    expect(await userByEmail("ada@example.com")).toMatchObject({ name: "ada", role: "admin" });
    const signIn = await auth().api.signInEmail({ body: { email: "ada@example.com", password: "correct horse battery" } });
    expect(signIn.user.email).toBe("ada@example.com");
  });

  it("changes the role of an existing account and says so", async () => {
    const result = userCreate("--email", "INES@example.com", "--role", "candidate", "--password", "ignored-password");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("ines@example.com already has an account: role changed from instructor to candidate.");
    expect(result.stdout).toContain("Note: --password was ignored; the account keeps its password.");
    expect(await userByEmail("ines@example.com")).toMatchObject({ role: "candidate" });
    expect(await db().user.count({ where: { email: "ines@example.com" } })).toBe(1);
    const again = userCreate("--email", "ines@example.com", "--role", "candidate");
    expect(again.stdout).toContain("already a candidate; nothing changed");
  });

  it("refuses to demote the only admin (exit 1)", async () => {
    const result = userCreate("--email", "ada@example.com", "--role", "instructor");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("ada@example.com is the only admin; make someone else an admin first.");
    expect(await userByEmail("ada@example.com")).toMatchObject({ role: "admin" });
  });

  it("exits 2 with one clear message for a bad role, email, password or missing flag", () => {
    const badRole = userCreate("--email", "x@example.com", "--role", "owner");
    expect(badRole.status).toBe(2);
    expect(badRole.stderr.trim()).toBe('"owner" is not a role; use one of: candidate, instructor, admin');
    const badEmail = userCreate("--email", "not-an-email", "--role", "candidate");
    expect(badEmail.status).toBe(2);
    expect(badEmail.stderr.trim()).toBe('"not-an-email" is not a valid email address');
    const shortPassword = userCreate("--email", "x@example.com", "--role", "candidate", "--password", "short");
    expect(shortPassword.status).toBe(2);
    expect(shortPassword.stderr).toMatch(/--password must be 8–128 characters/);
    const missing = userCreate("--role", "candidate");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--email is required\nusage: npm run user:create -- --email <address> --role <candidate\|instructor\|admin>/);
    const unknown = userCreate("--email", "x@example.com", "--role", "candidate", "--admin");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--admin'/);
  });
});
