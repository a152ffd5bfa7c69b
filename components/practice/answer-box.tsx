"use client";

import { useEffect, useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { readDraft, subscribeToDrafts, writeDraft } from "./draft-store";

function formatElapsed(seconds: number) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Seconds since the first keystroke, ticking once a second. */
export function useAnswerTimer(started: boolean) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!started) return;
    const timer = setInterval(() => setElapsed((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, [started]);
  return elapsed;
}

export function useDraft(slug: string) {
  const text = useSyncExternalStore(subscribeToDrafts, () => readDraft(slug), () => "");
  return [text, (value: string) => writeDraft(slug, value)] as const;
}

// Where the candidate writes. The draft lives in this browser until it is submitted; the timer is
// a gentle guide against the question's budget.
export function AnswerBox({
  slug,
  timeBudgetMinutes,
  elapsed,
  onFirstInput,
  disabled,
  toolbar,
  children,
}: {
  slug: string;
  timeBudgetMinutes: number;
  elapsed: number;
  onFirstInput?: () => void;
  disabled?: boolean;
  toolbar?: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useDraft(slug);
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const over = elapsed > timeBudgetMinutes * 60;

  return (
    <section aria-labelledby={`${id}-label`} className="rounded-2xl border border-border bg-surface p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-lg font-semibold">
          Your answer
        </label>
        <p className="text-sm text-muted tabular-nums">
          <span className={over ? "font-medium text-warn" : undefined} data-testid="answer-timer">
            {formatElapsed(elapsed)}
          </span>{" "}
          / {timeBudgetMinutes}:00 · {words} {words === 1 ? "word" : "words"}
        </p>
      </div>
      <textarea
        id={id}
        name="answer"
        value={text}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          onFirstInput?.();
        }}
        rows={10}
        placeholder="Answer as you would out loud in the interview: the idea, the mechanism, the config that matters, the trade-off."
        className="w-full resize-y rounded-xl border border-border bg-bg/40 p-4 text-[0.98rem] leading-relaxed text-text placeholder:text-muted/70 disabled:opacity-70"
        data-testid="answer-input"
      />
      {toolbar ? <div className="mt-3 flex flex-wrap items-center gap-2">{toolbar}</div> : null}
      {children}
    </section>
  );
}
