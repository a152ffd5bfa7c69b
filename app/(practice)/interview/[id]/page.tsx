import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { RefreshWhilePending } from "@/components/feedback/refresh-while-pending";
import type { FeedbackData } from "@/components/feedback/types";
import { ArrivalFocus } from "@/components/interview/arrival-focus";
import type { AccordionEntry } from "@/components/interview/feedback-accordion";
import { FollowUpCard } from "@/components/interview/follow-up-card";
import { FollowUpResult } from "@/components/interview/follow-up-result";
import { ProgressSteps } from "@/components/interview/progress-steps";
import { QuestionStage } from "@/components/interview/question-stage";
import { AbandonButton, FinishButton, NextQuestionButton, UndoSkipNotice } from "@/components/interview/stage-buttons";
import { SummaryView } from "@/components/interview/summary-view";
import { Prose } from "@/components/practice/prose";
import { LevelBadge } from "@/components/questions/level-badge";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage, type CurrentUser } from "@/lib/auth/session";
import { getQuestion } from "@/lib/content/bank";
import { getAttemptForViewer } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown/render";
import { feedbackFromAttempt } from "@/lib/practice/feedback-data";
import { loadInterview, type InterviewView } from "@/lib/practice/interview";
import { presentAttempt } from "@/lib/practice/present";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Every step's main heading has this id: after an action, focus moves to it (ArrivalFocus). */
const STEP_HEADING = "interview-step-heading";
/** The step below the progress bar, from its first notice: what comes into view after an action. */
const STEP = "interview-step";
const FOLLOW_UP_RESULT_HEADING = "follow-up-result-heading";

/** What a screen reader hears when the step changes (the region stays mounted, so the change is announced). */
function stepAnnouncement(view: InterviewView): string {
  const stage = view.stage;
  const total = view.questions.length;
  const skippedNote = view.undoableSkip !== null ? `Question ${view.undoableSkip + 1} skipped. ` : "";
  switch (stage.kind) {
    case "question":
      return `${skippedNote}Question ${stage.position + 1} of ${total}.`;
    case "feedback": {
      const question = view.questions[stage.position];
      const followUp = question?.followUp;
      const score = question?.attempt?.score;
      const main = `Feedback on question ${stage.position + 1} of ${total}${typeof score === "number" ? `: your answer scored ${score.toFixed(1)} out of 10` : ""}.`;
      if (!followUp) return main;
      if (followUp.status === "asked") return `${main} The interviewer has a follow-up question.`;
      if (followUp.status === "skipped") return `${main} Follow-up skipped.`;
      return `${main} ${followUp.score === null ? "Follow-up answered." : `Your follow-up reply scored ${followUp.score.toFixed(1)} out of 10.`}`;
    }
    case "follow-up":
      return `Answer saved. A follow-up question on question ${stage.position + 1}.`;
    case "ready-to-finish":
      return `${skippedNote}All ${total} questions done.`;
    case "completed":
      return "Your interview results.";
    case "abandoned":
      return "Interview abandoned.";
  }
}

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
  const current = stage.kind === "question" || stage.kind === "feedback" || stage.kind === "follow-up" ? stage.position : null;

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
                  ? view.skippedCount > 0
                    ? `All ${total} done`
                    : `All ${total} answered`
                  : stage.kind === "feedback"
                    ? `Feedback on question ${current! + 1} of ${total}`
                    : stage.kind === "follow-up"
                      ? `Follow-up on question ${current! + 1} of ${total}`
                      : `Question ${current! + 1} of ${total}`}
          </h1>
        </div>
        {view.status === "in_progress" ? <AbandonButton sessionId={view.id} /> : null}
      </div>
      <ProgressSteps questions={view.questions} current={current} showScores={view.feedbackTiming === "after_each" || view.status === "completed"} />
      <p aria-live="polite" className="sr-only" data-testid="step-announcement">
        {stepAnnouncement(view)}
      </p>
    </header>
  );

  return (
    <div className="flex flex-col gap-8" data-testid="interview-session" data-stage={stage.kind}>
      {header}
      {stage.kind === "question" ? <QuestionStep view={view} position={stage.position} /> : null}
      {stage.kind === "feedback" ? <FeedbackStep view={view} position={stage.position} last={stage.last} user={user} /> : null}
      {stage.kind === "follow-up" ? <FollowUpStep view={view} position={stage.position} /> : null}
      {stage.kind === "ready-to-finish" ? (
        <div id={STEP} className="flex scroll-mt-24 flex-col gap-4">
          {view.undoableSkip !== null ? <UndoSkipNotice sessionId={view.id} position={view.undoableSkip} /> : null}
          <section className="rounded-2xl border border-border bg-surface p-6" aria-labelledby={STEP_HEADING}>
            <ArrivalFocus key="ready" targetId={STEP_HEADING} scrollId={STEP} />
            <h2 id={STEP_HEADING} tabIndex={-1} className="scroll-mt-24 text-lg font-semibold outline-none">
              That was the final question
            </h2>
            <p className="mt-1 text-muted">
              {view.skippedCount > 0
                ? `Your answers are scored; ${view.skippedCount === 1 ? "the question you skipped counts" : `the ${view.skippedCount} questions you skipped count`} as 0. See the table, your average and the overall assessment.`
                : "Your answers are scored. See the table, your average and the overall assessment."}
            </p>
            <div className="mt-5">
              <FinishButton sessionId={view.id} />
            </div>
          </section>
        </div>
      ) : null}
      {stage.kind === "completed" ? <CompletedStep view={view} user={user} /> : null}
      {stage.kind === "abandoned" ? (
        <section className="rounded-2xl border border-border bg-surface p-6">
          <p>
            You stopped this {view.trackTitle} interview after {view.answeredCount} of {total} {view.answeredCount === 1 ? "answer" : "answers"}
            {view.skippedCount > 0 ? ` (${view.skippedCount} skipped)` : ""}, on{" "}
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
    <div id={STEP} className="flex scroll-mt-24 flex-col gap-6">
      {view.undoableSkip !== null ? <UndoSkipNotice sessionId={view.id} position={view.undoableSkip} /> : null}
      <section aria-labelledby={STEP_HEADING} className="scroll-mt-20 rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 sm:p-6">
        <ArrivalFocus key={`question-${position}`} targetId={STEP_HEADING} scrollId={STEP} />
        <div className="flex flex-wrap items-center gap-2">
          <LevelBadge level={question.level} />
          <Badge>{question.timeBudgetMinutes} min budget</Badge>
        </div>
        <h2 id={STEP_HEADING} tabIndex={-1} className="scroll-mt-24 mt-3 text-xl font-semibold tracking-tight text-balance outline-none" data-testid="question-title">
          {question.title}
        </h2>
        {promptHtml ? (
          <Prose html={promptHtml} className="mt-3 text-[1.05rem]" testId="question-prompt" />
        ) : (
          <p className="mt-3 text-muted">This question has left the bank since the interview began; answer from its title.</p>
        )}
      </section>
      <QuestionStage
        key={`${view.id}-${position}`}
        sessionId={view.id}
        position={position}
        total={view.questions.length}
        timeBudgetMinutes={question.timeBudgetMinutes}
        feedbackTiming={view.feedbackTiming}
        transcriptionAvailable={Boolean(env().OPENAI_API_KEY)}
      />
    </div>
  );
}

/** Feedback at the end: the interviewer's follow-up on the answer just given, before the next question. */
async function FollowUpStep({ view, position }: { view: InterviewView; position: number }) {
  const question = view.questions[position]!;
  const followUp = question.followUp!;
  return (
    <div id={STEP} className="flex scroll-mt-24 flex-col gap-4">
      <ArrivalFocus key={`follow-up-${position}`} targetId={STEP_HEADING} scrollId={STEP} />
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <LevelBadge level={question.level} />
        <span>
          On your answer to <span className="font-medium text-text">{question.title}</span>
        </span>
      </p>
      <FollowUpCard
        sessionId={view.id}
        position={position}
        promptHtml={await renderInlineMarkdown(followUp.prompt)}
        headingId={STEP_HEADING}
        context="Your answer is saved. Like a real interviewer, no score yet: all the feedback waits until the end."
        transcriptionAvailable={Boolean(env().OPENAI_API_KEY)}
      />
    </div>
  );
}

async function FeedbackStep({ view, position, last, user }: { view: InterviewView; position: number; last: boolean; user: CurrentUser }) {
  const question = view.questions[position]!;
  const attempt = question.attempt;
  const feedback = attempt ? await feedbackFor(attempt.id, user) : null;
  const followUp = question.followUp;
  const followUpHtml = followUp ? await renderInlineMarkdown(followUp.prompt) : "";
  const waiting = followUp?.status === "asked";
  const next = (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-border bg-surface p-4">
      <p className="text-sm text-muted">
        {last ? "That was the final boss. Your results and overall assessment are next." : `Up next: ${view.questions[position + 1]?.levelLabel.toLowerCase()} question.`}
      </p>
      <NextQuestionButton sessionId={view.id} last={last} />
    </div>
  );
  // With feedback after each answer the follow-up comes with the score, before the full feedback;
  // once answered or skipped, its result takes its place.
  const followUpBlock = !followUp ? null : waiting ? (
    <FollowUpCard
      sessionId={view.id}
      position={position}
      promptHtml={followUpHtml}
      headingId="follow-up-heading"
      context={
        feedback ? (
          <>
            Your answer scored <span className="font-semibold text-text tabular-nums">{feedback.score.toFixed(1)}</span>/10 — the full feedback is below. First, the question an
            interviewer would ask next.
          </>
        ) : (
          "Your answer is saved. First, the question an interviewer would ask next."
        )
      }
      transcriptionAvailable={Boolean(env().OPENAI_API_KEY)}
    />
  ) : (
    <>
      <ArrivalFocus key={`follow-up-result-${position}`} targetId={FOLLOW_UP_RESULT_HEADING} />
      <FollowUpResult followUp={followUp} promptHtml={followUpHtml} headingId={FOLLOW_UP_RESULT_HEADING} />
    </>
  );
  return (
    <div id={STEP} className="flex scroll-mt-24 flex-col gap-6">
      <RefreshWhilePending pending={attempt?.llmStatus === "pending"} />
      <div className="flex scroll-mt-20 flex-wrap items-center gap-2">
        <ArrivalFocus key={`feedback-${position}`} targetId={STEP_HEADING} scrollId={STEP} />
        <LevelBadge level={question.level} />
        <h2 id={STEP_HEADING} tabIndex={-1} className="scroll-mt-24 text-xl font-semibold tracking-tight outline-none">
          {question.title}
        </h2>
      </div>
      {followUpBlock}
      {waiting ? null : next}
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
    view.questions.map(async (question) => {
      const content = question.skipped ? getQuestion(question.slug) : undefined;
      return {
        position: question.position,
        title: question.title,
        levelLabel: question.levelLabel,
        attemptId: question.attempt?.id ?? null,
        feedback: question.attempt ? await feedbackFor(question.attempt.id, user) : null,
        skipped: question.skipped,
        modelAnswerHtml: content ? await renderMarkdown(content.modelAnswer) : null,
        followUp: question.followUp,
        followUpPromptHtml: question.followUp ? await renderInlineMarkdown(question.followUp.prompt) : null,
      };
    }),
  );
  return (
    <>
      <p className="-mt-4 text-sm text-muted">
        {view.completedAt ? `Finished ${dateFormat.format(view.completedAt)}` : null} · feedback {view.feedbackTiming === "after_each" ? "after each answer" : "at the end"} ·{" "}
        <Link href="/interview" className="font-medium text-accent hover:underline">
          Start another interview
        </Link>
      </p>
      <ArrivalFocus key="completed" targetId="results-heading" />
      <SummaryView summary={view.summary} entries={entries} />
    </>
  );
}
