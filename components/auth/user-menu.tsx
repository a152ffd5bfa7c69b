import { cookies } from "next/headers";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

// Shown in the header on every page. A database hiccup must never take the page down with it; nor
// may it tell someone who holds a session that they were signed out (they were not).
export async function UserMenu() {
  const lookup = await getCurrentUser().then(
    (user) => ({ user, failed: false }),
    () => ({ user: null, failed: true }),
  );
  const { user } = lookup;
  if (lookup.failed && (await hasSessionCookie())) {
    return (
      <span className="px-2 text-sm text-muted" title="Your account could not be checked because the database is not answering. You are still signed in." data-testid="account-unavailable">
        Account unavailable
      </span>
    );
  }
  if (!user) {
    return (
      <Link href="/sign-in" className="rounded-lg px-3 py-1.5 text-sm font-medium text-accent hover:bg-surface-2" data-testid="sign-in-link">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-1">
      {user.role === "admin" ? (
        <Link href="/admin/users" className="hidden rounded-lg px-2.5 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-text lg:inline">
          Admin
        </Link>
      ) : null}
      <span className="hidden max-w-40 truncate px-2 text-sm text-muted sm:inline lg:hidden xl:inline" title={user.email} data-testid="user-name">
        {user.name}
      </span>
      <SignOutButton />
    </div>
  );
}

async function hasSessionCookie(): Promise<boolean> {
  // better-auth's cookie, with the __Secure- prefix when served over HTTPS.
  return (await cookies()).getAll().some((cookie) => cookie.name.endsWith("better-auth.session_token"));
}
