"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { submitReviewAction, type ReviewSubmitState } from "@/app/(practice)/review/actions";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { AnswerBox, useAnswerTimer, useDraft } from "@/components/practice/answer-box";
import { Button, LinkButton } from "@/components/ui/button";
import { changeSinceLastTime } from "./review-text";

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });

function comesBack(intervalDays: number) {
  if (intervalDays <= 1) return "tomorrow";
  if (intervalDays < 14) return `in ${intervalDays} days`;
  return `in about ${Math.round(intervalDays / 7)} weeks`;
}

// A review answer: the same answer box as practice (with its own draft key), then the feedback, when
// the question comes back, and the way on to the next due question. `previousScore` is the last score
// before this review; it is kept from the first render because the page re-renders with the new one.
export function ReviewPanel({ slug, timeBudgetMinutes, previousScore }: { slug: string; timeBudgetMinutes: number; previousScore: number | null }) {
  const [lastTime] = useState(previousScore);
  const draftSlug = `review-${slug}`;
  const [text, setText] = useDraft(draftSlug);
  const [started, setStarted] = useState(false);
  const elapsed = useAnswerTimer(started);
  const [state, setState] = useState<ReviewSubmitState | null>(null);
  const [pending, startTransition] = useTransition();
  const idempotencyKey = useRef<string>(crypto.randomUUID());

  const submit = () =>
    startTransition(async () => {
      let outcome: ReviewSubmitState;
      try {
        outcome = await submitReviewAction({ question: slug, answer: text, idempotencyKey: idempotencyKey.current, timeSpentMs: elapsed * 1000 });
      } catch {
        outcome = { status: "error", message: "We could not reach Offset — check your connection and try again. Your answer is still here." };
      }
      setState(outcome);
      if (outcome.status === "scored") {
        idempotencyKey.current = crypto.randomUUID();
        setText("");
      }
    });

  if (state?.status === "scored") {
    const score = state.feedback?.score;
    const change = typeof score === "number" ? changeSinceLastTime(score, lastTime) : null;
    return (
      <div className="flex flex-col gap-6">
        <section aria-live="polite" className="flex flex-col gap-4 rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 sm:flex-row sm:items-center sm:justify-between" data-testid="review-outcome">
          <div>
            <p className="font-semibold">
              {typeof score === "number" ? (
                <>
                  Scored <span data-testid="review-score">{score.toFixed(1)}</span> / 10
                  {change ? <span data-testid="review-change">, {change}</span> : null}.{" "}
                </>
              ) : (
                "Answer saved. "
              )}
              {state.schedule ? (
                <>
                  This question comes back {comesBack(state.schedule.intervalDays)}
                  <span className="text-muted"> ({dayFormat.format(new Date(state.schedule.dueAt))})</span>.
                </>
              ) : null}
            </p>
            <p className="mt-1 text-sm text-muted">
              {state.remaining === 0 ? "Your queue for today is clear." : `${state.remaining} more ${state.remaining === 1 ? "question is" : "questions are"} due today.`} A low score brings a question back
              sooner; a strong one pushes it further out.
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            {state.next ? (
              <LinkButton href={`/review/${state.next.slug}`} data-testid="next-due">
                Next due question →
              </LinkButton>
            ) : (
              <LinkButton href="/review" data-testid="queue-done">
                Back to the queue
              </LinkButton>
            )}
          </div>
        </section>
        {state.feedback ? <FeedbackView data={state.feedback} /> : null}
        <p className="text-sm text-muted">
          <Link href={`/attempts/${state.attemptId}`} className="font-medium text-accent hover:underline">
            Open this answer on its own page
          </Link>{" "}
          for the model answer and follow-up questions.
        </p>
      </div>
    );
  }

  return (
    <AnswerBox
      slug={draftSlug}
      timeBudgetMinutes={timeBudgetMinutes}
      elapsed={elapsed}
      onFirstInput={() => setStarted(true)}
      disabled={pending}
      toolbar={
        <>
          <Button onClick={submit} disabled={pending || !text.trim()} data-testid="submit-review">
            {pending ? "Scoring…" : "Check my answer"}
          </Button>
          <p className="text-sm text-muted">Answer from memory first; the score sets when this question comes back.</p>
        </>
      }
    >
      <div aria-live="polite" className="mt-2 text-sm" data-testid="review-status">
        {state?.status === "error" ? <p className="text-bad">{state.message}</p> : null}
      </div>
    </AnswerBox>
  );
}
