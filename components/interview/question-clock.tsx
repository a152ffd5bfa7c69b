"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatSignedMinutesSeconds } from "@/lib/format/time";

const clockKey = (sessionId: string, position: number) => `offset-interview-clock:${sessionId}:${position}`;

/**
 * Seconds spent on one interview question. The count is kept in this browser, so a reload or a
 * closed tab picks up where it stopped; time with the page closed does not count.
 */
export function useQuestionClock(sessionId: string, position: number) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const key = clockKey(sessionId, position);
    let seconds = Number(localStorage.getItem(key)) || 0;
    const show = () => setElapsed(seconds);
    const first = setTimeout(show, 0);
    const timer = setInterval(() => {
      seconds += 1;
      localStorage.setItem(key, String(seconds));
      show();
    }, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [sessionId, position]);
  return elapsed;
}

export function clearQuestionClock(sessionId: string, position: number) {
  localStorage.removeItem(clockKey(sessionId, position));
}

function milestone(elapsed: number, budget: number) {
  if (elapsed >= budget) return "over";
  if (budget >= 120 && elapsed >= budget - 60) return "last-minute";
  if (elapsed >= budget / 2) return "half";
  return "start";
}

const ANNOUNCEMENTS = {
  start: "",
  half: "Half of the time budget is used.",
  "last-minute": "One minute of the time budget left.",
  over: "Time budget reached. Finish your point and submit — the clock keeps counting.",
} as const;

// The clock against the question's budget: a guide, never a hard stop. Screen readers hear the
// milestones (half time, last minute, over budget), not every tick.
export function QuestionClock({ elapsed, budgetMinutes }: { elapsed: number; budgetMinutes: number }) {
  const budget = budgetMinutes * 60;
  const over = elapsed > budget;
  const stage = milestone(elapsed, budget);
  const share = Math.min(1, elapsed / budget);
  return (
    <div className="flex flex-col gap-2" data-testid="question-clock">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="text-muted">
          <span role="timer" aria-label="Time on this question" className={cn("font-semibold tabular-nums", over ? "text-warn" : "text-text")} data-testid="clock-elapsed">
            {formatSignedMinutesSeconds(elapsed)}
          </span>{" "}
          of {budgetMinutes}:00 budget
        </p>
        {over ? (
          <span className="rounded-full bg-warn-soft px-2.5 py-0.5 text-xs font-medium text-warn" data-testid="clock-overtime">
            Over by {formatSignedMinutesSeconds(elapsed - budget)}
          </span>
        ) : (
          <span className="text-xs text-muted tabular-nums">{formatSignedMinutesSeconds(budget - elapsed)} left</span>
        )}
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-surface-2" aria-hidden="true">
        <div className={cn("h-full rounded-full transition-[width] duration-1000 ease-linear", over ? "bg-warn" : "bg-accent")} style={{ width: `${share * 100}%` }} />
      </div>
      <p aria-live="polite" className="sr-only">
        {ANNOUNCEMENTS[stage]}
      </p>
    </div>
  );
}
