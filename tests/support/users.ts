// Real accounts for integration tests: created through better-auth, so the session cookie they
// return is exactly what a browser would send.
import { auth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/prisma";

let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  cookie: string;
}

export async function createTestUser(role: Role = "candidate", name = "Test user"): Promise<TestUser> {
  const email = `user-${process.pid}-${Date.now()}-${counter++}@example.com`;
  const response = await auth().api.signUpEmail({ body: { email, password: "a-long-test-password", name }, asResponse: true });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  await db().user.update({ where: { id: body.user.id }, data: { role } });
  return { id: body.user.id, email, role, cookie };
}

/** A Request as a browser on the same site would send it, with this user's session cookie. */
export function requestAs(user: TestUser | null, url: string, init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000", ...init.headers };
  if (user) headers.cookie = user.cookie;
  if (init.body !== undefined || init.rawBody !== undefined) headers["content-type"] = "application/json";
  return new Request(new URL(url, "http://localhost:3000"), {
    method: init.method ?? "GET",
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}
