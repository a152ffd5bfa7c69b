import type { ReactNode } from "react";
import { LinkButton } from "./button";
import { PageHeader } from "./page-header";

export function ComingSoon({ eyebrow, title, description, points }: { eyebrow: string; title: string; description: ReactNode; points: string[] }) {
  return (
    <>
      <PageHeader eyebrow={eyebrow} title={title} description={description} />
      <div className="rounded-2xl border border-dashed border-border bg-surface p-8">
        <p className="font-medium">Coming soon. Here is what it will do:</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-muted">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <LinkButton href="/questions" className="mt-6">
          Practise a question meanwhile
        </LinkButton>
      </div>
    </>
  );
}
