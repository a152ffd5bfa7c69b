"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { safeNext } from "@/lib/auth/safe-next";

const inputClass = "h-11 w-full rounded-lg border border-border bg-surface px-3 text-[0.95rem] text-text";

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"));
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setPending(true);
    setError(null);
    const result =
      mode === "sign-up"
        ? await authClient.signUp.email({ email, password, name: name || email.split("@")[0]! })
        : await authClient.signIn.email({ email, password });
    setPending(false);
    if (result.error) {
      setError(describeAuthError(result.error.code, result.error.message, mode));
      return;
    }
    router.push(next);
    router.refresh();
  }

  const other = mode === "sign-in" ? "/sign-up" : "/sign-in";
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? `${id}-error` : undefined} noValidate={false}>
      {mode === "sign-up" ? (
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Name
          <input name="name" autoComplete="name" className={inputClass} maxLength={80} data-testid="auth-name" />
        </label>
      ) : null}
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        Email
        <input name="email" type="email" required autoComplete="email" className={inputClass} data-testid="auth-email" />
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          className={inputClass}
          data-testid="auth-password"
        />
        {mode === "sign-up" ? <span className="text-xs font-normal text-muted">At least 8 characters.</span> : null}
      </label>
      <div id={`${id}-error`} role="alert" aria-live="assertive" className="min-h-5 text-sm text-bad" data-testid="auth-error">
        {error}
      </div>
      <Button type="submit" disabled={pending} data-testid="auth-submit">
        {pending ? "One moment…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        {mode === "sign-in" ? "New to Offset? " : "Already have an account? "}
        <Link href={`${other}?next=${encodeURIComponent(next)}`} className="font-medium text-accent hover:underline">
          {mode === "sign-in" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </form>
  );
}

function describeAuthError(code: string | undefined, message: string | undefined, mode: "sign-in" | "sign-up"): string {
  switch (code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "That email and password do not match an account.";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "An account with that email already exists — sign in instead.";
    case "PASSWORD_TOO_SHORT":
      return "The password needs at least 8 characters.";
    case "INVALID_EMAIL":
      return "That does not look like an email address.";
    default:
      return message ?? (mode === "sign-in" ? "Signing in failed. Try again." : "Creating the account failed. Try again.");
  }
}
