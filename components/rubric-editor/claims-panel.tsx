"use client";

// The shared false-claim catalogue, as the rubric editor shows it: every question is scored against all
// of it, so the panel lists the claims (those this question's graded answers make first), tries a
// sentence against them, copies one into this rubric as a misconception, and drafts a new shared claim
// whose `says` and near-miss sentences are checked live, ready to paste into content/claims.
import { useDeferredValue, useId, useMemo, useState } from "react";
import { stringify } from "yaml";
import { Button } from "@/components/ui/button";
import type { ClaimCatalogue, FalseClaim } from "@/lib/content/claims";
import { parseConceptPattern, PatternSyntaxError } from "@/lib/content/concept-pattern";
import type { Vocabulary } from "@/lib/content/schema";
import { falseClaimsIn } from "@/lib/scoring/false-claims";
import type { DraftAction } from "./draft-state";
import type { CalibrationSample } from "./types";
import { plural } from "@/lib/format/text";

const SHOWN = 6;

export function ClaimsPanel({
  claims,
  vocabulary,
  samples,
  canAdd,
  onAdd,
}: {
  claims: ClaimCatalogue;
  vocabulary: Vocabulary;
  samples: CalibrationSample[];
  canAdd: boolean;
  onAdd: (action: DraftAction) => void;
}) {
  const ids = { heading: useId(), search: useId(), trial: useId() };
  const [query, setQuery] = useState("");
  const [all, setAll] = useState(false);
  const [trial, setTrial] = useState("");
  const deferredTrial = useDeferredValue(trial);

  // How many of this question's graded answers make each claim: the claims that matter here come first.
  const seen = useMemo(() => {
    const counts = new Map<string, number>();
    for (const sample of samples) for (const hit of falseClaimsIn(sample.text, vocabulary, claims)) counts.set(hit.id, (counts.get(hit.id) ?? 0) + 1);
    return counts;
  }, [samples, vocabulary, claims]);

  const listed = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matching = claims.filter((claim) => !needle || `${claim.claim} ${claim.topic} ${claim.correction} ${claim.id}`.toLowerCase().includes(needle));
    return [...matching].sort((a, b) => (seen.get(b.id) ?? 0) - (seen.get(a.id) ?? 0) || a.topic.localeCompare(b.topic));
  }, [claims, query, seen]);
  const trialHits = useMemo(() => (deferredTrial.trim() ? falseClaimsIn(deferredTrial, vocabulary, claims) : []), [deferredTrial, vocabulary, claims]);
  const byId = useMemo(() => new Map(claims.map((claim) => [claim.id, claim])), [claims]);

  return (
    <section aria-labelledby={ids.heading} className="rounded-2xl border border-border bg-surface p-4" data-testid="claims-panel">
      <h2 id={ids.heading} className="text-base font-semibold">
        Shared false claims
      </h2>
      <p className="mt-1 text-xs text-muted">
        Every question is scored against all {claims.length} claims of the catalogue (<code>content/claims</code>): a false claim costs points wherever it is
        made. {seen.size > 0 ? `${seen.size} of them turn up in this question's graded answers and are listed first.` : ""}
      </p>

      <label htmlFor={ids.search} className="mt-3 block text-xs font-medium">
        Search claims
      </label>
      <input
        id={ids.search}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="compaction, acks, watermark…"
        className="mt-1 w-full rounded-lg border border-border bg-bg px-2.5 py-1.5 text-sm"
        data-testid="claims-search"
      />
      <ul className="mt-2 space-y-2" data-testid="claims-list">
        {(all ? listed : listed.slice(0, SHOWN)).map((claim) => (
          <li key={claim.id} className="rounded-lg border border-border p-2.5 text-sm" data-testid="claim" data-claim-id={claim.id}>
            <p className="font-medium">{claim.claim}</p>
            <p className="mt-0.5 text-xs text-muted">
              {claim.topic} · weight {claim.weight}
              {seen.get(claim.id) ? ` · made by ${plural(seen.get(claim.id)!, "graded answer")} here` : ""} · {claim.sourcePath}:{claim.line}
            </p>
            <p className="mt-1 text-xs leading-relaxed">
              <span className="font-medium">Actually: </span>
              {claim.correction}
            </p>
            {claim.setting ? (
              <p className="mt-1 text-xs text-muted" data-testid="claim-setting">
                Checked by value: any sentence that gives <code>{claim.setting.names[0]}</code> a default other than {claim.setting.default}. It applies to every question
                as it is, so there is nothing to copy into a rubric.
              </p>
            ) : (
              <Button
                variant="ghost"
                size="sm"
                className="mt-1"
                disabled={!canAdd}
                onClick={() => onAdd({ type: "add-misconception", id: claim.id, label: claim.claim, weight: claim.weight, concept: claim.concept, near: claim.near, correction: claim.correction })}
                data-testid="claim-add"
              >
                Add to this rubric as a misconception
              </Button>
            )}
          </li>
        ))}
      </ul>
      {listed.length > SHOWN ? (
        <Button variant="ghost" size="sm" className="mt-1" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? "Show fewer" : `Show all ${listed.length}`}
        </Button>
      ) : null}
      {listed.length === 0 ? <p className="mt-2 text-xs text-muted">No claim matches “{query}”.</p> : null}

      <label htmlFor={ids.trial} className="mt-4 block text-xs font-medium">
        Try a sentence
      </label>
      <textarea
        id={ids.trial}
        value={trial}
        onChange={(event) => setTrial(event.target.value)}
        rows={2}
        placeholder="Compaction deletes everything older than retention.ms."
        className="mt-1 w-full rounded-lg border border-border bg-bg px-2.5 py-1.5 text-sm"
        data-testid="claims-trial"
      />
      <p className="mt-1 text-xs" role="status" data-testid="claims-trial-result">
        {deferredTrial.trim()
          ? trialHits.length
            ? `Makes ${trialHits.length === 1 ? "a false claim" : `${trialHits.length} false claims`}: ${trialHits.map((hit) => byId.get(hit.id)?.claim ?? hit.id).join("; ")}.`
            : "Makes none of the catalogue's false claims."
          : ""}
      </p>

      <NewClaimDraft vocabulary={vocabulary} />
    </section>
  );
}

/** A new shared claim drafted in the editor: checked live, then copied as YAML into content/claims. */
function NewClaimDraft({ vocabulary }: { vocabulary: Vocabulary }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ id: "", topic: "", track: "kafka", claim: "", correction: "", concept: "", says: "", nearMiss: "" });
  const [copied, setCopied] = useState(false);
  const lines = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const deferred = useDeferredValue(fields);
  const check = useMemo(() => checkDraft(deferred, vocabulary, lines), [deferred, vocabulary]);
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => {
    setCopied(false);
    setFields({ ...fields, [key]: event.target.value });
  };
  const yaml = check.claim ? stringify([{ ...check.claim, track: undefined, sourcePath: undefined, line: undefined }]).trim() : "";

  if (!open) {
    return (
      <Button variant="secondary" size="sm" className="mt-4" onClick={() => setOpen(true)} data-testid="claim-new">
        Draft a new shared claim
      </Button>
    );
  }
  const input = "mt-0.5 w-full rounded-lg border border-border bg-bg px-2 py-1 text-sm";
  return (
    <fieldset className="mt-4 rounded-lg border border-border p-3" data-testid="claim-draft">
      <legend className="px-1 text-sm font-medium">New shared claim</legend>
      <p className="text-xs text-muted">It joins the catalogue when the YAML below is added to content/claims and reviewed like any content change.</p>
      {(
        [
          ["id", "Id (kebab-case)", "input"],
          ["topic", "Topic", "input"],
          ["claim", "The false claim, as a candidate says it", "input"],
          ["correction", "What is actually true", "textarea"],
          ["concept", "Patterns, one per line", "textarea"],
          ["says", "Sentences that make the claim, one per line", "textarea"],
          ["nearMiss", "Near misses that must not trip it, one per line", "textarea"],
        ] as const
      ).map(([key, label, kind]) => (
        <label key={key} htmlFor={`${id}-${key}`} className="mt-2 block text-xs font-medium">
          {label}
          {kind === "input" ? (
            <input id={`${id}-${key}`} value={fields[key]} onChange={set(key)} className={input} />
          ) : (
            <textarea id={`${id}-${key}`} value={fields[key]} onChange={set(key)} rows={2} className={input} />
          )}
        </label>
      ))}
      <label htmlFor={`${id}-track`} className="mt-2 block text-xs font-medium">
        Track
        <select id={`${id}-track`} value={fields.track} onChange={set("track")} className={input}>
          <option value="kafka">Kafka</option>
          <option value="streaming">Stream processing</option>
        </select>
      </label>
      <ul className="mt-2 space-y-0.5 text-xs" aria-live="polite" data-testid="claim-draft-checks">
        {check.problems.map((problem) => (
          <li key={problem} className="text-bad">
            {problem}
          </li>
        ))}
        {check.results.map((result) => (
          <li key={`${result.kind}:${result.sentence}`} className={result.ok ? "text-good" : "text-bad"}>
            {result.ok ? "✓" : "✗"} {result.kind === "says" ? "trips" : "does not trip"}: “{result.sentence}”
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        size="sm" className="mt-2"
        disabled={!check.claim || check.problems.length > 0 || check.results.some((result) => !result.ok)}
        onClick={() => void navigator.clipboard?.writeText(yaml).then(() => setCopied(true))}
        data-testid="claim-copy"
      >
        {copied ? "Copied" : "Copy as YAML for content/claims"}
      </Button>
    </fieldset>
  );
}

interface DraftFields {
  id: string;
  topic: string;
  track: string;
  claim: string;
  correction: string;
  concept: string;
  says: string;
  nearMiss: string;
}

function checkDraft(fields: DraftFields, vocabulary: Vocabulary, lines: (text: string) => string[]) {
  const problems: string[] = [];
  const concept = lines(fields.concept);
  const says = lines(fields.says);
  const nearMiss = lines(fields.nearMiss);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fields.id)) problems.push("The id must be kebab-case.");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fields.topic)) problems.push("The topic must be kebab-case.");
  if (fields.claim.trim().length < 8) problems.push("Write the claim as a full sentence.");
  if (fields.correction.trim().length < 8) problems.push("Write the correction as a full sentence.");
  if (concept.length === 0) problems.push("Add at least one pattern.");
  if (says.length === 0) problems.push("Add at least one sentence that makes the claim.");
  if (nearMiss.length === 0) problems.push("Add at least one near miss.");
  for (const pattern of concept) {
    try {
      parseConceptPattern(pattern);
    } catch (error) {
      problems.push(error instanceof PatternSyntaxError ? error.message : `Pattern "${pattern}" cannot be read.`);
    }
  }
  if (problems.length > 0) return { problems, results: [], claim: null };
  const claim: FalseClaim = {
    id: fields.id,
    topic: fields.topic,
    claim: fields.claim.trim(),
    correction: fields.correction.trim(),
    weight: 2,
    concept,
    says,
    nearMiss,
    track: fields.track,
    sourcePath: "draft",
    line: 0,
  };
  try {
    const trips = (sentence: string) => falseClaimsIn(sentence, vocabulary, [claim]).length > 0;
    const results = [...says.map((sentence) => ({ kind: "says" as const, sentence, ok: trips(sentence) })), ...nearMiss.map((sentence) => ({ kind: "nearMiss" as const, sentence, ok: !trips(sentence) }))];
    return { problems, results, claim };
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : "The patterns cannot be compiled."], results: [], claim: null };
  }
}
