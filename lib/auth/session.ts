import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { hasRole, isRole, type Role } from "./roles";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: isRole(role) ? role : "candidate" };
});

/** For pages: the user, or a redirect to sign in that comes back here afterwards. */
export async function requireUserForPage(returnTo: string, role: Role = "candidate"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user.role, role)) throw new AppError("forbidden");
  return user;
}

/** For API routes and server actions: the user, or a 401/403 AppError. */
export async function requireUser(role: Role = "candidate"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized");
  if (!hasRole(user.role, role)) throw new AppError("forbidden");
  return user;
}
