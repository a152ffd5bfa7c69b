import type { Metadata } from "next";
import Link from "next/link";
import { AttemptsTable } from "@/components/history/attempts-table";
import { ConsistentGaps } from "@/components/history/consistent-gaps";
import { EmptyHistory } from "@/components/history/empty-history";
import { formatDate, formatScore } from "@/components/history/format";
import { HistoryFilters, type QuestionOptionGroup } from "@/components/history/history-filters";
import { MissHeatMap } from "@/components/history/miss-heat-map";
import { Pagination } from "@/components/history/pagination";
import { QuestionProgress } from "@/components/history/question-progress";
import { ScoreTrend } from "@/components/history/score-trend";
import { SectionCard } from "@/components/history/section-card";
import { StatTiles } from "@/components/history/stat-tiles";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { loadHistory, type HistoryQuestion } from "@/lib/db/history";
import { db } from "@/lib/db/prisma";
import { pluralGrouped } from "@/lib/format/text";
import { heatMapScope } from "@/lib/history/gap-summary";
import { hasFilters, historySearch } from "@/lib/history/query";

export const metadata: Metadata = { title: "History" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function questionGroups(questions: HistoryQuestion[], trackTitles: Record<string, string>): QuestionOptionGroup[] {
  const groups = new Map<string, QuestionOptionGroup>();
  for (const question of questions) {
    const label = trackTitles[question.track] ?? question.track;
    const group = groups.get(question.track) ?? { label, options: [] };
    group.options.push({ value: question.slug, label: question.archived ? `${question.title} (archived)` : question.title });
    groups.set(question.track, group);
  }
  return [...groups.values()];
}

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requireUserForPage("/history");
  const params = await searchParams;
  const data = await loadHistory(db(), user.id, params);
  const { query, page, totals, heatMap } = data;
  const bank = getContentBank();
  const trackTitles = Object.fromEntries(bank.tracks.map((track) => [track.id, track.title]));
  const filtered = hasFilters(query.values);
  const exportHref = (format: "csv" | "json") => `/api/attempts/export${historySearch(query.values, { format })}`;

  const header = (
    <PageHeader
      eyebrow="Your progress"
      title="History"
      description="Every answer you have saved, how your scores move, and the rubric points you keep missing."
      actions={
        data.anyAttempts ? (
          <>
            <a href={exportHref("csv")} download className={buttonClasses("secondary", "sm")} data-testid="export-csv">
              Export CSV
            </a>
            <a href={exportHref("json")} download className={buttonClasses("secondary", "sm")} data-testid="export-json">
              Export JSON
            </a>
          </>
        ) : undefined
      }
    />
  );

  if (!data.anyAttempts) {
    return (
      <>
        {header}
        <EmptyHistory />
      </>
    );
  }

  const invalid = Object.fromEntries(query.problems.filter((problem) => problem.field !== "page").map((problem) => [problem.field, `problem-${problem.field}`]));
  // How to say each consistent gap (or, for a misconception, what is true), from the rubric.
  const hints = new Map<string, string>();
  for (const gap of heatMap.consistentGaps) {
    const item = bank.questions.find((question) => question.slug === gap.questionSlug)?.rubric.items.find((candidate) => candidate.id === gap.itemId);
    const hint = gap.kind === "misconception" ? item?.correction : item?.hint;
    if (hint) hints.set(gap.key, hint);
  }
  const pageHref = (target: number) => `/history${historySearch(query.values, { page: target > 1 ? target : undefined })}#attempts`;

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <HistoryFilters
          questions={questionGroups(data.questions, trackTitles)}
          tracks={[...new Set(data.questions.map((question) => question.track))].map((track) => ({ value: track, label: trackTitles[track] ?? track }))}
          invalid={invalid}
        />

        {query.problems.length > 0 ? (
          <div role="alert" className="rounded-2xl border border-bad/30 bg-bad-soft px-5 py-4 text-sm" data-testid="filter-problems">
            <p className="font-medium text-bad">{query.problems.length === 1 ? "One filter could not be used" : "Some filters could not be used"}, so {query.problems.length === 1 ? "it is" : "they are"} ignored:</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-text">
              {query.problems.map((problem) => (
                <li key={problem.field} id={`problem-${problem.field}`}>
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {page.total === 0 ? (
          <div className="rounded-2xl border border-dashed border-border bg-surface p-10 text-center" data-testid="history-no-match">
            <p className="font-medium">No attempts match these filters.</p>
            <p className="mt-1 text-sm text-muted">Widen the dates or the score range, or clear a filter.</p>
            <Link href="/history" className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
              Show all attempts
            </Link>
          </div>
        ) : (
          <>
            <StatTiles
              stats={[
                { label: filtered ? "Matching attempts" : "Attempts", value: totals.attempts.toLocaleString("en"), detail: `across ${pluralGrouped(totals.questions, "question")}` },
                { label: "Average score", value: formatScore(totals.average), detail: totals.scored ? `over ${pluralGrouped(totals.scored, "scored answer")}` : "nothing scored yet" },
                { label: "Best score", value: formatScore(totals.best), detail: "out of 10" },
                { label: "Last practised", value: totals.lastAt ? formatDate(totals.lastAt) : "—" },
              ]}
            />

            <nav aria-label="On this page" className="-mt-2 flex flex-wrap gap-2 text-sm">
              {[
                ["#trend", "Score trend"],
                ["#gaps", "Consistent gaps"],
                ["#by-question", "By question"],
                ["#heat-map", "Heat map"],
                ["#attempts", "Attempts"],
              ].map(([href, label]) => (
                <a key={href} href={href} className="rounded-full border border-border bg-surface px-3 py-1 text-muted hover:bg-surface-2 hover:text-text">
                  {label}
                </a>
              ))}
            </nav>

            <div className="grid items-start gap-6 lg:grid-cols-5">
              <div className="flex min-w-0 flex-col gap-6 lg:col-span-3">
                <SectionCard
                  id="trend"
                  title="Score trend"
                  description={query.values.question ? "Every score for this question, oldest to newest." : "The questions you practise most, up to their latest 40 scores each. Switch lines on and off below the chart."}
                >
                  <ScoreTrend series={data.trend} />
                </SectionCard>
                <SectionCard id="by-question" title="By question" description="Open a question for its timeline: every attempt, what changed each time, and the points still missing.">
                  <QuestionProgress summaries={data.summaries} />
                </SectionCard>
              </div>
              <SectionCard id="gaps" title="Consistent gaps" description="What to work on next." className="lg:col-span-2">
                <ConsistentGaps map={heatMap} hints={hints} summaries={data.summaries} />
              </SectionCard>
            </div>

            <SectionCard
              id="heat-map"
              title="Rubric points you miss most"
              description={
                <span data-testid="heat-map-scope">
                  How often each point was left out (or, for a misconception, claimed), by {heatMap.unit}, across {heatMapScope(heatMap)}
                  {heatMap.capped ? " (older answers are left out)" : ""}.
                </span>
              }
            >
              <MissHeatMap map={heatMap} />
            </SectionCard>

            <SectionCard
              id="attempts"
              title="Attempts"
              description={`${pluralGrouped(page.total, "attempt")}, newest first. Open one for its feedback, or tick two to compare.`}
              testId="attempts-section"
            >
              {page.outOfRange ? (
                <div className="rounded-xl bg-warn-soft px-4 py-3 text-sm" role="status" data-testid="page-out-of-range">
                  <p>
                    There is no page {query.page.toLocaleString("en")}: {filtered ? "these filters give" : "your history has"} {pluralGrouped(page.pages, "page")}.{" "}
                    <Link href={pageHref(page.pages)} className="font-medium text-accent hover:underline">
                      Go to the last page
                    </Link>{" "}
                    or{" "}
                    <Link href={pageHref(1)} className="font-medium text-accent hover:underline">
                      the first
                    </Link>
                    .
                  </p>
                </div>
              ) : (
                <AttemptsTable rows={page.rows} trackTitles={trackTitles} />
              )}
              <div className="mt-4">
                <Pagination page={Math.min(query.page, page.pages)} pages={page.pages} hrefFor={pageHref} />
              </div>
            </SectionCard>

          </>
        )}
      </div>
    </>
  );
}
