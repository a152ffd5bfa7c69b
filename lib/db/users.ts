// Accounts as admins see them: a searchable, paginated list and role changes. Accounts themselves are
// created by better-auth (sign-up, `npm run user:create`); this module never touches passwords.
// Callers check that the viewer is an admin; these functions enforce what must hold whoever calls:
// there is always at least one admin.
import { AppError } from "@/lib/errors";
import { isRole, type Role } from "@/lib/auth/roles";
import type { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export const USERS_PAGE_SIZE = 20;

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  /** Answers to questions (follow-up answers not counted). */
  attempts: number;
}

export interface UserList {
  rows: UserListRow[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  search: string;
}

export async function listUsers(db: Db, options: { search?: string; page?: number; pageSize?: number } = {}): Promise<UserList> {
  const search = (options.search ?? "").trim().slice(0, 200);
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? USERS_PAGE_SIZE)), 100);
  const where: Prisma.UserWhereInput = search
    ? { OR: [{ email: { contains: search, mode: "insensitive" } }, { name: { contains: search, mode: "insensitive" } }] }
    : {};
  const total = await db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, name: true, email: true, role: true, createdAt: true, _count: { select: { attempts: { where: { parentAttemptId: null } } } } },
  });
  return {
    rows: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: isRole(user.role) ? user.role : "candidate",
      createdAt: user.createdAt,
      attempts: user._count.attempts,
    })),
    total,
    page,
    pageSize,
    pages,
    search,
  };
}

export async function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, role: true } });
}

export async function countAdmins(db: Db): Promise<number> {
  return db.user.count({ where: { role: "admin" } });
}

export interface RoleChange {
  userId: string;
  name: string;
  email: string;
  previousRole: Role;
  role: Role;
  changed: boolean;
}

/**
 * Gives a user a role. The last admin cannot lose the role: the admin rows are locked while
 * checking, so two admins demoting each other at the same moment cannot leave none. `actorId`
 * (the admin making the change) only shapes the message.
 */
export async function changeUserRole(db: Db, input: { userId: string; role: Role; actorId?: string }): Promise<RoleChange> {
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "user" WHERE role = 'admin' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, role: true } });
    if (!user) throw new AppError("not_found", "That account no longer exists.");
    const previousRole: Role = isRole(user.role) ? user.role : "candidate";
    const base = { userId: user.id, name: user.name, email: user.email, previousRole, role: input.role };
    if (previousRole === input.role) return { ...base, changed: false };
    if (previousRole === "admin" && admins.length <= 1) {
      throw new AppError(
        "conflict",
        input.actorId === user.id
          ? "You are the only admin, so you cannot give up the admin role. Make someone else an admin first."
          : `${user.email} is the only admin; make someone else an admin first.`,
        { field: "role" },
      );
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    return { ...base, changed: true };
  });
}

/** How many accounts hold each role. */
export async function countUsersByRole(db: Db): Promise<Record<Role, number>> {
  const groups = await db.user.groupBy({ by: ["role"], _count: { _all: true } });
  const counts: Record<Role, number> = { candidate: 0, instructor: 0, admin: 0 };
  for (const group of groups) if (isRole(group.role)) counts[group.role] = group._count._all;
  return counts;
}
