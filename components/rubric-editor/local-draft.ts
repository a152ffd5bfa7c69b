// Unsaved rubric drafts in localStorage, one per question and starting version, so a reload or a
// closed tab does not lose an instructor's work. Best effort: a full or blocked storage is ignored.
import { rubricItemKinds } from "@/lib/content/schema";
import type { FormDraft } from "./draft-state";

const PREFIX = "offset-rubric-draft:";

export interface StoredDraft {
  draft: FormDraft;
  /** ISO time of the last write. */
  savedAt: string;
}

export const localDraftKey = (slug: string, startVersion: number) => `${PREFIX}${slug}:v${startVersion}`;

export function readLocalDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: FormDraft, now = new Date()): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ draft, savedAt: now.toISOString() } satisfies StoredDraft));
  } catch {
    // Storage full or disabled: the draft still lives in the page.
  }
}

export function clearLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

export function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== "object" || value === null) return false;
  const { draft, savedAt } = value as Record<string, unknown>;
  if (typeof savedAt !== "string" || typeof draft !== "object" || draft === null) return false;
  const items = (draft as Record<string, unknown>).items;
  return (
    Array.isArray(items) &&
    items.every(
      (item) =>
        typeof item === "object" &&
        item !== null &&
        ["key", "id", "label", "kind", "weight", "near", "hint", "correction"].every((field) => typeof (item as Record<string, unknown>)[field] === "string") &&
        (rubricItemKinds as readonly string[]).includes((item as Record<string, unknown>).kind as string) &&
        Array.isArray((item as Record<string, unknown>).concept) &&
        ((item as Record<string, unknown>).concept as unknown[]).every((pattern) => typeof pattern === "string"),
    )
  );
}
