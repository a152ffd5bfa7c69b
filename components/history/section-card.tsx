import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled card section: the history pages' building block. */
export function SectionCard({
  id,
  title,
  description,
  actions,
  children,
  className,
  testId,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={cn("min-w-0 rounded-2xl border border-border bg-surface p-5 sm:p-6", className)} data-testid={testId} id={id}>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm leading-relaxed text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
