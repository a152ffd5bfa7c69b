"use client";

import { cn } from "@/components/ui/cn";
import type { FeedbackItem, FeedbackSpan } from "./types";

type Mark = FeedbackSpan & { itemId: string; tone: "good" | "bad" | "flag" };

/** Cuts the answer into plain and marked pieces; where marks overlap, the first one wins. */
export function segments<M extends FeedbackSpan>(text: string, marks: M[]) {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: { text: string; mark?: M }[] = [];
  let at = 0;
  for (const mark of sorted) {
    const start = Math.max(mark.start, at);
    if (mark.end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: text.slice(start, mark.end), mark });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export function HighlightedAnswer({
  answer,
  items,
  flagSpans,
  activeItem,
}: {
  answer: string;
  items: FeedbackItem[];
  flagSpans: FeedbackSpan[];
  activeItem: string | null;
}) {
  const marks: Mark[] = [
    ...flagSpans.map((span) => ({ ...span, itemId: "flag", tone: "flag" as const })),
    ...items
      .filter((item) => item.met)
      .flatMap((item) => item.spans.map((span) => ({ ...span, itemId: item.id, tone: item.kind === "misconception" ? ("bad" as const) : ("good" as const) }))),
  ];
  return (
    <p className="text-[0.96rem] leading-[1.8] whitespace-pre-wrap" data-testid="highlighted-answer">
      {segments(answer, marks).map((piece, index) =>
        piece.mark ? (
          <mark
            key={index}
            data-item={piece.mark.itemId}
            className={cn(
              "rounded px-0.5 text-text transition-shadow",
              piece.mark.tone === "good" && "bg-good-soft",
              piece.mark.tone === "bad" && "bg-bad-soft underline decoration-bad decoration-wavy underline-offset-4",
              piece.mark.tone === "flag" && "bg-surface-2 text-muted line-through",
              activeItem === piece.mark.itemId && "ring-2 ring-accent",
            )}
            title={piece.mark.tone === "flag" ? "Ignored: addressed to the grader" : undefined}
          >
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
