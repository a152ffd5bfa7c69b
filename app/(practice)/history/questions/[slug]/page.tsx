import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, formatScore } from "@/components/history/format";
import { ItemMatrix } from "@/components/history/item-matrix";
import { DeltaBadge } from "@/components/history/score-badge";
import { ScoreTrend } from "@/components/history/score-trend";
import { SectionCard } from "@/components/history/section-card";
import { StatTiles } from "@/components/history/stat-tiles";
import { TimelineList } from "@/components/history/timeline-list";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { getQuestionTimeline } from "@/lib/db/history";
import { db } from "@/lib/db/prisma";
import { pluralGrouped } from "@/lib/format/text";
import { itemMatrix, timelineSteps } from "@/lib/history/timeline";

export const metadata: Metadata = { title: "Question timeline" };

type Props = { params: Promise<{ slug: string }> };

const TIMELINE_LIMIT = 60;

export default async function QuestionTimelinePage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUserForPage(`/history/questions/${slug}`);
  const timeline = await getQuestionTimeline(db(), user.id, slug, { limit: TIMELINE_LIMIT });
  if (!timeline) notFound();
  const { question, summary, attempts } = timeline;
  const trackTitle = getContentBank().tracks.find((track) => track.id === question.track)?.title ?? question.track;
  const scored = attempts.filter((attempt) => attempt.score !== null);
  const series = scored.length
    ? [{ slug: question.slug, title: question.title, attempts: scored.length, points: [...scored].reverse().map((attempt) => ({ attemptId: attempt.id, t: attempt.createdAt.getTime(), score: attempt.score! })) }]
    : [];
  const change = summary && summary.scored >= 2 && summary.firstScore !== null && summary.latestScore !== null ? Math.round((summary.latestScore - summary.firstScore) * 10) / 10 : null;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="max-w-2xl">
          <Breadcrumb trail={[{ href: "/history", label: "History" }]} current="Question timeline" />
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance">{question.title}</h1>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Badge>{trackTitle}</Badge>
            <LevelBadge level={question.level} />
            {question.archivedAt ? <Badge tone="warn">Archived</Badge> : null}
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {summary ? (
            <LinkButton href={`/history?question=${question.slug}`} variant="secondary">
              All attempts
            </LinkButton>
          ) : null}
          {question.archivedAt ? null : <LinkButton href={`/questions/${question.slug}`}>Practise again</LinkButton>}
        </div>
      </header>

      {!summary ? (
        <div className="rounded-2xl border border-dashed border-border bg-surface px-6 py-12 text-center" data-testid="timeline-empty">
          <p className="text-lg font-semibold">You have not answered this one yet</p>
          <p className="mx-auto mt-2 max-w-md text-muted">Answer it once and its timeline starts here: every score, and which rubric points you gain or drop each time.</p>
          {question.archivedAt ? null : (
            <LinkButton href={`/questions/${question.slug}`} className="mt-6">
              Answer it now
            </LinkButton>
          )}
        </div>
      ) : (
        <>
          <StatTiles
            stats={[
              { label: "Attempts", value: summary.attempts.toLocaleString("en"), detail: `first on ${formatDate(summary.firstAt)}` },
              { label: "Average score", value: formatScore(summary.average), detail: summary.scored ? `over ${pluralGrouped(summary.scored, "scored answer")}` : "nothing scored yet" },
              { label: "Best score", value: formatScore(summary.best), detail: "out of 10" },
              {
                label: "Latest score",
                value: formatScore(summary.latestScore),
                detail: change === null ? `on ${formatDate(summary.lastAt)}` : (
                  <>
                    <DeltaBadge delta={change} className="text-xs" /> since your first
                  </>
                ),
              },
            ]}
          />

          <SectionCard
            id="trend"
            title="Score over time"
            description={timeline.truncated ? `Your latest ${scored.length} scored attempts.` : "Every scored attempt, oldest to newest."}
          >
            <ScoreTrend series={series} height={240} />
          </SectionCard>

          <SectionCard id="points" title="Rubric points, attempt by attempt" description="Your latest 10 scored attempts, oldest on the left. Points you miss most are at the top.">
            <ItemMatrix matrix={itemMatrix(attempts, 10)} />
          </SectionCard>

          <SectionCard
            id="timeline"
            title="Timeline"
            description={
              timeline.truncated ? (
                <>
                  The latest {attempts.length} of {summary.attempts.toLocaleString("en")} attempts.{" "}
                  <Link href={`/history?question=${question.slug}`} className="font-medium text-accent hover:underline">
                    See them all in your history
                  </Link>
                  .
                </>
              ) : (
                "Newest first, with what changed since the attempt before."
              )
            }
          >
            <TimelineList steps={timelineSteps(attempts)} />
          </SectionCard>
        </>
      )}
    </div>
  );
}
