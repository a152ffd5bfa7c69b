"use client";

// Saving a draft as the next rubric version. It tracks the version the draft started from and the one a
// save goes on top of (the newest: a 409 conflict offers to rebase onto the version someone else saved),
// the optional note, the save status, and the issues the server found in a draft.
import { useCallback, useState } from "react";
import { callApi } from "@/components/instructor/api-client";
import type { Rubric } from "@/lib/content/schema";
import { isConflictDetails, type ConflictDetails } from "./conflict-panel";
import type { IssueLike } from "./draft-state";
import { clearLocalDraft } from "./local-draft";

export interface SavedVersion {
  version: number;
  rubric: Rubric;
}

export type SaveState =
  | { status: "idle"; message?: string }
  | { status: "saving" }
  | { status: "saved"; version: number }
  | { status: "error"; message: string }
  | { status: "conflict"; details: ConflictDetails };

export interface SaveVersion {
  /** The version whose content the draft started from: the local draft and "unsaved changes" refer to it. */
  start: SavedVersion;
  /** The version a save goes on top of (the latest when the page loaded, or after a save or rebase). */
  base: SavedVersion;
  save: SaveState;
  setSave(state: SaveState): void;
  /** After an edit: a "saved" or "error" status no longer describes the draft. */
  clearOutcome(): void;
  note: string;
  setNote(note: string): void;
  /** Issues the server found, for the draft with this fingerprint only. */
  serverIssues: { issues: IssueLike[]; fingerprint: string } | null;
  setServerIssues(issues: { issues: IssueLike[]; fingerprint: string } | null): void;
  /**
   * Saves `payload` as version base + 1. On success the local copy under `storageKey` is cleared, the
   * saved version becomes start and base, and `onSaved` gets it (to show what the server stored).
   */
  saveVersion(input: { payload: Rubric; fingerprint: string; storageKey: string; onSaved: (saved: SavedVersion) => void }): Promise<void>;
  /** Puts the draft on top of the version someone else saved first. */
  rebase(details: ConflictDetails): void;
}

export function useSaveVersion(slug: string, initialStart: SavedVersion, latest: SavedVersion): SaveVersion {
  const [start, setStart] = useState<SavedVersion>(initialStart);
  const [base, setBase] = useState<SavedVersion>(latest);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const [note, setNote] = useState("");
  const [serverIssues, setServerIssues] = useState<{ issues: IssueLike[]; fingerprint: string } | null>(null);

  const clearOutcome = useCallback(() => setSave((current) => (current.status === "saved" || current.status === "error" ? { status: "idle" } : current)), []);

  const saveVersion: SaveVersion["saveVersion"] = async ({ payload, fingerprint, storageKey, onSaved }) => {
    setSave({ status: "saving" });
    const result = await callApi<{ version: SavedVersion }>(`/api/instructor/questions/${encodeURIComponent(slug)}/versions`, {
      body: { baseVersion: base.version, rubric: payload, note: note.trim() || undefined },
    });
    if (result.ok) {
      const saved = { version: result.data.version.version, rubric: result.data.version.rubric };
      clearLocalDraft(storageKey);
      setBase(saved);
      setStart(saved);
      setNote("");
      setServerIssues(null);
      onSaved(saved);
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

  return { start, base, save, setSave, clearOutcome, note, setNote, serverIssues, setServerIssues, saveVersion, rebase };
}
