// This browser's completed demo challenges, kept in localStorage and exposed as an external store for
// useSyncExternalStore: the server renders with the account's completions only, and the browser adds
// its own after hydration without a mismatch. Best effort: blocked or full storage is ignored.
import { useMemo, useSyncExternalStore } from "react";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { DEMO_PROGRESS_KEY, mergeCompletions, parseCompletions, serializeCompletions, withCompletion, type DemoCompletions } from "@/lib/demos/progress";

const listeners = new Set<() => void>();
const NONE: DemoCompletions = {};
let cachedRaw: string | null | undefined;
let cached: DemoCompletions = NONE;

/** This browser's completions; the same object until storage changes (useSyncExternalStore needs that). */
export function readLocalCompletions(): DemoCompletions {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(DEMO_PROGRESS_KEY);
  } catch {
    raw = null;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseCompletions(raw);
  }
  return cached;
}

export function subscribeToCompletions(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === DEMO_PROGRESS_KEY) onChange(); // other tabs
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** Marks `id` done in this browser (the first time is kept). */
export function recordLocalCompletion(id: DemoScenarioId, at = new Date()): void {
  const next = withCompletion(readLocalCompletions(), id, at);
  try {
    window.localStorage.setItem(DEMO_PROGRESS_KEY, serializeCompletions(next));
  } catch {
    // Storage full or disabled: the account (when signed in) still has it.
  }
  for (const listener of listeners) listener();
}

const serverSnapshot = () => NONE;

/** This browser's completions merged with the account's (each scenario at its earliest time). */
export function useDemoCompletions(account: DemoCompletions = NONE): DemoCompletions {
  const local = useSyncExternalStore(subscribeToCompletions, readLocalCompletions, serverSnapshot);
  return useMemo(() => mergeCompletions(account, local), [account, local]);
}

const noSubscription = () => () => {};

/** False while the server renders and during hydration, true after: for text that depends on the browser's locale or time zone. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
