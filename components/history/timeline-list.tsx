import Link from "next/link";
import type { TimelineStep } from "@/lib/history/timeline";
import { formatDateTime, formatDuration } from "./format";
import { DeltaBadge, ScoreBadge } from "./score-badge";

const STATUS = { pending: "Waiting for its score", failed: "Scoring failed", unscored: "Not scored" } as const;

function Changes({ label, items, tone }: { label: string; items: string[]; tone: "good" | "bad" }) {
  if (items.length === 0) return null;
  return (
    <p className="text-sm leading-relaxed">
      <span className={tone === "good" ? "font-medium text-good" : "font-medium text-bad"}>{label}: </span>
      <span className="text-muted">{items.join(" · ")}</span>
    </p>
  );
}

/** Newest first: each attempt, its score change since the one before, and what changed. */
export function TimelineList({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="relative flex flex-col gap-0" data-testid="timeline">
      {steps.map((step, index) => (
        <li key={step.attempt.id} className="relative flex gap-4 pb-6 last:pb-0">
          <div className="flex flex-col items-center" aria-hidden="true">
            <span className="mt-1.5 h-3 w-3 shrink-0 rounded-full border-2 border-accent bg-surface" />
            {index < steps.length - 1 ? <span className="mt-1 w-px flex-1 bg-border" /> : null}
          </div>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <ScoreBadge score={step.attempt.score} />
              <DeltaBadge delta={step.delta} />
              <span className="text-sm text-muted">
                {formatDateTime(step.attempt.createdAt)}
                {step.attempt.timeSpentMs ? ` · ${formatDuration(step.attempt.timeSpentMs)}` : ""}
              </span>
            </div>
            {step.attempt.score === null ? <p className="mt-1 text-sm text-muted">{STATUS[step.attempt.status as keyof typeof STATUS] ?? "Not scored"}</p> : null}
            <div className="mt-1.5 space-y-0.5">
              <Changes label="Gained" items={step.gained} tone="good" />
              <Changes label="Dropped" items={step.lost} tone="bad" />
              {step.delta !== null && step.gained.length === 0 && step.lost.length === 0 ? <p className="text-sm text-muted">Same rubric points as the time before.</p> : null}
            </div>
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <Link href={`/attempts/${step.attempt.id}`} className="font-medium text-accent hover:underline">
                Open feedback
              </Link>
              {step.previousId ? (
                <Link href={`/history/compare?a=${step.previousId}&b=${step.attempt.id}`} className="font-medium text-accent hover:underline">
                  Compare with the previous attempt
                </Link>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
