import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClusterLab } from "@/components/cluster/cluster-lab";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { listDemoCompletions } from "@/lib/db/demo-progress";
import { db } from "@/lib/db/prisma";
import { formatVirtualTime } from "@/lib/format/time";
import { demoScenarioById, type DemoScenarioId } from "@/lib/demos/catalog";
import { questionsOpening } from "@/lib/demos/questions";
import { buildWalkthrough } from "@/lib/demos/walkthrough";

type Props = { params: Promise<{ scenario: string }>; searchParams: Promise<{ run?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: demoScenarioById((await params).scenario)?.title ?? "Demo not found" };
}

function ToolOutput({ label, text }: { label: string; text: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 font-mono text-xs text-muted">$ {label}</figcaption>
      <pre className="overflow-x-auto rounded-xl border border-border bg-surface-2 p-3 font-mono text-[0.78rem] leading-relaxed">{text}</pre>
    </figure>
  );
}

/** When the signed-in user completed this scenario's challenge, if they did (null when the database cannot say). */
async function accountCompletion(scenarioId: DemoScenarioId): Promise<string | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  try {
    return (await listDemoCompletions(db(), user.id))[scenarioId] ?? null;
  } catch (error) {
    console.error("Could not read demo completions", error);
    return null;
  }
}

export default async function DemoPage({ params, searchParams }: Props) {
  const scenario = demoScenarioById((await params).scenario);
  if (!scenario) notFound();
  const { run } = await searchParams;
  const walkthrough = buildWalkthrough(scenario.id);
  const questions = questionsOpening(scenario.id);
  const completedAt = await accountCompletion(scenario.id);

  return (
    <>
      <PageHeader eyebrow="Mini cluster" title={scenario.title} description={scenario.summary} />
      <p className="-mt-4 mb-6 max-w-3xl text-sm leading-relaxed text-muted" data-testid="demo-intro">
        A simulated cluster that follows Apache Kafka&apos;s own rules — murmur2 partitioning, the real assignors, ISR, high watermark and acks. Press
        play to let time run, follow the guided steps or break things yourself, and watch what the cluster and Kafka&apos;s tools report. The run is
        deterministic: the link in your address bar replays exactly what you did.
      </p>
      <noscript>
        <p className="mb-6 rounded-xl border border-warn/40 bg-warn-soft px-4 py-3 text-sm">
          The live cluster needs JavaScript. Below is its starting point, and further down the same scenario played step by step.
        </p>
      </noscript>

      <ClusterLab scenarioId={scenario.id} run={typeof run === "string" ? run : null} accountCompletedAt={completedAt} />

      {walkthrough ? (
        <details className="mt-10 rounded-2xl border border-border bg-surface" data-testid="demo-walkthrough">
          <summary className="cursor-pointer px-5 py-4 font-semibold">The guided steps, played for you</summary>
          <ol className="flex flex-col gap-5 border-t border-border p-5" data-testid="demo-steps">
            <li className="rounded-2xl border border-border bg-bg p-5">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">Starting point</h3>
                <span className="font-mono text-xs text-muted">t = {formatVirtualTime(walkthrough.initial.virtualTimeMs)}</span>
              </div>
              <div className="mt-3 grid gap-3">
                <ToolOutput label="kafka-topics.sh --describe" text={walkthrough.initial.topics} />
                {walkthrough.initial.groups.map((group) => (
                  <ToolOutput key={group.id} label={`kafka-consumer-groups.sh --describe --group ${group.id}`} text={group.output} />
                ))}
              </div>
            </li>
            {walkthrough.steps.map((step) => (
              <li key={step.index} className="rounded-2xl border border-border bg-bg p-5" data-testid="demo-step">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">
                    <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-accent-soft text-xs text-accent-strong">{step.index}</span>
                    {step.title}
                  </h3>
                  <span className="font-mono text-xs text-muted">t = {formatVirtualTime(step.virtualTimeMs)}</span>
                </div>
                <p className="mt-2 text-sm leading-relaxed">{step.instruction}</p>
                <p className="mt-2 text-sm leading-relaxed text-muted">
                  <span className="font-medium text-text">Notice: </span>
                  {step.notice}
                </p>
                {step.error ? (
                  <p className="mt-3 rounded-lg border border-bad/30 bg-bad-soft px-3 py-2 text-sm" role="note">
                    <span className="font-medium">Refused: </span>
                    {step.error}
                  </p>
                ) : null}
                {step.notes.length > 0 ? (
                  <ul className="mt-3 space-y-1.5 text-sm" aria-label="What the lab explained">
                    {step.notes.map((note, index) => (
                      <li key={index} className="flex gap-2" data-kind={note.kind}>
                        <span className="shrink-0 font-mono text-xs leading-5 text-muted">{formatVirtualTime(note.t)}</span>
                        <span>{note.message}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <div className="mt-3 grid gap-3">
                  <ToolOutput label="kafka-topics.sh --describe" text={step.topics} />
                  {step.groups.map((group) => (
                    <ToolOutput key={group.id} label={`kafka-consumer-groups.sh --describe --group ${group.id}`} text={group.output} />
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}

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
