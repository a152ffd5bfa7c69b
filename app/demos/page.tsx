import type { Metadata } from "next";
import Link from "next/link";
import { DemoDoneBadge, DemoProgressSummary } from "@/components/demos/demo-progress";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { listDemoCompletions } from "@/lib/db/demo-progress";
import { db } from "@/lib/db/prisma";
import { LAB_SCENARIOS, type LabScenario } from "@/lib/demos/lab";
import type { DemoCompletions } from "@/lib/demos/progress";
import { questionsOpening } from "@/lib/demos/questions";

export const metadata: Metadata = { title: "Cluster lab" };

// Stream-processing scenarios run a windowed or transactional app on top of the cluster.
const isStreamScenario = (scenario: LabScenario) => Boolean(scenario.setup.streamApp || scenario.setup.transactional);

/** The signed-in user's completions; none when signed out, or when the database cannot say (the browser's still show). */
async function accountCompletions(userId: string | undefined): Promise<DemoCompletions> {
  if (!userId) return {};
  try {
    return await listDemoCompletions(db(), userId);
  } catch (error) {
    console.error("Could not read demo completions", error);
    return {};
  }
}

export default async function DemosPage() {
  const user = await getCurrentUser();
  const account = await accountCompletions(user?.id);
  const withChallenge = LAB_SCENARIOS.filter((scenario) => scenario.challenge).map((scenario) => scenario.id);
  const groups = [
    { id: "kafka", title: "Kafka itself", scenarios: LAB_SCENARIOS.filter((scenario) => !isStreamScenario(scenario)) },
    { id: "streams", title: "Stream processing on Kafka", scenarios: LAB_SCENARIOS.filter(isStreamScenario) },
  ];

  return (
    <>
      <PageHeader
        eyebrow="Mini cluster"
        title="Cluster lab"
        description="Small, deterministic Kafka clusters to break on purpose. Each one has a few guided steps and a challenge the simulation checks; every question opens the one that proves its point."
      />
      <DemoProgressSummary ids={withChallenge} account={account} signedIn={Boolean(user)} />
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`demos-${group.id}`} className="mb-10">
          <h2 id={`demos-${group.id}`} className="mb-4 text-lg font-semibold">
            {group.title}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="demo-list">
            {group.scenarios.map((scenario) => {
              const linked = questionsOpening(scenario.id);
              return (
                <li
                  key={scenario.id}
                  className="flex flex-col rounded-2xl border border-border bg-surface p-5 has-[[data-testid=demo-done]]:border-good/45"
                  data-testid="demo-card"
                  data-scenario={scenario.id}
                >
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="font-semibold">
                      <Link href={`/demos/${scenario.id}`} className="hover:text-accent hover:underline">
                        {scenario.title}
                      </Link>
                    </h3>
                    <DemoDoneBadge id={scenario.id} account={account} />
                  </div>
                  <p className="mt-1.5 text-sm leading-relaxed text-muted">{scenario.summary}</p>
                  {scenario.challenge ? (
                    <p className="mt-3 rounded-lg bg-surface-2 px-3 py-2 text-sm">
                      <span className="font-medium">Challenge: </span>
                      {scenario.challenge.goal}
                    </p>
                  ) : null}
                  <p className="mt-auto pt-3 text-xs text-muted">
                    {scenario.steps.length} guided steps
                    {linked.length > 0 ? ` · opened by ${linked.length === 1 ? `“${linked[0]!.title}”` : `${linked.length} questions`}` : ""}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
