"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import { parseDocument, stringify } from "yaml";
import { callApi } from "@/components/instructor/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Rubric } from "@/lib/content/schema";
import { validateRubricDraft } from "@/lib/rubrics/validate";
import { parseRubricYaml, rubricToYaml } from "@/lib/rubrics/yaml";
import { BenchPanel } from "./bench-panel";
import { ClaimsPanel } from "./claims-panel";
import { ConflictPanel, isConflictDetails, type ConflictDetails } from "./conflict-panel";
import {
  draftFingerprint,
  draftReducer,
  fieldDomId,
  formFromUnknown,
  fromRubric,
  issueTarget,
  KIND_LABELS,
  MAX_ITEMS,
  previewRubric,
  toRubricInput,
  type DraftAction,
  type FormDraft,
  type IssueLike,
} from "./draft-state";
import { fieldMessage } from "./field";
import { ItemCard } from "./item-card";
import { clearLocalDraft, localDraftKey, readLocalDraft, writeLocalDraft, type StoredDraft } from "./local-draft";
import { PreviewPanel } from "./preview-panel";
import type { RubricEditorProps } from "./types";

type Mode = "form" | "yaml";
type SaveState =
  | { status: "idle"; message?: string }
  | { status: "saving" }
  | { status: "saved"; version: number }
  | { status: "error"; message: string }
  | { status: "conflict"; details: ConflictDetails };

interface SavedVersion {
  version: number;
  rubric: Rubric;
}

const PREFIX = "rubric";

interface Session {
  draft: FormDraft;
  /** When the draft came back from this browser's storage: the time it was stored. */
  restoredAt: string | null;
  /** Whether the stored draft has been looked at (before that, nothing is written back). */
  loaded: boolean;
}

type SessionAction = DraftAction | { type: "loaded"; stored: StoredDraft | null } | { type: "restored-seen" };

function sessionReducer(state: Session, action: SessionAction): Session {
  if (action.type === "loaded") {
    return action.stored ? { draft: action.stored.draft, restoredAt: action.stored.savedAt, loaded: true } : { ...state, loaded: true };
  }
  if (action.type === "restored-seen") return state.restoredAt ? { ...state, restoredAt: null } : state;
  const draft = draftReducer(state.draft, action);
  return draft === state.draft ? state : { ...state, draft };
}

/** YAML text → the form, or why the form cannot show it. */
function readYaml(text: string, previous: FormDraft): { ok: true; draft: FormDraft } | { ok: false; message: string } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  // The syntax errors themselves are listed (with lines) by parseRubricYaml in the issue summary.
  if (doc.errors.length > 0) return { ok: false, message: "" };
  return formFromUnknown(doc.toJS() ?? null, previous);
}

export function RubricEditor(props: RubricEditorProps) {
  const { question, vocabulary } = props;
  const [session, dispatchSession] = useReducer(sessionReducer, props.start.rubric, (rubric): Session => ({ draft: fromRubric(rubric), restoredAt: null, loaded: false }));
  const { draft, restoredAt, loaded } = session;
  // The version whose content the draft started from: the local draft and "unsaved changes" refer to it.
  const [start, setStart] = useState<SavedVersion>({ version: props.start.version, rubric: props.start.rubric });
  // The version a save goes on top of (the latest when the page loaded, or after a save or rebase).
  const [base, setBase] = useState<SavedVersion>(props.latest);
  const [mode, setMode] = useState<Mode>("form");
  const [yamlText, setYamlText] = useState("");
  const [yamlProblem, setYamlProblem] = useState<string | null>(null);
  const [switchRefused, setSwitchRefused] = useState(false);
  const [serverIssues, setServerIssues] = useState<{ issues: IssueLike[]; fingerprint: string } | null>(null);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const [note, setNote] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [undo, setUndo] = useState<{ draft: FormDraft; label: string } | null>(null);
  const pendingFocus = useRef<string[] | null>(null);
  const yamlRef = useRef<HTMLTextAreaElement>(null);
  const ids = { formTab: useId(), yamlTab: useId(), formPanel: useId(), yamlPanel: useId(), note: useId(), saveHelp: useId() };

  const storageKey = localDraftKey(question.slug, start.version);
  const startFingerprint = useMemo(() => draftFingerprint(fromRubric(start.rubric)), [start.rubric]);
  const baseFingerprint = useMemo(() => draftFingerprint(fromRubric(base.rubric)), [base.rubric]);
  const fingerprint = useMemo(() => draftFingerprint(draft), [draft]);
  const dirty = fingerprint !== startFingerprint;
  const sameAsBase = fingerprint === baseFingerprint;

  const rubricInput = useMemo(() => toRubricInput(draft), [draft]);
  const formCheck = useMemo(() => validateRubricDraft(rubricInput, vocabulary), [rubricInput, vocabulary]);
  const yamlCheck = useMemo(() => (mode === "yaml" ? parseRubricYaml(yamlText, vocabulary) : null), [mode, yamlText, vocabulary]);
  const preview = useMemo(() => previewRubric(draft, vocabulary), [draft, vocabulary]);

  const check = yamlCheck ?? formCheck;
  const clientIssues: IssueLike[] = check.ok ? [] : check.issues;
  const issues: IssueLike[] = clientIssues.length ? clientIssues : serverIssues && serverIssues.fingerprint === fingerprint ? serverIssues.issues : [];
  const formIssues: IssueLike[] = formCheck.ok ? (serverIssues?.fingerprint === fingerprint ? serverIssues.issues : []) : formCheck.issues;
  const payload = check.ok ? check.rubric : null;

  // --- local draft: restore once after mount, then keep it in step with the form -------------------
  useEffect(() => {
    const stored = readLocalDraft(storageKey);
    const useful = stored && draftFingerprint(stored.draft) !== draftFingerprint(fromRubric(props.start.rubric));
    dispatchSession({ type: "loaded", stored: useful ? stored : null });
    // Only on mount: later changes of the key come from a save, which clears the old draft itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!loaded) return;
    if (!dirty) {
      clearLocalDraft(storageKey);
      return;
    }
    const timer = window.setTimeout(() => writeLocalDraft(storageKey, draft), 300);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, loaded, storageKey]);

  // --- warn before leaving with unsaved work ---------------------------------------------------------
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

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

  const edit = useCallback((action: DraftAction) => {
    dispatchSession(action);
    setSave((current) => (current.status === "saved" || current.status === "error" ? { status: "idle" } : current));
  }, []);

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
    if (draft.items.length >= MAX_ITEMS) return;
    pendingFocus.current = [`${PREFIX}-item-${draft.items.length}-label`];
    edit({ type: "add-item", kind });
    setAnnouncement(`Added a ${KIND_LABELS[kind].toLowerCase()} item at position ${draft.items.length + 1}.`);
  };

  // --- tabs -------------------------------------------------------------------------------------------
  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === "yaml") {
      setYamlText(formCheck.ok ? rubricToYaml(formCheck.rubric) : stringify(rubricInput, { lineWidth: 0 }));
      setYamlProblem(null);
      setSwitchRefused(false);
      setMode("yaml");
      return;
    }
    if (yamlProblem !== null) {
      setSwitchRefused(true);
      yamlRef.current?.focus();
      return;
    }
    setSwitchRefused(false);
    setMode("form");
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: Mode = mode === "form" ? "yaml" : "form";
    switchTo(next);
    document.getElementById(next === "form" ? ids.formTab : ids.yamlTab)?.focus();
  };

  const onYamlChange = (text: string) => {
    setYamlText(text);
    const read = readYaml(text, draft);
    if (read.ok) {
      dispatchSession({ type: "replace", draft: read.draft });
      setYamlProblem(null);
      setSwitchRefused(false);
    } else setYamlProblem(read.message);
  };

  const goToLine = (line: number) => {
    const textarea = yamlRef.current;
    if (!textarea) return;
    const lines = yamlText.split("\n");
    const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const focusIssue = (issue: IssueLike) => {
    if (mode === "yaml") {
      if (issue.line) goToLine(issue.line);
      return;
    }
    const element = document.getElementById(fieldDomId(PREFIX, issueTarget(issue)));
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
    element?.focus({ preventScroll: true });
  };

  // --- save -------------------------------------------------------------------------------------------
  const blockers: string[] = [];
  if (mode === "yaml" && yamlProblem !== null) blockers.push("the YAML cannot be read");
  else if (issues.length) blockers.push(`${issues.length} ${issues.length === 1 ? "issue needs" : "issues need"} fixing (listed at the top)`);
  if (sameAsBase && !issues.length) blockers.push(`the draft is the same as version ${base.version}`);
  const canSave = blockers.length === 0 && payload !== null && save.status !== "saving";

  const saveVersion = async () => {
    if (!payload) return;
    setSave({ status: "saving" });
    const result = await callApi<{ version: SavedVersion }>(`/api/instructor/questions/${encodeURIComponent(question.slug)}/versions`, {
      body: { baseVersion: base.version, rubric: payload, note: note.trim() || undefined },
    });
    if (result.ok) {
      const saved = { version: result.data.version.version, rubric: result.data.version.rubric };
      clearLocalDraft(storageKey);
      setBase(saved);
      setStart(saved);
      setNote("");
      dispatchSession({ type: "restored-seen" });
      setServerIssues(null);
      const savedDraft = fromRubric(saved.rubric);
      if (draftFingerprint(savedDraft) !== fingerprint) dispatchSession({ type: "replace", draft: savedDraft });
      setSave({ status: "saved", version: saved.version });
      // The address should open the saved version next time, not the one this session started from.
      if (window.location.search) window.history.replaceState(window.history.state, "", window.location.pathname);
      return;
    }
    const { error } = result;
    if (error.status === 409 && isConflictDetails(error.details)) {
      setSave({ status: "conflict", details: error.details });
      return;
    }
    if (error.issues.length) setServerIssues({ issues: error.issues, fingerprint });
    setSave({ status: "error", message: error.message });
  };

  const rebase = (details: ConflictDetails) => {
    setBase({ version: details.latest.version, rubric: details.latest.rubric });
    setSave({ status: "idle", message: `Your draft now goes on top of version ${details.latest.version}. Review it, then save as version ${details.latest.version + 1}.` });
  };

  const discardDraft = () => {
    clearLocalDraft(storageKey);
    dispatchSession({ type: "replace", draft: fromRubric(start.rubric) });
    if (mode === "yaml") {
      setYamlText(rubricToYaml(start.rubric));
      setYamlProblem(null);
    }
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
          <nav aria-label="Breadcrumb" className="text-sm text-muted">
            <Link href="/instructor" className="hover:text-text hover:underline">
              Instructor
            </Link>{" "}
            <span aria-hidden="true">›</span>{" "}
            <Link href={overview} className="hover:text-text hover:underline">
              {question.title}
            </Link>{" "}
            <span aria-hidden="true">›</span> <span>Edit rubric</span>
          </nav>
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

      {save.status === "conflict" ? <ConflictPanel details={save.details} onRebase={() => rebase(save.details)} onDismiss={() => setSave({ status: "idle" })} /> : null}

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
                  onClick={() => switchTo(tab)}
                  onKeyDown={onTabKey}
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
              {draft.items.length} of {MAX_ITEMS} items ·{" "}
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
                    canAdd={draft.items.length < MAX_ITEMS}
                    dispatch={edit}
                    onMove={onMove}
                    onRemove={onRemove}
                  />
                ))}
              </ol>
              <div id={`${PREFIX}-items`} tabIndex={-1} className="mt-3 flex flex-wrap items-center gap-2 rounded-xl border border-dashed border-border p-3 outline-none" data-testid="add-item">
                <span className="text-sm text-muted">Add an item:</span>
                {(["required", "bonus", "misconception"] as const).map((kind) => (
                  <Button key={kind} size="sm" variant="secondary" onClick={() => addItem(kind)} disabled={draft.items.length >= MAX_ITEMS} data-testid={`add-item-${kind}`}>
                    + {KIND_LABELS[kind]}
                  </Button>
                ))}
                {draft.items.length >= MAX_ITEMS ? <span className="text-xs text-muted">A rubric holds at most {MAX_ITEMS} items.</span> : null}
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
                onChange={(event) => onYamlChange(event.target.value)}
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

        <aside className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-18 lg:max-h-[calc(100dvh-5.5rem)] lg:self-start lg:overflow-y-auto lg:pb-2" aria-label="Save, preview and test">
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

          <ClaimsPanel claims={props.claims} vocabulary={vocabulary} samples={props.calibration} canAdd={draft.items.length < MAX_ITEMS} onAdd={edit} />

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
        {issues.length === 1 ? "1 issue to fix before saving" : `${issues.length} issues to fix before saving`}
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
