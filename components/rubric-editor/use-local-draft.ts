"use client";

// The editor's draft as this browser keeps it: the form state (a reducer over draft-state.ts), restored
// once from localStorage after mount when it differs from the version it started from, written back
// (debounced) while it has unsaved changes and cleared when it has none, and a warning before the page
// is left with unsaved work.
import { useEffect, useMemo, useReducer } from "react";
import type { Rubric } from "@/lib/content/schema";
import { draftFingerprint, draftReducer, fromRubric, type DraftAction, type FormDraft } from "./draft-state";
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type StoredDraft } from "./local-draft";

interface Session {
  draft: FormDraft;
  /** When the draft came back from this browser's storage: the time it was stored. */
  restoredAt: string | null;
  /** Whether the stored draft has been looked at (before that, nothing is written back). */
  loaded: boolean;
}

/** An edit of the draft, or a change of what the editor knows about the stored copy. */
export type SessionAction = DraftAction | { type: "loaded"; stored: StoredDraft | null } | { type: "restored-seen" };

function sessionReducer(state: Session, action: SessionAction): Session {
  if (action.type === "loaded") {
    return action.stored ? { draft: action.stored.draft, restoredAt: action.stored.savedAt, loaded: true } : { ...state, loaded: true };
  }
  if (action.type === "restored-seen") return state.restoredAt ? { ...state, restoredAt: null } : state;
  const draft = draftReducer(state.draft, action);
  return draft === state.draft ? state : { ...state, draft };
}

export interface LocalDraft {
  draft: FormDraft;
  /** Set while the editor shows a draft restored from this browser (the time it was stored). */
  restoredAt: string | null;
  /** The draft's fingerprint (draftFingerprint), to compare with saved versions. */
  fingerprint: string;
  /** The draft differs from the version the editor started from. */
  dirty: boolean;
  dispatch: (action: SessionAction) => void;
}

/**
 * @param initialRubric the rubric the page opened with (a stored draft equal to it is not restored)
 * @param startRubric the rubric of the version the draft now starts from (it changes after a save)
 * @param storageKey localDraftKey(slug, start version)
 */
export function useLocalDraft(initialRubric: Rubric, startRubric: Rubric, storageKey: string): LocalDraft {
  const [session, dispatch] = useReducer(sessionReducer, initialRubric, (rubric): Session => ({ draft: fromRubric(rubric), restoredAt: null, loaded: false }));
  const { draft, restoredAt, loaded } = session;
  const startFingerprint = useMemo(() => draftFingerprint(fromRubric(startRubric)), [startRubric]);
  const fingerprint = useMemo(() => draftFingerprint(draft), [draft]);
  const dirty = fingerprint !== startFingerprint;

  // Restore once after mount, then keep the stored copy in step with the form.
  useEffect(() => {
    const stored = readLocalDraft(storageKey);
    const useful = stored && draftFingerprint(stored.draft) !== draftFingerprint(fromRubric(initialRubric));
    dispatch({ type: "loaded", stored: useful ? stored : null });
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

  // Warn before leaving with unsaved work.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  return { draft, restoredAt, fingerprint, dirty, dispatch };
}
