import Link from "next/link";
import type { CompareSide, Comparison, ItemChange, ItemDiff } from "@/lib/history/compare";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/format/text";
import { formatDateTime, formatDuration, formatScore, KIND_LABELS } from "./format";
import { DeltaBadge, ScoreBadge } from "./score-badge";

function Side({ side, label }: { side: CompareSide; label: string }) {
  return (
    <div className="rounded-2xl border border-border bg-surface p-5" data-testid={`compare-${label.toLowerCase()}`}>
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p className="mt-1 font-semibold leading-snug">{side.question.title}</p>
      <p className="mt-0.5 text-sm text-muted">
        {formatDateTime(side.createdAt)}
        {side.timeSpentMs ? ` · ${formatDuration(side.timeSpentMs)}` : ""}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ScoreBadge score={side.score} className="text-base" />
        {side.scorer ? <Badge tone={side.scorer === "llm" ? "accent" : "neutral"}>{side.scorer === "llm" ? "AI scorer" : "Rules scorer"}</Badge> : null}
        {side.rubricVersion ? <Badge>Rubric {side.rubricVersion}</Badge> : null}
      </div>
      <Link href={`/attempts/${side.id}`} className="mt-3 inline-block text-sm font-medium text-accent hover:underline">
        Open feedback
      </Link>
    </div>
  );
}

function Evidence({ quotes, tone }: { quotes: string[]; tone: "good" | "bad" | "muted" }) {
  if (quotes.length === 0) return null;
  return (
    <div className="mt-1.5 space-y-1">
      {quotes.slice(0, 2).map((quote) => (
        <blockquote key={quote} className={cn("border-l-2 pl-3 text-sm leading-relaxed text-muted", tone === "good" ? "border-good" : tone === "bad" ? "border-bad" : "border-border")}>
          &ldquo;{quote}&rdquo;
        </blockquote>
      ))}
    </div>
  );
}

function Entry({ item, show }: { item: ItemDiff; show: "before" | "after" | "hint" | "both" }) {
  const before = item.before;
  const after = item.after;
  const hint = after?.hint ?? before?.hint;
  const correction = after?.correction ?? before?.correction;
  return (
    <li className="rounded-xl border border-border p-3.5">
      <div className="flex items-start justify-between gap-3">
        <p className="font-medium leading-snug">{item.label}</p>
        {item.kind !== "required" ? <Badge tone={item.kind === "misconception" ? "warn" : "neutral"}>{KIND_LABELS[item.kind]}</Badge> : null}
      </div>
      {show === "after" || show === "both" ? (
        <>
          {show === "both" ? <p className="mt-1.5 text-xs font-medium text-muted">Now</p> : null}
          <Evidence quotes={after?.evidence ?? []} tone={item.kind === "misconception" ? "bad" : "good"} />
        </>
      ) : null}
      {show === "before" ? (
        <>
          <p className="mt-1.5 text-xs font-medium text-muted">Before, you said</p>
          <Evidence quotes={before?.evidence ?? []} tone="muted" />
        </>
      ) : null}
      {(show === "before" || show === "hint") && item.kind !== "misconception" && hint ? (
        <p className="mt-2 text-sm leading-relaxed text-muted">
          <span className="font-medium text-text">Say it like this: </span>
          {hint}
        </p>
      ) : null}
      {item.kind === "misconception" && correction && (show === "hint" || show === "both" || show === "before") ? (
        <p className="mt-2 text-sm leading-relaxed text-muted">
          <span className="font-medium text-text">What is true: </span>
          {correction}
        </p>
      ) : null}
    </li>
  );
}

const GROUPS: { change: ItemChange; title: string; tone: "good" | "bad" | "warn" | "neutral"; empty: string; show: "before" | "after" | "hint" | "both" }[] = [
  { change: "gained", title: "Gained", tone: "good", empty: "No new points this time.", show: "after" },
  { change: "lost", title: "Lost", tone: "bad", empty: "Nothing you covered before was dropped.", show: "before" },
  { change: "still-missing", title: "Still missing", tone: "warn", empty: "Nothing missing in both.", show: "hint" },
  { change: "fixed", title: "Misconceptions fixed", tone: "good", empty: "", show: "hint" },
  { change: "new-misconception", title: "New misconceptions", tone: "bad", empty: "", show: "both" },
  { change: "repeated-misconception", title: "Misconceptions repeated", tone: "bad", empty: "", show: "both" },
];

const TONE_TEXT = { good: "text-good", bad: "text-bad", warn: "text-warn", neutral: "text-muted" } as const;

function Group({ title, tone, items, empty, show, testId }: { title: string; tone: keyof typeof TONE_TEXT; items: ItemDiff[]; empty: string; show: "before" | "after" | "hint" | "both"; testId: string }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-2xl border border-border bg-surface p-5" data-testid={testId}>
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <span className={TONE_TEXT[tone]}>{title}</span>
        <span className="rounded-full bg-surface-2 px-2 py-0.5 text-xs font-medium text-muted tabular-nums">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2.5">
          {items.map((item) => (
            <Entry key={item.itemId} item={item} show={show} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Two attempts side by side, then every rubric point sorted by what happened to it. */
export function CompareView({ comparison }: { comparison: Comparison }) {
  const { before, after, groups } = comparison;
  const misconceptionGroups = GROUPS.filter((group) => group.change.includes("misconception") || group.change === "fixed").filter((group) => groups[group.change].length > 0);
  return (
    <div className="flex flex-col gap-6" data-testid="compare-view">
      <div className="grid items-stretch gap-4 md:grid-cols-[1fr_auto_1fr]">
        <Side side={before} label="Before" />
        <div className="flex items-center justify-center text-2xl text-muted" aria-hidden="true">
          <span className="rotate-90 md:rotate-0">→</span>
        </div>
        <Side side={after} label="After" />
      </div>

      <div className="rounded-2xl border border-border bg-surface-2/60 px-5 py-4" data-testid="compare-summary">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-medium">Score</span>
          {comparison.delta === null ? (
            <span className="text-muted">— one of these attempts has no score yet.</span>
          ) : (
            <>
              <span className="tabular-nums text-muted">
                {formatScore(before.score)} → {formatScore(after.score)}
              </span>
              <DeltaBadge delta={comparison.delta} />
            </>
          )}
        </p>
        {comparison.sameQuestion ? (
          <p className="mt-1 text-sm text-muted">
            {groups.gained.length} gained · {groups.lost.length} lost · {groups["still-missing"].length} still missing · {groups.kept.length} kept
            {groups.fixed.length ? ` · ${plural(groups.fixed.length, "misconception")} fixed` : ""}
          </p>
        ) : null}
      </div>

      {!comparison.sameQuestion ? (
        <div className="rounded-2xl border border-warn/30 bg-warn-soft px-5 py-4 text-sm leading-relaxed" role="note" data-testid="compare-different-questions">
          <p className="font-medium text-warn">These are answers to different questions.</p>
          <p className="mt-1">
            Their rubric points do not line up, so there is nothing to gain or lose between them. Below is what each answer covered and missed. For a like-for-like comparison, pick two attempts at the same question.
          </p>
        </div>
      ) : null}

      {comparison.sameQuestion ? (
        <>
          <div className="grid gap-4 lg:grid-cols-3">
            {GROUPS.slice(0, 3).map((group) => (
              <Group key={group.change} title={group.title} tone={group.tone} items={groups[group.change]} empty={group.empty} show={group.show} testId={`compare-${group.change}`} />
            ))}
          </div>
          {misconceptionGroups.length > 0 ? (
            <div className="grid gap-4 lg:grid-cols-3">
              {misconceptionGroups.map((group) => (
                <Group key={group.change} title={group.title} tone={group.tone} items={groups[group.change]} empty={group.empty} show={group.show} testId={`compare-${group.change}`} />
              ))}
            </div>
          ) : null}
          {groups.kept.length > 0 ? (
            <details className="rounded-2xl border border-border bg-surface p-5" data-testid="compare-kept">
              <summary className="cursor-pointer font-semibold">
                Kept <span className="ml-1 rounded-full bg-surface-2 px-2 py-0.5 text-xs font-medium text-muted tabular-nums">{groups.kept.length}</span>
                <span className="ml-2 text-sm font-normal text-muted">covered both times</span>
              </summary>
              <ul className="mt-3 grid gap-2.5 md:grid-cols-2">
                {groups.kept.map((item) => (
                  <Entry key={item.itemId} item={item} show="after" />
                ))}
              </ul>
            </details>
          ) : null}
          {groups["only-before"].length + groups["only-after"].length > 0 ? (
            <p className="text-sm text-muted">
              The rubric changed between these attempts: {groups["only-before"].length + groups["only-after"].length} point(s) were checked in only one of them.
            </p>
          ) : null}
        </>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {([
            ["Before", before, groups["only-before"]],
            ["After", after, groups["only-after"]],
          ] as const).map(([label, side, items]) => (
            <section key={label} aria-label={`${label}: ${side.question.title}`} className="min-w-0 rounded-2xl border border-border bg-surface p-5">
              <h2 className="text-base font-semibold">
                {label}: <span className="font-normal text-muted">{side.question.title}</span>
              </h2>
              <ul className="mt-3 flex flex-col gap-1.5 text-sm">
                {items.map((item) => {
                  const own = item.before ?? item.after;
                  const good = own ? (item.kind === "misconception" ? !own.met : own.met) : false;
                  return (
                    <li key={item.itemId} className="flex items-start gap-2">
                      <span className={cn("mt-0.5 font-semibold", good ? "text-good" : "text-bad")} aria-hidden="true">
                        {good ? "✓" : "✕"}
                      </span>
                      <span>
                        {item.label}
                        <span className="sr-only">{good ? " (covered)" : item.kind === "misconception" ? " (claimed)" : " (missed)"}</span>
                        {item.kind !== "required" ? <span className="ml-1 text-xs text-muted">· {KIND_LABELS[item.kind].toLowerCase()}</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
