export default function HistoryLoading() {
  const block = "animate-pulse rounded-2xl border border-border bg-surface";
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading your history…</p>
      <div className="mb-8">
        <div className="h-4 w-24 animate-pulse rounded bg-surface-2" />
        <div className="mt-3 h-9 w-40 animate-pulse rounded-lg bg-surface-2" />
        <div className="mt-4 h-4 w-full max-w-xl animate-pulse rounded bg-surface-2" />
      </div>
      <div className="flex flex-col gap-6">
        <div className={`${block} h-24`} />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((index) => (
            <div key={index} className={`${block} h-28`} />
          ))}
        </div>
        <div className="grid gap-6 lg:grid-cols-5">
          <div className={`${block} h-80 lg:col-span-3`} />
          <div className={`${block} h-80 lg:col-span-2`} />
        </div>
        <div className={`${block} h-96`} />
      </div>
    </div>
  );
}
