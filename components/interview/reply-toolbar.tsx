"use client";

import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The row under an interview answer box: submit, a line on what happens next, and a quiet skip whose
 * consequence a screen reader hears. The question and its follow-up share it so both read the same.
 */
export function ReplyToolbar({
  submit,
  note,
  skip,
  disabled,
}: {
  submit: { label: string; onClick: () => void; ready: boolean; testId: string };
  note: ReactNode;
  skip: { label: string; onClick: () => void; testId: string; consequence: string };
  /** Scoring, skipping or listening: nothing else may start. */
  disabled: boolean;
}) {
  const id = useId();
  return (
    <>
      <Button onClick={submit.onClick} disabled={disabled || !submit.ready} data-testid={submit.testId}>
        {submit.label}
      </Button>
      <p className="text-sm text-muted">{note}</p>
      <Button variant="ghost" size="sm" onClick={skip.onClick} disabled={disabled} aria-describedby={`${id}-skip-note`} className="text-muted sm:ml-auto" data-testid={skip.testId}>
        {skip.label}
      </Button>
      <span id={`${id}-skip-note`} className="sr-only">
        {skip.consequence}
      </span>
    </>
  );
}

/** Where an interview answer box reports a failure, announced politely. */
export function ReplyStatus({ testId, error }: { testId: string; error: string | null }) {
  return (
    <div aria-live="polite" className="mt-2 text-sm" data-testid={testId}>
      {error ? <p className="text-bad">{error}</p> : null}
    </div>
  );
}
