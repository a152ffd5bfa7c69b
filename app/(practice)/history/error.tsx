"use client";

import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/button";

export default function HistoryError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert" data-testid="history-error">
      <h1 className="text-2xl font-semibold tracking-tight">Your history could not load</h1>
      <p className="mt-3 leading-relaxed text-muted">
        Your attempts are safe; something went wrong while fetching them. Try again in a moment, or practise a question meanwhile.
      </p>
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
