import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/instructor/audit-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/prisma";
import { pluralGrouped } from "@/lib/format/text";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIMIT = 200;

export default async function AuditPage({ searchParams }: Props) {
  await requireUserForPage("/instructor/audit", "instructor");
  const raw = await searchParams;
  const questions = [...getContentBank().questions].sort((a, b) => a.title.localeCompare(b.title, "en"));
  const requested = (Array.isArray(raw.question) ? raw.question[0] : raw.question)?.trim() ?? "";
  const question = questions.find((candidate) => candidate.slug === requested) ?? null;
  const events = await listAuditEvents(db(), { slug: question?.slug, limit: LIMIT });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href="/instructor" className="hover:underline">
            Rubric studio
          </Link>
        }
        title="Audit log"
        description="Every saved, imported, reverted and published rubric version, every re-score and every score override: who did it and when. Entries are never edited or removed."
      />

      <form method="get" action="/instructor/audit" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-question" className="block text-sm font-medium">
            Question
          </label>
          <select
            id="audit-question"
            name="question"
            defaultValue={question?.slug ?? ""}
            className="mt-1 h-10 w-full max-w-[28rem] rounded-lg border border-border bg-surface px-3 text-sm text-text"
            data-testid="audit-question"
          >
            <option value="">All questions</option>
            {questions.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {question ? (
          <Link href="/instructor/audit" className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-accent hover:bg-surface-2">
            Show all questions
          </Link>
        ) : null}
      </form>

      {requested && !question ? (
        <p className="rounded-xl border border-warn/40 bg-warn-soft px-4 py-3 text-sm" role="status">
          There is no question &ldquo;{requested}&rdquo;, so every question&apos;s entries are shown.
        </p>
      ) : null}

      <section aria-labelledby="audit-title" className="rounded-2xl border border-border bg-surface p-5 sm:p-6">
        <h2 id="audit-title" className="text-lg font-semibold tracking-tight">
          {question ? question.title : "All questions"}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">
          {events.length === LIMIT ? `The latest ${LIMIT} entries, newest first.` : `${pluralGrouped(events.length, "entry", "entries")}, newest first.`}
        </p>
        {events.length > 0 ? (
          <AuditTable rows={events} showQuestion={!question} caption={question ? `Audit log for ${question.title}` : "Audit log for every question"} />
        ) : (
          <p className="rounded-xl bg-surface-2 p-6 text-center text-sm text-muted" data-testid="audit-empty">
            Nothing recorded yet. Saving, publishing or overriding a score adds an entry here.
          </p>
        )}
      </section>
    </div>
  );
}
