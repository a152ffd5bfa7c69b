// The shared false-claim catalogue on its own: which of its claims a piece of text makes. Used by the
// catalogue's own tests (every `says` sentence trips its claim, no `nearMiss` does), by content checks
// (no model answer makes a false claim) and by the rubric editor's "try a sentence" box. Browser-safe.
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { compiledCatalogueFor, compiledRubricFor } from "./compile";
import { matchRubric } from "./match";
import { analyseNegation } from "./negation";
import { analyseText } from "./normalise";
import { analyseStance } from "./stance";

export interface ClaimHit {
  /** The catalogue id (without the result prefix). */
  id: string;
  /** The sentences that make the claim, verbatim. */
  evidence: string[];
}

const NO_ITEMS: Rubric = { items: [] };

/** The catalogue claims `text` makes, in catalogue order. */
export function falseClaimsIn(text: string, vocabulary: Vocabulary, claims: ClaimCatalogue): ClaimHit[] {
  const compiled = compiledRubricFor(NO_ITEMS, vocabulary);
  const analysed = analyseText(text);
  const usable = new Uint8Array(analysed.tokens.length).fill(1);
  const matched = matchRubric(compiled, compiledCatalogueFor(claims, vocabulary), { analysed, negation: analyseNegation(analysed), dismissed: analyseStance(analysed), usable });
  return matched.claims.map((match) => ({
    id: match.item.claim!.id,
    evidence: match.sentences.map((index) => {
      const sentence = analysed.sentences[index]!;
      return text.slice(sentence.start, sentence.end);
    }),
  }));
}
