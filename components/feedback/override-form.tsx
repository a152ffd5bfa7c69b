"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callApi } from "@/components/instructor/api-client";
import { StatusMessage, type StatusNote } from "@/components/instructor/status-message";
import { Button } from "@/components/ui/button";

const COMMENT_MAX = 1000;

type FieldErrors = { score?: string; comment?: string };

/** The same rules the server applies, checked before sending so the messages appear at once. */
export function checkOverride(scoreText: string, comment: string): FieldErrors {
  const errors: FieldErrors = {};
  const trimmed = scoreText.trim();
  const score = Number(trimmed);
  if (!trimmed) errors.score = "Enter a score from 0 to 10.";
  else if (!Number.isFinite(score) || score < 0 || score > 10) errors.score = "The score must be a number from 0 to 10.";
  else if (!/^\d+(\.\d)?$/.test(trimmed)) errors.score = "Use at most one decimal place, for example 7.5.";
  if (!comment.trim()) errors.comment = "Explain the change: the candidate reads this comment next to the new score.";
  else if (comment.trim().length > COMMENT_MAX) errors.comment = `Keep the comment under ${COMMENT_MAX} characters (it has ${comment.trim().length}).`;
  return errors;
}

/** For instructors: replace an attempt's current score with their own, with a comment the candidate sees. */
export function OverrideForm({ attemptId, currentScore }: { attemptId: string; currentScore: number }) {
  const router = useRouter();
  const id = useId();
  const [scoreText, setScoreText] = useState(currentScore.toFixed(1));
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<StatusNote | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = checkOverride(scoreText, comment);
    setErrors(found);
    if (found.score || found.comment) {
      setNote({ tone: "bad", text: "The score was not changed. Fix the field marked below." });
      document.getElementById(found.score ? `${id}-score` : `${id}-comment`)?.focus();
      return;
    }
    setPending(true);
    setNote({ tone: "info", text: "Saving the new score…" });
    const score = Math.round(Number(scoreText) * 10) / 10;
    const result = await callApi<{ score: { score: number } }>(`/api/instructor/attempts/${attemptId}/override`, { body: { score, comment: comment.trim() } });
    setPending(false);
    if (!result.ok) {
      const field = result.error.field === "score" || result.error.field === "comment" ? result.error.field : null;
      if (field) setErrors({ [field]: result.error.message });
      setNote({ tone: "bad", text: field ? "The score was not changed. Fix the field marked below." : result.error.message });
      return;
    }
    setComment("");
    setNote({ tone: "good", text: `The score is now ${result.data.score.score.toFixed(1)}. The candidate sees it with your comment; the earlier scores stay in the history.` });
    router.refresh();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-warn/40 bg-surface p-5" data-testid="override-form">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Override the score
      </h2>
      <p className="mt-1 text-sm text-muted">
        Instructors only. Your score becomes the current one and the candidate sees your comment with it. The checklist stays as the scorer left it, and
        every earlier score is kept.
      </p>
      <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-4" noValidate>
        <div>
          <label htmlFor={`${id}-score`} className="text-sm font-medium">
            New score <span className="font-normal text-muted">(0 to 10, one decimal)</span>
          </label>
          <input
            id={`${id}-score`}
            type="number"
            inputMode="decimal"
            min={0}
            max={10}
            step={0.1}
            required
            value={scoreText}
            onChange={(event) => setScoreText(event.target.value)}
            aria-invalid={errors.score ? true : undefined}
            aria-describedby={errors.score ? `${id}-score-error` : undefined}
            className="mt-1 block h-10 w-32 rounded-lg border border-border bg-surface px-3 text-text tabular-nums aria-[invalid]:border-bad"
            data-testid="override-score"
          />
          {errors.score ? (
            <p id={`${id}-score-error`} className="mt-1 text-sm text-bad" data-testid="override-score-error">
              {errors.score}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-comment`} className="text-sm font-medium">
            Comment for the candidate <span className="font-normal text-muted">(required)</span>
          </label>
          <textarea
            id={`${id}-comment`}
            required
            rows={3}
            maxLength={COMMENT_MAX + 200}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={`${id}-comment-count${errors.comment ? ` ${id}-comment-error` : ""}`}
            placeholder="What the scorer missed, in a sentence or two"
            className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-text placeholder:text-muted/60 aria-[invalid]:border-bad"
            data-testid="override-comment"
          />
          <p id={`${id}-comment-count`} className="mt-1 text-xs text-muted">
            {comment.trim().length} / {COMMENT_MAX} characters
          </p>
          {errors.comment ? (
            <p id={`${id}-comment-error`} className="mt-1 text-sm text-bad" data-testid="override-comment-error">
              {errors.comment}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" disabled={pending} data-testid="override-submit">
            {pending ? "Saving…" : "Override score"}
          </Button>
        </div>
        <StatusMessage note={note} testId="override-status" />
      </form>
    </section>
  );
}
