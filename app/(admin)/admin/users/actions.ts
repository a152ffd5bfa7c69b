"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { changeUserRole } from "@/lib/db/users";
import { db } from "@/lib/db/prisma";
import { toPublicError } from "@/lib/errors";
import { parseWith } from "@/lib/http/api";

const changeRoleSchema = z
  .object({
    userId: z.string().trim().min(1, "is required").max(100),
    role: z.enum(ROLES, { message: `must be one of: ${ROLES.join(", ")}` }),
  })
  .strict();

export type ChangeRoleState = { ok: true; message: string; role: Role } | { ok: false; message: string };

const withArticle = (role: Role) => (role === "admin" || role === "instructor" ? `an ${role}` : `a ${role}`);

/**
 * Changes a user's role. Admins only — checked here, on the server, from the session, whatever the
 * page showed. Takes effect on the user's next request (sessions read the role from the database).
 */
export async function changeRoleAction(input: { userId: string; role: string }): Promise<ChangeRoleState> {
  try {
    const body = parseWith(changeRoleSchema, input);
    const actor = await requireUser("admin");
    const change = await changeUserRole(db(), { userId: body.userId, role: body.role, actorId: actor.id });
    revalidatePath("/admin/users");
    const who = change.userId === actor.id ? "You are" : `${change.name || change.email} is`;
    return {
      ok: true,
      role: change.role,
      message: change.changed ? `${who} now ${withArticle(change.role)}.` : `${who} already ${withArticle(change.role)}; nothing changed.`,
    };
  } catch (error) {
    return { ok: false, message: toPublicError(error).message };
  }
}
