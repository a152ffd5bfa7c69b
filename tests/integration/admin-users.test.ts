import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changeRoleAction } from "@/app/(admin)/admin/users/actions";
import { userFromHeaders } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { changeUserRole, countUsersByRole, listUsers } from "@/lib/db/users";
import { submitAnswer } from "@/lib/practice/submit";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { createTestUser, type TestUser } from "../support/users";

// Server actions read the session from next/headers; here the "browser" is whoever `as()` names.
const session = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(session.cookie ? { cookie: session.cookie } : {}),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const as = (user: TestUser | null) => {
  session.cookie = user?.cookie ?? "";
};
const roleOf = async (user: TestUser) => (await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } })).role;

let database: TempDatabase;
let admin: TestUser;
let instructor: TestUser;
let candidate: TestUser;

beforeAll(async () => {
  database = await setupAppDatabase();
  admin = await createTestUser("admin", "Ada Admin");
  instructor = await createTestUser("instructor", "Ines Instructor");
  candidate = await createTestUser("candidate", "Carl Candidate");
});
afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

describe("changeRoleAction", () => {
  it("lets an admin change a role, effective on the user's very next request", async () => {
    as(admin);
    expect(await changeRoleAction({ userId: candidate.id, role: "instructor" })).toEqual({
      ok: true,
      role: "instructor",
      message: "Carl Candidate is now an instructor.",
    });
    expect(await roleOf(candidate)).toBe("instructor");
    // Same cookie, no new sign-in: the session already carries the new role.
    expect((await userFromHeaders(new Headers({ cookie: candidate.cookie })))?.role).toBe("instructor");
    expect(await changeRoleAction({ userId: candidate.id, role: "instructor" })).toMatchObject({ ok: true, message: expect.stringMatching(/already an instructor; nothing changed/) });
    expect(await changeRoleAction({ userId: candidate.id, role: "candidate" })).toMatchObject({ ok: true, message: "Carl Candidate is now a candidate." });
  });

  it("refuses instructors, candidates and signed-out callers, checked on the server", async () => {
    as(instructor);
    expect(await changeRoleAction({ userId: instructor.id, role: "admin" })).toEqual({ ok: false, message: "You do not have access to that." });
    as(candidate);
    expect(await changeRoleAction({ userId: candidate.id, role: "admin" })).toEqual({ ok: false, message: "You do not have access to that." });
    as(null);
    expect(await changeRoleAction({ userId: candidate.id, role: "admin" })).toEqual({ ok: false, message: "Please sign in to do that." });
    expect(await roleOf(instructor)).toBe("instructor");
    expect(await roleOf(candidate)).toBe("candidate");
  });

  it("refuses an unknown role or user with a clear message", async () => {
    as(admin);
    expect(await changeRoleAction({ userId: candidate.id, role: "owner" })).toEqual({ ok: false, message: "role: must be one of: candidate, instructor, admin" });
    expect(await changeRoleAction({ userId: "no-such-user", role: "admin" })).toEqual({ ok: false, message: "That account no longer exists." });
  });

  it("does not let the last admin demote themselves, but does once there is another admin", async () => {
    as(admin);
    expect(await countUsersByRole(db())).toMatchObject({ admin: 1 });
    expect(await changeRoleAction({ userId: admin.id, role: "instructor" })).toEqual({
      ok: false,
      message: "You are the only admin, so you cannot give up the admin role. Make someone else an admin first.",
    });
    expect(await roleOf(admin)).toBe("admin");

    expect(await changeRoleAction({ userId: instructor.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await changeRoleAction({ userId: admin.id, role: "instructor" })).toEqual({ ok: true, role: "instructor", message: "You are now an instructor." });
    // The demoted admin's next action is refused.
    expect(await changeRoleAction({ userId: admin.id, role: "admin" })).toEqual({ ok: false, message: "You do not have access to that." });
    // Restore for the other tests.
    as(instructor);
    expect(await changeRoleAction({ userId: admin.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await changeRoleAction({ userId: instructor.id, role: "instructor" })).toMatchObject({ ok: true });
  });

  it("never leaves zero admins when two admins demote each other at the same moment", async () => {
    const second = await createTestUser("admin", "Second Admin");
    const results = await Promise.allSettled([
      changeUserRole(db(), { userId: admin.id, role: "candidate", actorId: second.id }),
      changeUserRole(db(), { userId: second.id, role: "candidate", actorId: admin.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await countUsersByRole(db())).admin).toBe(1);
    // Restore: whoever kept the role makes the other an admin again, then the extra admin steps down.
    await db().user.update({ where: { id: admin.id }, data: { role: "admin" } });
    await db().user.update({ where: { id: second.id }, data: { role: "candidate" } });
  });
});

describe("listUsers", () => {
  it("searches name and email case-insensitively, newest first, with attempt counts", async () => {
    await submitAnswer(db(), { userId: candidate.id, questionSlug: "kafka-architecture", answer: "Brokers store partitions." });
    await submitAnswer(db(), { userId: candidate.id, questionSlug: "kafka-what-and-why", answer: "Kafka is a distributed log." });
    const byName = await listUsers(db(), { search: "carl" });
    expect(byName.rows.map((row) => row.id)).toEqual([candidate.id]);
    expect(byName.rows[0]).toMatchObject({ name: "Carl Candidate", role: "candidate", attempts: 2 });
    expect((await listUsers(db(), { search: candidate.email.toUpperCase() })).total).toBe(1);
    expect((await listUsers(db(), { search: "nobody-has-this" })).rows).toEqual([]);
    const all = await listUsers(db());
    expect(all.rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(all.rows.at(-1)!.createdAt.getTime());
  });

  it("paginates, clamping out-of-range pages", async () => {
    for (let index = 0; index < 5; index++) await createTestUser("candidate", `Paged ${index}`);
    const first = await listUsers(db(), { search: "paged", pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.rows).toHaveLength(2);
    const last = await listUsers(db(), { search: "paged", pageSize: 2, page: 99 });
    expect(last).toMatchObject({ page: 3 });
    expect(last.rows).toHaveLength(1);
    const names = new Set([...first.rows, ...(await listUsers(db(), { search: "paged", pageSize: 2, page: 2 })).rows, ...last.rows].map((row) => row.name));
    expect(names.size).toBe(5);
    expect((await listUsers(db(), { page: -3 })).page).toBe(1);
  });
});
