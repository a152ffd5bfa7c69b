"use client";

// Which demo challenges are done, on the /demos index: a summary above the scenarios and a badge on
// each done card. Completions come from the account (rendered by the server) and this browser
// (added after hydration).
import Link from "next/link";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { completedIds, type DemoCompletions } from "@/lib/demos/progress";
import { useDemoCompletions, useHydrated } from "./completion-store";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** "5 Dec 2026" in the browser's time zone. */
export function formatCompletedOn(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function DemoProgressSummary({ ids, account, signedIn }: { ids: readonly DemoScenarioId[]; account: DemoCompletions; signedIn: boolean }) {
  const completions = useDemoCompletions(account);
  const done = completedIds(completions).filter((id) => ids.includes(id)).length;
  const total = ids.length;
  return (
    <section aria-labelledby="demo-progress-title" className="mb-8 rounded-2xl border border-border bg-surface px-5 py-4" data-testid="demo-progress" data-done={done}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="demo-progress-title" className="font-semibold">
          Your challenges
        </h2>
        <p className="text-sm tabular-nums" data-testid="demo-progress-count">
          <span className="font-semibold">{done}</span> of {total} done
        </p>
      </div>
      <div
        role="progressbar"
        aria-labelledby="demo-progress-title"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} challenges done`}
        className="mt-2.5 h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-good transition-[width] duration-500" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
      <p className="mt-2.5 text-xs leading-relaxed text-muted">
        A challenge counts when you meet it yourself, in a run where the lab did no step for you.{" "}
        {signedIn ? (
          "Progress is saved to your account and this browser."
        ) : (
          <>
            Progress is kept in this browser;{" "}
            <Link href="/sign-in?next=/demos" className="font-medium text-accent hover:underline">
              sign in
            </Link>{" "}
            to keep it with your account.
          </>
        )}
      </p>
    </section>
  );
}

export function DemoDoneBadge({ id, account }: { id: DemoScenarioId; account: DemoCompletions }) {
  const completions = useDemoCompletions(account);
  const hydrated = useHydrated();
  const at = completions[id];
  if (!at) return null;
  return (
    <span
      className="inline-flex shrink-0 items-center gap-1 rounded-full bg-good-soft px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-good"
      data-testid="demo-done"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M13.5 4.2a.9.9 0 0 1 0 1.3l-6.3 6.3a.9.9 0 0 1-1.3 0L2.5 8.4a.9.9 0 1 1 1.3-1.3l2.8 2.8 5.6-5.7a.9.9 0 0 1 1.3 0z" />
      </svg>
      Done<span className="sr-only">: challenge completed{hydrated ? ` on ${formatCompletedOn(at)}` : ""}</span>
    </span>
  );
}
