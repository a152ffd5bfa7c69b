"use client";

import { cn } from "@/components/ui/cn";
import { segments } from "./highlighted-answer";
import type { FeedbackItem } from "./types";

const TONES = {
  good: { quote: "border-good", mark: "bg-good-soft" },
  // A wavy underline as well as the tint: the quote sits on a tinted card, and colour alone says nothing to some readers.
  bad: { quote: "border-bad", mark: "bg-bad-soft underline decoration-bad decoration-wavy underline-offset-4" },
} as const;

/**
 * The sentence that earned a point (or made a wrong claim), quoted from the answer with the words that did it
 * marked. One sentence can earn a point and make a wrong claim at once ("Salting the hot key keeps its events in
 * order"): the marks show which words earned the point and which made the claim. Falls back to the plain quote
 * when the score kept no word positions.
 */
export function QuotedEvidence({ answer, item, evidence, tone, lead }: { answer: string; item?: FeedbackItem; evidence: string; tone: keyof typeof TONES; lead?: string }) {
  const span = item?.spans[0];
  const inside = span ? (item?.highlights ?? []).filter((mark) => mark.start >= span.start && mark.end <= span.end && mark.end > mark.start) : [];
  const marks = span ? inside.map((mark) => ({ start: mark.start - span.start, end: mark.end - span.start })) : [];
  const sentence = span && marks.length > 0 ? answer.slice(span.start, span.end) : undefined;
  return (
    <blockquote className={cn("mt-1 border-l-2 pl-3 text-sm text-muted", TONES[tone].quote)}>
      {lead}&ldquo;
      {sentence
        ? segments(sentence, marks).map((piece, index) =>
            piece.mark ? (
              <mark key={index} className={cn("rounded px-0.5 text-text", TONES[tone].mark)}>
                {piece.text}
              </mark>
            ) : (
              <span key={index}>{piece.text}</span>
            ),
          )
        : evidence}
      &rdquo;
    </blockquote>
  );
}
