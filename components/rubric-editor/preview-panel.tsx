"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { ScoreOutOfTen } from "@/components/ui/score-out-of-ten";
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { previewScore } from "@/lib/rubrics/bench";
import { ARCHETYPE_LABELS, type Archetype } from "@/lib/scoring/calibration-schema";
import type { ItemResult, ScoreResult } from "@/lib/scoring/types";
import type { PreviewRubric } from "./draft-state";
import type { CalibrationSample, EditorQuestion } from "./types";

type Outcome = { ok: true; result: ScoreResult; ms: number } | { ok: false; message: string };

function score(question: EditorQuestion, rubric: Rubric, answer: string, vocabulary: Vocabulary, claims: ClaimCatalogue, rubricVersion: string): Outcome {
  const started = performance.now();
  const outcome = previewScore({ question: { slug: question.slug, modelAnswer: question.modelAnswer, prompt: question.prompt }, rubric, answer, vocabulary, claims, rubricVersion });
  return outcome.ok ? { ...outcome, ms: performance.now() - started } : outcome;
}


export function PreviewPanel({
  question,
  preview,
  published,
  vocabulary,
  claims,
  samples,
}: {
  question: EditorQuestion;
  preview: PreviewRubric;
  published: { version: number; rubric: Rubric };
  vocabulary: Vocabulary;
  claims: ClaimCatalogue;
  samples: CalibrationSample[];
}) {
  const [answer, setAnswer] = useState("");
  const [sample, setSample] = useState("");
  const ids = { answer: useId(), sample: useId(), heading: useId() };
  // Typing stays responsive even on a slow machine: the score follows the text a beat behind if needed.
  const deferredAnswer = useDeferredValue(answer);
  const deferredRubric = useDeferredValue(preview.rubric);
  const stale = deferredAnswer !== answer || deferredRubric !== preview.rubric;

  const draft = useMemo(() => (deferredAnswer.trim() ? score(question, deferredRubric, deferredAnswer, vocabulary, claims, "draft") : null), [question, deferredRubric, deferredAnswer, vocabulary, claims]);
  const current = useMemo(
    () => (deferredAnswer.trim() ? score(question, published.rubric, deferredAnswer, vocabulary, claims, `v${published.version}`) : null),
    [question, published, deferredAnswer, vocabulary, claims],
  );

  const chooseSample = (value: string) => {
    setSample(value);
    if (value === "model") setAnswer(question.modelAnswer);
    else {
      const found = samples.find((candidate) => candidate.id === value);
      if (found) setAnswer(found.text);
    }
  };

  return (
    <section aria-labelledby={ids.heading} className="rounded-2xl border border-border bg-surface p-4" data-testid="preview-panel">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={ids.heading} className="text-base font-semibold">
          Live preview
        </h2>
        <p className="text-xs text-muted">Scored in your browser with the rules scorer</p>
      </div>

      <div className="mt-3 flex items-end justify-between gap-2">
        <label htmlFor={ids.answer} className="text-xs font-medium text-muted">
          Paste an answer
        </label>
        <div className="flex min-w-0 items-center gap-1.5">
          <label htmlFor={ids.sample} className="sr-only">
            Try a sample answer
          </label>
          <select id={ids.sample} value={sample} onChange={(event) => chooseSample(event.target.value)} className="max-w-full min-w-0 rounded-md border border-border bg-surface px-1.5 py-0.5 text-xs" data-testid="preview-sample">
            <option value="">Try a sample…</option>
            <option value="model">The model answer</option>
            {samples.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {ARCHETYPE_LABELS[candidate.voice as Archetype] ?? candidate.voice} · graded {candidate.expected.toFixed(1)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <textarea
        id={ids.answer}
        value={answer}
        onChange={(event) => {
          setAnswer(event.target.value);
          setSample("");
        }}
        rows={6}
        placeholder="Paste or type a candidate's answer; the checklist below updates as you type and as you edit the rubric."
        className="mt-1 w-full resize-y rounded-lg border border-border bg-surface px-2.5 py-2 text-sm leading-relaxed"
        data-testid="preview-answer"
      />

      {preview.leftOut.length ? (
        <p className="mt-2 rounded-lg bg-warn-soft px-2.5 py-1.5 text-xs text-warn" data-testid="preview-left-out">
          Not in the preview yet: {preview.leftOut.map((entry) => `item ${entry.itemIndex + 1} (${entry.reason})`).join("; ")}.
        </p>
      ) : null}

      {!draft ? (
        <p className="mt-3 text-sm text-muted" data-testid="preview-empty">
          The score and the checklist appear here once there is an answer to score.
        </p>
      ) : !draft.ok ? (
        <p className="mt-3 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad" role="alert">
          {draft.message}
        </p>
      ) : (
        <PreviewResult result={draft.result} ms={draft.ms} stale={stale} published={current?.ok ? { version: published.version, score: current.result.score } : null} />
      )}
    </section>
  );
}

function PreviewResult({ result, ms, stale, published }: { result: ScoreResult; ms: number; stale: boolean; published: { version: number; score: number } | null }) {
  const delta = published ? Math.round((result.score - published.score) * 10) / 10 : 0;
  const flags = result.feedback.flags.filter((flag) => flag.code !== "llm-fallback" && flag.code !== "llm-quote-discarded");
  return (
    <div className={cn("mt-3 transition-opacity", stale && "opacity-70")}>
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-border pb-3">
        <div aria-live="polite" aria-atomic="true">
          <p className="text-xs font-medium text-muted">Score with your draft</p>
          <ScoreOutOfTen score={result.score} size="medium" testId="preview-score" />
        </div>
        <div className="text-right text-xs text-muted">
          {published ? (
            <p data-testid="preview-published-score">
              Published v{published.version}: <span className="font-medium text-text tabular-nums">{published.score.toFixed(1)}</span>
              {delta !== 0 ? (
                <span className={cn("ml-1.5 font-medium tabular-nums", delta > 0 ? "text-good" : "text-bad")}>
                  ({delta > 0 ? "+" : "−"}
                  {Math.abs(delta).toFixed(1)})
                </span>
              ) : (
                <span className="ml-1.5">(same)</span>
              )}
            </p>
          ) : null}
          <p className="mt-0.5 tabular-nums" data-testid="preview-timing">
            scored in {ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms
          </p>
        </div>
      </div>

      {result.breakdown.cap ? (
        <p className="mt-2 text-xs text-muted">
          Capped at {result.breakdown.cap.value} ({result.breakdown.cap.reason.replace("-", " ")}).
        </p>
      ) : null}
      {flags.length ? (
        <ul className="mt-2 space-y-1">
          {flags.map((flag) => (
            <li key={flag.code} className="rounded-lg bg-warn-soft px-2.5 py-1.5 text-xs text-text" data-testid={`preview-flag-${flag.code}`}>
              {flag.message}
            </li>
          ))}
        </ul>
      ) : null}

      <ul className="mt-3 space-y-1.5" data-testid="preview-checklist">
        {result.items.map((item) => (
          <ChecklistRow key={item.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

function ChecklistRow({ item }: { item: ItemResult }) {
  const misconception = item.kind === "misconception";
  const state = misconception ? (item.met ? "fired" : "quiet") : item.met ? "met" : "missed";
  const icon = { met: "✓", missed: "–", fired: "!", quiet: "✓" }[state];
  const words = { met: "Met", missed: "Missed", fired: "Misconception fired", quiet: "Not claimed" }[state];
  return (
    <li className="flex gap-2.5 rounded-lg px-1.5 py-1" data-testid="preview-item" data-item-id={item.id} data-state={state}>
      <span
        aria-hidden="true"
        className={cn(
          "mt-0.5 inline-flex h-4.5 w-4.5 shrink-0 items-center justify-center rounded-full text-[0.65rem] font-bold",
          (state === "met" || state === "quiet") && "bg-good-soft text-good",
          state === "missed" && "bg-warn-soft text-warn",
          state === "fired" && "bg-bad-soft text-bad",
        )}
      >
        {icon}
      </span>
      <span className="min-w-0 flex-1 text-sm">
        <span className="flex items-baseline justify-between gap-2">
          <span className={cn(state === "missed" || state === "quiet" ? "text-muted" : "font-medium")}>
            <span className="sr-only">{words}: </span>
            {item.label}
          </span>
          <span className="shrink-0 text-xs text-muted tabular-nums">
            {misconception ? "−" : "×"}
            {item.weight}
          </span>
        </span>
        {item.met && item.evidence[0] ? (
          <span className={cn("mt-0.5 block border-l-2 pl-2 text-xs text-muted italic", misconception ? "border-bad" : "border-good")}>
            <span className="line-clamp-3">“{item.evidence[0]}”</span>
            {item.evidence.length > 1 ? <span className="not-italic"> and {item.evidence.length - 1} more {item.evidence.length === 2 ? "sentence" : "sentences"}</span> : null}
          </span>
        ) : null}
      </span>
    </li>
  );
}
