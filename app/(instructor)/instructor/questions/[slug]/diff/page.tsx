import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RubricDiffSummary } from "@/components/instructor/rubric-diff-summary";
import { SideBySideDiff } from "@/components/instructor/side-by-side-diff";
import { SectionCard } from "@/components/history/section-card";
import { Button } from "@/components/ui/button";
import { requireUserForPage } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { getRubricWorkspace, getRubricVersion } from "@/lib/db/rubrics";
import { diffRubrics, rubricToYaml, sideBySide, summariseDiff } from "@/lib/rubrics";

export const metadata: Metadata = { title: "Compare rubric versions" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

function versionParam(text: string, known: Set<number>): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return known.has(value) ? value : null;
}

export default async function RubricDiffPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  await requireUserForPage(`/instructor/questions/${slug}/diff`, "instructor");
  const workspace = await getRubricWorkspace(db(), { slug });
  if (!workspace) notFound();
  const { question, active, latest, versions } = workspace;
  const known = new Set(versions.map((version) => version.version));
  const problems: string[] = [];

  // Defaults: what changed from the active version to the latest, or the latest two when they are the same.
  const previous = versions.find((version) => version.version < latest.version)?.version ?? latest.version;
  const defaultFrom = active.version !== latest.version ? active.version : previous;
  const fromText = first(query.from);
  const toText = first(query.to);
  let from = fromText ? versionParam(fromText, known) : defaultFrom;
  let to = toText ? versionParam(toText, known) : latest.version;
  if (from === null) {
    problems.push(`There is no version "${fromText}" of this rubric; showing v${defaultFrom} instead.`);
    from = defaultFrom;
  }
  if (to === null) {
    problems.push(`There is no version "${toText}" of this rubric; showing v${latest.version} instead.`);
    to = latest.version;
  }
  const showAll = first(query.all) === "1";

  const [before, after] = await Promise.all([getRubricVersion(db(), { slug, version: from }), getRubricVersion(db(), { slug, version: to })]);
  if (!before || !after) notFound();
  const diff = diffRubrics(before.rubric, after.rubric);
  const rows = sideBySide(rubricToYaml(before.rubric), rubricToYaml(after.rubric));
  const base = `/instructor/questions/${slug}/diff`;
  const label = (version: (typeof versions)[number]) =>
    `v${version.version}${version.isActive ? " (active)" : ""}${version.isLatest ? " (latest)" : ""}${version.note ? ` — ${version.note.length > 40 ? `${version.note.slice(0, 40)}…` : version.note}` : ""}`;
  const options = versions.map((version) => ({ value: version.version, text: label(version) }));

  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm text-muted">
          <Link href="/instructor" className="hover:underline">
            Rubric studio
          </Link>{" "}
          ·{" "}
          <Link href={`/instructor/questions/${slug}`} className="hover:underline">
            {question.title}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">
          Compare v{from} with v{to}
        </h1>
        <p className="mt-2 text-muted" data-testid="diff-one-line">
          {from === to ? "Both sides are the same version." : `From v${from} to v${to}: ${summariseDiff(diff)}.`}
        </p>
      </header>

      <form method="get" action={base} className="flex flex-wrap items-end gap-3 rounded-2xl border border-border bg-surface p-4" aria-label="Choose two versions">
        <VersionSelect side="from" label="From" value={from} options={options} />
        <VersionSelect side="to" label="To" value={to} options={options} />
        <Button type="submit" variant="secondary" data-testid="diff-submit">
          Compare
        </Button>
        <Link href={`${base}?from=${to}&to=${from}`} className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-accent hover:bg-surface-2">
          Swap sides
        </Link>
      </form>

      {problems.length > 0 ? (
        <ul className="rounded-xl border border-warn/40 bg-warn-soft px-4 py-3 text-sm" role="status" data-testid="diff-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}

      <SectionCard id="summary" title="What changed" description="Items are matched by their id, so a renamed label shows as a change, not as a removal and an addition.">
        <RubricDiffSummary diff={diff} from={from} to={to} />
      </SectionCard>

      <SectionCard
        id="yaml"
        title="Side by side"
        description={
          <>
            The rubric as YAML. <span className="font-mono">−</span> marks a line only in v{from}, <span className="font-mono">+</span> a line only in v{to}.
          </>
        }
        actions={
          <Link href={`${base}?from=${from}&to=${to}${showAll ? "" : "&all=1"}`} className="text-sm font-medium text-accent hover:underline" scroll={false}>
            {showAll ? "Fold unchanged lines" : "Show every line"}
          </Link>
        }
      >
        <SideBySideDiff rows={rows} from={from} to={to} fold={!showAll} />
      </SectionCard>
    </div>
  );
}

function VersionSelect({ side, label, value, options }: { side: "from" | "to"; label: string; value: number; options: { value: number; text: string }[] }) {
  return (
    <div>
      <label htmlFor={`diff-${side}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`diff-${side}`} name={side} defaultValue={value} className="mt-1 h-10 rounded-lg border border-border bg-surface px-3 text-sm text-text" data-testid={`diff-${side}`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
