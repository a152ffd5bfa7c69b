import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LazyClusterLab } from "@/components/cluster/lazy-lab";
import { PracticePanel } from "@/components/practice/practice-panel";
import { ModelAnswerReveal } from "@/components/practice/model-answer-reveal";
import { Prose } from "@/components/practice/prose";
import { CheckedAgainst } from "@/components/questions/checked-against";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { getCurrentUser } from "@/lib/auth/session";
import { getContentBank, getQuestion } from "@/lib/content/bank";
import { demoScenarioById } from "@/lib/demos/catalog";
import { env } from "@/lib/env";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown/render";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = getQuestion((await params).slug);
  return { title: question?.title ?? "Question not found" };
}

export default async function QuestionPage({ params }: Props) {
  const { slug } = await params;
  const question = getQuestion(slug);
  if (!question) notFound();
  const track = getContentBank().tracks.find((candidate) => candidate.id === question.track);
  const demo = demoScenarioById(question.demo);
  const [promptHtml, modelAnswerHtml, keyPointsHtml, followUpsHtml] = await Promise.all([
    renderMarkdown(question.prompt),
    renderMarkdown(question.modelAnswer),
    Promise.all(question.keyPoints.map(renderInlineMarkdown)),
    Promise.all(question.followUps.map(renderInlineMarkdown)),
  ]);

  return (
    <article className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <ol className="flex flex-wrap items-center gap-1.5">
            <li>
              <Link href="/questions" className="hover:text-text hover:underline">
                Questions
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>
              <Link href={`/questions?track=${question.track}`} className="hover:text-text hover:underline">
                {track?.title ?? question.track}
              </Link>
            </li>
          </ol>
        </nav>
        <header>
          <div className="flex flex-wrap items-center gap-2">
            <LevelBadge level={question.level} />
            <Badge>{question.timeBudgetMinutes} min budget</Badge>
          </div>
          <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance">{question.title}</h1>
          <CheckedAgainst checkedAgainst={question.checkedAgainst} sources={question.sources} />
        </header>
        <section aria-label="Question" className="rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 text-[1.05rem]">
          <Prose html={promptHtml} testId="question-prompt" />
        </section>
        <PracticePanel
          slug={question.slug}
          timeBudgetMinutes={question.timeBudgetMinutes}
          signedIn={Boolean(await getCurrentUser().catch(() => null))}
          transcriptionAvailable={Boolean(env().OPENAI_API_KEY)}
        />
        <ModelAnswerReveal>
          <Prose html={modelAnswerHtml} />
          <h3 className="mt-8 mb-3 font-semibold">Key points</h3>
          <ul className="space-y-2">
            {keyPointsHtml.map((html, index) => (
              <li key={index} className="flex gap-2.5 text-[0.97rem] leading-relaxed">
                <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-accent" />
                <span className="prose-offset" dangerouslySetInnerHTML={{ __html: html }} />
              </li>
            ))}
          </ul>
        </ModelAnswerReveal>
        <section aria-labelledby="follow-ups" className="rounded-2xl border border-border bg-surface p-5">
          <h2 id="follow-ups" className="text-lg font-semibold">
            Follow-up questions
          </h2>
          <p className="text-sm text-muted">What an interviewer is likely to ask next.</p>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            {followUpsHtml.map((html, index) => (
              <li key={index} className="prose-offset" dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </ol>
        </section>
      </div>
      <aside className="flex flex-col gap-4 lg:sticky lg:top-20 lg:self-start">
        {demo ? (
          <Link
            href={`/demos/${demo.id}`}
            className="group block rounded-2xl border border-border bg-surface p-5 transition-colors hover:border-accent/60"
            data-testid="demo-link"
          >
            <p className="text-xs font-medium tracking-wide text-accent uppercase">See it live</p>
            <p className="mt-1.5 font-semibold group-hover:text-accent-strong">{demo.title}</p>
            <p className="mt-1 text-sm leading-relaxed text-muted">{demo.summary}</p>
            <p className="mt-3 text-sm font-medium text-accent">Open the mini cluster →</p>
          </Link>
        ) : null}
        <div className="rounded-2xl border border-border bg-surface p-5">
          <p className="text-xs font-medium tracking-wide text-muted uppercase">Tags</p>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {question.tags.map((tag) => (
              <li key={tag}>
                <Link href={`/questions?tag=${tag}`} className="rounded-md bg-surface-2 px-2 py-0.5 font-mono text-[0.75rem] text-muted hover:text-text">
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </aside>
      {demo ? (
        <div className="min-w-0 lg:col-span-2">
          <LazyClusterLab scenarioId={demo.id} title={demo.title} summary={demo.summary} />
        </div>
      ) : null}
    </article>
  );
}
