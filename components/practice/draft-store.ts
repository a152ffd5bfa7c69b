// The candidate's unsent answer, kept in localStorage per question so a reload, a detour to the demo
// or a sign-in never loses it. Exposed as an external store for useSyncExternalStore: the server
// renders an empty box and the browser fills it in without a hydration mismatch.
const PREFIX = "offset-draft:";
const listeners = new Set<() => void>();

export const draftKey = (slug: string) => `${PREFIX}${slug}`;

export function subscribeToDrafts(onChange: () => void) {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => event.key?.startsWith(PREFIX) && onChange();
  window.addEventListener("storage", onStorage); // other tabs
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

export function readDraft(slug: string): string {
  return localStorage.getItem(draftKey(slug)) ?? "";
}

export function writeDraft(slug: string, text: string) {
  if (text) localStorage.setItem(draftKey(slug), text);
  else localStorage.removeItem(draftKey(slug));
  for (const listener of listeners) listener();
}
