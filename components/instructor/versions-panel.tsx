"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { pluralGrouped } from "@/lib/format/text";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { callApi } from "./api-client";
import { ConfirmDialog } from "./confirm-dialog";
import { RescoreProgress, type RescoreJobData } from "./rescore-progress";
import { StatusMessage, type StatusNote } from "./status-message";

export interface VersionRowData {
  version: number;
  source: "content" | "instructor";
  note: string | null;
  authorName: string | null;
  created: string;
  published: string | null;
  isActive: boolean;
  isLatest: boolean;
  revertedFromVersion: number | null;
}

type Pending = { kind: "publish" | "revert"; version: number } | null;

/** Where "Compare" goes from a version: against the latest, or (for the latest) against the active one or the one before. */
export function compareTarget(row: VersionRowData, versions: VersionRowData[]): { from: number; to: number } | null {
  const latest = versions.find((candidate) => candidate.isLatest);
  const active = versions.find((candidate) => candidate.isActive);
  if (!latest || versions.length < 2) return null;
  if (!row.isLatest) return { from: row.version, to: latest.version };
  if (active && !active.isLatest) return { from: active.version, to: row.version };
  const previous = versions.filter((candidate) => candidate.version < row.version).sort((a, b) => b.version - a.version)[0];
  return previous ? { from: previous.version, to: row.version } : null;
}

/**
 * Newest first: every version with its state and what can be done with it. Publishing asks first,
 * saying what it will do: which version goes live, how many past attempts it re-scores
 * (`attemptsToRescore`, counted when the page was rendered) and that their original scores stay.
 */
export function VersionsPanel({
  slug,
  versions,
  initialJob,
  attemptsToRescore,
}: {
  slug: string;
  versions: VersionRowData[];
  initialJob: RescoreJobData | null;
  attemptsToRescore: number;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<StatusNote | null>(null);
  const [job, setJob] = useState<RescoreJobData | null>(initialJob);
  const latest = versions.find((row) => row.isLatest)?.version ?? versions[0]?.version ?? 0;
  const active = versions.find((row) => row.isActive)?.version ?? null;
  const base = `/api/instructor/questions/${encodeURIComponent(slug)}/versions`;

  async function publish(version: number) {
    setConfirming(null);
    // The Publish button is disabled, then gone once this version is active: the outcome is where focus can stay.
    statusRef.current?.focus();
    setPending({ kind: "publish", version });
    setNote({ tone: "info", text: `Publishing v${version}…` });
    const result = await callApi<{ version: number; rescoreJobId: string | null; attemptsToRescore?: number }>(`${base}/${version}/publish`, { body: {} });
    setPending(null);
    if (!result.ok) {
      setNote({ tone: "bad", text: result.error.message });
      router.refresh();
      return;
    }
    if (result.data.rescoreJobId) {
      const total = result.data.attemptsToRescore ?? 0;
      setJob({ id: result.data.rescoreJobId, version, status: "queued", total, processed: 0, failed: 0, error: null });
      setNote({ tone: "good", text: `v${version} is now the active rubric. New answers are scored with it, and past attempts are being re-scored below.` });
    } else {
      setNote({ tone: "good", text: `v${version} is now the active rubric. There were no scored attempts to re-score.` });
    }
    router.refresh();
  }

  async function revert(version: number) {
    setPending({ kind: "revert", version });
    setNote({ tone: "info", text: `Saving a copy of v${version} as a new version…` });
    const result = await callApi<{ version: { version: number } }>(`${base}/${version}/revert`, { body: { baseVersion: latest } });
    setPending(null);
    if (!result.ok) {
      setNote({ tone: "bad", text: result.error.message });
      router.refresh();
      return;
    }
    setNote({
      tone: "good",
      text: `Saved v${result.data.version.version}, a copy of v${version}. It is not live yet: publish it to make it the active rubric.`,
    });
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {/* The outcome of the last action first, then the re-score it started ("…being re-scored below"). */}
      <div ref={statusRef} tabIndex={-1} className="rounded-lg" data-testid="versions-status-focus">
        <StatusMessage note={note} testId="versions-status" />
      </div>
      {job ? <RescoreProgress key={job.id} initial={job} /> : null}
      <ol className="flex flex-col gap-3" aria-label="Rubric versions, newest first">
        {versions.map((row) => {
          const compare = compareTarget(row, versions);
          const busy = pending !== null;
          return (
            <li
              key={row.version}
              id={`version-${row.version}`}
              className={row.isActive ? "scroll-mt-20 rounded-xl border border-accent/50 bg-accent-soft/25 p-4" : "scroll-mt-20 rounded-xl border border-border p-4"}
              data-testid={`version-row-${row.version}`}
              data-active={row.isActive}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-base font-semibold">v{row.version}</span>
                    {row.isActive ? <Badge tone="good">✓ Active</Badge> : null}
                    {!row.isActive && row.published ? <Badge>Published before</Badge> : null}
                    {!row.published ? <Badge tone="warn">Not published</Badge> : null}
                    {row.isLatest ? <Badge tone="accent">Latest</Badge> : null}
                    <span className="text-xs text-muted">{row.source === "content" ? "From the question file" : "Instructor edit"}</span>
                  </p>
                  <p className="mt-1 text-sm">
                    {row.note ? row.note : <span className="text-muted italic">No note</span>}
                    {row.revertedFromVersion ? <span className="text-muted"> · restores v{row.revertedFromVersion}</span> : null}
                  </p>
                  <p className="mt-0.5 text-xs text-muted">
                    {row.authorName ? `${row.authorName} · ` : ""}created {row.created}
                    {row.published ? ` · published ${row.published}` : ""}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {!row.isActive ? (
                    <Button
                      size="sm"
                      onClick={() => setConfirming(row.version)}
                      disabled={busy}
                      aria-haspopup="dialog"
                      data-testid={`publish-${row.version}`}
                      aria-label={`Publish v${row.version}`}
                    >
                      {pending?.kind === "publish" && pending.version === row.version ? "Publishing…" : "Publish"}
                    </Button>
                  ) : null}
                  {!row.isLatest ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => revert(row.version)}
                      disabled={busy}
                      data-testid={`revert-${row.version}`}
                      aria-label={`Revert to v${row.version}: save it again as a new version`}
                    >
                      {pending?.kind === "revert" && pending.version === row.version ? "Saving…" : "Revert to this"}
                    </Button>
                  ) : null}
                  {compare ? (
                    <Link
                      href={`/instructor/questions/${slug}/diff?from=${compare.from}&to=${compare.to}`}
                      className={buttonClasses("secondary", "sm")}
                      aria-label={`Compare v${compare.from} with v${compare.to}`}
                      data-testid={`compare-${row.version}`}
                    >
                      Compare
                    </Link>
                  ) : null}
                  <a
                    href={`${base}/${row.version}/export`}
                    download
                    className={buttonClasses("ghost", "sm")}
                    aria-label={`Export v${row.version} as a question markdown file`}
                    data-testid={`export-${row.version}`}
                  >
                    Export
                  </a>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <ConfirmDialog
        open={confirming !== null}
        title={`Publish version ${confirming ?? ""}?`}
        confirmLabel={attemptsToRescore > 0 ? `Publish v${confirming ?? ""} and re-score ${pluralGrouped(attemptsToRescore, "attempt")}` : `Publish v${confirming ?? ""}`}
        onConfirm={() => confirming !== null && void publish(confirming)}
        onCancel={() => setConfirming(null)}
        testId="publish-confirm"
      >
        {confirming !== null ? <PublishConsequences version={confirming} active={active} attemptsToRescore={attemptsToRescore} /> : null}
      </ConfirmDialog>
    </div>
  );
}

/** What publishing a version does, in the order it happens. */
function PublishConsequences({ version, active, attemptsToRescore }: { version: number; active: number | null; attemptsToRescore: number }) {
  return (
    <>
      <p data-testid="publish-confirm-version">
        <span className="font-semibold">v{version} becomes the active rubric</span>
        {active !== null ? `, in place of v${active}` : ""}. Every new answer is scored with it.
      </p>
      <p data-testid="publish-confirm-rescore">
        {attemptsToRescore > 0 ? (
          <>
            <span className="font-semibold">{pluralGrouped(attemptsToRescore, "past attempt")} will be re-scored</span> with v{version} in the background. You can follow
            the progress on this page.
          </>
        ) : (
          "Nobody has a scored attempt at this question yet, so there is nothing to re-score."
        )}
      </p>
      <p data-testid="publish-confirm-originals">
        <span className="font-semibold">Every original score is kept.</span> Candidates see their new score next to the one they had, and you can publish another
        version at any time.
      </p>
    </>
  );
}
