"use client";

// The guided steps (do it yourself, or let the lab do it) and the challenge with its live status.
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ChallengeStatus, LabAction, LabScenario } from "@/lib/demos/lab";

export function GuidedSteps({ scenario, stepIndex, dispatch }: { scenario: LabScenario; stepIndex: number; dispatch: (action: LabAction) => void }) {
  const id = useId();
  const done = stepIndex >= scenario.steps.length;
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-border bg-surface p-4" data-testid="guided-steps">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={id} className="font-semibold">
          Guided steps
        </h3>
        <span className="text-xs text-muted tabular-nums" aria-live="polite">
          {Math.min(stepIndex, scenario.steps.length)} of {scenario.steps.length} done
        </span>
      </div>
      <ol className="mt-3 flex flex-col gap-2">
        {scenario.steps.map((step, index) => {
          const state = index < stepIndex ? "done" : index === stepIndex ? "current" : "next";
          return (
            <li
              key={index}
              className={cn("rounded-xl border px-3 py-2.5", state === "current" ? "border-accent/50 bg-accent-soft/50" : "border-border", state === "next" && "opacity-70")}
              data-testid="guided-step"
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
            >
              <p className="flex items-start gap-2 text-sm font-medium">
                <span
                  aria-hidden="true"
                  className={cn(
                    "mt-px inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[0.7rem]",
                    state === "done" ? "bg-good text-surface" : state === "current" ? "bg-accent text-accent-fg" : "bg-surface-2 text-muted",
                  )}
                >
                  {state === "done" ? "✓" : index + 1}
                </span>
                <span>
                  {step.title}
                  <span className="sr-only">{state === "done" ? " (done)" : state === "current" ? " (next up)" : ""}</span>
                </span>
              </p>
              {state === "current" ? (
                <div className="mt-2 pl-7">
                  <p className="text-sm leading-relaxed">{step.instruction}</p>
                  <Button size="sm" className="mt-2.5" onClick={() => dispatch({ type: "guidedStep", index })} data-testid="do-it-for-me">
                    Do it for me
                  </Button>
                </div>
              ) : null}
              {state === "done" ? (
                <p className="mt-1.5 pl-7 text-sm leading-relaxed text-muted">
                  <span className="font-medium text-text">Notice: </span>
                  {step.notice}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {done ? <p className="mt-3 text-sm text-muted">All steps done. Keep experimenting, or reset to start over.</p> : null}
    </section>
  );
}

export function ChallengePanel({ challenge, status }: { challenge: NonNullable<LabScenario["challenge"]>; status: ChallengeStatus | null }) {
  const id = useId();
  const met = status?.met ?? false;
  return (
    <section
      aria-labelledby={id}
      className={cn("rounded-2xl border p-4 transition-colors", met ? "border-good/50 bg-good-soft" : "border-border bg-surface")}
      data-testid="challenge"
      data-met={met ? "true" : "false"}
    >
      <h3 id={id} className="flex items-center gap-2 font-semibold">
        <svg aria-hidden="true" viewBox="0 0 16 16" className={cn("h-4 w-4", met ? "fill-good" : "fill-accent")}>
          {met ? <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 5.2-3.8 4.4a.8.8 0 0 1-1.2 0L4.7 8.9a.8.8 0 1 1 1.2-1.1l1 1.1 3.2-3.7a.8.8 0 0 1 1.2 1z" /> : <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 2.2a4.8 4.8 0 1 1 0 9.6 4.8 4.8 0 0 1 0-9.6zm0 2.2a2.6 2.6 0 1 0 0 5.2 2.6 2.6 0 0 0 0-5.2z" />}
        </svg>
        Challenge
      </h3>
      <p className="mt-1.5 text-sm leading-relaxed">{challenge.goal}</p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted hover:text-text">Hint</summary>
        <p className="mt-1 leading-relaxed text-muted">{challenge.hint}</p>
      </details>
      <div role="status" aria-live="polite" className={cn("mt-3 rounded-lg px-3 py-2 text-sm", met ? "bg-surface font-medium text-good" : "bg-surface-2 text-muted")} data-testid="challenge-status">
        {met ? "Challenge complete. " : "Not yet. "}
        {status?.detail ?? ""}
      </div>
    </section>
  );
}
