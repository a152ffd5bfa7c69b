"use client";

import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { readDraft, subscribeToDrafts, writeDraft } from "./draft-store";

function formatElapsed(seconds: number) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

// Where the candidate writes. The draft is kept in this browser (localStorage) so a reload or a
// detour to the demo never loses it; the timer is a gentle guide against the question's budget.
export function AnswerBox({ slug, timeBudgetMinutes, children }: { slug: string; timeBudgetMinutes: number; children?: React.ReactNode }) {
  const id = useId();
  const text = useSyncExternalStore(subscribeToDrafts, () => readDraft(slug), () => "");
  const [elapsed, setElapsed] = useState(0);
  const [started, setStarted] = useState(false);

  useEffect(() => {
    if (!started) return;
    const timer = setInterval(() => setElapsed((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, [started]);

  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const over = elapsed > timeBudgetMinutes * 60;

  return (
    <section aria-labelledby={`${id}-label`} className="rounded-2xl border border-border bg-surface p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-lg font-semibold">
          Your answer
        </label>
        <p className="text-sm text-muted" aria-live="off">
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
        onChange={(event) => {
          writeDraft(slug, event.target.value);
          if (!started) setStarted(true);
        }}
        rows={10}
        placeholder="Answer as you would out loud in the interview: the idea, the mechanism, the config that matters, the trade-off."
        className="w-full resize-y rounded-xl border border-border bg-bg/40 p-4 text-[0.98rem] leading-relaxed text-text placeholder:text-muted/70"
        data-testid="answer-input"
      />
      {children}
    </section>
  );
}
