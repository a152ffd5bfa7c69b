import type { ReactNode } from "react";

// Stand-ins a route's loading.tsx draws while its page renders, shaped like the page that replaces them
// so nothing jumps when it arrives.

/** The loading page itself: marked busy, and `label` tells screen readers what is on its way. */
export function LoadingRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div aria-busy="true" aria-live="polite" className={className}>
      <p className="sr-only">{label}</p>
      {children}
    </div>
  );
}

const line = "animate-pulse rounded bg-surface-2";

/**
 * Where the page header will be: an eyebrow line of width `eyebrow`, a title of size `title`, and
 * optionally a description line (its classes include its top margin).
 */
export function SkeletonHeader({ className, eyebrow, title, description }: { className?: string; eyebrow: string; title: string; description?: string }) {
  return (
    <div className={className}>
      <div className={`h-4 ${eyebrow} ${line}`} />
      <div className={`mt-3 ${title} animate-pulse rounded-lg bg-surface-2`} />
      {description ? <div className={`${description} ${line}`} /> : null}
    </div>
  );
}

/** Where a card will be; `className` gives its size and place in the layout. */
export function SkeletonBlock({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-2xl border border-border bg-surface ${className}`} />;
}

/** A row or column of the layout (`className`) holding one card per entry of `blocks` (its size and place). */
export function SkeletonBlocks({ className, blocks }: { className: string; blocks: readonly string[] }) {
  return (
    <div className={className}>
      {blocks.map((block, index) => (
        <SkeletonBlock key={index} className={block} />
      ))}
    </div>
  );
}
