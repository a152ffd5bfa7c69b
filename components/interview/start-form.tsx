"use client";

import { useActionState, useId } from "react";
import { startInterviewAction, type StartState } from "@/app/(practice)/interview/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

interface TrackOption {
  id: string;
  title: string;
  summary: string;
  questionCount: number;
}

const TIMINGS = [
  { value: "after_each", title: "After each answer", body: "See the score and what to tighten up before moving on. Best for learning." },
  { value: "at_end", title: "All at the end", body: "Answer all five back to back, then review everything at once. Closest to the real thing." },
] as const;

const optionClass =
  "flex h-full cursor-pointer flex-col gap-1 rounded-2xl border border-border bg-surface p-4 transition-colors hover:border-accent/60 has-[:checked]:border-accent has-[:checked]:bg-accent-soft/40 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-[var(--ring)]";

export function StartInterviewForm({ tracks }: { tracks: TrackOption[] }) {
  const [state, formAction, pending] = useActionState<StartState, FormData>(startInterviewAction, null);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-col gap-6" data-testid="start-interview-form">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-3 text-lg font-semibold">1. Choose a track</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {tracks.map((track, index) => (
            <label key={track.id} className={optionClass}>
              <span className="flex items-center justify-between gap-3">
                <span className="flex items-center gap-2.5">
                  <input type="radio" name="track" value={track.id} defaultChecked={index === 0} className="h-4 w-4 accent-[var(--accent)]" data-testid={`track-${track.id}`} />
                  <span className="font-semibold">{track.title}</span>
                </span>
                <span className="text-xs text-muted">{track.questionCount} questions</span>
              </span>
              <span className="pl-6.5 text-sm leading-relaxed text-muted">{track.summary}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-3 text-lg font-semibold">2. When do you want feedback?</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {TIMINGS.map((timing, index) => (
            <label key={timing.value} className={optionClass}>
              <span className="flex items-center gap-2.5">
                <input type="radio" name="feedbackTiming" value={timing.value} defaultChecked={index === 0} className="h-4 w-4 accent-[var(--accent)]" data-testid={`timing-${timing.value}`} />
                <span className="font-semibold">{timing.title}</span>
              </span>
              <span className="pl-6.5 text-sm leading-relaxed text-muted">{timing.body}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-3 text-lg font-semibold">3. Follow-up questions</legend>
        <label className={optionClass}>
          <span className="flex items-center gap-2.5">
            <input type="checkbox" name="askFollowUps" defaultChecked className="h-4 w-4 accent-[var(--accent)]" data-testid="ask-follow-ups" />
            <span className="font-semibold">Ask me a follow-up after each answer</span>
          </span>
          <span className="pl-6.5 text-sm leading-relaxed text-muted">
            Like a real interviewer: one short question that presses on the weakest point of your answer. Answer it or skip it; it is scored on that point alone.
          </span>
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-describedby={`${id}-status`} data-testid="start-interview">
          {pending ? "Choosing your questions…" : "Start the interview"}
        </Button>
        <p className="text-sm text-muted">Five questions, about half an hour. You can leave and resume at any point.</p>
      </div>
      <p id={`${id}-status`} aria-live="polite" className={cn("text-sm", state ? "text-bad" : "sr-only")} data-testid="start-status">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
