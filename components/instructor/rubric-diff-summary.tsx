import type { RubricItem } from "@/lib/content/schema";
import type { RubricDiff } from "@/lib/rubrics";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableHead } from "@/components/ui/table-head";

const FIELD_LABELS: Record<string, string> = {
  label: "Label",
  kind: "Kind",
  weight: "Weight",
  near: "Nearness (words)",
  concept: "Concept patterns",
  hint: "Hint",
  correction: "Correction",
};

const KIND_LABELS = { required: "Must cover", bonus: "Extra credit", misconception: "Misconception" } as const;

function Value({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === "") return <span className="text-muted italic">not set</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="space-y-0.5">
        {value.map((entry, index) => (
          <li key={index} className="font-mono text-[0.8rem] break-words">
            {String(entry)}
          </li>
        ))}
      </ul>
    );
  }
  return <span className="break-words">{String(value)}</span>;
}

function ItemLine({ item }: { item: RubricItem }) {
  return (
    <>
      <span className="font-medium">{item.label}</span>{" "}
      <span className="font-mono text-xs text-muted">{item.id}</span>{" "}
      <span className="text-xs text-muted">
        · {KIND_LABELS[item.kind]} · weight {item.weight}
      </span>
    </>
  );
}

/** Items added, removed and changed between two versions, with each changed field's before and after. */
export function RubricDiffSummary({ diff, from, to }: { diff: RubricDiff; from: number; to: number }) {
  if (diff.identical) {
    return (
      <p className="rounded-xl bg-surface-2 p-4 text-sm" data-testid="diff-identical">
        v{from} and v{to} have exactly the same rubric.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-5 text-sm" data-testid="diff-summary">
      <ul className="flex flex-wrap gap-2" aria-label="Counts">
        <li>
          <Badge tone="good">+ {diff.added.length} added</Badge>
        </li>
        <li>
          <Badge tone="bad">− {diff.removed.length} removed</Badge>
        </li>
        <li>
          <Badge tone="warn">~ {diff.changed.length} changed</Badge>
        </li>
        <li>
          <Badge>{diff.unchanged} unchanged</Badge>
        </li>
        {diff.reordered ? (
          <li>
            <Badge tone="accent">↕ order changed</Badge>
          </li>
        ) : null}
      </ul>

      <ItemList title={`Added in v${to}`} items={diff.added} sign="+" tone="good" testId="diff-added" />
      <ItemList title={`Removed since v${from}`} items={diff.removed} sign="−" tone="bad" testId="diff-removed" />

      {diff.changed.length > 0 ? (
        <div>
          <h3 className="font-semibold">Changed</h3>
          <ul className="mt-2 space-y-3">
            {diff.changed.map((change) => (
              <li key={change.id} className="rounded-lg border border-border" data-testid="diff-changed">
                <p className="border-b border-border bg-surface-2 px-3 py-2">
                  <span aria-hidden="true" className="mr-1.5 font-mono font-bold text-warn">
                    ~
                  </span>
                  <span className="font-medium">{change.label}</span> <span className="font-mono text-xs text-muted">{change.id}</span>
                </p>
                <div className="overflow-x-auto">
                  <table className="w-full min-w-[32rem] table-fixed text-left">
                    <caption className="sr-only">
                      Fields of {change.id} that changed, before (v{from}) and after (v{to})
                    </caption>
                    <colgroup>
                      <col className="w-36" />
                      <col />
                      <col />
                    </colgroup>
                    <TableHead
                      className="text-xs text-muted"
                      columns={[
                        ["Field", "w-36 px-3 py-1.5 font-medium"],
                        [<>Before (v{from})</>, "px-3 py-1.5 font-medium"],
                        [<>After (v{to})</>, "px-3 py-1.5 font-medium"],
                      ]}
                    />
                    <tbody>
                      {change.changes.map((field) => (
                        <tr key={field.field} className="border-t border-border align-top">
                          <th scope="row" className="px-3 py-2 font-medium">
                            {FIELD_LABELS[field.field] ?? field.field}
                          </th>
                          <td className="bg-bad-soft/40 px-3 py-2">
                            <Value value={field.before} />
                          </td>
                          <td className="bg-good-soft/40 px-3 py-2">
                            <Value value={field.after} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Items added or removed between the two versions, each with its sign. */
function ItemList({ title, items, sign, tone, testId }: { title: string; items: RubricItem[]; sign: string; tone: "good" | "bad"; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-2 space-y-1.5">
        {items.map((item) => (
          <li key={item.id} className={cn("rounded-lg border px-3 py-2", tone === "good" ? "border-good/30 bg-good-soft/60" : "border-bad/30 bg-bad-soft/60")} data-testid={testId}>
            <span aria-hidden="true" className={cn("mr-1.5 font-mono font-bold", tone === "good" ? "text-good" : "text-bad")}>
              {sign}
            </span>
            <ItemLine item={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}
