import { Button } from "@/components/ui/button";
import { formatDateTime, formatScore } from "./format";

export interface CompareChoice {
  id: string;
  createdAt: Date;
  slug: string;
  title: string;
  score: number | null;
}

function Options({ choices }: { choices: CompareChoice[] }) {
  return choices.map((choice) => (
    <option key={choice.id} value={choice.id}>
      {formatDateTime(choice.createdAt)} · {choice.title} · {formatScore(choice.score)}
    </option>
  ));
}

/** Two selects (a plain GET form) to choose the attempts to compare. */
export function ComparePicker({ a, b, sameQuestion, recent }: { a?: string; b?: string; sameQuestion: CompareChoice[]; recent: CompareChoice[] }) {
  const select = (name: "a" | "b", label: string, value: string | undefined) => (
    <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select name={name} defaultValue={value ?? ""} required className="h-10 w-full min-w-0 rounded-lg border border-border bg-surface px-3 text-sm text-text" data-testid={`compare-select-${name}`}>
        <option value="" disabled>
          Choose an attempt…
        </option>
        {sameQuestion.length > 0 ? (
          <optgroup label="Same question">
            <Options choices={sameQuestion} />
          </optgroup>
        ) : null}
        <optgroup label="Recent attempts">
          <Options choices={recent} />
        </optgroup>
      </select>
    </label>
  );
  return (
    <form action="/history/compare" method="get" className="flex flex-col gap-3 rounded-2xl border border-border bg-surface p-4 md:flex-row md:items-end" data-testid="compare-picker">
      {select("a", "One attempt", a)}
      {select("b", "Another attempt", b)}
      <Button type="submit" className="shrink-0">
        Compare
      </Button>
    </form>
  );
}
