"use client";

import Link from "next/link";
import { useState } from "react";
import { FeedbackView } from "@/components/feedback/feedback-view";
import type { FeedbackData } from "@/components/feedback/types";
import { Prose } from "@/components/practice/prose";
import { cn } from "@/components/ui/cn";
import type { InterviewFollowUp } from "@/lib/practice/interview";
import { FollowUpResult } from "./follow-up-result";

export interface AccordionEntry {
  position: number;
  title: string;
  levelLabel: string;
  attemptId: string | null;
  feedback: FeedbackData | null;
  /** Skipped: no answer, so the panel shows the model answer instead of feedback. */
  skipped?: boolean;
  /** The model answer, rendered; given for skipped questions. */
  modelAnswerHtml?: string | null;
  /** The follow-up asked after the answer, with its prompt rendered. */
  followUp?: InterviewFollowUp | null;
  followUpPromptHtml?: string | null;
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
                  {entry.skipped ? (
                    <span className="rounded-full bg-surface-2 px-2 py-0.5 text-sm font-medium text-muted" data-testid="accordion-skipped">
                      Skipped
                    </span>
                  ) : entry.feedback ? (
                    <span className="font-semibold tabular-nums">{entry.feedback.score.toFixed(1)}</span>
                  ) : (
                    <span className="text-sm text-muted">not scored</span>
                  )}
                  <span aria-hidden="true" className={cn("text-muted transition-transform", expanded && "rotate-180")}>
                    ▾
                  </span>
                </span>
              </button>
            </h3>
            {expanded ? (
              <div id={panelId} className="border-t border-border p-3 sm:p-5">
                {entry.skipped ? (
                  <div data-testid="skipped-model-answer">
                    <p className="text-sm text-muted">You skipped this question, so it counts as 0. This is the answer an interviewer would hope to hear.</p>
                    {entry.modelAnswerHtml ? (
                      <div className="mt-3 rounded-xl border border-border bg-bg/40 p-4">
                        <h4 className="mb-2 font-semibold">Model answer</h4>
                        <Prose html={entry.modelAnswerHtml} />
                      </div>
                    ) : (
                      <p className="mt-2 text-sm text-muted">This question has left the bank, so its model answer is no longer available.</p>
                    )}
                  </div>
                ) : entry.feedback ? (
                  <FeedbackView data={entry.feedback} />
                ) : (
                  <p className="text-sm text-muted">This answer was saved but could not be scored.</p>
                )}
                {entry.followUp ? (
                  <div className="mt-6">
                    <FollowUpResult followUp={entry.followUp} promptHtml={entry.followUpPromptHtml ?? ""} headingId={`${panelId}-follow-up`} headingLevel={4} />
                  </div>
                ) : null}
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
