"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { abandonInterviewAction, finishInterviewAction, nextQuestionAction, undoSkipAction, type ActionResult } from "@/app/(practice)/interview/actions";
import { Button } from "@/components/ui/button";
import { cancelArrivalFocus, requestArrivalFocus } from "./arrival-focus";

const OFFLINE = "We could not reach Offset — check your connection and try again.";

function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  /** `moves`: the action takes the candidate to another step, whose heading then takes focus. */
  const run = (action: () => Promise<ActionResult>, onSuccess?: () => void, moves = false) =>
    startTransition(async () => {
      setError(null);
      if (moves) requestArrivalFocus();
      try {
        const result = await action();
        if (!result.ok) {
          cancelArrivalFocus();
          setError(result.message);
        } else onSuccess?.();
      } catch {
        cancelArrivalFocus();
        setError(OFFLINE);
      }
    });
  return { error, pending, run };
}

/** "Next question" after the feedback on one answer, or "See your results" after the last. */
export function NextQuestionButton({ sessionId, last }: { sessionId: string; last: boolean }) {
  const { error, pending, run } = useAction();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => run(() => nextQuestionAction({ sessionId }), undefined, true)} disabled={pending} data-testid="next-question">
        {pending ? "One moment…" : last ? "See your results" : "Next question →"}
      </Button>
      <p aria-live="polite" className="text-sm text-bad">
        {error}
      </p>
    </div>
  );
}

export function FinishButton({ sessionId }: { sessionId: string }) {
  const { error, pending, run } = useAction();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => run(() => finishInterviewAction({ sessionId }))} disabled={pending} data-testid="finish-interview">
        {pending ? "Writing your assessment…" : "See your results"}
      </Button>
      <p aria-live="polite" className="text-sm text-bad">
        {error}
      </p>
    </div>
  );
}

/**
 * Shown on the step after a skip, for as long as the skip can be taken back: undoing reopens the
 * skipped question (with its draft, which stayed in this browser).
 */
export function UndoSkipNotice({ sessionId, position }: { sessionId: string; position: number }) {
  const { error, pending, run } = useAction();
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl border border-border bg-surface-2/60 px-4 py-3 text-sm" data-testid="skip-notice">
      <p>
        <span className="font-medium">You skipped question {position + 1}.</span> <span className="text-muted">It counts as 0 unless you go back to it.</span>
      </p>
      <div className="flex items-center gap-3">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => run(() => undoSkipAction({ sessionId, position }), undefined, true)}
          aria-label={`Undo skip of question ${position + 1}`}
          disabled={pending}
          data-testid="undo-skip"
        >
          {pending ? "Going back…" : "Undo skip"}
        </Button>
        {error ? (
          <span aria-live="polite" className="text-bad">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Abandoning asks once more; answers already given stay in the history. */
export function AbandonButton({ sessionId, size = "sm" }: { sessionId: string; size?: "sm" | "md" }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { error, pending, run } = useAction();
  if (!confirming) {
    return (
      <Button variant="ghost" size={size} onClick={() => setConfirming(true)} className="text-muted" data-testid="abandon-interview">
        Abandon interview
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm abandoning the interview" className="flex flex-wrap items-center gap-2 rounded-xl border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
      <span>Stop here? Answers you gave stay in your history.</span>
      <Button size="sm" variant="secondary" onClick={() => run(() => abandonInterviewAction({ sessionId }), () => router.push("/interview"))} disabled={pending} data-testid="confirm-abandon">
        {pending ? "Abandoning…" : "Yes, abandon"}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending} autoFocus>
        Keep going
      </Button>
      {error ? (
        <span aria-live="polite" className="text-bad">
          {error}
        </span>
      ) : null}
    </div>
  );
}
