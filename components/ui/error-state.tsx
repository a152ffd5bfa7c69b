"use client";

import { useEffect, type ReactNode } from "react";
import { Button, LinkButton } from "./button";

/** What every error boundary shows: what happened, that nothing is lost, and a way on. */
export function ErrorState({
  error,
  reset,
  title,
  message,
  link,
  testId,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  title: string;
  message: ReactNode;
  link: { href: string; label: string };
  testId?: string;
}) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert" data-testid={testId}>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 leading-relaxed text-muted">{message}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <LinkButton href={link.href} variant="secondary">
          {link.label}
        </LinkButton>
      </div>
    </div>
  );
}
