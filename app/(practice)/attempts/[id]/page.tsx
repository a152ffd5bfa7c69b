import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { FollowUpForm } from "@/components/feedback/follow-up-form";
import { OverrideForm } from "@/components/feedback/override-form";
import { RefreshWhilePending } from "@/components/feedback/refresh-while-pending";
import { ScoreHistory, scoreReason } from "@/components/feedback/score-history";
import { formatWhen } from "@/components/instructor/format";
import { Prose } from "@/components/practice/prose";
import { LinkButton } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { requireUserForPage } from "@/lib/auth/session";
import { getQuestion } from "@/lib/content/bank";
import { getAttemptForViewer, previousTryScore } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { getScoreById, getScoreHistory } from "@/lib/db/scores";
import { formatMinutesAndSeconds } from "@/lib/format/time";
import { attemptScoreHistory, overrideSummary } from "@/lib/history/score-history";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown/render";
import { feedbackFromAttempt, feedbackFromStoredScore } from "@/lib/practice/feedback-data";
import { presentAttempt } from "@/lib/practice/present";

export const metadata: Metadata = { title: "Feedback" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AttemptPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requireUserForPage(`/attempts/${id}`);
  // Owners see their own attempts; instructors and admins may open anyone's (lib/db/attempts.ts).
  const detail = await getAttemptForViewer(db(), id, user);
  if (!detail) notFound();
  const isOwner = detail.userId === user.id;
  const isInstructor = hasRole(user.role, "instructor");
  const attempt = presentAttempt(detail);
  const question = getQuestion(attempt.question.slug);
  const feedback = feedbackFromAttempt(attempt);
  const requestedScoreId = (Array.isArray(query.score) ? query.score[0] : query.score) ?? null;
  const [modelAnswerHtml, followUpHtml, scoreEntries, requestedScore, previousScore] = await Promise.all([
    question ? renderMarkdown(question.modelAnswer) : Promise.resolve(""),
    Promise.all((question?.followUps ?? []).map(renderInlineMarkdown)),
    getScoreHistory(db(), { attemptId: detail.id }),
    requestedScoreId ? getScoreById(db(), { attemptId: detail.id, scoreId: requestedScoreId }) : Promise.resolve(null),
    // "+2.4 since your last try": only for a main answer, compared with the same person's previous try.
    detail.parentAttemptId ? Promise.resolve(null) : previousTryScore(db(), detail),
  ]);
  // Which score is current, which earlier one was asked for, and whether an instructor overrode the scorer (lib/history/score-history.ts).
  const {
    rows: scoreRows,
    current: currentEntry,
    earlier,
    earlierEntry,
    requestedNotFound,
    showHistory,
    override,
    replaced,
  } = attemptScoreHistory(scoreEntries, { requestedId: requestedScoreId, requested: requestedScore, formatWhen });
  const earlierFeedback = earlier ? feedbackFromStoredScore(earlier, attempt.answer) : null;
  const currentFeedback = feedback && override ? { ...feedback, summary: overrideSummary(override, replaced, { isOwner }) } : feedback;
  const history = attempt.scoreHistory;
  const rulesScore = history.find((score) => score.reason === "initial");
  const llmPending = attempt.llmStatus === "pending";

  const status = (
    <>
      {override ? (
        <div className="mt-4 rounded-xl border border-warn/40 bg-warn-soft px-4 py-3" data-testid="override-note">
          <p className="font-medium">
            {isOwner
              ? "Your instructor adjusted this score:"
              : `${override.actorName ?? "An instructor"} adjusted this score:`}
          </p>
          <p className="mt-1 leading-relaxed whitespace-pre-wrap">{override.comment}</p>
          <p className="mt-1 text-xs text-muted">
            {override.actorName ? `${override.actorName} · ` : ""}
            {override.when}
          </p>
        </div>
      ) : null}
      {llmPending ? (
        <p className="mt-3 flex items-center gap-2 rounded-lg bg-accent-soft/60 px-3 py-2 text-sm" role="status" data-testid="llm-pending">
          <span className="h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden="true" />
          The AI scorer is reviewing this answer; this page updates when it is done. The score above is the instant rules score.
        </p>
      ) : null}
      {attempt.llmStatus === "failed" ? (
        <p className="mt-3 rounded-lg bg-surface-2 px-3 py-2 text-sm text-muted" data-testid="llm-failed">
          The AI review did not complete ({attempt.llmError ?? "unknown reason"}), so the rules score stands.
        </p>
      ) : null}
      {attempt.llmStatus === "done" && rulesScore && attempt.score?.scorer === "llm" ? (
        <p className="mt-3 text-sm text-muted">
          Instant rules score was {rulesScore.score.toFixed(1)}; the AI review refined it to {attempt.score.score.toFixed(1)}.
        </p>
      ) : null}
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <RefreshWhilePending pending={llmPending} />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-muted">
            <Link href="/history" className="hover:underline">
              History
            </Link>{" "}
            · {new Date(attempt.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
            {attempt.timeSpentMs ? ` · ${formatMinutesAndSeconds(attempt.timeSpentMs)}` : ""}
            {attempt.mockSessionId ? (
              <>
                {" · "}
                <Link href={`/interview/${attempt.mockSessionId}`} className="hover:underline">
                  Part of a mock interview
                </Link>
              </>
            ) : null}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance">{attempt.question.title}</h1>
        </div>
        {isOwner ? (
          <LinkButton href={`/questions/${attempt.question.slug}`} variant="secondary">
            Try it again
          </LinkButton>
        ) : (
          <LinkButton href={`/instructor/questions/${attempt.question.slug}`} variant="secondary">
            Rubric and statistics
          </LinkButton>
        )}
      </header>

      {!isOwner ? (
        <p className="rounded-xl border border-border bg-surface-2 px-4 py-3 text-sm" data-testid="instructor-viewing">
          You are viewing another person&apos;s attempt with your {user.role} role. They see the same score and feedback, and any comment you leave with an
          override.
        </p>
      ) : null}

      {requestedNotFound ? (
        <p className="rounded-xl border border-border bg-surface-2 px-4 py-3 text-sm" role="status" data-testid="score-not-found">
          That score does not belong to this attempt, so the current score is shown instead.
        </p>
      ) : null}

      {earlierFeedback && earlierEntry ? (
        <>
          <div className="rounded-2xl border border-accent/40 bg-accent-soft/40 px-5 py-4" data-testid="earlier-score-banner" role="note">
            <p className="font-semibold">
              {earlierEntry.isOriginal ? "You are looking at the original score" : "You are looking at an earlier score"}: {earlierEntry.score.toFixed(1)} ·{" "}
              {scoreReason(earlierEntry)}, {earlierEntry.when}.
            </p>
            <p className="mt-1 text-sm">
              It is kept for reference and no longer counts.
              {currentEntry ? ` The current score is ${currentEntry.score.toFixed(1)} (${scoreReason(currentEntry).toLowerCase()}).` : ""}{" "}
              <Link href={`/attempts/${attempt.id}`} className="font-medium text-accent hover:underline">
                Back to the current score
              </Link>
            </p>
          </div>
          <FeedbackView
            data={earlierFeedback}
            heading={earlierEntry.isOriginal ? "Original score" : "Earlier score"}
            scoreMeta={
              <p className="mt-1 text-sm text-muted" data-testid="viewed-score-version">
                {earlierEntry.versionNumber !== null ? `Scored under rubric version ${earlierEntry.versionNumber}` : "Scored before rubric versions were tracked"}
              </p>
            }
          />
        </>
      ) : currentFeedback ? (
        <FeedbackView
          data={currentFeedback}
          focusOnArrival={attempt.id}
          previousScore={previousScore}
          status={status}
          heading={isOwner ? "Your score" : "Score"}
          scoreMeta={
            currentEntry ? (
              <p className="mt-1 text-sm text-muted" data-testid="current-score-version">
                {currentEntry.versionNumber !== null ? `Scored under rubric version ${currentEntry.versionNumber}` : "Scored before rubric versions were tracked"}
                {currentEntry.reason === "rescore" ? " (re-scored)" : currentEntry.reason === "override" ? ", then adjusted by an instructor" : ""}
              </p>
            ) : null
          }
        />
      ) : (
        <p className="rounded-2xl border border-border bg-surface p-6" data-testid="attempt-unscored">
          {attempt.status === "failed" ? "This answer was saved, but scoring it failed. Submit it again from the question page." : "This answer is saved and waiting for its score."}
        </p>
      )}

      {showHistory || earlier ? <ScoreHistory attemptId={attempt.id} entries={scoreRows} viewingId={earlier?.id ?? null} /> : null}

      {isInstructor && feedback && !earlier ? <OverrideForm attemptId={attempt.id} currentScore={feedback.score} /> : null}

      {modelAnswerHtml ? (
        <section aria-labelledby="model-answer" className="rounded-2xl border border-border bg-surface p-5">
          <h2 id="model-answer" className="mb-3 text-lg font-semibold">
            Model answer
          </h2>
          <Prose html={modelAnswerHtml} />
        </section>
      ) : null}

      {question && followUpHtml.length > 0 ? (
        <section aria-labelledby="follow-ups" className="rounded-2xl border border-border bg-surface p-5">
          <h2 id="follow-ups" className="text-lg font-semibold">
            Follow-ups
          </h2>
          <p className="text-sm text-muted">
            {isOwner
              ? "Optional: answer what the interviewer would ask next. Short answers are fine; they are kept with this attempt."
              : "What the interviewer would ask next, with the candidate's answers if they gave any."}
          </p>
          <ol className="mt-3 space-y-3">
            {followUpHtml.map((html, index) => {
              const saved = attempt.followUps.find((followUp) => followUp.index === index)?.answer;
              if (isOwner) return <FollowUpForm key={index} attemptId={attempt.id} index={index} promptHtml={html} saved={saved} />;
              return (
                <li key={index} className="rounded-xl border border-border p-4" data-testid="follow-up">
                  <p className="prose-offset font-medium" dangerouslySetInnerHTML={{ __html: html }} />
                  <p className="mt-2 border-l-2 border-border pl-3 text-sm whitespace-pre-wrap text-muted">{saved ?? "Not answered."}</p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
