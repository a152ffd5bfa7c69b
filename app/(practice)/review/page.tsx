import type { Metadata } from "next";
import { QueueList } from "@/components/review/queue-list";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { db } from "@/lib/db/prisma";
import { reviewQueue } from "@/lib/practice/review-queue";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

/** Rows of "coming back later" shown before "and N more"; the rest wait behind a button. */
const UPCOMING_SHOWN = 8;
/** Rows read for "coming back later": every question in today's bank, with room to grow. */
const UPCOMING_READ = 200;
const DUE_READ = 50;

export default async function ReviewQueuePage() {
  const user = await requireUserForPage("/review");
  const now = new Date();
  const queue = await reviewQueue(db(), user.id, now, { dueLimit: DUE_READ, upcomingLimit: UPCOMING_READ });
  const trackTitles = Object.fromEntries(getContentBank().tracks.map((track) => [track.id, track.title]));
  const first = queue.due[0];

  return (
    <>
      <PageHeader
        eyebrow="Review"
        title="Review queue"
        description="Every question you answer comes back on a spaced-repetition schedule. A weak answer returns tomorrow; each strong one pushes the next review further out, so your time goes where the gaps are."
        actions={
          first ? (
            <LinkButton href={`/review/${first.slug}`} data-testid="start-review">
              Start review ({queue.dueTotal})
            </LinkButton>
          ) : undefined
        }
      />

      <section aria-labelledby="due-heading" className="flex flex-col gap-3">
        <h2 id="due-heading" className="text-xl font-semibold tracking-tight">
          Due today <span className="text-muted tabular-nums">· {queue.dueTotal}</span>
        </h2>
        {queue.due.length > 0 ? (
          <QueueList
            entries={queue.due}
            now={now}
            trackTitles={trackTitles}
            testId="due-list"
            collapse={{ shown: DUE_READ, total: queue.dueTotal, what: "due today" }}
          />
        ) : (
          <div className="rounded-2xl border border-dashed border-border bg-surface p-8 text-center" data-testid="queue-empty">
            <p className="font-medium">{queue.total === 0 ? "Your queue is empty" : "Nothing is due today"}</p>
            <p className="mt-1 text-sm text-muted">
              {queue.total === 0
                ? "Answer a question while signed in and it joins the queue, scheduled by how well it went."
                : "Come back when the next question is due — or practise something new in the meantime."}
            </p>
            <LinkButton href="/questions" variant="secondary" className="mt-5">
              Browse questions
            </LinkButton>
          </div>
        )}
      </section>

      {queue.upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading" className="mt-10 flex flex-col gap-3">
          <div>
            <h2 id="upcoming-heading" className="text-xl font-semibold tracking-tight">
              Coming back later <span className="text-muted tabular-nums">· {queue.upcomingTotal}</span>
            </h2>
            <p className="text-sm text-muted">When each of your other questions returns. You can review one early from here.</p>
          </div>
          <QueueList
            entries={queue.upcoming}
            now={now}
            trackTitles={trackTitles}
            testId="upcoming-list"
            collapse={{ shown: UPCOMING_SHOWN, total: queue.upcomingTotal, what: "coming back later" }}
          />
        </section>
      ) : null}

      <details className="mt-10 max-w-prose text-sm text-muted" data-testid="schedule-explained">
        <summary className="w-fit cursor-pointer rounded font-medium text-text underline decoration-dotted underline-offset-4 focus-visible:ring-2 focus-visible:ring-[var(--ring)] focus-visible:outline-none">
          How the schedule works
        </summary>
        <div className="mt-3 flex flex-col gap-2 leading-relaxed">
          <p>
            Offset uses SM-2, the SuperMemo spaced-repetition schedule. Your score out of 10 becomes a grade from 0 to 5: half the score, rounded (8.7 → 4, 9 → 5).
          </p>
          <p>
            Below 5 out of 10 the question starts over and comes back tomorrow. From 5 it climbs: the first time it returns in 1 to 3 days (3 for a 9 or better), the
            second time in 6 days, and after that each gap is the last one times an ease factor that strong answers raise and weak ones lower. Answering 10, 10, 10 brings
            a question back after 3, 6, then 16 days; 5, 5, 5 after 1, 6, then 13.
          </p>
        </div>
      </details>
    </>
  );
}
