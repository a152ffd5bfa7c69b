"use client";

import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/button";

export default function InterviewError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-3xl font-semibold tracking-tight">The interview hit a snag</h1>
      <p className="mt-3 text-muted">
        Nothing you submitted is lost: answers are saved as soon as you send them, and your draft is kept in this browser. Try again, or come back to
        the interview later to resume it.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <LinkButton href="/interview" variant="secondary">
          Mock interviews
        </LinkButton>
      </div>
    </div>
  );
}
