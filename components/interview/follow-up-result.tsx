import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { FollowUpItem } from "@/lib/practice/follow-up";
import type { InterviewFollowUp } from "@/lib/practice/interview";

function scoreTone(score: number) {
  if (score >= 8) return "text-good";
  if (score >= 5) return "text-accent-strong";
  return "text-warn";
}

function itemState(item: FollowUpItem) {
  if (item.met) return item.depth === "named" ? { label: "Named, not explained", tone: "warn" as const } : { label: "Covered", tone: "good" as const };
  return item.rejected ? { label: "Waved away", tone: "warn" as const } : { label: "Missed", tone: "warn" as const };
}

// The follow-up after it was answered (its score on the point it pressed on, the words of the reply
// that earned it, or how to say it) or skipped. Drawn under the main feedback and in the summary.
// Presentational only, so both the server page and the summary's accordion can use it.
export function FollowUpResult({ followUp, promptHtml, headingId, headingLevel = 2 }: { followUp: InterviewFollowUp; promptHtml: string; headingId: string; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const outcome = followUp.status === "answered" ? followUp.outcome : null;
  const targetIds = new Set(followUp.targets.map((target) => target.id));
  const targets = outcome?.items.filter((item) => targetIds.has(item.id)) ?? [];
  const claims = outcome?.items.filter((item) => !targetIds.has(item.id) && item.kind === "misconception" && item.met) ?? [];
  const flags = outcome?.flags.filter((flag) => flag.code !== "crammed") ?? [];
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-border bg-surface p-5 sm:p-6" data-testid="follow-up-result" data-status={followUp.status}>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-muted">{followUp.source === "llm" ? "Follow-up (written for your answer)" : "Follow-up"}</p>
          <Heading id={headingId} tabIndex={-1} className="mt-1 scroll-mt-24 font-semibold text-balance outline-none" data-testid="follow-up-result-prompt">
            <span dangerouslySetInnerHTML={{ __html: promptHtml }} />
          </Heading>
        </div>
        {followUp.status === "answered" ? (
          followUp.score === null ? (
            <Badge>Not scored</Badge>
          ) : (
            <p className="flex items-baseline gap-1 whitespace-nowrap">
              <span className={cn("text-3xl font-semibold tabular-nums", scoreTone(followUp.score))} data-testid="follow-up-score">
                {followUp.score.toFixed(1)}
              </span>
              <span className="text-muted">/ 10</span>
            </p>
          )
        ) : (
          <span data-testid="follow-up-skipped">
            <Badge>{followUp.status === "skipped" ? "Skipped" : "Not answered"}</Badge>
          </span>
        )}
      </div>

      {followUp.targets.length > 0 ? (
        <p className="mt-3 text-sm text-muted">
          {followUp.status === "answered" ? "Scored on the point it pressed on: " : "It pressed on: "}
          <span className="font-medium text-text" data-testid="follow-up-target">
            {followUp.targets.map((target) => target.label).join("; ")}
          </span>
        </p>
      ) : null}

      {followUp.status === "answered" && followUp.score === null ? (
        <p className="mt-3 text-sm text-muted">Your reply is saved, but the checklist point it asked about has changed since, so it was not scored.</p>
      ) : null}

      {targets.length > 0 ? (
        <ul className="mt-4 space-y-3">
          {targets.map((item) => {
            const state = itemState(item);
            return (
              <li key={item.id} className="rounded-xl border border-border p-3.5" data-testid="follow-up-point" data-met={item.met}>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {item.label}
                  <Badge tone={state.tone}>{state.label}</Badge>
                </p>
                {item.evidence[0] ? (
                  <blockquote className={cn("mt-1.5 border-l-2 pl-3 text-sm text-muted", item.met ? "border-good" : "border-warn")}>
                    {item.rejected ? "You said: " : ""}&ldquo;{item.evidence[0]}&rdquo;
                  </blockquote>
                ) : null}
                {(!item.met || item.depth === "named") && item.hint ? (
                  <p className="mt-1.5 text-sm leading-relaxed text-muted">
                    <span className="font-medium text-text">{item.met ? "Say how it works: " : "Say it like this: "}</span>
                    {item.hint}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}

      {claims.length > 0 ? (
        <ul className="mt-4 space-y-3 rounded-xl border border-bad/30 bg-bad-soft/40 p-3.5" data-testid="follow-up-claims">
          {claims.map((item) => (
            <li key={item.id} className="text-sm">
              <p className="font-medium">{item.label.replace(/^Misconception:\s*/i, "")}</p>
              {item.evidence[0] ? <blockquote className="mt-1 border-l-2 border-bad pl-3 text-muted">You said: &ldquo;{item.evidence[0]}&rdquo;</blockquote> : null}
              {item.correction ? (
                <p className="mt-1 leading-relaxed">
                  <span className="font-medium">Actually: </span>
                  {item.correction}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {flags.length > 0 ? (
        <ul className="mt-4 space-y-2">
          {flags.map((flag) => (
            <li key={flag.code} className="rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-sm">
              {flag.message}
            </li>
          ))}
        </ul>
      ) : null}

      {followUp.answer ? (
        <details className="group mt-4 text-sm">
          <summary className="w-fit cursor-pointer rounded text-muted underline decoration-dotted underline-offset-4 hover:text-text focus-visible:ring-2 focus-visible:ring-[var(--ring)] focus-visible:outline-none">
            Your reply
          </summary>
          <blockquote className="mt-2 border-l-2 border-accent pl-3 whitespace-pre-wrap" data-testid="follow-up-answer">
            {followUp.answer}
          </blockquote>
        </details>
      ) : null}
    </section>
  );
}
