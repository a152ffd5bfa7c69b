"use client";

import Link from "next/link";
import { useState } from "react";
import { FeedbackView } from "@/components/feedback/feedback-view";
import type { FeedbackData } from "@/components/feedback/types";
import { cn } from "@/components/ui/cn";

export interface AccordionEntry {
  position: number;
  title: string;
  levelLabel: string;
  attemptId: string | null;
  feedback: FeedbackData | null;
}

// Every answer's full feedback, one open at a time (each feedback view is a full page section, and
// only one is mounted so their landmarks stay unique).
export function FeedbackAccordion({ entries, initiallyOpen = null }: { entries: AccordionEntry[]; initiallyOpen?: number | null }) {
  const [open, setOpen] = useState<number | null>(initiallyOpen);
  return (
    <ul className="flex flex-col gap-3" data-testid="feedback-accordion">
      {entries.map((entry) => {
        const expanded = open === entry.position;
        const panelId = `answer-feedback-${entry.position}`;
        return (
          <li key={entry.position} className={cn("rounded-2xl border bg-surface", expanded ? "border-accent/50" : "border-border")}>
            <h3>
              <button
                type="button"
                aria-expanded={expanded}
                aria-controls={panelId}
                onClick={() => setOpen(expanded ? null : entry.position)}
                className="flex w-full items-center justify-between gap-3 rounded-2xl px-5 py-4 text-left hover:bg-surface-2/60"
                data-testid="feedback-toggle"
              >
                <span className="min-w-0">
                  <span className="block text-xs font-medium text-muted">
                    Q{entry.position + 1} · {entry.levelLabel}
                  </span>
                  <span className="block truncate font-semibold">{entry.title}</span>
                </span>
                <span className="flex shrink-0 items-center gap-3">
                  {entry.feedback ? <span className="font-semibold tabular-nums">{entry.feedback.score.toFixed(1)}</span> : <span className="text-sm text-muted">not scored</span>}
                  <span aria-hidden="true" className={cn("text-muted transition-transform", expanded && "rotate-180")}>
                    ▾
                  </span>
                </span>
              </button>
            </h3>
            {expanded ? (
              <div id={panelId} className="border-t border-border p-3 sm:p-5">
                {entry.feedback ? (
                  <FeedbackView data={entry.feedback} />
                ) : (
                  <p className="text-sm text-muted">This answer was saved but could not be scored.</p>
                )}
                {entry.attemptId ? (
                  <p className="mt-4 text-sm">
                    <Link href={`/attempts/${entry.attemptId}`} className="font-medium text-accent hover:underline">
                      Open this answer on its own page
                    </Link>{" "}
                    <span className="text-muted">— with the model answer and follow-up questions.</span>
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
