import type { Metadata } from "next";
import Link from "next/link";
import { ComparePicker, type CompareChoice } from "@/components/history/compare-picker";
import { CompareView } from "@/components/history/compare-view";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { LinkButton } from "@/components/ui/button";
import { requireUserForPage } from "@/lib/auth/session";
import { getAttemptsForCompare, listCompareChoices } from "@/lib/db/history";
import { db } from "@/lib/db/prisma";
import { compareAttempts } from "@/lib/history/compare";

export const metadata: Metadata = { title: "Compare attempts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.trim()).filter(Boolean);

/** `?a=…&b=…` from the picker, or `?pick=…&pick=…` from the ticked rows of the history table. */
function requestedIds(params: Record<string, string | string[] | undefined>): string[] {
  const named = [...list(params.a).slice(0, 1), ...list(params.b).slice(0, 1)];
  return named.length > 0 ? named : list(params.pick);
}

export default async function ComparePage({ searchParams }: Props) {
  const user = await requireUserForPage("/history/compare");
  const ids = requestedIds(await searchParams);
  const problems: string[] = [];
  if (ids.length === 1) problems.push("Pick one more attempt: a comparison needs two.");
  if (ids.length > 2) problems.push(`You picked ${ids.length} attempts; pick exactly two.`);
  if (ids.length === 2 && ids[0]!.toLowerCase() === ids[1]!.toLowerCase()) problems.push("That is the same attempt twice; pick two different ones.");

  const sides = ids.length > 0 && ids.length <= 2 ? await getAttemptsForCompare(db(), user.id, ids) : [];
  sides.forEach((side, index) => {
    if (!side) problems.push(`We could not find attempt "${ids[index]!.slice(0, 40)}" in your history.`);
  });
  const [first, second] = sides;
  const comparison = problems.length === 0 && first && second ? compareAttempts(first, second) : null;

  const anchor = first ?? second ?? null;
  const [sameQuestion, recent] = await Promise.all([
    anchor ? listCompareChoices(db(), user.id, { questionSlug: anchor.question.slug, take: 50 }) : Promise.resolve<CompareChoice[]>([]),
    listCompareChoices(db(), user.id, { take: 50 }),
  ]);
  const sameIds = new Set(sameQuestion.map((choice) => choice.id));
  // The chosen attempts are always selectable, even when older than the lists above.
  const extra = sides.filter((side): side is NonNullable<typeof side> => side !== null && !sameIds.has(side.id) && !recent.some((choice) => choice.id === side.id));
  const recentChoices = [...recent.filter((choice) => !sameIds.has(choice.id)), ...extra.map((side) => ({ id: side.id, createdAt: side.createdAt, slug: side.question.slug, title: side.question.title, score: side.score }))];

  return (
    <div className="flex flex-col gap-6">
      <header>
        <Breadcrumb trail={[{ href: "/history", label: "History" }]} current="Compare" />
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Compare two attempts</h1>
        <p className="mt-3 max-w-2xl leading-relaxed text-muted">Which rubric points you gained, which you dropped, and what is still missing, with the sentences that earned each one.</p>
      </header>

      {recent.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-border bg-surface px-6 py-12 text-center" data-testid="compare-empty">
          <p className="text-lg font-semibold">Nothing to compare yet</p>
          <p className="mx-auto mt-2 max-w-md text-muted">Answer a question twice and come back to see what changed between your answers.</p>
          <LinkButton href="/questions" className="mt-6">
            Practise a question
          </LinkButton>
        </div>
      ) : (
        <>
          <ComparePicker key={ids.join(",")} a={first?.id} b={second?.id} sameQuestion={sameQuestion} recent={recentChoices} />
          {problems.length > 0 ? (
            <div role="alert" className="rounded-2xl border border-bad/30 bg-bad-soft px-5 py-4 text-sm" data-testid="compare-problems">
              <ul className="space-y-1">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {comparison ? (
            <CompareView comparison={comparison} />
          ) : ids.length === 0 ? (
            <p className="text-sm text-muted" data-testid="compare-intro">
              Choose two attempts above, or tick two in{" "}
              <Link href="/history#attempts" className="font-medium text-accent hover:underline">
                your history
              </Link>
              . Two attempts at the same question compare point by point.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
