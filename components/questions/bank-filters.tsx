"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

interface Option {
  value: string;
  label: string;
}

const FIELDS = ["q", "track", "level", "tag"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const fromParams = (params: URLSearchParams): Values =>
  Object.fromEntries(FIELDS.map((field) => [field, params.get(field) ?? ""])) as Values;

// A plain GET form, so filtering works without JavaScript; with it, every change updates the URL
// in place (shareable, back-button friendly) and the server re-renders the list.
export function BankFilters({ tracks, levels, tags }: { tracks: Option[]; levels: Option[]; tags: Option[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState<Values>(() => fromParams(params));
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);
  const paramString = params.toString();

  // Follow the URL when it changes from outside (a "clear filters" link, back/forward).
  useEffect(() => setValues(fromParams(new URLSearchParams(paramString))), [paramString]);
  useEffect(() => () => clearTimeout(debounce.current), []);

  const apply = (next: Values) => {
    const search = new URLSearchParams();
    for (const field of FIELDS) if (next[field].trim()) search.set(field, next[field].trim());
    startTransition(() => router.replace(`${pathname}${search.size ? `?${search}` : ""}`, { scroll: false }));
  };

  const update = (field: Field, value: string, delay = 0) => {
    const next = { ...values, [field]: value };
    setValues(next);
    clearTimeout(debounce.current);
    if (delay) debounce.current = setTimeout(() => apply(next), delay);
    else apply(next);
  };

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
        apply(values);
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
