"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import type { ItemStat } from "@/lib/db/rubrics";
import { RateBar } from "./rate-bar";
import { ScrollTable } from "./scroll-table";

/** One rubric point's statistics (lib/db/rubrics.ts). */
export type ItemStatRow = ItemStat;

const KIND = {
  required: { label: "Must cover", tone: "accent" },
  bonus: { label: "Extra credit", tone: "neutral" },
  misconception: { label: "Misconception", tone: "bad" },
} as const;

const COLUMNS: readonly TableColumn[] = [
  ["Item", "py-2 pr-3 pl-5 font-medium sm:pl-6"],
  ["Kind", "py-2 pr-3 font-medium"],
  ["Rate", "py-2 pr-3 font-medium"],
  ["Answers", "py-2 pr-5 text-right font-medium sm:pr-6"],
];

/** How often the item costs a candidate: a required or bonus point left out, or a misconception claimed. */
export function missRate(item: ItemStatRow): number {
  return item.kind === "misconception" ? item.hitRate : 1 - item.hitRate;
}

/** Per-item hit rates under the active rubric; sorted by most missed first, or in rubric order. */
export function ItemStatsTable({ items }: { items: ItemStatRow[] }) {
  const [order, setOrder] = useState<"missed" | "rubric">("missed");
  const rows =
    order === "rubric"
      ? items
      : items
          .map((item, index) => ({ item, index }))
          .sort((a, b) => {
            const left = a.item.scored ? missRate(a.item) : -1;
            const right = b.item.scored ? missRate(b.item) : -1;
            return right - left || a.index - b.index;
          })
          .map(({ item }) => item);

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Order of the items">
        <span className="text-muted">Order:</span>
        {(
          [
            ["missed", "Most missed first"],
            ["rubric", "Rubric order"],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={order === value}
            onClick={() => setOrder(value)}
            className={cn(
              "rounded-full border px-3 py-1 font-medium transition-colors",
              order === value ? "border-transparent bg-accent-soft text-accent-strong" : "border-border text-muted hover:bg-surface-2 hover:text-text",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      {/* Sized to fit the card at desktop widths (labels and ids wrap, the numbers do not); narrower, it scrolls in place. */}
      <ScrollTable label="Rubric items" className="-mx-5 sm:-mx-6" hintClassName="px-5 sm:px-6" testId="item-stats-frame">
        <table className="w-full min-w-[30rem] text-left text-sm" data-testid="item-stats">
          <caption className="sr-only">
            Each rubric item with how often answers met it. For a misconception the rate is how often answers made the wrong claim.
          </caption>
          <TableHead className="border-y border-border bg-surface-2 text-xs text-muted" columns={COLUMNS} />
          <tbody>
            {rows.map((item) => {
              const misconception = item.kind === "misconception";
              return (
                <tr key={item.itemId} className="border-b border-border align-top last:border-b-0" data-testid="item-stats-row" data-item={item.itemId}>
                  <td className="min-w-[10rem] py-2.5 pr-3 pl-5 sm:pl-6">
                    <p className="leading-snug">{item.label}</p>
                    <p className="font-mono text-xs break-words text-muted">{item.itemId}</p>
                  </td>
                  <td className="py-2.5 pr-3">
                    <Badge tone={KIND[item.kind].tone}>{KIND[item.kind].label}</Badge>
                  </td>
                  <td className="py-2.5 pr-3">
                    {item.scored === 0 ? (
                      <span className="text-muted">No answers yet</span>
                    ) : (
                      // One line where the card has room; between 1024 and 1279 px the card is narrowest, and the word goes under the bar.
                      <span className="flex items-center gap-x-2 whitespace-nowrap lg:max-xl:flex-wrap">
                        <RateBar rate={item.hitRate} tone={misconception ? "fired" : "hit"} label={misconception ? "Claimed in" : "Met in"} className="whitespace-nowrap" />
                        <span className="text-xs text-muted">{misconception ? "claimed" : "met"}</span>
                      </span>
                    )}
                  </td>
                  <td className="py-2.5 pr-5 text-right whitespace-nowrap tabular-nums sm:pr-6">
                    {item.hits} / {item.scored}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
