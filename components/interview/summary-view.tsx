import Link from "next/link";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatMinutesSeconds } from "@/lib/format/time";
import type { InterviewAssessment, InterviewSummary, SummaryRow } from "@/lib/practice/assessment";
import { FeedbackAccordion, type AccordionEntry } from "./feedback-accordion";

function scoreTone(score: number | null) {
  if (score === null) return "text-muted";
  if (score >= 8) return "text-good";
  if (score >= 5) return "text-accent-strong";
  return "text-warn";
}

/** A row's score cell: "Skipped" (counted as 0), a dash when it could not be scored, or the score. */
function RowScore({ row }: { row: SummaryRow }) {
  if (row.skipped) {
    return (
      <span className="font-medium text-muted" data-testid="row-skipped">
        Skipped<span className="sr-only"> (counts as 0 out of 10)</span>
      </span>
    );
  }
  return (
    <>
      {row.score === null ? "—" : row.score.toFixed(1)}
      <span className="font-normal text-muted">{row.score === null ? "" : " / 10"}</span>
    </>
  );
}

/** The follow-up's result in a row: its score on the point it pressed on, "Skipped", or a dash when none was asked. */
function RowFollowUp({ row }: { row: SummaryRow }) {
  const followUp = row.followUp;
  if (!followUp) return <span className="text-muted">—</span>;
  if (followUp.status === "skipped") return <span className="font-medium text-muted">Skipped</span>;
  if (followUp.score === null) return <span className="text-muted">Answered</span>;
  return (
    <span className={cn("font-semibold", scoreTone(followUp.score))}>
      {followUp.score.toFixed(1)}
      <span className="font-normal text-muted"> / 10</span>
    </span>
  );
}

/** Time spent as m:ss (timeSpentMs is never negative), or a dash when it was not measured. */
function duration(ms: number | null) {
  return ms === null ? "—" : formatMinutesSeconds(Math.round(ms / 1000));
}

const VERDICT_TONE: Record<InterviewAssessment["verdict"], "good" | "accent" | "warn" | "neutral"> = { ready: "good", close: "accent", building: "warn", early: "neutral" };
const VERDICT_LABEL: Record<InterviewAssessment["verdict"], string> = { ready: "Ready", close: "Nearly there", building: "Building", early: "Early days" };

const humanTag = (tag: string) => tag.replace(/-/g, " ");

export function SummaryTable({ summary }: { summary: InterviewSummary }) {
  const hasFollowUps = summary.rows.some((row) => row.followUp);
  return (
    <>
      <SummaryList summary={summary} />
      <div className="relative hidden overflow-x-auto rounded-2xl border border-border bg-surface sm:block">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="summary-table">
          <caption className="sr-only">Score for each question of the interview, with the average</caption>
          <thead>
            <tr className="border-b border-border bg-surface-2/60 text-xs tracking-wide text-muted uppercase">
              <th scope="col" className="px-4 py-3 font-medium">
                Question
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Topic
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Level
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Score
              </th>
              {hasFollowUps ? (
                <th scope="col" className="px-4 py-3 text-right font-medium whitespace-nowrap">
                  Follow-up
                </th>
              ) : null}
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Time
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.position} className="border-b border-border last:border-b-0" data-testid="summary-row">
                <th scope="row" className="px-4 py-3 align-top font-normal">
                  <span className="mr-2 text-muted tabular-nums">Q{row.position + 1}</span>
                  <Link href={`/questions/${row.slug}`} className="font-medium hover:text-accent hover:underline">
                    {row.title}
                  </Link>
                </th>
                <td className="px-4 py-3 align-top">
                  <ul className="flex flex-wrap gap-1">
                    {row.tags.slice(0, 2).map((tag) => (
                      <li key={tag} className="rounded-md bg-surface-2 px-1.5 py-0.5 text-xs whitespace-nowrap text-muted">
                        {humanTag(tag)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-4 py-3 align-top">
                  <LevelBadge level={row.level} />
                </td>
                <td className={cn("px-4 py-3 text-right align-top font-semibold whitespace-nowrap tabular-nums", row.skipped ? "text-muted" : scoreTone(row.score))}>
                  <RowScore row={row} />
                </td>
                {hasFollowUps ? (
                  <td className="px-4 py-3 text-right align-top whitespace-nowrap tabular-nums" data-testid="row-follow-up">
                    <RowFollowUp row={row} />
                  </td>
                ) : null}
                <td className="px-4 py-3 text-right align-top whitespace-nowrap tabular-nums">
                  <span className={row.overtime ? "font-medium text-warn" : undefined}>{row.skipped ? "—" : duration(row.timeSpentMs)}</span>
                  <span className="text-muted"> / {row.timeBudgetMinutes}:00</span>
                  {row.overtime ? <span className="sr-only"> (over the time budget)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-border bg-surface-2/40">
              <th scope="row" colSpan={3} className="px-4 py-3 font-semibold">
                Average
              </th>
              <td className={cn("px-4 py-3 text-right text-base font-semibold whitespace-nowrap tabular-nums", scoreTone(summary.average))} data-testid="summary-average">
                {summary.average === null ? "—" : summary.average.toFixed(1)}
                <span className="text-sm font-normal text-muted">{summary.average === null ? "" : " / 10"}</span>
              </td>
              {hasFollowUps ? <td className="px-4 py-3" /> : null}
              <td className="px-4 py-3 text-right whitespace-nowrap text-muted tabular-nums">{duration(summary.totalTimeMs)} total</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** The same table as a list, for narrow screens. */
function SummaryList({ summary }: { summary: InterviewSummary }) {
  return (
    <div className="overflow-hidden rounded-2xl border border-border bg-surface sm:hidden" data-testid="summary-list">
      <ul className="divide-y divide-border">
        {summary.rows.map((row) => (
          <li key={row.position} className="flex flex-col gap-2 px-4 py-3">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/questions/${row.slug}`} className="min-w-0 font-medium hover:text-accent hover:underline">
                <span className="mr-1.5 font-normal text-muted tabular-nums">Q{row.position + 1}</span>
                {row.title}
              </Link>
              <span className={cn("shrink-0 font-semibold whitespace-nowrap tabular-nums", row.skipped ? "text-muted" : scoreTone(row.score))}>
                <RowScore row={row} />
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-1.5 text-xs">
              <LevelBadge level={row.level} />
              {row.tags.slice(0, 2).map((tag) => (
                <span key={tag} className="rounded-md bg-surface-2 px-1.5 py-0.5 text-muted">
                  {humanTag(tag)}
                </span>
              ))}
              <span className="ml-auto whitespace-nowrap tabular-nums">
                <span className={row.overtime ? "font-medium text-warn" : undefined}>{row.skipped ? "—" : duration(row.timeSpentMs)}</span>
                <span className="text-muted"> / {row.timeBudgetMinutes}:00</span>
                {row.overtime ? <span className="sr-only"> (over the time budget)</span> : null}
              </span>
            </div>
            {row.followUp ? (
              <p className="flex items-baseline justify-between gap-3 text-sm" data-testid="list-follow-up">
                <span className="text-muted">Follow-up</span>
                <span className="tabular-nums">
                  <RowFollowUp row={row} />
                </span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="flex items-baseline justify-between border-t-2 border-border bg-surface-2/40 px-4 py-3">
        <span className="font-semibold">Average</span>
        <span className={cn("text-base font-semibold tabular-nums", scoreTone(summary.average))}>
          {summary.average === null ? "—" : summary.average.toFixed(1)}
          <span className="text-sm font-normal text-muted">{summary.average === null ? "" : " / 10"}</span>
          <span className="ml-3 text-sm font-normal text-muted">{duration(summary.totalTimeMs)} total</span>
        </span>
      </div>
    </div>
  );
}

export function AssessmentView({ assessment }: { assessment: InterviewAssessment }) {
  return (
    <section aria-labelledby="assessment-heading" className="flex flex-col gap-4" data-testid="assessment">
      <div className="rounded-2xl border border-border bg-surface p-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="assessment-heading" className="text-xl font-semibold tracking-tight">
            Overall assessment
          </h2>
          <Badge tone={VERDICT_TONE[assessment.verdict]}>{VERDICT_LABEL[assessment.verdict]}</Badge>
        </div>
        <p className="mt-1 text-lg font-medium" data-testid="assessment-headline">
          {assessment.headline}
        </p>
        <p className="mt-3 leading-relaxed text-text/90" data-testid="assessment-overview">
          {assessment.overview}
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-2xl border border-border bg-surface p-5" data-testid="assessment-strengths">
          <h3 className="flex items-center gap-2 font-semibold">
            <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-good-soft text-sm text-good">
              ✓
            </span>
            Strengths
          </h3>
          <ul className="mt-3 space-y-2.5">
            {assessment.strengths.map((line) => (
              <li key={line} className="text-[0.95rem] leading-relaxed">
                {line}
              </li>
            ))}
          </ul>
        </div>
        <div className={cn("rounded-2xl border p-5", assessment.gap ? "border-warn/30 bg-warn-soft/40" : "border-border bg-surface")} data-testid="assessment-gap">
          <h3 className="flex items-center gap-2 font-semibold">
            <span
              aria-hidden="true"
              className={cn("inline-flex h-6 w-6 items-center justify-center rounded-full text-sm", assessment.gap ? "bg-warn-soft text-warn" : "bg-surface-2 text-muted")}
            >
              {assessment.gap ? "–" : "○"}
            </span>
            The consistent gap
          </h3>
          {assessment.gap ? <p className="mt-1 text-sm font-medium text-warn">{assessment.gap.title}</p> : null}
          <p className="mt-3 text-[0.95rem] leading-relaxed">{assessment.gap?.text ?? assessment.gapNote}</p>
        </div>
      </div>

      {assessment.watchOuts.length > 0 ? (
        <div className="rounded-2xl border border-bad/30 bg-bad-soft/40 p-5" data-testid="assessment-watch-outs">
          <h3 className="font-semibold">Claims to unlearn</h3>
          <ul className="mt-3 space-y-3">
            {assessment.watchOuts.map((watchOut) => (
              <li key={`${watchOut.position}-${watchOut.claim}`} className="text-[0.95rem] leading-relaxed">
                <p>
                  <span className="text-muted">Q{watchOut.position + 1}: </span>
                  <span className="font-medium">“{watchOut.claim}”</span>
                </p>
                <p className="mt-0.5">
                  <span className="font-medium">Actually: </span>
                  {watchOut.correction}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {assessment.study.length > 0 ? (
        <div className="rounded-2xl border border-border bg-surface p-5" data-testid="assessment-study">
          <h3 className="font-semibold">What to study next</h3>
          <p className="text-sm text-muted">The most valuable points you missed, with the words to use next time.</p>
          <ol className="mt-4 grid gap-3 md:grid-cols-2">
            {assessment.study.map((item) => (
              <li key={`${item.position}-${item.label}`} className="flex flex-col gap-2 rounded-xl border border-border p-4">
                <p className="text-xs text-muted">
                  Q{item.position + 1} · {item.questionTitle}
                </p>
                <p className="font-medium">{item.label}</p>
                <p className="text-sm leading-relaxed text-muted">
                  <span className="font-medium text-text">Say it like this: </span>
                  {item.hint}
                </p>
                <p className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-1 text-sm">
                  <Link href={`/questions/${item.slug}`} className="font-medium text-accent hover:underline">
                    Practise the question →
                  </Link>
                  {item.demo ? (
                    <Link href={`/demos/${item.demo.id}`} className="font-medium text-accent hover:underline">
                      See it in the demo: {item.demo.title}
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

export function SummaryView({ summary, entries }: { summary: InterviewSummary; entries: AccordionEntry[] }) {
  return (
    <div className="flex flex-col gap-8" data-testid="interview-summary">
      <section aria-labelledby="results-heading" className="flex flex-col gap-3">
        <h2 id="results-heading" tabIndex={-1} className="scroll-mt-24 text-xl font-semibold tracking-tight outline-none">
          Results
        </h2>
        <SummaryTable summary={summary} />
        {summary.overtimeCount > 0 ? (
          <p className="text-sm text-muted">
            <span className="font-medium text-warn">Amber times</span> went over the question&apos;s budget.
          </p>
        ) : null}
        {summary.rows.some((row) => row.followUp) ? (
          <p className="text-sm text-muted">A follow-up is scored on the one point it pressed on, and does not count in the average.</p>
        ) : null}
        {summary.rows.some((row) => row.skipped) ? (
          <p className="text-sm text-muted">A skipped question counts as 0 in the average; its model answer is in the feedback below.</p>
        ) : null}
      </section>
      <AssessmentView assessment={summary.assessment} />
      <section aria-labelledby="all-feedback-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="all-feedback-heading" className="text-xl font-semibold tracking-tight">
            Feedback on every answer
          </h2>
          <p className="text-sm text-muted">Open an answer to see its checklist, the evidence from your words and what to tighten up.</p>
        </div>
        <FeedbackAccordion entries={entries} />
      </section>
    </div>
  );
}
