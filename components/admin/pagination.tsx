import Link from "next/link";
import { cn } from "@/components/ui/cn";

function hrefFor(basePath: string, params: Record<string, string | undefined>, page: number) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

const linkClass = "inline-flex h-9 items-center rounded-lg border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2";
const disabledClass = "inline-flex h-9 items-center rounded-lg border border-border px-3 text-sm text-muted opacity-55";

/** Previous / next links that keep the other query parameters (e.g. the search). */
export function Pagination({ basePath, params, page, pages }: { basePath: string; params: Record<string, string | undefined>; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(basePath, params, page - 1)} className={linkClass} rel="prev" data-testid="page-prev">
          ← Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          ← Previous
        </span>
      )}
      <p className="text-sm text-muted tabular-nums" aria-current="page">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link href={hrefFor(basePath, params, page + 1)} className={cn(linkClass)} rel="next" data-testid="page-next">
          Next →
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
