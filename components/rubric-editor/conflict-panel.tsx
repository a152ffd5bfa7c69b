"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Rubric } from "@/lib/content/schema";
import { summariseDiff, type RubricDiff } from "@/lib/rubrics/diff";
import { plural } from "@/lib/format/text";

export interface ConflictDetails {
  baseVersion: number;
  latest: { version: number; rubric: Rubric; authorName: string | null; note: string | null };
  theirs: RubricDiff;
  yours: RubricDiff;
}

export function isConflictDetails(value: unknown): value is ConflictDetails {
  if (typeof value !== "object" || value === null) return false;
  const details = value as Record<string, unknown>;
  const latest = details.latest as Record<string, unknown> | undefined;
  return (
    typeof details.baseVersion === "number" &&
    typeof latest === "object" &&
    latest !== null &&
    typeof latest.version === "number" &&
    typeof latest.rubric === "object" &&
    isDiff(details.theirs) &&
    isDiff(details.yours)
  );
}

function isDiff(value: unknown): value is RubricDiff {
  if (typeof value !== "object" || value === null) return false;
  const diff = value as Record<string, unknown>;
  return Array.isArray(diff.added) && Array.isArray(diff.removed) && Array.isArray(diff.changed);
}

const short = (value: unknown) => {
  if (value === undefined) return "none";
  const text = Array.isArray(value) ? plural(value.length, "pattern") : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

function touchedIds(diff: RubricDiff) {
  return new Set([...diff.added.map((item) => item.id), ...diff.removed.map((item) => item.id), ...diff.changed.map((entry) => entry.id)]);
}

/** "Their changes" and "your changes" side by side, and a way forward that overwrites nothing. */
export function ConflictPanel({ details, onRebase, onDismiss }: { details: ConflictDetails; onRebase: () => void; onDismiss: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const theirIds = touchedIds(details.theirs);
  const both = [...touchedIds(details.yours)].filter((id) => theirIds.has(id));
  const who = details.latest.authorName ? ` by ${details.latest.authorName}` : "";

  return (
    <section className="rounded-2xl border border-warn/50 bg-warn-soft/40 p-4" aria-labelledby="conflict-heading" data-testid="conflict-panel">
      <h2 id="conflict-heading" ref={headingRef} tabIndex={-1} className="text-base font-semibold outline-none">
        Version {details.latest.version} was saved{who} while you were editing
      </h2>
      <p className="mt-1 text-sm leading-relaxed">
        You started from version {details.baseVersion}. Nothing was saved and nothing was overwritten: your draft is still here. Compare the two sets of changes,
        then put your draft on top of version {details.latest.version}.
      </p>
      {both.length ? (
        <p className="mt-2 rounded-lg bg-surface px-3 py-2 text-sm" role="note">
          <span className="font-medium">Both of you changed:</span> {both.join(", ")}. Saving your draft replaces their version of {both.length === 1 ? "that item" : "those items"}; check it first.
        </p>
      ) : null}
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <DiffColumn title={`Their changes (v${details.baseVersion} → v${details.latest.version})`} diff={details.theirs} note={details.latest.note} testId="conflict-theirs" />
        <DiffColumn title={`Your changes (v${details.baseVersion} → your draft)`} diff={details.yours} testId="conflict-yours" />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={onRebase} data-testid="conflict-rebase">
          Start from version {details.latest.version} and re-apply my draft
        </Button>
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          Keep editing
        </Button>
      </div>
      <p className="mt-2 text-xs text-muted">
        Re-applying keeps your draft exactly as it is and saves it as the version after {details.latest.version}. Their changes stay in version {details.latest.version}{" "}
        and its history.
      </p>
    </section>
  );
}

function DiffColumn({ title, diff, note, testId }: { title: string; diff: RubricDiff; note?: string | null; testId: string }) {
  return (
    <div className="rounded-xl border border-border bg-surface p-3" data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {note ? <p className="mt-0.5 text-xs text-muted italic">“{note}”</p> : null}
      <p className="mt-1 text-xs text-muted">{summariseDiff(diff)}</p>
      <ul className="mt-2 space-y-1 text-xs">
        {diff.added.map((item) => (
          <li key={`a-${item.id}`}>
            <span className="font-medium text-good">Added</span> {item.label} <span className="font-mono text-muted">({item.id})</span>
          </li>
        ))}
        {diff.removed.map((item) => (
          <li key={`r-${item.id}`}>
            <span className="font-medium text-bad">Removed</span> {item.label} <span className="font-mono text-muted">({item.id})</span>
          </li>
        ))}
        {diff.changed.map((entry) => (
          <li key={`c-${entry.id}`}>
            <span className="font-medium">Changed</span> {entry.label} <span className="font-mono text-muted">({entry.id})</span>
            <ul className="mt-0.5 ml-3 list-disc pl-2 text-muted">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {change.field}: {short(change.before)} → {short(change.after)}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {diff.reordered ? <li className="text-muted">Items were reordered.</li> : null}
        {diff.identical ? <li className="text-muted">No changes.</li> : null}
      </ul>
    </div>
  );
}
