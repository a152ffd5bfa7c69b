"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callApi, type ApiProblem } from "@/components/instructor/api-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TableHead } from "@/components/ui/table-head";
import type { BenchComparison, BenchReport, BenchRow } from "@/lib/rubrics/bench";
import type { RubricInput } from "./draft-state";
import { revealAndFocus } from "./reveal";
import type { BenchAttemptOption } from "./types";
import { plural } from "@/lib/format/text";

export interface BenchResponse {
  draft: BenchReport;
  published: BenchReport;
  comparison: BenchComparison;
  publishedVersion?: number;
}

// `run` counts finished runs, so each one (not only the first) brings its results into view.
type State =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; data: BenchResponse; fingerprint: string; run: number }
  | { status: "error"; error: ApiProblem; run: number };

const SOURCE_LABELS: Record<BenchRow["source"], string> = {
  "model-answer": "Model",
  calibration: "Graded",
  instructor: "Sample",
  attempt: "Attempt",
};

const fmt = (value: number | null, digits: number) => (value === null ? "—" : value.toFixed(digits));

/** The run's outcome in one or two sentences, for the screen reader's live region. */
export function benchSummary(data: BenchResponse, publishedVersion: number): string {
  const scored = data.draft.rows.length;
  if (scored === 0) return "Test bench finished: there was nothing to score.";
  const figures = (report: BenchReport) => `Spearman ${fmt(report.spearman, 2)}, MAE ${fmt(report.mae, 2)}`;
  const over = data.draft.traps.reduce((count, trap) => count + trap.over.length, 0);
  return [
    `Test bench finished: ${plural(scored, "answer")} scored.`,
    `Your draft: ${figures(data.draft)}; published v${publishedVersion}: ${figures(data.published)}.`,
    `${data.comparison.moved.length} of ${scored} scores change with your draft.`,
    over > 0 ? `${plural(over, "trap answer scores", "trap answers score")} over the line.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

export function BenchPanel({
  slug,
  rubric,
  draftValid,
  draftFingerprint,
  attempts,
  attemptsError,
  publishedVersion,
  onIssues,
}: {
  slug: string;
  rubric: RubricInput;
  draftValid: boolean;
  draftFingerprint: string;
  attempts: BenchAttemptOption[];
  attemptsError?: string;
  publishedVersion: number;
  onIssues: (problem: ApiProblem) => void;
}) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(attempts.slice(0, 20).map((attempt) => attempt.attemptId)));
  const [state, setState] = useState<State>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const runs = useRef(0);
  const outcomeRef = useRef<HTMLHeadingElement | HTMLParagraphElement | null>(null);
  const ids = { heading: useId(), attempts: useId() };
  const finishedRun = state.status === "done" || state.status === "error" ? state.run : 0;

  useEffect(() => {
    // The bench sits at the foot of the side panel, which scrolls on its own at desktop widths: without
    // this a run's results would land below that panel's fold, with nothing to say they arrived.
    if (finishedRun > 0) revealAndFocus(outcomeRef.current);
  }, [finishedRun]);

  const run = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const sentFingerprint = draftFingerprint;
    setState({ status: "running" });
    try {
      const result = await callApi<BenchResponse>(`/api/instructor/questions/${encodeURIComponent(slug)}/bench`, {
        body: { rubric, attemptIds: [...selected] },
        signal: controller.signal,
      });
      runs.current += 1;
      if (result.ok) {
        setState({ status: "done", data: result.data, fingerprint: sentFingerprint, run: runs.current });
      } else {
        setState({ status: "error", error: result.error, run: runs.current });
        if (result.error.issues.length) onIssues(result.error);
      }
    } catch {
      // Aborted by a newer run.
    }
  };

  const stale = state.status === "done" && state.fingerprint !== draftFingerprint;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby={ids.heading} className="rounded-2xl border border-border bg-surface p-4" data-testid="bench-panel">
      <h2 id={ids.heading} className="text-base font-semibold">
        Test bench
      </h2>
      <p className="mt-0.5 text-xs leading-relaxed text-muted">
        Scores the model answer, the graded calibration answers and the attempts you tick with your draft and with the published v{publishedVersion}, next
        to the score each should get.
      </p>

      <details className="mt-2 rounded-lg border border-border px-2.5 py-1.5 text-sm">
        <summary className="cursor-pointer text-xs font-medium">
          Real attempts: {selected.size} of {attempts.length} chosen
        </summary>
        {attemptsError ? (
          <p className="mt-2 text-xs text-bad" role="alert">
            {attemptsError}
          </p>
        ) : attempts.length === 0 ? (
          <p className="mt-2 text-xs text-muted">Nobody has answered this question yet; the bench uses the model answer and the graded answers.</p>
        ) : (
          <fieldset className="mt-2 min-w-0">
            <legend className="sr-only">Attempts to include</legend>
            <div className="mb-1.5 flex gap-3 text-xs">
              <button type="button" className="text-accent hover:underline" onClick={() => setSelected(new Set(attempts.slice(0, 50).map((attempt) => attempt.attemptId)))}>
                Choose all
              </button>
              <button type="button" className="text-accent hover:underline" onClick={() => setSelected(new Set())}>
                Choose none
              </button>
            </div>
            <ul id={ids.attempts} className="max-h-48 space-y-1 overflow-y-auto pr-1">
              {attempts.map((attempt) => (
                <li key={attempt.attemptId}>
                  <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-xs hover:bg-surface-2">
                    <input
                      type="checkbox"
                      checked={selected.has(attempt.attemptId)}
                      onChange={() => toggle(attempt.attemptId)}
                      className="mt-0.5 accent-[var(--accent)]"
                      data-testid="bench-attempt"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{attempt.candidateName}</span>
                      <span className="text-muted">
                        {" "}
                        · {attempt.createdAt.slice(0, 10)} · {attempt.currentScore === null ? "not scored" : `${attempt.currentScore.toFixed(1)}/10`}
                        {attempt.versionNumber ? ` (v${attempt.versionNumber})` : ""}
                      </span>
                      <span className="block truncate text-muted">{attempt.excerpt}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {selected.size > 50 ? <p className="mt-1 text-xs text-bad">Choose at most 50 attempts for one run.</p> : null}
          </fieldset>
        )}
      </details>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={run} disabled={!draftValid || state.status === "running" || selected.size > 50} data-testid="bench-run">
          {state.status === "running" ? "Running…" : state.status === "done" ? "Run again" : "Run test bench"}
        </Button>
        <p className="text-xs text-muted" aria-live="polite">
          {!draftValid
            ? "Fix the issues in the draft to run the bench."
            : state.status === "running"
              ? "Scoring every answer with both rubrics…"
              : stale
                ? "You edited the draft since this run; run again to update."
                : ""}
        </p>
      </div>

      {/* Present from the start, so the summary written into it on each run is announced. */}
      <p className="sr-only" role="status" data-testid="bench-summary">
        {state.status === "done" ? benchSummary(state.data, state.data.publishedVersion ?? publishedVersion) : ""}
      </p>

      {state.status === "error" ? (
        <p
          ref={(element) => {
            outcomeRef.current = element;
          }}
          tabIndex={-1}
          className="mt-3 scroll-mt-12 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad"
          role="alert"
          data-testid="bench-error"
        >
          {state.error.message}
        </p>
      ) : null}
      {state.status === "done" ? (
        <BenchResults
          data={state.data}
          stale={stale}
          publishedVersion={state.data.publishedVersion ?? publishedVersion}
          headingRef={(element) => {
            outcomeRef.current = element;
          }}
        />
      ) : null}
    </section>
  );
}

function Agreement({ title, report, testId, better }: { title: string; report: BenchReport; testId: string; better: { spearman: boolean; mae: boolean } }) {
  return (
    <div className="rounded-lg border border-border p-2.5" data-testid={testId}>
      <p className="text-xs font-medium text-muted">{title}</p>
      <dl className="mt-1 grid grid-cols-2 gap-1 text-sm">
        <div>
          <dt className="text-[0.7rem] text-muted">Spearman</dt>
          <dd className={cn("font-semibold tabular-nums", better.spearman && "text-good")} data-testid={`${testId}-spearman`}>
            {fmt(report.spearman, 2)}
          </dd>
        </div>
        <div>
          <dt className="text-[0.7rem] text-muted">MAE</dt>
          <dd className={cn("font-semibold tabular-nums", better.mae && "text-good")} data-testid={`${testId}-mae`}>
            {fmt(report.mae, 2)}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function BenchResults({
  data,
  stale,
  publishedVersion,
  headingRef,
}: {
  data: BenchResponse;
  stale: boolean;
  publishedVersion: number;
  headingRef: (element: HTMLHeadingElement | null) => void;
}) {
  const publishedById = new Map(data.published.rows.map((row) => [row.id, row]));
  const { spearmanDelta, maeDelta } = data.comparison;
  const heading = (
    // scroll-mt leaves the Run button in sight above the results once they are scrolled into view.
    <h3 ref={headingRef} tabIndex={-1} className="scroll-mt-12 rounded text-sm font-semibold" data-testid="bench-results-heading">
      Results
    </h3>
  );
  if (data.draft.rows.length === 0) {
    return (
      <div className="mt-3 border-t border-border pt-3" data-testid="bench-results">
        {heading}
        <p className="mt-1 text-sm text-muted">There was nothing to score: this question has no graded answers yet and no attempts were chosen.</p>
      </div>
    );
  }
  return (
    <div className={cn("mt-3 border-t border-border pt-3", stale && "opacity-70")} data-testid="bench-results">
      {heading}
      <div className="mt-2 grid grid-cols-2 gap-2">
        <Agreement title="Your draft" report={data.draft} testId="bench-agreement-draft" better={{ spearman: (spearmanDelta ?? 0) > 0.005, mae: (maeDelta ?? 0) < -0.005 }} />
        <Agreement
          title={`Published v${publishedVersion}`}
          report={data.published}
          testId="bench-agreement-published"
          better={{ spearman: (spearmanDelta ?? 0) < -0.005, mae: (maeDelta ?? 0) > 0.005 }}
        />
      </div>
      <p className="mt-1.5 text-xs text-muted">
        Spearman: how well the ranking matches the expected scores (1 is perfect). MAE: the average distance from the expected score, in points.{" "}
        {data.comparison.moved.length} of {data.draft.rows.length} scores change with your draft.
      </p>
      {data.draft.traps.length > 0 ? (
        <ul className="mt-2 space-y-1 text-xs" data-testid="bench-traps" aria-label="Trap answers">
          {data.draft.traps.map((trap) => (
            <li key={trap.archetype} className={cn("rounded-md px-2 py-1", trap.over.length ? "bg-bad-soft/60 text-text" : "bg-surface-2 text-muted")} data-testid="bench-trap" data-archetype={trap.archetype}>
              <span className="font-medium text-text">{trap.label}</span>: {plural(trap.count, "answer")}, highest score{" "}
              <span className="tabular-nums">{trap.max.toFixed(1)}</span> (should stay ≤ {trap.ceiling})
              {trap.over.length ? <span className="font-medium text-bad"> · {trap.over.length} over the line</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.comparison.shifted.length > 0 ? (
        <div role="alert" className="mt-2 rounded-md border border-warn/40 bg-warn-soft px-2 py-1.5 text-xs" data-testid="bench-shifted">
          <p className="font-medium">Credit moved between points for {plural(data.comparison.shifted.length, "answer")}, with no change to the answers:</p>
          <ul className="mt-1 list-disc pl-4">
            {data.comparison.shifted.slice(0, 5).map((entry) => (
              <li key={entry.id}>
                {entry.id}: loses {entry.lost.join(", ")}, gains {entry.gained.join(", ")}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-muted">Check that each pattern still asks for its own claim, not words another point uses.</p>
        </div>
      ) : null}
      <div className="mt-2 overflow-x-auto">
        <table className="w-full table-fixed text-xs">
          <caption className="sr-only">Expected score, published score and draft score for each answer</caption>
          <TableHead
            rowClassName="border-b border-border text-left text-[0.7rem] text-muted"
            columns={[
              ["Answer", "py-1 pr-2 font-medium"],
              ["Expected", "w-16 px-1 py-1 text-right font-medium"],
              [<>v{publishedVersion}</>, "w-10 px-1 py-1 text-right font-medium"],
              ["Draft", "w-11 px-1 py-1 text-right font-medium"],
              ["Change", "w-16 py-1 pl-1 text-right font-medium"],
            ]}
          />
          <tbody>
            {data.draft.rows.map((row) => {
              const before = publishedById.get(row.id);
              const change = before ? Math.round((row.actual - before.actual) * 10) / 10 : null;
              const closer = before ? Math.abs(row.actual - row.expected) < Math.abs(before.actual - before.expected) : false;
              const further = before ? Math.abs(row.actual - row.expected) > Math.abs(before.actual - before.expected) : false;
              return (
                <tr key={row.id} className={cn("border-b border-border/60 align-top", change && "bg-accent-soft/30")} data-testid="bench-row" data-row-id={row.id}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    <span className="line-clamp-2 break-words" title={row.label}>
                      <span className="mr-1 rounded bg-surface-2 px-1 text-[0.65rem] text-muted">{SOURCE_LABELS[row.source]}</span>
                      {row.label}
                    </span>
                    {row.firedMisconceptions.length ? <span className="block text-[0.65rem] text-bad">wrong claim: {row.firedMisconceptions.join(", ")}</span> : null}
                    {row.rejectedPoints.length ? <span className="block text-[0.65rem] text-warn">waved away: {row.rejectedPoints.join(", ")}</span> : null}
                  </th>
                  <td className="px-1 py-1 text-right tabular-nums">{row.expected.toFixed(1)}</td>
                  <td className="px-1 py-1 text-right text-muted tabular-nums">{before ? before.actual.toFixed(1) : "—"}</td>
                  <td className="px-1 py-1 text-right font-medium tabular-nums" data-testid="bench-draft-score">
                    {row.actual.toFixed(1)}
                  </td>
                  <td className="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                    {change ? (
                      <span className={cn("font-medium", closer ? "text-good" : further ? "text-bad" : "text-text")}>
                        {change > 0 ? "+" : "−"}
                        {Math.abs(change).toFixed(1)}
                        <span className="sr-only">{closer ? ", closer to expected" : further ? ", further from expected" : ""}</span>
                        <span aria-hidden="true">{closer ? " ↑" : further ? " ↓" : ""}</span>
                      </span>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-1.5 text-[0.7rem] text-muted">
        <span className="text-good">↑ green</span>: the draft moves the score closer to the expected one; <span className="text-bad">↓ red</span>: further away.
      </p>
      {data.draft.skipped.length ? <p className="mt-1 text-xs text-warn">Skipped: {data.draft.skipped.map((entry) => entry.reason).join("; ")}</p> : null}
    </div>
  );
}
