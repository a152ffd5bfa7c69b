export default function CompareLoading() {
  const block = "animate-pulse rounded-2xl border border-border bg-surface";
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-6">
      <p className="sr-only">Loading the comparison…</p>
      <div>
        <div className="h-4 w-28 animate-pulse rounded bg-surface-2" />
        <div className="mt-3 h-9 w-72 animate-pulse rounded-lg bg-surface-2" />
      </div>
      <div className={`${block} h-20`} />
      <div className="grid gap-4 md:grid-cols-2">
        <div className={`${block} h-40`} />
        <div className={`${block} h-40`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className={`${block} h-64`} />
        <div className={`${block} h-64`} />
        <div className={`${block} h-64`} />
      </div>
    </div>
  );
}
