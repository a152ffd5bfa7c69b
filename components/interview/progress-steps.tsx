import { cn } from "@/components/ui/cn";
import { LEVELS } from "@/lib/content/levels";
import type { InterviewQuestion } from "@/lib/practice/interview";

// The five rungs of the interview. Scores appear here only when feedback is shown after each answer:
// with feedback at the end, a candidate should not see how it is going mid-interview.
export function ProgressSteps({ questions, current, showScores }: { questions: InterviewQuestion[]; current: number | null; showScores: boolean }) {
  return (
    <ol className="grid grid-cols-5 gap-1.5 sm:gap-2" aria-label="Interview progress" data-testid="interview-progress">
      {questions.map((question) => {
        const done = Boolean(question.attempt) || question.skipped;
        const active = current === question.position;
        const score = question.attempt?.score;
        return (
          <li
            key={question.position}
            aria-current={active ? "step" : undefined}
            className={cn(
              "flex min-w-0 flex-col gap-1 rounded-xl border px-2 py-2 sm:px-3",
              active ? "border-accent bg-accent-soft/50" : done ? "border-border bg-surface" : "border-dashed border-border bg-transparent",
            )}
          >
            <span className="flex items-center justify-between gap-1 text-xs text-muted">
              <span className="font-medium">Q{question.position + 1}</span>
              {question.skipped ? (
                <span className="font-medium text-muted" aria-hidden="true">
                  –
                </span>
              ) : done ? (
                <span className="font-semibold text-text tabular-nums">{showScores && typeof score === "number" ? score.toFixed(1) : "✓"}</span>
              ) : null}
            </span>
            <span aria-hidden="true" className={cn("hidden truncate text-xs sm:block", active ? "font-semibold text-accent-strong" : "text-muted")}>{question.levelLabel}</span>
            <span aria-hidden="true" className={cn("font-mono text-[0.6rem] tracking-tight sm:hidden", active ? "text-accent-strong" : "text-muted")}>
              {"●".repeat(LEVELS.find((level) => level.id === question.level)?.rank ?? question.position + 1)}
            </span>
            <span className="sr-only">
              {question.levelLabel}, {question.skipped ? "skipped" : done ? "answered" : active ? "current question" : "not yet answered"}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
