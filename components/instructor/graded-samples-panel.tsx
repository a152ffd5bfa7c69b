"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { callApi } from "./api-client";
import { StatusMessage, type StatusNote } from "./status-message";

export interface GradedSampleView {
  id: string;
  label: string;
  text: string;
  expectedScore: number;
  added: string;
}

type Field = "label" | "text" | "expectedScore";

const FIELD_CLASSES = "mt-1 block w-full rounded-lg border bg-surface px-3 py-2 text-sm text-text focus:border-accent focus:outline-none";

/**
 * Answers the instructor grades by hand. The test bench scores every draft against them, so a
 * question without a calibration set still gets an agreement figure worth reading.
 */
export function GradedSamplesPanel({ slug, samples, max }: { slug: string; samples: GradedSampleView[]; max: number }) {
  const router = useRouter();
  const id = useId();
  const [label, setLabel] = useState("");
  const [text, setText] = useState("");
  const [expected, setExpected] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [note, setNote] = useState<StatusNote | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const url = `/api/instructor/questions/${encodeURIComponent(slug)}/samples`;

  async function add(event: FormEvent) {
    event.preventDefault();
    const score = Number(expected.replace(",", "."));
    const local: Partial<Record<Field, string>> = {};
    if (!label.trim()) local.label = "Give it a short label, e.g. “Knows acks, misses min.insync.replicas”.";
    if (!text.trim()) local.text = "Paste the answer to grade.";
    if (!expected.trim() || !Number.isFinite(score) || score < 0 || score > 10) local.expectedScore = "Enter the score it should get, from 0 to 10.";
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setPending(true);
    const result = await callApi<{ sample: { id: string } }>(url, { body: { label, text, expectedScore: score } });
    setPending(false);
    if (!result.ok) {
      const field = result.error.field as Field | undefined;
      if (field && ["label", "text", "expectedScore"].includes(field)) setErrors({ [field]: result.error.message });
      setNote({ tone: "bad", text: result.error.message });
      return;
    }
    setLabel("");
    setText("");
    setExpected("");
    setNote({ tone: "good", text: `Added “${label.trim()}”. The test bench scores it from the next run.` });
    router.refresh();
  }

  async function remove(sample: GradedSampleView) {
    setConfirming(null);
    setPending(true);
    const result = await callApi<null>(`${url}/${sample.id}`, { method: "DELETE" });
    setPending(false);
    setNote(result.ok ? { tone: "good", text: `Deleted “${sample.label}”. The audit log keeps its text.` } : { tone: "bad", text: result.error.message });
    router.refresh();
  }

  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `${id}-${field}-error` : undefined,
    className: cn(FIELD_CLASSES, errors[field] ? "border-bad" : "border-border"),
  });
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-bad" data-testid={`sample-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <div className="flex flex-col gap-4" data-testid="graded-samples">
      {samples.length === 0 ? (
        <p className="text-sm text-muted">No graded answers yet. Add a few of different quality — the bench compares each draft&apos;s scores with yours.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {samples.map((sample) => (
            <li key={sample.id} className="rounded-xl border border-border p-3" data-testid="graded-sample">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    {sample.label} <span className="ml-1 text-sm font-normal text-muted tabular-nums">expected {sample.expectedScore.toFixed(1)}/10</span>
                  </p>
                  <p className="text-xs text-muted">added {sample.added}</p>
                </div>
                {confirming === sample.id ? (
                  <div className="flex gap-2">
                    <Button size="sm" variant="secondary" className="border-bad/40 text-bad" onClick={() => void remove(sample)} disabled={pending} data-testid="sample-delete-confirm">
                      Delete “{sample.label}”
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Keep
                    </Button>
                  </div>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(sample.id)} disabled={pending} aria-label={`Delete the graded answer “${sample.label}”`} data-testid="sample-delete">
                    Delete
                  </Button>
                )}
              </div>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-muted">The answer</summary>
                <p className="mt-2 whitespace-pre-wrap">{sample.text}</p>
              </details>
            </li>
          ))}
        </ul>
      )}

      <StatusMessage note={note} testId="samples-status" />

      {samples.length < max ? (
        <form onSubmit={add} className="grid gap-3 rounded-xl border border-dashed border-border p-4 sm:grid-cols-[1fr_9rem]" noValidate data-testid="sample-form">
          <div>
            <label htmlFor={`${id}-label`} className="text-sm font-medium">
              Label
            </label>
            <input {...fieldProps("label")} value={label} onChange={(event) => setLabel(event.target.value)} maxLength={120} placeholder="e.g. Knows acks, misses min.insync.replicas" data-testid="sample-label" />
            {fieldError("label")}
          </div>
          <div>
            <label htmlFor={`${id}-expectedScore`} className="text-sm font-medium">
              Expected score
            </label>
            <input {...fieldProps("expectedScore")} type="number" min={0} max={10} step={0.5} inputMode="decimal" value={expected} onChange={(event) => setExpected(event.target.value)} data-testid="sample-score" />
            {fieldError("expectedScore")}
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-text`} className="text-sm font-medium">
              Answer
            </label>
            <textarea {...fieldProps("text")} rows={5} value={text} onChange={(event) => setText(event.target.value)} data-testid="sample-text" />
            {fieldError("text")}
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending} data-testid="sample-add">
              Add graded answer
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-muted">This question keeps at most {max} graded answers; delete one to add another.</p>
      )}
    </div>
  );
}
