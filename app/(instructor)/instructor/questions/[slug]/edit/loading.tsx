export default function EditRubricLoading() {
  const block = "animate-pulse rounded-2xl border border-border bg-surface";
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the rubric editor…</p>
      <div className="mb-6">
        <div className="h-4 w-56 animate-pulse rounded bg-surface-2" />
        <div className="mt-3 h-8 w-48 animate-pulse rounded-lg bg-surface-2" />
        <div className="mt-3 h-5 w-80 animate-pulse rounded bg-surface-2" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,27rem)]">
        <div className="flex flex-col gap-3">
          <div className={`${block} h-10`} />
          {[0, 1, 2].map((index) => (
            <div key={index} className={`${block} h-64`} />
          ))}
        </div>
        <div className="flex flex-col gap-4">
          <div className={`${block} h-40`} />
          <div className={`${block} h-80`} />
        </div>
      </div>
    </div>
  );
}
