import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { RefreshWhilePending } from "@/components/feedback/refresh-while-pending";
import type { FeedbackData } from "@/components/feedback/types";
import type { AccordionEntry } from "@/components/interview/feedback-accordion";
import { ProgressSteps } from "@/components/interview/progress-steps";
import { QuestionStage } from "@/components/interview/question-stage";
import { AbandonButton, FinishButton, NextQuestionButton } from "@/components/interview/stage-buttons";
import { SummaryView } from "@/components/interview/summary-view";
import { Prose } from "@/components/practice/prose";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage, type CurrentUser } from "@/lib/auth/session";
import { getQuestion } from "@/lib/content/bank";
import { getAttemptForViewer } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { renderMarkdown } from "@/lib/markdown/render";
import { feedbackFromAttempt } from "@/lib/practice/feedback-data";
import { loadInterview, type InterviewView } from "@/lib/practice/interview";
import { presentAttempt } from "@/lib/practice/present";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

async function feedbackFor(attemptId: string, user: CurrentUser): Promise<FeedbackData | null> {
  const detail = await getAttemptForViewer(db(), attemptId, user);
  return detail ? feedbackFromAttempt(presentAttempt(detail)) : null;
}

export default async function InterviewSessionPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUserForPage(`/interview/${id}`);
  const view = await loadInterview(db(), { userId: user.id, sessionId: id });
  if (!view) notFound();
  const stage = view.stage;
  const total = view.questions.length;
  const current = stage.kind === "question" || stage.kind === "feedback" ? stage.position : null;

  const header = (
    <header className="flex flex-col gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-accent">
            <Link href="/interview" className="hover:underline">
              Mock interview
            </Link>{" "}
            · {view.trackTitle}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
            {stage.kind === "completed"
              ? "Your interview results"
              : stage.kind === "abandoned"
                ? "Interview abandoned"
                : stage.kind === "ready-to-finish"
                  ? "All five answered"
                  : stage.kind === "feedback"
                    ? `Feedback on question ${current! + 1} of ${total}`
                    : `Question ${current! + 1} of ${total}`}
          </h1>
        </div>
        {view.status === "in_progress" ? <AbandonButton sessionId={view.id} /> : null}
      </div>
      <ProgressSteps questions={view.questions} current={current} showScores={view.feedbackTiming === "after_each" || view.status === "completed"} />
    </header>
  );

  return (
    <div className="flex flex-col gap-8" data-testid="interview-session" data-stage={stage.kind}>
      {header}
      {stage.kind === "question" ? <QuestionStep view={view} position={stage.position} /> : null}
      {stage.kind === "feedback" ? <FeedbackStep view={view} position={stage.position} last={stage.last} user={user} /> : null}
      {stage.kind === "ready-to-finish" ? (
        <section className="rounded-2xl border border-border bg-surface p-6" aria-labelledby="finish-heading">
          <h2 id="finish-heading" className="text-lg font-semibold">
            That was the final question
          </h2>
          <p className="mt-1 text-muted">Your answers are scored. See the table, your average and the overall assessment.</p>
          <div className="mt-5">
            <FinishButton sessionId={view.id} />
          </div>
        </section>
      ) : null}
      {stage.kind === "completed" ? <CompletedStep view={view} user={user} /> : null}
      {stage.kind === "abandoned" ? (
        <section className="rounded-2xl border border-border bg-surface p-6">
          <p>
            You stopped this {view.trackTitle} interview after {view.answeredCount} of {total} {view.answeredCount === 1 ? "answer" : "answers"}, on{" "}
            {dateFormat.format(view.startedAt)}. Answers you gave are in your history.
          </p>
          <LinkButton href="/interview" className="mt-5">
            Start a new interview
          </LinkButton>
        </section>
      ) : null}
    </div>
  );
}

async function QuestionStep({ view, position }: { view: InterviewView; position: number }) {
  const question = view.questions[position]!;
  const content = getQuestion(question.slug);
  const promptHtml = content ? await renderMarkdown(content.prompt) : "";
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="question-title" className="rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 sm:p-6">
        <div className="flex flex-wrap items-center gap-2">
          <LevelBadge level={question.level} />
          <Badge>{question.timeBudgetMinutes} min budget</Badge>
        </div>
        <h2 id="question-title" className="mt-3 text-xl font-semibold tracking-tight text-balance">
          {question.title}
        </h2>
        {promptHtml ? (
          <Prose html={promptHtml} className="mt-3 text-[1.05rem]" testId="question-prompt" />
        ) : (
          <p className="mt-3 text-muted">This question has left the bank since the interview began; answer from its title.</p>
        )}
      </section>
      <QuestionStage key={`${view.id}-${position}`} sessionId={view.id} position={position} total={view.questions.length} timeBudgetMinutes={question.timeBudgetMinutes} feedbackTiming={view.feedbackTiming} />
    </div>
  );
}

async function FeedbackStep({ view, position, last, user }: { view: InterviewView; position: number; last: boolean; user: CurrentUser }) {
  const question = view.questions[position]!;
  const attempt = question.attempt;
  const feedback = attempt ? await feedbackFor(attempt.id, user) : null;
  const next = (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-border bg-surface p-4">
      <p className="text-sm text-muted">
        {last ? "That was the final boss. Your results and overall assessment are next." : `Up next: ${view.questions[position + 1]?.levelLabel.toLowerCase()} question.`}
      </p>
      <NextQuestionButton sessionId={view.id} last={last} />
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      <RefreshWhilePending pending={attempt?.llmStatus === "pending"} />
      <div className="flex flex-wrap items-center gap-2">
        <LevelBadge level={question.level} />
        <h2 className="text-xl font-semibold tracking-tight">{question.title}</h2>
      </div>
      {next}
      {feedback ? (
        <FeedbackView data={feedback} />
      ) : (
        <p className="rounded-2xl border border-border bg-surface p-6" data-testid="attempt-unscored">
          Your answer is saved, but it could not be scored. It stays in your history; carry on with the interview.
        </p>
      )}
      {next}
    </div>
  );
}

async function CompletedStep({ view, user }: { view: InterviewView; user: CurrentUser }) {
  if (!view.summary) {
    return <p className="rounded-2xl border border-border bg-surface p-6">This interview is complete, but its summary is missing.</p>;
  }
  const entries: AccordionEntry[] = await Promise.all(
    view.questions.map(async (question) => ({
      position: question.position,
      title: question.title,
      levelLabel: question.levelLabel,
      attemptId: question.attempt?.id ?? null,
      feedback: question.attempt ? await feedbackFor(question.attempt.id, user) : null,
    })),
  );
  return (
    <>
      <p className="-mt-4 text-sm text-muted">
        {view.completedAt ? `Finished ${dateFormat.format(view.completedAt)}` : null} · feedback {view.feedbackTiming === "after_each" ? "after each answer" : "at the end"} ·{" "}
        <Link href="/interview" className="font-medium text-accent hover:underline">
          Start another interview
        </Link>
      </p>
      <SummaryView summary={view.summary} entries={entries} />
    </>
  );
}
