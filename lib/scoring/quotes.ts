// Checks that a quote really is in the answer, tolerant only of whitespace, case, quote marks, dashes,
// markdown emphasis and an ellipsis standing for skipped words. Returns where it sits in the original.
import type { Span } from "./types";

/** Minimum words a quote must have to count as evidence. */
export const MIN_QUOTE_WORDS = 2;

interface Folded {
  text: string;
  /** Original index of each folded character. */
  origin: number[];
}

function foldChar(ch: string): string {
  if (/\s/.test(ch)) return " ";
  if (/[’‘`´]/.test(ch)) return "'";
  if (/[“”„]/.test(ch)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(ch)) return "-";
  if (ch === "…") return "...";
  if (ch === "*" || /[\u200b-\u200f\u2060\ufeff\u00ad]/.test(ch)) return "";
  return ch.normalize("NFKC").toLowerCase();
}

function fold(text: string): Folded {
  let out = "";
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (const c of folded) {
      if (c === " " && (out.length === 0 || out.endsWith(" "))) continue;
      out += c;
      origin.push(index);
    }
    index += ch.length;
  }
  return { text: out, origin };
}

export function locateQuote(answer: string, quote: string, excluded: Span[] = []): Span | undefined {
  const folded = fold(answer);
  const fragments = fold(quote)
    .text.split("...")
    .map((fragment) => fragment.trim().replace(/^["'([]+|["')\].,;:!?]+$/g, "").trim())
    .filter(Boolean);
  const words = fragments.join(" ").split(" ").filter(Boolean).length;
  if (fragments.length === 0 || words < MIN_QUOTE_WORDS) return undefined;
  let from = 0;
  let start = -1;
  let end = -1;
  for (const fragment of fragments) {
    const at = folded.text.indexOf(fragment, from);
    if (at < 0) return undefined;
    if (start < 0) start = at;
    end = at + fragment.length;
    from = end;
  }
  const span = { start: folded.origin[start]!, end: folded.origin[end - 1]! + 1 };
  if (excluded.some((ex) => span.start < ex.end && ex.start < span.end)) return undefined;
  return span;
}
