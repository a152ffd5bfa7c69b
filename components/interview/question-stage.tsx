"use client";

import { useState, useTransition } from "react";
import { submitInterviewAnswerAction } from "@/app/(practice)/interview/actions";
import { AnswerBox, useDraft } from "@/components/practice/answer-box";
import { Button } from "@/components/ui/button";
import { interviewDraftSlug } from "@/lib/practice/interview-plan";
import { clearQuestionClock, QuestionClock, useQuestionClock } from "./question-clock";

// The answer box for the current interview question. Its draft is kept per interview and position
// (never mixed with a practice draft of the same question); the clock survives a reload.
export function QuestionStage({
  sessionId,
  position,
  total,
  timeBudgetMinutes,
  feedbackTiming,
}: {
  sessionId: string;
  position: number;
  total: number;
  timeBudgetMinutes: number;
  feedbackTiming: "after_each" | "at_end";
}) {
  const draftSlug = interviewDraftSlug(sessionId, position);
  const [text, setText] = useDraft(draftSlug);
  const elapsed = useQuestionClock(sessionId, position);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const last = position === total - 1;

  const submit = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await submitInterviewAnswerAction({ sessionId, position, answer: text, timeSpentMs: elapsed * 1000 });
        if (result.ok) {
          setText("");
          clearQuestionClock(sessionId, position);
        } else {
          setError(result.message);
        }
      } catch {
        setError("We could not reach Offset — check your connection and try again. Your answer is still here.");
      }
    });

  const label = pending ? "Scoring…" : feedbackTiming === "after_each" ? "Submit and see feedback" : last ? "Submit and see results" : "Submit and continue";

  return (
    <div className="flex flex-col gap-4">
      <QuestionClock elapsed={elapsed} budgetMinutes={timeBudgetMinutes} />
      <AnswerBox
        slug={draftSlug}
        timeBudgetMinutes={timeBudgetMinutes}
        elapsed={elapsed}
        showTimer={false}
        disabled={pending}
        toolbar={
          <>
            <Button onClick={submit} disabled={pending || !text.trim()} data-testid="submit-interview-answer">
              {label}
            </Button>
            <p className="text-sm text-muted">
              {feedbackTiming === "after_each" ? "Feedback comes straight after you submit." : "Feedback waits until the end, like a real loop."} Your draft is saved in this browser.
            </p>
          </>
        }
      >
        <div aria-live="polite" className="mt-2 text-sm" data-testid="interview-status">
          {error ? <p className="text-bad">{error}</p> : null}
        </div>
      </AnswerBox>
    </div>
  );
}
