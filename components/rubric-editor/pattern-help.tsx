"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";

const ROWS: Array<[string, string]> = [
  ["acks=all | acks=-1", "either wording; spacing, hyphens and “set to” are forgiven"],
  ["partition*", "any ending: partitions, partitioned, partitioning"],
  ["consumer* ... partition*", "every term, in any order, in one sentence (or within “near” words)"],
  ["{acks-all}", "any entry of a shared synonym set (content/vocabulary)"],
  ["where * left off", "a lone * stands for exactly one word"],
  ["(idle | no more than) ... consumer*", "brackets may wrap a whole term"],
];

/** The pattern language in one small panel, opened from a button next to the patterns. */
export function PatternHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const dismiss = useCallback((focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }, []);
  useDismiss({ open, button: buttonRef, panel: panelRef, onDismiss: dismiss });

  return (
    <span className="relative inline-block">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="rounded px-1 text-xs font-medium text-accent underline-offset-2 hover:underline"
      >
        Pattern syntax
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Pattern syntax"
          className="absolute top-6 right-0 z-30 w-80 rounded-xl border border-border bg-surface p-3 text-xs shadow-lg"
        >
          <p className="mb-2 text-muted">An item is met when any one of its patterns matches the answer.</p>
          <dl className="space-y-1.5">
            {ROWS.map(([pattern, meaning]) => (
              <div key={pattern}>
                <dt className="font-mono text-[0.78rem] text-text">{pattern}</dt>
                <dd className="text-muted">{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-muted">Write a negative claim with its negation: “(never | cannot) ... remov* ... partition*”.</p>
        </div>
      ) : null}
    </span>
  );
}
