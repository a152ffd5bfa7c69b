export default function InstructorQuestionLoading() {
  const block = "animate-pulse rounded-2xl border border-border bg-surface";
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-6">
      <p className="sr-only">Loading the rubric…</p>
      <div>
        <div className="h-4 w-40 animate-pulse rounded bg-surface-2" />
        <div className="mt-3 h-9 w-full max-w-lg animate-pulse rounded-lg bg-surface-2" />
        <div className="mt-4 h-6 w-72 animate-pulse rounded bg-surface-2" />
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className={`${block} h-72 lg:col-span-2`} />
        <div className={`${block} h-72 lg:col-span-3`} />
      </div>
      <div className={`${block} h-80`} />
    </div>
  );
}
