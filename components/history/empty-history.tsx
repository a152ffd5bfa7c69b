import { LinkButton } from "@/components/ui/button";

export function EmptyHistory() {
  return (
    <div className="rounded-2xl border border-dashed border-border bg-surface px-6 py-14 text-center" data-testid="history-empty">
      <svg viewBox="0 0 48 48" className="mx-auto h-12 w-12 text-accent" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M8 38 L18 26 L26 31 L40 12" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="40" cy="12" r="3" fill="currentColor" stroke="none" />
      </svg>
      <h2 className="mt-4 text-xl font-semibold tracking-tight">No attempts yet</h2>
      <p className="mx-auto mt-2 max-w-md leading-relaxed text-muted">
        Answer your first question and this page fills up: every score, how it moves over time, and the rubric points you keep missing.
      </p>
      <LinkButton href="/questions" className="mt-6">
        Practise a question
      </LinkButton>
    </div>
  );
}
