"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Overflow = { scrollable: boolean; atStart: boolean; atEnd: boolean };

/**
 * A table's own horizontal scroll area, for when its columns cannot all fit the card. It only
 * becomes a scroll area when it has to: then it is a labelled region in the tab order (so the
 * arrow keys scroll it), says so in a line above the table, and fades the edge that hides columns
 * (overlay scrollbars show nothing until touched, so a cut-off column would otherwise look clipped).
 */
export function ScrollTable({
  label,
  children,
  className,
  hintClassName,
  testId,
}: {
  label: string;
  children: ReactNode;
  className?: string;
  /** For a table that bleeds to the card's edges: the hint keeps the card's padding. */
  hintClassName?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ scrollable: false, atStart: true, atEnd: true });

  const measure = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const scrollable = element.scrollWidth > element.clientWidth + 1;
    const next = { scrollable, atStart: element.scrollLeft <= 1, atEnd: element.scrollLeft + element.clientWidth >= element.scrollWidth - 1 };
    setOverflow((current) => (current.scrollable === next.scrollable && current.atStart === next.atStart && current.atEnd === next.atEnd ? current : next));
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <div className={className} data-testid={testId} data-scrollable={overflow.scrollable}>
      {overflow.scrollable ? (
        <p className={cn("mb-2 text-xs text-muted", hintClassName)} data-testid={testId ? `${testId}-hint` : undefined}>
          Scroll sideways to see every column.
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={ref}
          onScroll={measure}
          role={overflow.scrollable ? "region" : undefined}
          aria-label={overflow.scrollable ? `${label} (scrolls sideways)` : undefined}
          tabIndex={overflow.scrollable ? 0 : undefined}
          // relative: absolutely positioned descendants (sr-only text) are clipped here instead of widening the page.
          className="relative overflow-x-auto overscroll-x-contain"
          data-testid={testId ? `${testId}-scroller` : undefined}
        >
          {children}
        </div>
        <div
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-surface to-transparent transition-opacity",
            overflow.scrollable && !overflow.atStart ? "opacity-100" : "opacity-0",
          )}
        />
        <div
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 right-0 w-8 bg-linear-to-l from-surface to-transparent transition-opacity",
            overflow.scrollable && !overflow.atEnd ? "opacity-100" : "opacity-0",
          )}
        />
      </div>
    </div>
  );
}
