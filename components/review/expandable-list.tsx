"use client";

import { Children, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { moreCount } from "./review-text";

/**
 * A list that shows its first `shown` rows, says how many more there are, and shows them on request.
 * `total` counts every row there is, which may be more than the rows passed in (a capped query).
 * Opening moves focus to the first row that appeared, so keyboard and screen-reader users land on
 * the new rows instead of after them.
 */
export function ExpandableList({
  children,
  shown,
  total,
  what,
  className,
  testId,
}: {
  children: ReactNode;
  shown: number;
  total: number;
  /** What the rows are, for the sentences: "coming back later". */
  what: string;
  className?: string;
  testId?: string;
}) {
  const rows = Children.toArray(children);
  const [open, setOpen] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const focusNext = useRef(false);
  const listId = useId();

  useEffect(() => {
    if (!open || !focusNext.current) return;
    focusNext.current = false;
    list.current?.children[shown]?.querySelector<HTMLElement>("a, button")?.focus();
  }, [open, shown]);

  const visible = open ? rows : rows.slice(0, shown);
  const hasMore = rows.length > shown;
  return (
    <div className="flex flex-col gap-3">
      <ul id={listId} ref={list} className={className} data-testid={testId}>
        {visible}
      </ul>
      {hasMore || total > rows.length ? (
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1">
          <p className="text-sm text-muted" data-testid={testId ? `${testId}-more` : undefined}>
            {!open
              ? `${capitalise(moreCount(visible.length, total))} ${what}.`
              : total > rows.length
                ? `Showing ${rows.length.toLocaleString("en")} of ${total.toLocaleString("en")}.`
                : `All ${total.toLocaleString("en")} shown.`}
          </p>
          {hasMore ? (
            <Button
              variant="secondary"
              size="sm"
              aria-expanded={open}
              aria-controls={listId}
              data-testid={testId ? `${testId}-toggle` : undefined}
              onClick={() => {
                focusNext.current = !open;
                setOpen(!open);
              }}
            >
              {open ? "Show fewer" : total > rows.length ? `Show ${(rows.length - shown).toLocaleString("en")} more` : `Show all ${total.toLocaleString("en")}`}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
