import { cn } from "@/components/ui/cn";

export type StatusTone = "info" | "good" | "bad";
export interface StatusNote {
  tone: StatusTone;
  text: string;
  /** Extra lines under the message, e.g. one per problem in an imported file. */
  list?: string[];
}

/**
 * The outcome of the last action, in a live region that exists before anything is written into it
 * (screen readers only announce changes to a region they already know about).
 */
export function StatusMessage({ note, testId, className }: { note: StatusNote | null; testId?: string; className?: string }) {
  return (
    <div aria-live="polite" role="status" className={className} data-testid={testId}>
      {note ? (
        <div
          className={cn(
            "rounded-lg border px-3 py-2 text-sm",
            note.tone === "good" && "border-good/30 bg-good-soft text-text",
            note.tone === "bad" && "border-bad/30 bg-bad-soft text-text",
            note.tone === "info" && "border-border bg-surface-2 text-text",
          )}
          data-tone={note.tone}
        >
          <p>
            <span className="sr-only">{note.tone === "bad" ? "Problem: " : note.tone === "good" ? "Done: " : ""}</span>
            {note.text}
          </p>
          {note.list && note.list.length > 0 ? (
            <ul className="mt-1.5 list-disc space-y-0.5 pl-5 font-mono text-[0.8rem]">
              {note.list.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
