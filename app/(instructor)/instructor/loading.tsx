export default function InstructorLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the rubric studio…</p>
      <div className="mb-8">
        <div className="h-4 w-24 animate-pulse rounded bg-surface-2" />
        <div className="mt-3 h-9 w-56 animate-pulse rounded-lg bg-surface-2" />
        <div className="mt-4 h-4 w-full max-w-xl animate-pulse rounded bg-surface-2" />
      </div>
      <div className="h-[28rem] animate-pulse rounded-2xl border border-border bg-surface" />
    </div>
  );
}
