import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { FollowUpForm } from "@/components/feedback/follow-up-form";
import { RefreshWhilePending } from "@/components/feedback/refresh-while-pending";
import { Prose } from "@/components/practice/prose";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage } from "@/lib/auth/session";
import { getQuestion } from "@/lib/content/bank";
import { getAttemptForViewer } from "@/lib/db/attempts";
import { db } from "@/lib/db/prisma";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown/render";
import { feedbackFromAttempt } from "@/lib/practice/feedback-data";
import { presentAttempt } from "@/lib/practice/present";

export const metadata: Metadata = { title: "Feedback" };

type Props = { params: Promise<{ id: string }> };

function formatDuration(ms: number | null) {
  if (!ms) return null;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export default async function AttemptPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUserForPage(`/attempts/${id}`);
  const detail = await getAttemptForViewer(db(), id, user);
  if (!detail) notFound();
  const attempt = presentAttempt(detail);
  const question = getQuestion(attempt.question.slug);
  const feedback = feedbackFromAttempt(attempt);
  const [modelAnswerHtml, followUpHtml] = await Promise.all([
    question ? renderMarkdown(question.modelAnswer) : Promise.resolve(""),
    Promise.all((question?.followUps ?? []).map(renderInlineMarkdown)),
  ]);
  const history = attempt.scoreHistory;
  const rulesScore = history.find((score) => score.reason === "initial");
  const llmPending = attempt.llmStatus === "pending";

  const status = (
    <>
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
            {formatDuration(attempt.timeSpentMs) ? ` · ${formatDuration(attempt.timeSpentMs)}` : ""}
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
        <LinkButton href={`/questions/${attempt.question.slug}`} variant="secondary">
          Try it again
        </LinkButton>
      </header>

      {feedback ? (
        <FeedbackView data={feedback} status={status} />
      ) : (
        <p className="rounded-2xl border border-border bg-surface p-6" data-testid="attempt-unscored">
          {attempt.status === "failed" ? "This answer was saved, but scoring it failed. Submit it again from the question page." : "This answer is saved and waiting for its score."}
        </p>
      )}

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
          <p className="text-sm text-muted">Optional: answer what the interviewer would ask next. Short answers are fine; they are kept with this attempt.</p>
          <ol className="mt-3 space-y-3">
            {followUpHtml.map((html, index) => (
              <FollowUpForm key={index} attemptId={attempt.id} index={index} promptHtml={html} saved={attempt.followUps.find((followUp) => followUp.index === index)?.answer} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
