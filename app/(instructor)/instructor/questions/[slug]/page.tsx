import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/instructor/audit-table";
import { formatMean, formatWhen } from "@/components/instructor/format";
import { GradedSamplesPanel } from "@/components/instructor/graded-samples-panel";
import { ImportForm } from "@/components/instructor/import-form";
import { ItemStatsTable } from "@/components/instructor/item-stats-table";
import type { RescoreJobData } from "@/components/instructor/rescore-progress";
import { ScoreDistribution } from "@/components/instructor/score-distribution";
import { VersionsPanel, type VersionRowData } from "@/components/instructor/versions-panel";
import { SectionCard } from "@/components/history/section-card";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { listAuditEvents } from "@/lib/db/audit";
import { listGradedSamples, MAX_GRADED_SAMPLES } from "@/lib/db/graded-samples";
import { db } from "@/lib/db/prisma";
import { latestRescoreJob, type RescoreJobView } from "@/lib/db/rescore";
import { countAttemptsToRescore, getRubricStats, getRubricWorkspace } from "@/lib/db/rubrics";
import { pluralGrouped } from "@/lib/format/text";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const question = getContentBank().questions.find((candidate) => candidate.slug === slug);
  return { title: question ? `Rubric · ${question.title}` : "Rubric" };
}

/** A job worth showing when the page opens: still running, or finished in the last ten minutes. */
function jobToShow(job: RescoreJobView | null): RescoreJobData | null {
  if (!job) return null;
  const recent = job.finishedAt && Date.now() - job.finishedAt.getTime() < 10 * 60_000;
  if (job.status !== "queued" && job.status !== "running" && !recent) return null;
  const { id, version, status, total, processed, failed, error } = job;
  return { id, version, status, total, processed, failed, error };
}

export default async function InstructorQuestionPage({ params }: Props) {
  const { slug } = await params;
  await requireUserForPage(`/instructor/questions/${slug}`, "instructor");
  const [workspace, stats, audit, job, samples, attemptsToRescore] = await Promise.all([
    getRubricWorkspace(db(), { slug }),
    getRubricStats(db(), { slug }),
    listAuditEvents(db(), { slug, limit: 8 }),
    latestRescoreJob(db(), { slug }),
    listGradedSamples(db(), { slug }).catch(() => []),
    countAttemptsToRescore(db(), { slug }),
  ]);
  if (!workspace || !stats) notFound();
  const { question, active, latest, versions } = workspace;
  const trackTitle = getContentBank().tracks.find((track) => track.id === question.track)?.title ?? question.track;
  const unpublished = versions.filter((version) => !version.publishedAt).length;
  const rows: VersionRowData[] = versions.map((version) => ({
    version: version.version,
    source: version.source,
    note: version.note,
    authorName: version.authorName,
    created: formatWhen(version.createdAt),
    published: version.publishedAt ? formatWhen(version.publishedAt) : null,
    isActive: version.isActive,
    isLatest: version.isLatest,
    revertedFromVersion: version.revertedFromVersion,
  }));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-muted">
            <Link href="/instructor" className="hover:underline">
              Rubric studio
            </Link>{" "}
            · {trackTitle}
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance">{question.title}</h1>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <LevelBadge level={question.level} />
            <Badge tone="good">
              Active: <span className="font-mono">v{active.version}</span>
            </Badge>
            {unpublished > 0 ? <Badge tone="warn">{unpublished} unpublished</Badge> : null}
            <span className="text-muted">
              {pluralGrouped(stats.attempts, "scored attempt")} · mean {formatMean(stats.meanScore)}
            </span>
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <LinkButton href={`/questions/${slug}`} variant="secondary">
            Open as a candidate
          </LinkButton>
          <LinkButton href={`/instructor/questions/${slug}/edit`} data-testid="edit-rubric">
            Edit rubric
          </LinkButton>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <SectionCard
          id="distribution"
          title="Score distribution"
          description={`Current scores of ${pluralGrouped(stats.attempts, "attempt")}, whichever version scored them.`}
          className="lg:col-span-2"
        >
          <ScoreDistribution distribution={stats.distribution} attempts={stats.attempts} />
        </SectionCard>
        <SectionCard
          id="items"
          title="Rubric items"
          description={`How often answers meet each item of the active rubric (v${active.version}). For misconceptions, how often answers make the wrong claim.`}
          className="lg:col-span-3"
        >
          <ItemStatsTable items={stats.items} />
        </SectionCard>
      </div>

      <SectionCard
        id="versions"
        title="Versions"
        description={`Every save is kept. Candidates are scored with the active version (v${active.version}); publishing another re-scores past attempts and keeps their original scores.`}
        actions={
          latest.version !== active.version ? (
            <LinkButton href={`/instructor/questions/${slug}/diff?from=${active.version}&to=${latest.version}`} variant="secondary" size="sm">
              What changed since v{active.version}
            </LinkButton>
          ) : null
        }
        testId="versions"
      >
        <VersionsPanel slug={slug} versions={rows} initialJob={jobToShow(job)} attemptsToRescore={attemptsToRescore} />
        <details className="mt-5 rounded-xl border border-border p-4">
          <summary className="cursor-pointer font-medium">Import a rubric from a question file</summary>
          <div className="mt-3">
            <ImportForm slug={slug} latestVersion={latest.version} />
          </div>
        </details>
      </SectionCard>

      <SectionCard
        id="graded-answers"
        title="Graded answers"
        description="Answers you grade by hand. The test bench in the editor scores every draft against them, next to the model answer and any calibration set."
        testId="graded-answers"
      >
        <GradedSamplesPanel
          slug={slug}
          max={MAX_GRADED_SAMPLES}
          samples={samples.map((sample) => ({ id: sample.id, label: sample.label, text: sample.text, expectedScore: sample.expectedScore, added: formatWhen(sample.createdAt) }))}
        />
      </SectionCard>

      <SectionCard
        id="recent-activity"
        title="Recent activity"
        description="Saves, publishes, re-scores, score overrides and graded answers on this question."
        actions={
          <LinkButton href={`/instructor/audit?question=${slug}`} variant="ghost" size="sm">
            Full audit log
          </LinkButton>
        }
      >
        {audit.length > 0 ? (
          <AuditTable rows={audit} showQuestion={false} caption={`Recent changes to ${question.title}`} />
        ) : (
          <p className="text-sm text-muted">Nothing has changed here yet. The question still uses the rubric from its file.</p>
        )}
      </SectionCard>
    </div>
  );
}
