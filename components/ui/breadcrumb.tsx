import Link from "next/link";
import { Fragment } from "react";

/** Where the page sits: links to the pages above it, then this page's own name (not a link). */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted">
      {trail.map((step) => (
        <Fragment key={step.href}>
          <Link href={step.href} className="hover:text-text hover:underline">
            {step.label}
          </Link>{" "}
          <span aria-hidden="true">›</span>{" "}
        </Fragment>
      ))}
      <span>{current}</span>
    </nav>
  );
}
