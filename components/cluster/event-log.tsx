"use client";

// What happened, newest first: the engine's events (one sentence each, naming the config involved)
// interleaved with the lab's notes (its plain-English reading of them: a lost record, an idle
// consumer). Notes about lost records stand out; the newest note is also announced to screen readers.
import { memo, useId, useMemo, useState } from "react";
import type { ClusterEvent } from "@/lib/cluster";
import type { LabNote } from "@/lib/demos/lab";
import { cn } from "@/components/ui/cn";
import { formatVirtualTime } from "./format";

/** Event kinds that repeat in the background; hidden unless asked for. */
const ROUTINE_KINDS = new Set(["workload", "poll", "commit", "produce-ack", "subscribe", "consumer-configured"]);

export interface LogEntry {
  key: string;
  t: number;
  kind: string;
  tone: LabNote["tone"] | "event" | "error";
  message: string;
}

export function mergeLog(events: readonly ClusterEvent[], notes: readonly LabNote[], options: { routine: boolean; limit: number }): LogEntry[] {
  const entries: (LogEntry & { order: number })[] = [];
  // Many notes repeat an engine event with a tone; show those once, as the note.
  const noted = new Set(notes.map((note) => `${note.t}|${note.message}`));
  events.forEach((event, index) => {
    if (!options.routine && ROUTINE_KINDS.has(event.kind)) return;
    if (noted.has(`${event.t}|${event.message}`)) return;
    entries.push({ key: `e${event.seq}`, t: event.t, kind: event.kind, tone: event.kind === "error" ? "error" : "event", message: event.message, order: index });
  });
  // A note explains what just happened: at the same moment, it comes before (above) the events.
  notes.forEach((note, index) => entries.push({ key: `n${note.seq}`, t: note.t, kind: note.kind ?? "note", tone: note.tone, message: note.message, order: 1e9 + index }));
  entries.sort((a, b) => b.t - a.t || b.order - a.order);
  return entries.slice(0, options.limit);
}

const TONE: Record<LogEntry["tone"], string> = {
  event: "text-text",
  info: "border-l-2 border-accent bg-accent-soft/60 text-text",
  warning: "border-l-2 border-warn bg-warn-soft text-text",
  loss: "border-l-4 border-bad bg-bad-soft font-medium text-text",
  success: "border-l-2 border-good bg-good-soft text-text",
  error: "text-bad",
};

const TONE_LABEL: Partial<Record<LogEntry["tone"], string>> = {
  loss: "Data lost",
  warning: "Watch out",
  success: "Good",
  info: "Note",
  error: "Refused",
};

export const EventLog = memo(function EventLog({ events, notes }: { events: readonly ClusterEvent[]; notes: readonly LabNote[] }) {
  const [routine, setRoutine] = useState(false);
  const id = useId();
  const entries = useMemo(() => mergeLog(events, notes, { routine, limit: 80 }), [events, notes, routine]);
  const latestNote = notes.at(-1);
  return (
    <section aria-labelledby={`${id}-title`} className="flex min-h-0 flex-col rounded-2xl border border-border bg-surface">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-3">
        <h3 id={`${id}-title`} className="font-semibold">
          What happened
        </h3>
        <label className="flex items-center gap-2 text-xs text-muted">
          <input type="checkbox" checked={routine} onChange={(event) => setRoutine(event.target.checked)} className="h-3.5 w-3.5 accent-[var(--accent)]" />
          Show routine events
        </label>
      </div>
      <div className="sr-only" role="status" aria-live="polite" data-testid="latest-note">
        {latestNote ? `${TONE_LABEL[latestNote.tone] ?? "Note"}: ${latestNote.message}` : ""}
      </div>
      <ol className="max-h-[26rem] min-h-40 flex-1 space-y-1 overflow-y-auto p-3 text-sm" data-testid="event-log" tabIndex={0} aria-label="Events, newest first">
        {entries.length === 0 ? <li className="px-2 py-1 text-muted">Nothing has happened yet. Press play or take the first guided step.</li> : null}
        {entries.map((entry) => (
          <li key={entry.key} className={cn("flex gap-3 rounded-md px-2 py-1.5 leading-snug", TONE[entry.tone])} data-tone={entry.tone} data-kind={entry.kind}>
            <span className="w-14 shrink-0 pt-px text-right font-mono text-[0.72rem] text-muted tabular-nums">{formatVirtualTime(entry.t)}</span>
            <span className="min-w-0">
              {TONE_LABEL[entry.tone] ? <span className={cn("mr-1.5 font-semibold", entry.tone === "loss" || entry.tone === "error" ? "text-bad" : entry.tone === "success" ? "text-good" : entry.tone === "warning" ? "text-warn" : "text-accent-strong")}>{TONE_LABEL[entry.tone]}:</span> : null}
              {entry.message}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
});
