"use client";

// The rubric editor: a form and a YAML view of one draft, a live preview, the shared false claims, a test
// bench, and saving as a new version. The state lives in three hooks: the draft as this browser keeps it
// (use-local-draft.ts), the form/YAML tabs (use-yaml-mode.ts) and saving (use-save-version.ts); this
// component joins them and lays out the page.
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/format/text";
import { RUBRIC_LIMITS } from "@/lib/rubrics/limits";
import { validateRubricDraft } from "@/lib/rubrics/validate";
import { BenchPanel } from "./bench-panel";
import { ClaimsPanel } from "./claims-panel";
import { ConflictPanel } from "./conflict-panel";
import {
  draftFingerprint,
  fieldDomId,
  fromRubric,
  issueTarget,
  KIND_LABELS,
  previewRubric,
  toRubricInput,
  type DraftAction,
  type FormDraft,
  type IssueLike,
} from "./draft-state";
import { fieldMessage } from "./field";
import { ItemCard } from "./item-card";
import { clearLocalDraft, localDraftKey } from "./local-draft";
import { PreviewPanel } from "./preview-panel";
import type { RubricEditorProps } from "./types";
import { useLocalDraft } from "./use-local-draft";
import { useSaveVersion } from "./use-save-version";
import { useYamlMode, type Mode } from "./use-yaml-mode";

const PREFIX = "rubric";

export function RubricEditor(props: RubricEditorProps) {
  const { question, vocabulary } = props;
  const ids = { formTab: useId(), yamlTab: useId(), formPanel: useId(), yamlPanel: useId(), note: useId(), saveHelp: useId() };
  const versions = useSaveVersion(question.slug, { version: props.start.version, rubric: props.start.rubric }, props.latest);
  const { start, base, save, setSave, note, setNote, serverIssues, setServerIssues } = versions;
  const storageKey = localDraftKey(question.slug, start.version);
  const { draft, restoredAt, fingerprint, dirty, dispatch: dispatchSession } = useLocalDraft(props.start.rubric, start.rubric, storageKey);
  const [announcement, setAnnouncement] = useState("");
  const [undo, setUndo] = useState<{ draft: FormDraft; label: string } | null>(null);
  const pendingFocus = useRef<string[] | null>(null);

  const baseFingerprint = useMemo(() => draftFingerprint(fromRubric(base.rubric)), [base.rubric]);
  const sameAsBase = fingerprint === baseFingerprint;

  const rubricInput = useMemo(() => toRubricInput(draft), [draft]);
  const formCheck = useMemo(() => validateRubricDraft(rubricInput, vocabulary), [rubricInput, vocabulary]);
  const yaml = useYamlMode({
    draft,
    rubricInput,
    formCheck,
    vocabulary,
    onDraft: (next) => dispatchSession({ type: "replace", draft: next }),
    tabIds: { form: ids.formTab, yaml: ids.yamlTab },
  });
  const { mode, yamlText, yamlProblem, switchRefused, yamlCheck, yamlRef } = yaml;
  const preview = useMemo(() => previewRubric(draft, vocabulary), [draft, vocabulary]);

  const check = yamlCheck ?? formCheck;
  const clientIssues: IssueLike[] = check.ok ? [] : check.issues;
  const issues: IssueLike[] = clientIssues.length ? clientIssues : serverIssues && serverIssues.fingerprint === fingerprint ? serverIssues.issues : [];
  const formIssues: IssueLike[] = formCheck.ok ? (serverIssues?.fingerprint === fingerprint ? serverIssues.issues : []) : formCheck.issues;
  const payload = check.ok ? check.rubric : null;

  // --- focus after moving, adding or removing items ------------------------------------------------
  useEffect(() => {
    const candidates = pendingFocus.current;
    if (!candidates) return;
    pendingFocus.current = null;
    for (const id of candidates) {
      const element = document.getElementById(id) as HTMLElement | null;
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        break;
      }
    }
  }, [draft]);

  const { clearOutcome } = versions;
  const edit = useCallback(
    (action: DraftAction) => {
      dispatchSession(action);
      clearOutcome();
    },
    [dispatchSession, clearOutcome],
  );

  const onMove = useCallback(
    (index: number, to: number) => {
      const item = draft.items[index];
      if (!item || to < 0 || to >= draft.items.length) return;
      const direction = to < index ? "up" : "down";
      pendingFocus.current = [`${PREFIX}-item-${to}-move-${direction}`, `${PREFIX}-item-${to}-move-${direction === "up" ? "down" : "up"}`];
      edit({ type: "move-item", index, to });
      setAnnouncement(`Moved “${item.label || item.id}” to position ${to + 1} of ${draft.items.length}.`);
    },
    [draft.items, edit],
  );

  const onRemove = useCallback(
    (index: number) => {
      const item = draft.items[index];
      if (!item) return;
      setUndo({ draft, label: item.label || item.id || `item ${index + 1}` });
      const next = Math.min(index, draft.items.length - 2);
      pendingFocus.current = next >= 0 ? [`${PREFIX}-item-${next}-label`] : [`${PREFIX}-items`];
      edit({ type: "remove-item", index });
      setAnnouncement(`Removed item ${index + 1}, “${item.label || item.id}”. Undo is available above the list.`);
    },
    [draft, edit],
  );

  const addItem = (kind: keyof typeof KIND_LABELS) => {
    if (draft.items.length >= RUBRIC_LIMITS.maxItems) return;
    pendingFocus.current = [`${PREFIX}-item-${draft.items.length}-label`];
    edit({ type: "add-item", kind });
    setAnnouncement(`Added a ${KIND_LABELS[kind].toLowerCase()} item at position ${draft.items.length + 1}.`);
  };

  const focusIssue = (issue: IssueLike) => {
    if (mode === "yaml") {
      if (issue.line) yaml.goToLine(issue.line);
      return;
    }
    const element = document.getElementById(fieldDomId(PREFIX, issueTarget(issue)));
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
    element?.focus({ preventScroll: true });
  };

  // --- save -------------------------------------------------------------------------------------------
  const blockers: string[] = [];
  if (mode === "yaml" && yamlProblem !== null) blockers.push("the YAML cannot be read");
  else if (issues.length) blockers.push(`${plural(issues.length, "issue needs", "issues need")} fixing (listed at the top)`);
  if (sameAsBase && !issues.length) blockers.push(`the draft is the same as version ${base.version}`);
  const canSave = blockers.length === 0 && payload !== null && save.status !== "saving";

  const saveVersion = async () => {
    if (!payload) return;
    await versions.saveVersion({
      payload,
      fingerprint,
      storageKey,
      onSaved: (saved) => {
        dispatchSession({ type: "restored-seen" });
        const savedDraft = fromRubric(saved.rubric);
        if (draftFingerprint(savedDraft) !== fingerprint) dispatchSession({ type: "replace", draft: savedDraft });
      },
    });
  };

  const discardDraft = () => {
    clearLocalDraft(storageKey);
    dispatchSession({ type: "replace", draft: fromRubric(start.rubric) });
    yaml.showRubric(start.rubric);
    dispatchSession({ type: "restored-seen" });
    setUndo(null);
    setServerIssues(null);
    setSave({ status: "idle" });
    setAnnouncement(`Draft discarded: the editor shows version ${start.version} again.`);
  };

  const startIsLatest = start.version === base.version;
  const overview = `/instructor/questions/${question.slug}`;

  return (
    <div className="flex flex-col gap-5" data-testid="rubric-editor">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <Breadcrumb
            trail={[
              { href: "/instructor", label: "Instructor" },
              { href: overview, label: question.title },
            ]}
            current="Edit rubric"
          />
          <h1 className="mt-1.5 text-2xl font-semibold tracking-tight text-balance">Edit the rubric</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="editor-base">
            <Badge tone="neutral">Started from v{start.version}</Badge>
            {props.active.version === start.version ? <Badge tone="good">v{start.version} is live</Badge> : <Badge tone="accent">Live: v{props.active.version}</Badge>}
            <span className="text-muted">
              Saving creates version {base.version + 1}
              {startIsLatest ? "" : ` on top of version ${base.version}, the latest`}.
            </span>
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-3 text-sm">
          <span className={cn("text-xs", dirty ? "text-warn" : "text-muted")} data-testid="dirty-state">
            {dirty ? "Unsaved changes (kept in this browser)" : "No unsaved changes"}
          </span>
          {dirty ? (
            <Button variant="secondary" size="sm" onClick={discardDraft} data-testid="discard-draft">
              Discard draft
            </Button>
          ) : null}
        </div>
      </header>

      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>

      {restoredAt ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-accent/30 bg-accent-soft/50 px-3 py-2 text-sm" role="status" data-testid="draft-restored">
          <span>
            Restored the draft you had not saved yet ({new Date(restoredAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}).
          </span>
          <button type="button" className="text-sm font-medium text-accent hover:underline" onClick={discardDraft}>
            Discard it and start from v{start.version}
          </button>
        </div>
      ) : null}

      {save.status === "conflict" ? <ConflictPanel details={save.details} onRebase={() => versions.rebase(save.details)} onDismiss={() => setSave({ status: "idle" })} /> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,27rem)]">
        <div className="flex min-w-0 flex-col gap-4">
          <IssueSummary issues={issues} mode={mode} yamlId={`${ids.yamlPanel}-text`} onSelect={focusIssue} />

          <div className="flex flex-wrap items-end justify-between gap-2 border-b border-border">
            <div role="tablist" aria-label="Edit as" className="flex gap-1">
              {(["form", "yaml"] as const).map((tab) => (
                <button
                  key={tab}
                  id={tab === "form" ? ids.formTab : ids.yamlTab}
                  type="button"
                  role="tab"
                  aria-selected={mode === tab}
                  aria-controls={tab === "form" ? ids.formPanel : ids.yamlPanel}
                  tabIndex={mode === tab ? 0 : -1}
                  onClick={() => yaml.switchTo(tab)}
                  onKeyDown={yaml.onTabKey}
                  className={cn(
                    "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                    mode === tab ? "border-accent text-text" : "border-transparent text-muted hover:text-text",
                  )}
                  data-testid={tab === "form" ? "form-tab" : "yaml-tab"}
                >
                  {tab === "form" ? "Form" : "YAML"}
                </button>
              ))}
            </div>
            <p className="pb-2 text-xs text-muted">
              {draft.items.length} of {RUBRIC_LIMITS.maxItems} items ·{" "}
              {(["required", "bonus", "misconception"] as const)
                .map((kind) => `${draft.items.filter((item) => item.kind === kind).length} ${KIND_LABELS[kind].toLowerCase()}`)
                .join(", ")}
            </p>
          </div>

          {switchRefused && yamlProblem !== null ? (
            <p className="rounded-lg border border-bad/30 bg-bad-soft px-3 py-2 text-sm" role="alert" data-testid="yaml-switch-refused">
              <span className="font-medium">The form cannot show this YAML yet.</span>{" "}
              {yamlProblem || (yamlCheck && !yamlCheck.ok ? yamlCheck.issues[0]?.message : "It cannot be read.")} Fix it here first: until then the form keeps the last
              version that could be read.
            </p>
          ) : null}

          {mode === "form" ? (
            <div role="tabpanel" id={ids.formPanel} aria-labelledby={ids.formTab}>
              {undo ? (
                <div className="mb-3 flex items-center justify-between gap-2 rounded-lg bg-surface-2 px-3 py-1.5 text-sm">
                  <span>Removed “{undo.label}”.</span>
                  <button
                    type="button"
                    className="font-medium text-accent hover:underline"
                    onClick={() => {
                      dispatchSession({ type: "replace", draft: undo.draft });
                      setUndo(null);
                      setAnnouncement(`Restored “${undo.label}”.`);
                    }}
                  >
                    Undo
                  </button>
                </div>
              ) : null}
              <ol className="flex flex-col gap-3" aria-label="Rubric items">
                {draft.items.map((item, index) => (
                  <ItemCard
                    key={item.key}
                    item={item}
                    index={index}
                    count={draft.items.length}
                    prefix={PREFIX}
                    issues={formIssues}
                    vocabulary={vocabulary}
                    canAdd={draft.items.length < RUBRIC_LIMITS.maxItems}
                    dispatch={edit}
                    onMove={onMove}
                    onRemove={onRemove}
                  />
                ))}
              </ol>
              <div id={`${PREFIX}-items`} tabIndex={-1} className="mt-3 flex flex-wrap items-center gap-2 rounded-xl border border-dashed border-border p-3 outline-none" data-testid="add-item">
                <span className="text-sm text-muted">Add an item:</span>
                {(["required", "bonus", "misconception"] as const).map((kind) => (
                  <Button key={kind} size="sm" variant="secondary" onClick={() => addItem(kind)} disabled={draft.items.length >= RUBRIC_LIMITS.maxItems} data-testid={`add-item-${kind}`}>
                    + {KIND_LABELS[kind]}
                  </Button>
                ))}
                {draft.items.length >= RUBRIC_LIMITS.maxItems ? <span className="text-xs text-muted">A rubric holds at most {RUBRIC_LIMITS.maxItems} items.</span> : null}
              </div>
            </div>
          ) : (
            <div role="tabpanel" id={ids.yamlPanel} aria-labelledby={ids.yamlTab}>
              <p className="mb-2 text-xs leading-relaxed text-muted">
                The same rubric as text. Edits show in the form and the preview as soon as the YAML can be read; while it cannot, the form keeps the last readable
                version and switching back waits until you fix it.
              </p>
              <label htmlFor={`${ids.yamlPanel}-text`} className="sr-only">
                Rubric as YAML
              </label>
              <textarea
                id={`${ids.yamlPanel}-text`}
                ref={yamlRef}
                value={yamlText}
                onChange={(event) => yaml.onYamlChange(event.target.value)}
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="off"
                rows={32}
                wrap="off"
                aria-invalid={!check.ok || undefined}
                aria-describedby={issues.length || yamlProblem !== null ? "issue-summary" : undefined}
                className={cn(
                  "block min-h-[32rem] w-full resize-y rounded-xl border bg-surface px-3 py-2.5 font-mono text-[0.8rem] leading-[1.55] text-text",
                  check.ok ? "border-border" : "border-bad/60",
                )}
                data-testid="yaml-editor"
              />
            </div>
          )}
        </div>

        {/* Sticky and scrolling on its own at desktop widths (bench-panel.tsx brings a run's results into view in it). */}
        <aside
          className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-18 lg:max-h-[calc(100dvh-5.5rem)] lg:self-start lg:overflow-y-auto lg:pb-2"
          aria-label="Save, preview and test"
          data-testid="editor-side-panel"
        >
          <section className="rounded-2xl border border-border bg-surface p-4" aria-labelledby={`${ids.note}-heading`} data-testid="save-panel">
            <h2 id={`${ids.note}-heading`} className="text-base font-semibold">
              Save
            </h2>
            <label htmlFor={ids.note} className="mt-2 block text-xs font-medium text-muted">
              What changed, and why <span className="font-normal">(optional, shown in the history)</span>
            </label>
            <textarea
              id={ids.note}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              rows={2}
              maxLength={500}
              placeholder="e.g. Accept “in-sync replicas” spelled out; weight the ISR point higher."
              className="mt-1 w-full resize-y rounded-lg border border-border bg-surface px-2.5 py-1.5 text-sm"
              data-testid="save-note"
            />
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <Button onClick={saveVersion} disabled={!canSave} aria-describedby={ids.saveHelp} data-testid="save-version">
                {save.status === "saving" ? "Saving…" : `Save as version ${base.version + 1}`}
              </Button>
            </div>
            <div id={ids.saveHelp} className="mt-2 text-xs leading-relaxed" aria-live="polite" data-testid="save-status">
              {save.status === "saved" ? (
                <p className="rounded-lg bg-good-soft px-2.5 py-2 text-sm text-text">
                  <span className="font-medium text-good">Saved as version {save.version}.</span> Candidates are still scored with v{props.active.version}: publish
                  version {save.version} from the{" "}
                  <Link href={overview} className="font-medium text-accent underline underline-offset-2">
                    question overview
                  </Link>{" "}
                  when it is ready. You can keep editing; the next save makes version {save.version + 1}.
                </p>
              ) : save.status === "error" ? (
                <p className="rounded-lg bg-bad-soft px-2.5 py-2 text-sm text-bad" role="alert">
                  {save.message}
                </p>
              ) : save.status === "conflict" ? (
                <p className="text-warn">Not saved: someone saved version {save.details.latest.version} first. See the comparison above.</p>
              ) : blockers.length && save.status !== "saving" ? (
                <p className="text-muted">Saving is off because {blockers.join(" and ")}.</p>
              ) : save.status === "idle" && save.message ? (
                <p className="text-muted">{save.message}</p>
              ) : (
                <p className="text-muted">Saving never changes what candidates see: a new version goes live only when you publish it.</p>
              )}
            </div>
          </section>

          <PreviewPanel question={question} preview={preview} published={props.active} vocabulary={vocabulary} claims={props.claims} samples={props.calibration} />

          <ClaimsPanel claims={props.claims} vocabulary={vocabulary} samples={props.calibration} canAdd={draft.items.length < RUBRIC_LIMITS.maxItems} onAdd={edit} />

          <BenchPanel
            slug={question.slug}
            rubric={rubricInput}
            draftValid={check.ok}
            draftFingerprint={fingerprint}
            attempts={props.benchAttempts}
            attemptsError={props.benchAttemptsError}
            publishedVersion={props.active.version}
            onIssues={(problem) => setServerIssues({ issues: problem.issues, fingerprint })}
          />
        </aside>
      </div>
    </div>
  );
}

function IssueSummary({ issues, mode, yamlId, onSelect }: { issues: IssueLike[]; mode: Mode; yamlId: string; onSelect: (issue: IssueLike) => void }) {
  if (issues.length === 0) {
    return (
      <p id="issue-summary" className="rounded-xl border border-good/30 bg-good-soft/60 px-3 py-2 text-sm" role="status" data-testid="issue-summary" data-count={0}>
        <span className="font-medium text-good">No issues.</span> The draft is a valid rubric.
      </p>
    );
  }
  const shown = issues.slice(0, 8);
  return (
    <section id="issue-summary" className="rounded-xl border border-bad/30 bg-bad-soft/50 px-3 py-2.5" aria-labelledby="issue-summary-heading" data-testid="issue-summary" data-count={issues.length}>
      <h2 id="issue-summary-heading" className="text-sm font-semibold" aria-live="polite">
        {`${plural(issues.length, "issue")} to fix before saving`}
      </h2>
      <ul className="mt-1.5 space-y-0.5 text-sm">
        {shown.map((issue, index) => {
          const target = issueTarget(issue);
          const where = mode === "yaml" ? (issue.line ? `Line ${issue.line}` : "Rubric") : target.itemIndex === undefined ? "Rubric" : `Item ${target.itemIndex + 1}${target.field ? ` · ${target.field}` : ""}`;
          const clickable = mode === "yaml" ? Boolean(issue.line) : true;
          return (
            <li key={index} className="flex gap-2">
              {clickable ? (
                <a
                  href={`#${mode === "yaml" ? yamlId : fieldDomId(PREFIX, target)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect(issue);
                  }}
                  className="shrink-0 font-medium text-bad underline underline-offset-2 hover:no-underline"
                >
                  {where}
                </a>
              ) : (
                <span className="shrink-0 font-medium text-bad">{where}</span>
              )}
              <span className="min-w-0">{mode === "yaml" ? issue.message.replace(/^Line \d+: /, "") : fieldMessage(issue.message)}</span>
            </li>
          );
        })}
      </ul>
      {issues.length > shown.length ? <p className="mt-1 text-xs text-muted">…and {issues.length - shown.length} more; they clear as you fix the ones above.</p> : null}
    </section>
  );
}
