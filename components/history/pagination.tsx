import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Previous / next links that keep the filters and land back on the table. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const link = (target: number, label: string, text: string) =>
    target >= 1 && target <= pages && target !== page ? (
      <Link href={hrefFor(target)} className={buttonClasses("secondary", "sm")} aria-label={label}>
        {text}
      </Link>
    ) : (
      <span className={cn(buttonClasses("secondary", "sm"), "pointer-events-none opacity-45")} aria-hidden="true">
        {text}
      </span>
    );
  return (
    <nav aria-label="Pages of attempts" className="flex flex-wrap items-center justify-between gap-3" data-testid="pagination">
      <div className="flex gap-2">
        {link(1, "First page", "«")}
        {link(page - 1, "Previous page", "‹ Newer")}
      </div>
      <p className="text-sm text-muted tabular-nums" aria-current="page">
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </p>
      <div className="flex gap-2">
        {link(page + 1, "Next page", "Older ›")}
        {link(pages, "Last page", "»")}
      </div>
    </nav>
  );
}
