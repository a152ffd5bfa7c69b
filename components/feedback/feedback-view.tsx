"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ScoreOutOfTen } from "@/components/ui/score-out-of-ten";
import { HighlightedAnswer } from "./highlighted-answer";
import { QuotedEvidence } from "./quoted-evidence";
import { takeJustSubmitted } from "./just-submitted";
import type { FeedbackData, FeedbackItem } from "./types";

const KIND_TITLES = { required: "Must cover", bonus: "Extra credit", misconception: "Misconceptions checked" } as const;

const SCORER_LABELS = { rules: "Rules scorer", llm: "AI scorer", instructor: "Instructor override" } as const;

/** What produced the score, in words a candidate understands; the identifiers sit behind "How this was scored". */
const SCORER_SENTENCES = {
  rules: "Checked point by point against this question's checklist, using your own words as evidence.",
  llm: "Judged point by point by an AI model, and every point it credits quotes your own words.",
  instructor: "An instructor reviewed this answer and set the score by hand.",
} as const;

/**
 * `heading` names the score ("Your score", "Original score"); `scoreMeta` sits under the number
 * (which rubric version scored it); `status` follows the summary (pending work, an instructor's note).
 * `focusOnArrival` moves keyboard and screen-reader focus to the score, and scrolls it into view, when
 * the feedback has just been asked for: `true` for feedback drawn in place, or the attempt id the
 * practice panel marked before it navigated here. `previousScore` is the candidate's score on their last
 * try at the same question, shown as the change since then.
 */
export function FeedbackView({
  data,
  status,
  heading = "Your score",
  scoreMeta,
  focusOnArrival,
  previousScore,
}: {
  data: FeedbackData;
  status?: ReactNode;
  heading?: string;
  scoreMeta?: ReactNode;
  focusOnArrival?: boolean | string;
  previousScore?: number | null;
}) {
  const [activeItem, setActiveItem] = useState<string | null>(null);
  const scoreSection = useRef<HTMLElement>(null);
  useEffect(() => {
    const arrived = focusOnArrival === true || (typeof focusOnArrival === "string" && takeJustSubmitted(focusOnArrival));
    const section = scoreSection.current;
    if (!arrived || !section) return;
    section.focus({ preventScroll: true });
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    section.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
  }, [focusOnArrival]);
  // Ids scoped to this instance: a summary page may show several feedback views at once.
  const uid = useId();
  const ids = { score: `${uid}-score`, misconceptions: `${uid}-misconceptions`, checklist: `${uid}-checklist`, answer: `${uid}-answer` };
  const flagSpans = data.flags.flatMap((flag) => flag.spans ?? []);
  const itemById = new Map(data.items.map((item) => [item.id, item]));
  const alerts = data.flags.filter((flag) => flag.code !== "llm-fallback");
  const fallback = data.flags.find((flag) => flag.code === "llm-fallback");

  return (
    <div className="flex flex-col gap-6" data-testid="feedback">
      <section ref={scoreSection} tabIndex={-1} aria-labelledby={ids.score} className="scroll-mt-20 rounded-2xl border border-border bg-surface p-6 outline-none focus-visible:ring-2 focus-visible:ring-[var(--ring)]" data-testid="score-section">
        <div className="flex flex-wrap items-start justify-between gap-6">
          <div>
            <h2 id={ids.score} className="text-sm font-medium text-muted">
              {heading}
            </h2>
            <ScoreOutOfTen score={data.score} size="large" className="mt-1" testId="score" />
            {previousScore != null ? <ChangeSinceLastTry score={data.score} previous={previousScore} /> : null}
            {scoreMeta}
          </div>
          {data.scorer === "instructor" ? (
            <Badge tone="warn" className="!text-[0.8rem]">
              Set by an instructor
            </Badge>
          ) : null}
        </div>
        <p className="mt-4 leading-relaxed" data-testid="feedback-summary">
          {data.summary}
        </p>
        {status}
        {fallback ? <p className="mt-3 rounded-lg bg-surface-2 px-3 py-2 text-sm text-muted">{fallback.message}</p> : null}
        <details className="group mt-3 text-sm text-muted" data-testid="how-scored">
          <summary className="w-fit cursor-pointer rounded underline decoration-dotted underline-offset-4 hover:text-text focus-visible:ring-2 focus-visible:ring-[var(--ring)] focus-visible:outline-none">
            How this was scored
          </summary>
          <p className="mt-2">{SCORER_SENTENCES[data.scorer]}</p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt>Scorer</dt>
            <dd className="text-text" data-testid="scorer">
              {data.scorer === "llm" && data.model ? `${SCORER_LABELS.llm} · ${data.model}` : SCORER_LABELS[data.scorer]}
            </dd>
            {data.rubricVersion ? (
              <>
                <dt>Checklist version</dt>
                <dd className="font-mono text-xs text-text" data-testid="rubric-version">
                  {data.rubricVersion}
                </dd>
              </>
            ) : null}
          </dl>
        </details>
        {alerts.length > 0 ? (
          <ul className="mt-4 space-y-2" aria-label="Notes on this score">
            {alerts.map((flag) => (
              // A list item keeps its listitem role (role="note" on an <li> breaks the list for screen readers).
              <li key={flag.code} className="rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-sm text-text" data-testid={`flag-${flag.code}`}>
                {flag.message}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {data.misconceptions.length > 0 ? (
        <section aria-labelledby={ids.misconceptions} className="rounded-2xl border border-bad/30 bg-bad-soft/40 p-5" data-testid="misconceptions">
          <h2 id={ids.misconceptions} className="text-lg font-semibold">
            What you got wrong
          </h2>
          <p className="text-sm text-muted">{data.misconceptions.length === 1 ? "This claim costs" : "These claims cost"} more than a missing point, so fix {data.misconceptions.length === 1 ? "it" : "them"} first.</p>
          <ul className="mt-3 space-y-3">
            {data.misconceptions.map((point) => (
              <li key={point.id}>
                <p className="font-medium">{point.label}</p>
                {point.evidence[0] ? <QuotedEvidence answer={data.answer} item={itemById.get(point.id)} evidence={point.evidence[0]} tone="bad" lead="You said: " /> : null}
                <p className="mt-1.5 text-sm leading-relaxed">
                  <span className="font-medium">Actually: </span>
                  {point.correction}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <CoachingList title="What to tighten up" empty="Nothing required is missing — now make it sharper with the extras." testId="tighten-up">
          {data.tightenUp.map((point) => (
            <li key={point.id} className="rounded-xl border border-border p-3.5" data-testid="tighten-up-point" data-reason={point.reason ?? "missed"}>
              <p className="font-medium">
                {point.label}
                {point.reason && point.reason !== "missed" ? (
                  <Badge tone={point.reason === "rejected" ? "warn" : "neutral"} className="ml-2 align-middle">
                    {point.reason === "rejected" ? "You waved this away" : "Named, not explained"}
                  </Badge>
                ) : null}
              </p>
              {point.reason === "rejected" && point.evidence?.[0] ? (
                <blockquote className="mt-1 border-l-2 border-warn pl-3 text-sm text-muted">You said: &ldquo;{point.evidence[0]}&rdquo;</blockquote>
              ) : null}
              <p className="mt-1 text-sm leading-relaxed text-muted">
                <span className="font-medium text-text">{point.reason === "named" ? "Say how it works: " : "Say it like this: "}</span>
                {point.hint}
              </p>
            </li>
          ))}
        </CoachingList>
        <CoachingList title="What you nailed" empty="Nothing on the checklist yet — start from the points on the left." testId="nailed">
          {data.nailed.map((point) => (
            <li key={point.id} className="rounded-xl border border-border p-3.5">
              <p className="font-medium">{point.label}</p>
              {point.evidence[0] ? <QuotedEvidence answer={data.answer} item={itemById.get(point.id)} evidence={point.evidence[0]} tone="good" /> : null}
            </li>
          ))}
        </CoachingList>
      </div>


      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby={ids.checklist} className="rounded-2xl border border-border bg-surface p-5">
          <h2 id={ids.checklist} className="text-lg font-semibold">
            Rubric checklist
          </h2>
          <p className="text-sm text-muted">Select a point to see the words of yours that earned it.</p>
          {(["required", "bonus", "misconception"] as const).map((kind) => {
            const items = data.items.filter((item) => item.kind === kind);
            if (items.length === 0) return null;
            return (
              <div key={kind} className="mt-4">
                <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{KIND_TITLES[kind]}</h3>
                <ul className="mt-2 space-y-1.5" data-testid={`checklist-${kind}`}>
                  {items.map((item) => (
                    <ChecklistRow key={item.id} item={item} active={activeItem === item.id} onSelect={() => setActiveItem(activeItem === item.id ? null : item.id)} />
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
        <section aria-labelledby={ids.answer} className="rounded-2xl border border-border bg-surface p-5 lg:sticky lg:top-20 lg:self-start">
          <h2 id={ids.answer} className="text-lg font-semibold">
            Your answer
          </h2>
          <p className="mb-3 text-sm text-muted">
            <span className="rounded bg-good-soft px-1">Green</span> earned a point, <span className="rounded bg-bad-soft px-1">red</span> is a
            misconception.
          </p>
          <HighlightedAnswer answer={data.answer} items={data.items} flagSpans={flagSpans} activeItem={activeItem} />
        </section>
      </div>
    </div>
  );
}

/** "+2.4 since your last try": the change is worked out on the one-decimal scores the candidate sees. */
function ChangeSinceLastTry({ score, previous }: { score: number; previous: number }) {
  const delta = Math.round((score - previous) * 10) / 10;
  const tone = delta > 0 ? "bg-good-soft text-good" : delta < 0 ? "bg-warn-soft text-warn" : "bg-surface-2 text-muted";
  const text = delta === 0 ? "Same as your last try" : `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)} since your last try`;
  return (
    <p className={cn("mt-2 inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium tabular-nums", tone)} data-testid="score-change">
      {text}
      <span className="sr-only"> (last time {previous.toFixed(1)} out of 10)</span>
    </p>
  );
}

function CoachingList({ title, empty, children, testId }: { title: string; empty: string; children: ReactNode[]; testId: string }) {
  return (
    <section className="rounded-2xl border border-border bg-surface p-5" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children.length > 0 ? <ul className="mt-3 space-y-2.5">{children}</ul> : <p className="mt-2 text-sm text-muted">{empty}</p>}
    </section>
  );
}

function ChecklistRow({ item, active, onSelect }: { item: FeedbackItem; active: boolean; onSelect: () => void }) {
  const misconception = item.kind === "misconception";
  // For a misconception, "met" means the wrong claim was made.
  const state = misconception ? (item.met ? "bad" : "good") : item.met ? "good" : item.rejection ? "rejected" : "missed";
  const icon = { good: "✓", missed: "–", bad: "!", rejected: "×" }[state];
  const label = { good: misconception ? "Avoided" : item.depth === "named" ? "Named, not explained" : "Met", missed: "Missed", bad: "Claimed", rejected: "Waved away" }[state];
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        aria-pressed={active}
        className={cn("flex w-full gap-3 rounded-xl border p-3 text-left transition-colors", active ? "border-accent bg-accent-soft/40" : "border-transparent hover:bg-surface-2")}
        data-testid="checklist-item"
        data-met={item.met}
        data-state={state}
      >
        <span
          className={cn(
            "mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
            state === "good" && "bg-good-soft text-good",
            (state === "missed" || state === "rejected") && "bg-warn-soft text-warn",
            state === "bad" && "bg-bad-soft text-bad",
          )}
          aria-hidden="true"
        >
          {icon}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className="font-medium">
              {item.label}
              {item.origin === "catalogue" ? <span className="ml-1.5 text-xs font-normal text-muted">(a common false claim)</span> : null}
            </span>
            <span className="shrink-0 text-xs text-muted">
              <span className="sr-only">{label}. </span>×{item.weight}
            </span>
          </span>
          {item.met && item.depth === "named" ? <span className="mt-0.5 block text-xs font-medium text-warn">Named, not explained: say how or why it works</span> : null}
          {item.met && item.evidence[0] ? <span className="mt-1 block text-sm text-muted italic">&ldquo;{item.evidence[0]}&rdquo;</span> : null}
          {!item.met && item.rejection?.evidence[0] ? <span className="mt-1 block text-sm text-muted italic">You waved it away: &ldquo;{item.rejection.evidence[0]}&rdquo;</span> : null}
          {!item.met && !misconception && item.hint ? <span className="mt-1 block text-sm text-muted">{item.hint}</span> : null}
          {item.met && misconception && item.correction ? <span className="mt-1 block text-sm text-bad">{item.correction}</span> : null}
        </span>
      </button>
    </li>
  );
}
