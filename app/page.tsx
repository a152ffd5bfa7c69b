import Link from "next/link";
import { LevelBadge } from "@/components/questions/level-badge";
import { DueToday } from "@/components/review/due-today";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getContentBank } from "@/lib/content/bank";
import { LEVELS } from "@/lib/content/levels";
import { DEMO_SCENARIOS } from "@/lib/demos/catalog";

const STEPS = [
  {
    title: "Answer in your own words",
    body: "Type it or say it, against the clock, the way you would in the room. Your draft is kept while you think.",
  },
  {
    title: "Get a score you can check",
    body: "A rubric checklist marks each point met or missed and quotes the words of yours that prove it — no vague praise, no made-up evidence.",
  },
  {
    title: "Break a live cluster",
    body: "Every question links to a simulated Kafka cluster that follows Kafka's real rules. Crash a broker, add a consumer, and watch your answer hold up — or not.",
  },
];

// Counts come from content/, which is read at run time: render per request, not at build time.
export const dynamic = "force-dynamic";

export default function HomePage() {
  const bank = getContentBank();
  const counts = new Map<string, number>();
  for (const question of bank.questions) counts.set(question.track, (counts.get(question.track) ?? 0) + 1);

  return (
    <div className="flex flex-col gap-16">
      <DueToday />
      <section className="grid items-center gap-10 pt-4 lg:grid-cols-[1.15fr_1fr]">
        <div>
          <p className="mb-4 inline-flex items-center gap-2 rounded-full border border-border bg-surface px-3 py-1 text-sm text-muted">
            <span className="h-2 w-2 rounded-full bg-good" aria-hidden="true" />
            Kafka &amp; stream-processing interview coach
          </p>
          <h1 className="text-4xl leading-[1.1] font-semibold tracking-tight text-balance sm:text-5xl">
            Rehearse the Kafka interview before it happens.
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-relaxed text-muted">
            Offset asks you the questions senior data and platform engineers get asked — from &ldquo;what is Kafka&rdquo; to
            diagnosing lag at scale — and tells you precisely what your answer covered, what it missed and what it got wrong.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <LinkButton href="/questions" data-testid="start-practising">
              Start practising
            </LinkButton>
            <LinkButton href="/interview" variant="secondary">
              Take a mock interview
            </LinkButton>
          </div>
          <dl className="mt-10 grid max-w-md grid-cols-3 gap-6">
            <div>
              <dt className="text-sm text-muted">Questions</dt>
              <dd className="text-2xl font-semibold" data-testid="question-count">
                {bank.questions.length}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Tracks</dt>
              <dd className="text-2xl font-semibold">{bank.tracks.length}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Live demos</dt>
              <dd className="text-2xl font-semibold">{DEMO_SCENARIOS.length}</dd>
            </div>
          </dl>
        </div>
        <Card className="p-6" aria-label="Example of Offset's feedback">
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium text-muted">Example feedback</p>
            <p className="text-3xl font-semibold">
              7.5<span className="text-base font-normal text-muted"> / 10</span>
            </p>
          </div>
          <ul className="mt-5 space-y-3 text-sm">
            <li className="flex gap-3">
              <span className="mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-good-soft text-good" aria-label="Met">
                ✓
              </span>
              <div>
                <p className="font-medium">acks=all with min.insync.replicas=2</p>
                <p className="mt-0.5 text-muted">&ldquo;…the producer waits for acks=all and the topic keeps at least two in-sync replicas…&rdquo;</p>
              </div>
            </li>
            <li className="flex gap-3">
              <span className="mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-good-soft text-good" aria-label="Met">
                ✓
              </span>
              <p className="font-medium">Idempotent producer: producer id and sequence numbers</p>
            </li>
            <li className="flex gap-3">
              <span className="mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-warn-soft text-warn" aria-label="Missed">
                –
              </span>
              <div>
                <p className="font-medium">Offsets committed inside the transaction</p>
                <p className="mt-0.5 text-muted">Say that the consumer&apos;s offsets are sent to the same transaction, so output and progress commit together.</p>
              </div>
            </li>
            <li className="flex gap-3">
              <span className="mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-bad-soft text-bad" aria-label="Misconception">
                !
              </span>
              <div>
                <p className="font-medium">&ldquo;acks=all waits for every replica&rdquo;</p>
                <p className="mt-0.5 text-muted">It waits for the current in-sync replicas; min.insync.replicas sets how few are acceptable.</p>
              </div>
            </li>
          </ul>
        </Card>
      </section>

      <section aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="text-2xl font-semibold tracking-tight">
          How it works
        </h2>
        <ol className="mt-6 grid gap-4 md:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step.title} className="rounded-2xl border border-border bg-surface p-5">
              <span className="inline-flex h-7 w-7 items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent-strong">{index + 1}</span>
              <h3 className="mt-3 font-semibold">{step.title}</h3>
              <p className="mt-1.5 text-sm leading-relaxed text-muted">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="tracks">
        <div className="flex items-end justify-between gap-4">
          <h2 id="tracks" className="text-2xl font-semibold tracking-tight">
            Tracks
          </h2>
          <Link href="/questions" className="text-sm font-medium text-accent hover:underline">
            Browse all questions →
          </Link>
        </div>
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {bank.tracks.map((track) => (
            <li key={track.id}>
              <Link href={`/questions?track=${track.id}`} className="group block h-full rounded-2xl border border-border bg-surface p-6 transition-colors hover:border-accent/60" data-testid="track-card">
                <div className="flex items-baseline justify-between gap-3">
                  <h3 className="text-lg font-semibold group-hover:text-accent-strong">{track.title}</h3>
                  <span className="text-sm text-muted">{counts.get(track.id) ?? 0} questions</span>
                </div>
                <p className="mt-2 text-sm leading-relaxed text-muted">{track.summary}</p>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="levels">
        <h2 id="levels" className="text-2xl font-semibold tracking-tight">
          Five levels, like a real interview loop
        </h2>
        <p className="mt-2 max-w-2xl text-muted">A mock interview climbs them in order, from a warm-up to a final-boss production incident.</p>
        <ul className="mt-5 flex flex-wrap gap-2">
          {LEVELS.map((level) => (
            <li key={level.id}>
              <Link href={`/questions?level=${level.id}`} className="inline-block rounded-full transition-opacity hover:opacity-80">
                <LevelBadge level={level.id} />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
