// How the LLM judge and the rules scorer combine (also documented in README.md):
//
//  1. The rules analysis always runs first. Its flags always stand: text addressed to the grader is
//     removed before the LLM sees the answer and still caps the score; non-answers and empty answers
//     never reach the LLM; a bare list of terms keeps its cap.
//  2. Required and bonus items: the LLM decides met / not met, but "met" needs a quote that is really in
//     the answer (outside the removed sentences). A quote that cannot be found is discarded, the item
//     counts as not met and the feedback says so. The evidence shown is the verified quote.
//  3. Misconceptions and the shared catalogue's false claims: what the rules found stays (with its
//     evidence); the LLM may add one the rules missed, again only with a verified quote.
//  4. Depth: a point the LLM marks met is "explained" when the LLM says the answer explains it, else "named".
//  5. The score is computed by the same formula (score.ts) for both scorers, so they are comparable.
//  6. If the LLM fails (timeout, HTTP error, malformed or incomplete JSON) after one retry, the rules
//     result stands unchanged, with `scorer: "rules"`, a `fallbackReason` and a flag in the feedback.
import type { ClaimCatalogue } from "@/lib/content/claims";
import { claimAsItem } from "./compile";
import type { LlmClaimJudgement, LlmJudgement } from "./llm";
import { locateQuote } from "./quotes";
import type { ItemResult, Span } from "./types";

export interface Combined {
  items: ItemResult[];
  /** Items and false claims whose LLM quote was not found in the answer. */
  discarded: Array<{ id: string; label: string }>;
}

export function combineJudgements(
  rules: ItemResult[],
  judgements: LlmJudgement[],
  answer: string,
  excluded: Span[],
  falseClaims: LlmClaimJudgement[] = [],
  catalogue: ClaimCatalogue = [],
): Combined {
  const byId = new Map(judgements.map((judgement) => [judgement.id, judgement]));
  const discarded: Combined["discarded"] = [];
  const items = rules.map((item): ItemResult => {
    const judgement = byId.get(item.id);
    if (!judgement) return item;
    if (item.kind === "misconception" && item.met) return item;
    const notMet: ItemResult = { ...item, met: false, evidence: [], spans: [], highlights: [], decidedBy: "llm" };
    if (!judgement.met) return item.kind === "misconception" ? { ...item, decidedBy: "llm" } : notMet;
    const span = locateQuote(answer, judgement.quote, excluded);
    if (!span) {
      discarded.push({ id: item.id, label: item.label });
      return notMet;
    }
    const met: ItemResult = { ...item, met: true, evidence: [answer.slice(span.start, span.end)], spans: [span], highlights: [span], decidedBy: "llm" };
    return item.kind === "misconception" ? met : { ...met, depth: judgement.explained ? "explained" : "named" };
  });
  // False claims from the catalogue the rules did not already find, each only with a verified quote.
  const found = new Set(items.map((item) => item.id));
  for (const judgement of falseClaims) {
    const claim = catalogue.find((candidate) => candidate.id === judgement.id);
    if (!claim) continue;
    const shape = claimAsItem(claim);
    if (found.has(shape.id)) continue;
    const span = locateQuote(answer, judgement.quote, excluded);
    if (!span) {
      discarded.push({ id: shape.id, label: shape.label });
      continue;
    }
    found.add(shape.id);
    items.push({
      id: shape.id,
      label: shape.label,
      kind: "misconception",
      weight: shape.weight,
      met: true,
      evidence: [answer.slice(span.start, span.end)],
      spans: [span],
      highlights: [span],
      decidedBy: "llm",
      origin: "catalogue",
      topic: claim.topic,
      correction: claim.correction,
    });
  }
  return { items, discarded };
}
