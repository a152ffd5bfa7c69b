import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getContentBank } from "@/lib/content/bank";
import { demoScenarioById } from "@/lib/demos/catalog";

type Props = { params: Promise<{ scenario: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: demoScenarioById((await params).scenario)?.title ?? "Demo not found" };
}

export default async function DemoPage({ params }: Props) {
  const scenario = demoScenarioById((await params).scenario);
  if (!scenario) notFound();
  const questions = getContentBank().questions.filter((question) => question.demo === scenario.id);

  return (
    <>
      <PageHeader eyebrow="Live mini cluster" title={scenario.title} description={scenario.summary} />
      <div className="rounded-2xl border border-dashed border-border bg-surface p-8" data-testid="demo-placeholder">
        <p className="font-medium">The interactive cluster for this scenario is on its way.</p>
        <p className="mt-1 max-w-2xl text-sm leading-relaxed text-muted">
          You will be able to stop brokers, add consumers and produce keyed records here, and watch the simulated cluster respond exactly as
          Kafka&apos;s own rules say it should.
        </p>
      </div>
      {questions.length > 0 ? (
        <section className="mt-10" aria-labelledby="related">
          <h2 id="related" className="text-lg font-semibold">
            Questions that use this demo
          </h2>
          <ul className="mt-3 space-y-2">
            {questions.map((question) => (
              <li key={question.slug}>
                <Link href={`/questions/${question.slug}`} className="text-accent hover:underline">
                  {question.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
