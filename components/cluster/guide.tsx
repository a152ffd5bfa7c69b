"use client";

// The guided steps and the challenge. A step ticks off when the lab is in the state it asks for,
// whether the learner got there with the controls or let the lab do it ("Do it for me"); a run in
// which the lab did a step shows the challenge's conditions as "done for you", never as complete.
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { formatCompletedOn } from "@/components/demos/demo-progress";
import { useHydrated } from "@/components/demos/completion-store";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ChallengeProgress, ChallengeStatus, LabAction, LabActor, LabScenario } from "@/lib/demos/lab";

export function GuidedSteps({
  scenario,
  stepIndex,
  doneBy,
  dispatch,
}: {
  scenario: LabScenario;
  stepIndex: number;
  doneBy: readonly LabActor[];
  dispatch: (action: LabAction) => void;
}) {
  const id = useId();
  const introId = useId();
  const done = stepIndex >= scenario.steps.length;
  const items = useRef<(HTMLLIElement | null)[]>([]);
  // "Do it for me" removes the button it was pressed on: focus moves to that step, now showing what to notice.
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfter.current;
    if (index === null || index >= stepIndex) return;
    focusAfter.current = null;
    items.current[index]?.focus();
  }, [stepIndex]);

  return (
    <section aria-labelledby={id} className="rounded-2xl border border-border bg-surface p-4" data-testid="guided-steps">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={id} className="font-semibold">
          Guided steps
        </h3>
        <span className="text-xs text-muted tabular-nums" aria-live="polite" data-testid="steps-done">
          {Math.min(stepIndex, scenario.steps.length)} of {scenario.steps.length} done
        </span>
      </div>
      <p id={introId} className="mt-1 text-xs leading-relaxed text-muted">
        Use the controls: a step ticks off as soon as the cluster shows it. &ldquo;Do it for me&rdquo; does it for you, but a run where the lab did a step
        can&apos;t complete the challenge.
      </p>
      <ol className="mt-3 flex flex-col gap-2">
        {scenario.steps.map((step, index) => {
          const state = index < stepIndex ? "done" : index === stepIndex ? "current" : "next";
          const by = doneBy[index];
          return (
            <li
              key={index}
              ref={(element) => {
                items.current[index] = element;
              }}
              tabIndex={-1}
              className={cn(
                "rounded-xl border px-3 py-2.5 outline-none focus-visible:ring-2 focus-visible:ring-[var(--ring)]",
                state === "current" ? "border-accent/50 bg-accent-soft/50" : "border-border",
                state === "next" && "opacity-70",
              )}
              data-testid="guided-step"
              data-state={state}
              data-done-by={state === "done" ? by : undefined}
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
                <span className="min-w-0 flex-1">
                  {step.title}
                  <span className="sr-only">{state === "done" ? (by === "lab" ? " (done for you)" : " (done by you)") : state === "current" ? " (next up)" : ""}</span>
                </span>
                {state === "done" ? (
                  <span
                    aria-hidden="true"
                    className={cn(
                      "shrink-0 rounded-full px-2 py-px text-[0.7rem] font-medium whitespace-nowrap",
                      by === "lab" ? "bg-surface-2 text-muted" : "bg-good-soft text-good",
                    )}
                  >
                    {by === "lab" ? "done for you" : "by you"}
                  </span>
                ) : null}
              </p>
              {state === "current" ? (
                <div className="mt-2 pl-7">
                  <p className="text-sm leading-relaxed">{step.instruction}</p>
                  <Button
                    size="sm"
                    variant="secondary"
                    className="mt-2.5"
                    onClick={() => {
                      focusAfter.current = index;
                      dispatch({ type: "guidedStep", index });
                    }}
                    aria-describedby={introId}
                    data-testid="do-it-for-me"
                  >
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

/** Where this browser and the account stand with the challenge, and what recording the latest completion did. */
export interface ChallengeRecord {
  /** The first completion this browser or the account knows of (ISO), if any. */
  completedAt: string | null;
  /** What happened to the completion this run just made: stored where, or why the account did not get it. */
  saved: { where: "saving" } | { where: "browser" } | { where: "account" } | { where: "browser-only"; reason: string } | null;
}

export function ChallengePanel({
  challenge,
  status,
  progress,
  assisted,
  record,
  onTryYourself,
}: {
  challenge: NonNullable<LabScenario["challenge"]>;
  status: ChallengeStatus | null;
  progress: ChallengeProgress;
  /** The lab did a guided step in this run. */
  assisted: boolean;
  record: ChallengeRecord;
  /** Resets the lab for an own run. */
  onTryYourself: () => void;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const complete = progress === "complete";
  const forYou = progress === "done-for-you";
  const assistedOpen = progress === "open" && assisted;
  return (
    <section
      aria-labelledby={id}
      className={cn("rounded-2xl border p-4 transition-colors", complete ? "border-good/50 bg-good-soft" : forYou ? "border-accent/40 bg-surface" : "border-border bg-surface")}
      data-testid="challenge"
      data-met={status?.met ? "true" : "false"}
      data-progress={progress}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="flex items-center gap-2 font-semibold">
          <svg aria-hidden="true" viewBox="0 0 16 16" className={cn("h-4 w-4", complete ? "fill-good" : "fill-accent")}>
            {complete ? <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 5.2-3.8 4.4a.8.8 0 0 1-1.2 0L4.7 8.9a.8.8 0 1 1 1.2-1.1l1 1.1 3.2-3.7a.8.8 0 0 1 1.2 1z" /> : <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 2.2a4.8 4.8 0 1 1 0 9.6 4.8 4.8 0 0 1 0-9.6zm0 2.2a2.6 2.6 0 1 0 0 5.2 2.6 2.6 0 0 0 0-5.2z" />}
          </svg>
          Challenge
        </h3>
        {record.completedAt && !complete ? (
          <span className="rounded-full bg-good-soft px-2.5 py-0.5 text-xs font-medium text-good" data-testid="challenge-done-before">
            ✓ You completed it{hydrated ? ` on ${formatCompletedOn(record.completedAt)}` : ""}
          </span>
        ) : null}
      </div>
      <p className="mt-1.5 text-sm leading-relaxed">{challenge.goal}</p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted hover:text-text">Hint</summary>
        <p className="mt-1 leading-relaxed text-muted">{challenge.hint}</p>
      </details>
      <div
        role="status"
        aria-live="polite"
        className={cn("mt-3 rounded-lg px-3 py-2 text-sm", complete ? "bg-surface font-medium text-good" : forYou ? "bg-accent-soft/60" : "bg-surface-2 text-muted")}
        data-testid="challenge-status"
      >
        {complete ? (
          <>Challenge complete. {status?.detail}</>
        ) : forYou ? (
          <>
            <span className="block font-semibold text-text">Done for you — now try the challenge yourself.</span>
            <span className="mt-1 block text-muted">
              The guided steps got the cluster there: {status?.detail} A run where the lab did a step doesn&apos;t count, so reset and get there with your own
              moves.
            </span>
          </>
        ) : (
          <>Not yet. {status?.detail ?? ""}</>
        )}
      </div>
      {complete && record.saved ? (
        <p className="mt-2 text-xs leading-relaxed text-muted" data-testid="challenge-saved">
          {record.saved.where === "saving" ? (
            "Saving your progress…"
          ) : record.saved.where === "account" ? (
            "Saved to your account and this browser."
          ) : record.saved.where === "browser" ? (
            <>
              Saved in this browser.{" "}
              <Link href="/sign-in?next=/demos" className="font-medium text-accent hover:underline">
                Sign in
              </Link>{" "}
              to keep your progress with your account.
            </>
          ) : (
            <>Saved in this browser, but not to your account: {record.saved.reason}</>
          )}{" "}
          <Link href="/demos" className="font-medium text-accent hover:underline">
            All scenarios
          </Link>
        </p>
      ) : null}
      {forYou || assistedOpen ? (
        <div className="mt-2.5 flex flex-wrap items-center gap-x-3 gap-y-2">
          {forYou ? null : <p className="text-xs leading-relaxed text-muted">The lab did a step for you in this run, so it can&apos;t complete the challenge.</p>}
          <Button size="sm" variant={forYou ? "primary" : "secondary"} onClick={onTryYourself} data-testid="try-yourself">
            Reset and try it yourself
          </Button>
        </div>
      ) : null}
    </section>
  );
}
