import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Prose } from "@/components/practice/prose";
import { LevelBadge } from "@/components/questions/level-badge";
import { ReviewContext } from "@/components/review/review-context";
import { ReviewPanel } from "@/components/review/review-panel";
import { Badge } from "@/components/ui/badge";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank, getQuestion } from "@/lib/content/bank";
import { db } from "@/lib/db/prisma";
import { demoScenarioById } from "@/lib/demos/catalog";
import { renderMarkdown } from "@/lib/markdown/render";
import { describeDue, dueTodayCount, endOfDay, reviewStateFor } from "@/lib/practice/review-queue";

type Props = { params: Promise<{ slug: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = getQuestion((await params).slug);
  return { title: question ? `Review: ${question.title}` : "Question not found" };
}

export default async function ReviewQuestionPage({ params }: Props) {
  const { slug } = await params;
  const question = getQuestion(slug);
  if (!question) notFound();
  const user = await requireUserForPage(`/review/${slug}`);
  const now = new Date();
  const [state, dueCount, promptHtml] = await Promise.all([reviewStateFor(db(), user.id, slug), dueTodayCount(db(), user.id, now), renderMarkdown(question.prompt)]);
  const isDue = state ? state.dueAt <= endOfDay(now) : false;
  const track = getContentBank().tracks.find((candidate) => candidate.id === question.track);
  const demo = demoScenarioById(question.demo);

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/review" className="hover:text-text hover:underline">
              Review queue
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>{track?.title ?? question.track}</li>
        </ol>
      </nav>
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <LevelBadge level={question.level} />
          <Badge>{question.timeBudgetMinutes} min budget</Badge>
          {state ? (
            <Badge tone={isDue ? "warn" : "neutral"}>{isDue ? describeDue(state.dueAt, now) : `next due ${describeDue(state.dueAt, now)}`}</Badge>
          ) : (
            <Badge>Not in your queue yet</Badge>
          )}
        </div>
        <h1 className="text-3xl font-semibold tracking-tight text-balance">{question.title}</h1>
        <ReviewContext
          key={question.slug}
          lastScore={state?.lastScore ?? null}
          missedCount={state?.missedItemIds.length ?? 0}
          isDue={isDue}
          dueCount={dueCount}
        />
      </header>
      <section aria-label="Question" className="rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 text-[1.05rem]">
        <Prose html={promptHtml} testId="question-prompt" />
      </section>
      <ReviewPanel key={question.slug} slug={question.slug} timeBudgetMinutes={question.timeBudgetMinutes} previousScore={state?.lastScore ?? null} />
      {demo ? (
        <p className="text-sm text-muted">
          Stuck?{" "}
          <Link href={`/demos/${demo.id}`} className="font-medium text-accent hover:underline">
            {demo.title}
          </Link>{" "}
          shows the mechanism on a live mini cluster.
        </p>
      ) : null}
    </article>
  );
}
