"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { useUrlFilters } from "@/components/ui/use-url-filters";

interface Option {
  value: string;
  label: string;
}

export interface QuestionOptionGroup {
  label: string;
  options: Option[];
}

function Options({ options }: { options: Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

const FIELDS = ["question", "track", "from", "to", "minScore", "maxScore"] as const;
type Field = (typeof FIELDS)[number];

const control =
  "h-10 w-full rounded-lg border bg-surface px-3 text-sm text-text aria-[invalid=true]:border-bad aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-bad/40";

// A plain GET form, so filtering works without JavaScript; with it, every change updates the URL in
// place (shareable, back-button friendly) and the server re-renders. Changing a filter goes back to
// page 1. Fields the server rejected are marked invalid and point at its message.
export function HistoryFilters({
  questions,
  tracks,
  invalid,
}: {
  questions: QuestionOptionGroup[];
  tracks: Option[];
  /** Field → id of the element that explains what is wrong with it. */
  invalid: Partial<Record<Field, string>>;
}) {
  const { values, update, applyNow, pending, pathname } = useUrlFilters(FIELDS);

  const any = FIELDS.some((field) => values[field]);
  const described = (field: Field) => (invalid[field] ? { "aria-invalid": true as const, "aria-describedby": invalid[field] } : {});
  const scoreInput = (field: "minScore" | "maxScore", placeholder: string, label: string, testId: string) => (
    <input
      type="number"
      name={field}
      inputMode="decimal"
      min={0}
      max={10}
      step={0.5}
      placeholder={placeholder}
      aria-label={label}
      value={values[field]}
      onChange={(event) => update(field, event.target.value, 400)}
      className={cn(control, "border-border px-2 tabular-nums")}
      data-testid={testId}
      {...described(field)}
    />
  );

  return (
    <form
      role="search"
      aria-label="Filter your attempts"
      action={pathname}
      onSubmit={(event) => {
        event.preventDefault();
        applyNow();
      }}
      className="rounded-2xl border border-border bg-surface p-4"
      aria-busy={pending}
      data-testid="history-filters"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,0.9fr)]">
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted sm:col-span-2 lg:col-span-1">
          Question
          <select name="question" value={values.question} onChange={(event) => update("question", event.target.value)} className={cn(control, "border-border")} data-testid="filter-question" {...described("question")}>
            <option value="">All questions</option>
            {questions.map((group) => (
              <optgroup key={group.label} label={group.label}>
                <Options options={group.options} />
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
          Track
          <select name="track" value={values.track} onChange={(event) => update("track", event.target.value)} className={cn(control, "border-border")} data-testid="filter-track" {...described("track")}>
            <option value="">All tracks</option>
            <Options options={tracks} />
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
          From
          <input type="date" name="from" value={values.from} max={values.to || undefined} onChange={(event) => update("from", event.target.value, 300)} className={cn(control, "border-border")} data-testid="filter-from" {...described("from")} />
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
          To
          <input type="date" name="to" value={values.to} min={values.from || undefined} onChange={(event) => update("to", event.target.value, 300)} className={cn(control, "border-border")} data-testid="filter-to" {...described("to")} />
        </label>
        <fieldset className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
          <legend className="mb-1">Score</legend>
          <div className="flex items-center gap-1.5">
            {scoreInput("minScore", "0", "Lowest score", "filter-min-score")}
            <span aria-hidden="true">–</span>
            {scoreInput("maxScore", "10", "Highest score", "filter-max-score")}
          </div>
        </fieldset>
      </div>
      <p className="sr-only" aria-live="polite">
        {pending ? "Updating…" : ""}
      </p>
      <noscript>
        <button type="submit" className="mt-3 text-sm font-medium text-accent hover:underline">
          Apply filters
        </button>
      </noscript>
      {any ? (
        <div className="mt-3 flex items-center justify-between gap-3 text-sm">
          <span className="text-muted">{pending ? "Updating…" : null}</span>
          <Link href={pathname} className="font-medium text-accent hover:underline" data-testid="clear-filters" scroll={false}>
            Clear filters
          </Link>
        </div>
      ) : null}
    </form>
  );
}
