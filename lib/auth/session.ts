import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
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

/** The user a set of request headers (their session cookie) belongs to, or null. */
export async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: isRole(role) ? role : "candidate" };
}

/** The signed-in user for this page render or server action, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromHeaders(await headers()));

/** For pages: the user, or a redirect to sign in that comes back here afterwards. */
export async function requireUserForPage(returnTo: string, role: Role = "candidate"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

/** For server actions: the user, or a 401/403 AppError. */
export async function requireUser(role: Role = "candidate"): Promise<CurrentUser> {
  return assertRole(await getCurrentUser(), role);
}

/** For API routes: the user the request's session cookie belongs to, or a 401/403 AppError. */
export async function requireRequestUser(request: Request, role: Role = "candidate"): Promise<CurrentUser> {
  return assertRole(await userFromHeaders(request.headers), role);
}

function assertRole(user: CurrentUser | null, role: Role): CurrentUser {
  if (!user) throw new AppError("unauthorized");
  if (!hasRole(user.role, role)) throw new AppError("forbidden");
  return user;
}
