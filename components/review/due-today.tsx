import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { describeDue, reviewQueue } from "@/lib/practice/review-queue";

const SHOWN = 4;

// The home page's "due for review today" card. Signed-in users only; anonymous visitors (and a
// database hiccup) render nothing, so the rest of the home page never depends on it.
export async function DueToday() {
  const user = await getCurrentUser().catch(() => null);
  if (!user) return null;
  const now = new Date();
  const queue = await reviewQueue(db(), user.id, now, { dueLimit: SHOWN, upcomingLimit: 1 }).catch(() => null);
  if (!queue) return null;
  // The total, not the rows read: the list below shows a few, the heading counts them all.
  const count = queue.dueTotal;
  const first = queue.due[0];

  return (
    <section aria-labelledby="due-today" className="rounded-2xl border border-border bg-surface p-5 sm:p-6" data-testid="due-today">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="due-today" className="text-lg font-semibold">
            Due for review today: <span data-testid="due-count">{count}</span>
          </h2>
          <p className="text-sm text-muted">
            {count > 0
              ? "Questions come back on a spaced schedule: sooner when an answer missed points, later when it was strong."
              : queue.total === 0
                ? "Answer a question while signed in and it joins your review queue."
                : `Nothing due. ${queue.upcoming[0] ? `Next up: “${queue.upcoming[0].title}”, ${describeDue(queue.upcoming[0].dueAt, now)}.` : ""}`}
          </p>
        </div>
        {first ? (
          <LinkButton href={`/review/${first.slug}`} data-testid="start-review">
            Start review
          </LinkButton>
        ) : (
          <LinkButton href={queue.total === 0 ? "/questions" : "/review"} variant="secondary">
            {queue.total === 0 ? "Practise a question" : "See the queue"}
          </LinkButton>
        )}
      </div>
      {count > 0 ? (
        <ul className="mt-4 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {queue.due.slice(0, SHOWN).map((entry) => (
            <li key={entry.slug} className="min-w-0">
              <Link href={`/review/${entry.slug}`} className="flex items-center justify-between gap-3 rounded-xl border border-border px-4 py-3 hover:border-accent/60" data-testid="due-entry">
                <span className="min-w-0">
                  <span className="block truncate font-medium">{entry.title}</span>
                  <span className={cn("block text-xs", describeDue(entry.dueAt, now).startsWith("overdue") ? "text-warn" : "text-muted")}>{describeDue(entry.dueAt, now)}</span>
                </span>
                <span className="shrink-0 text-sm text-muted">
                  last <span className="font-semibold text-text tabular-nums">{entry.lastScore === null ? "—" : entry.lastScore.toFixed(1)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {count > SHOWN ? (
        <p className="mt-3 text-sm">
          <Link href="/review" className="font-medium text-accent hover:underline">
            {count - SHOWN} more in your queue →
          </Link>
        </p>
      ) : null}
    </section>
  );
}
