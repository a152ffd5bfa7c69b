"use client";

import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/button";

export default function ReviewError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-3xl font-semibold tracking-tight">The review queue could not load</h1>
      <p className="mt-3 text-muted">Your schedule is safe in the database, and any answer you were typing is kept in this browser. Try again in a moment.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <LinkButton href="/questions" variant="secondary">
          Question bank
        </LinkButton>
      </div>
    </div>
  );
}
