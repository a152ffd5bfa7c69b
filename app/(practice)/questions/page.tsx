import type { Metadata } from "next";
import Link from "next/link";
import { BankFilters } from "@/components/questions/bank-filters";
import { QuestionCard } from "@/components/questions/question-card";
import { PageHeader } from "@/components/ui/page-header";
import { getContentBank } from "@/lib/content/bank";
import { LEVELS } from "@/lib/content/levels";
import { searchBank, tagCounts } from "@/lib/content/search";

export const metadata: Metadata = { title: "Question bank" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function QuestionBankPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = { q: first(params.q), track: first(params.track), level: first(params.level), tag: first(params.tag) };
  const bank = getContentBank();
  const results = searchBank(bank, filters);
  const trackTitle = new Map(bank.tracks.map((track) => [track.id, track.title]));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        eyebrow="Practice"
        title="Question bank"
        description="Every question has a rubric, a model answer and a live cluster to test your claims against. Pick one and answer it the way you would in the room."
      />
      <BankFilters
        tracks={bank.tracks.map((track) => ({ value: track.id, label: track.title }))}
        levels={LEVELS.map((level) => ({ value: level.id, label: level.label }))}
        tags={tagCounts(bank).map(({ tag, count }) => ({ value: tag, label: `${tag} (${count})` }))}
      />
      <div className="mt-6 mb-3 flex items-center justify-between text-sm text-muted">
        <p aria-live="polite" data-testid="result-count">
          {filtered ? `${results.length} of ${bank.questions.length} questions` : `${bank.questions.length} questions`}
        </p>
        {filtered ? (
          <Link href="/questions" className="font-medium text-accent hover:underline">
            Clear filters
          </Link>
        ) : null}
      </div>
      {results.length > 0 ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {results.map((question) => (
            <QuestionCard key={question.slug} question={question} trackTitle={trackTitle.get(question.track) ?? question.track} />
          ))}
        </ul>
      ) : (
        <div className="rounded-2xl border border-dashed border-border p-10 text-center">
          <p className="font-medium">No questions match those filters.</p>
          <p className="mt-1 text-sm text-muted">Try a broader search term, or clear a filter.</p>
          <Link href="/questions" className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
            Show all questions
          </Link>
        </div>
      )}
    </>
  );
}
