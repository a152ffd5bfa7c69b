"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/**
 * Filter values kept in the URL's query string: every change replaces the URL in place (shareable,
 * back-button friendly) so the server re-renders the list, text fields after a short pause. Values
 * follow the URL when it changes from outside (a "clear filters" link, back/forward).
 */
export function useUrlFilters<Field extends string>(fields: readonly Field[]) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const read = (source: URLSearchParams) => Object.fromEntries(fields.map((field) => [field, source.get(field) ?? ""])) as Record<Field, string>;
  const [values, setValues] = useState(() => read(params));
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);
  const paramString = params.toString();

  // Adjusting state during render (not in an effect) when the URL moved underneath us.
  const [syncedWith, setSyncedWith] = useState(paramString);
  if (syncedWith !== paramString) {
    setSyncedWith(paramString);
    setValues(read(new URLSearchParams(paramString)));
  }
  useEffect(() => () => clearTimeout(debounce.current), []);

  const apply = (next: Record<Field, string>) => {
    clearTimeout(debounce.current);
    const search = new URLSearchParams();
    for (const field of fields) if (next[field].trim()) search.set(field, next[field].trim());
    startTransition(() => router.replace(`${pathname}${search.size ? `?${search}` : ""}`, { scroll: false }));
  };

  const update = (field: Field, value: string, delayMs = 0) => {
    const next = { ...values, [field]: value };
    setValues(next);
    clearTimeout(debounce.current);
    if (delayMs) debounce.current = setTimeout(() => apply(next), delayMs);
    else apply(next);
  };

  return { values, update, applyNow: () => apply(values), pending, pathname };
}
