"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { RescoreJobView } from "@/lib/db/rescore";
import { pluralGrouped } from "@/lib/format/text";
import { callApi } from "./api-client";

/** What the progress bar needs of a re-score job (lib/db/rescore.ts). */
export type RescoreJobData = Pick<RescoreJobView, "id" | "version" | "status" | "total" | "processed" | "failed" | "error">;

const POLL_MS = 1000;
const finished = (job: RescoreJobData) => job.status === "done" || job.status === "failed";

/** What a finished (or stopped) re-score did, in one sentence. */
export function rescoreSummary(job: RescoreJobData): string {
  const rescored = Math.max(0, job.processed - job.failed);
  if (job.status === "failed") {
    return `The re-score under v${job.version} stopped after ${rescored} of ${pluralGrouped(job.total, "attempt")}${job.error ? `: ${job.error}` : "."} Attempts it did not reach keep their earlier score.`;
  }
  if (job.total === 0) return `There were no scored attempts to re-score under v${job.version}.`;
  if (job.failed > 0) {
    return `Re-scored ${rescored} of ${pluralGrouped(job.total, "attempt")} under v${job.version}; ${job.failed} could not be re-scored and keep their earlier score. Originals kept.`;
  }
  return `Re-scored ${pluralGrouped(rescored, "attempt")} under v${job.version}; originals kept.`;
}

/**
 * A re-score job's progress, polled every second until it finishes; then the page refreshes so the
 * statistics show the new scores. Give it `key={job.id}` so another publish starts a fresh bar.
 */
export function RescoreProgress({ initial }: { initial: RescoreJobData }) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [trouble, setTrouble] = useState(false);
  const wasRunning = useRef(!finished(initial));

  useEffect(() => {
    if (finished(job)) {
      if (wasRunning.current) {
        wasRunning.current = false;
        router.refresh();
      }
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const result = await callApi<RescoreJobData>(`/api/instructor/rescore/${job.id}`, { signal: controller.signal });
        if (result.ok) {
          setTrouble(false);
          setJob(result.data);
        } else {
          setTrouble(true);
          // Poll again in a second: a hiccup should not freeze the bar. The state change re-runs this effect.
          setJob((current) => ({ ...current }));
        }
      } catch {
        // Aborted: the component went away or a newer job replaced this one.
      }
    }, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [job, router]);

  const done = finished(job);
  const percent = job.total > 0 ? Math.round((Math.min(job.processed, job.total) / job.total) * 100) : 100;

  return (
    <div className="rounded-xl border border-border bg-surface-2/60 p-4" data-testid="rescore-progress" data-status={job.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p id={`rescore-${job.id}-label`} className="font-medium">
          {done ? `Re-score under v${job.version}` : job.status === "queued" ? `Re-score under v${job.version} is queued` : `Re-scoring past attempts under v${job.version}`}
        </p>
        <p className="text-muted tabular-nums">
          {Math.min(job.processed, job.total)} / {job.total}
        </p>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`rescore-${job.id}-label`}
        aria-valuemin={0}
        aria-valuemax={Math.max(job.total, 1)}
        aria-valuenow={job.total > 0 ? Math.min(job.processed, job.total) : 1}
        aria-valuetext={`${Math.min(job.processed, job.total)} of ${pluralGrouped(job.total, "attempt")} (${percent}%)`}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-surface ring-1 ring-border ring-inset"
      >
        <div
          className={job.status === "failed" ? "h-full rounded-full bg-bad" : "h-full rounded-full bg-accent transition-[width] duration-500"}
          style={{ width: `${percent}%` }}
        />
      </div>
      <div aria-live="polite" className="mt-2 text-sm">
        {done ? (
          <p className={job.status === "failed" ? "text-bad" : "text-text"} data-testid="rescore-done" data-status={job.status}>
            {rescoreSummary(job)}
          </p>
        ) : trouble ? (
          <p className="text-muted">Progress could not be read just now; still trying. The re-score carries on in the background either way.</p>
        ) : (
          <p className="text-muted">
            Each attempt keeps its original score; the new one is added on top. You can leave this page: the work carries on in the background.
          </p>
        )}
      </div>
    </div>
  );
}
