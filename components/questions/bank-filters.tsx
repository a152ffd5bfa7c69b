"use client";

import { useUrlFilters } from "@/components/ui/use-url-filters";

interface Option {
  value: string;
  label: string;
}

const FIELDS = ["q", "track", "level", "tag"] as const;
type Field = (typeof FIELDS)[number];

// A plain GET form, so filtering works without JavaScript; with it, every change updates the URL
// in place and the server re-renders the list.
export function BankFilters({ tracks, levels, tags }: { tracks: Option[]; levels: Option[]; tags: Option[] }) {
  const { values, update, applyNow, pending, pathname } = useUrlFilters(FIELDS);

  const select = (field: Exclude<Field, "q">, label: string, options: Option[], all: string) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select
        name={field}
        value={values[field]}
        onChange={(event) => update(field, event.target.value)}
        className="h-10 rounded-lg border border-border bg-surface px-3 text-sm text-text"
        data-testid={`filter-${field}`}
      >
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      role="search"
      action={pathname}
      onSubmit={(event) => {
        event.preventDefault();
        applyNow();
      }}
      className="grid gap-3 rounded-2xl border border-border bg-surface p-4 sm:grid-cols-[minmax(0,1fr)_auto_auto_auto] sm:items-end"
      aria-busy={pending}
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Search
        <input
          type="search"
          name="q"
          value={values.q}
          placeholder="e.g. min.insync.replicas, watermarks, lag"
          onChange={(event) => update("q", event.target.value, 200)}
          className="h-10 rounded-lg border border-border bg-surface px-3 text-sm text-text placeholder:text-muted/70"
          data-testid="filter-q"
        />
      </label>
      {select("track", "Track", tracks, "All tracks")}
      {select("level", "Level", levels, "All levels")}
      {select("tag", "Tag", tags, "All tags")}
    </form>
  );
}
