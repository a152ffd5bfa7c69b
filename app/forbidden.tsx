import { LinkButton } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";

// Rendered with HTTP 403 whenever a page calls forbidden(): signed in, but without the role it needs.
export default async function Forbidden() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="forbidden">
      <p className="font-mono text-sm text-bad">403 · not authorised</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">This page needs another role</h1>
      <p className="mt-3 text-muted">
        {user ? (
          <>
            You are signed in as <span className="font-medium text-text">{user.email}</span> with the {user.role} role.{" "}
          </>
        ) : null}
        If you need access, ask an admin to change your role.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <LinkButton href="/questions">Practise a question</LinkButton>
        <LinkButton href="/" variant="secondary">
          Home
        </LinkButton>
      </div>
    </div>
  );
}
