// Compiling the shared false-claim catalogue takes about half a second, and V8 needs a few hundred calls
// before the scorer runs at full speed. Without this, the first candidate to submit after a deploy pays
// both. The server calls it once at start-up, in the background.
import type { ContentBank } from "@/lib/content/load";
import { compiledCatalogueFor, compiledRubricFor } from "./compile";
import { scoreWithRules } from "./rules";

/** Compiles the catalogue and every question's rubric, and scores each model answer a few times. */
export function warmUpScorer(bank: ContentBank, rounds = 3): void {
  compiledCatalogueFor(bank.claims, bank.vocabulary);
  for (const question of bank.questions) compiledRubricFor(question.rubric, bank.vocabulary);
  for (let round = 0; round < rounds; round++) {
    for (const question of bank.questions) {
      scoreWithRules({ question, answer: question.modelAnswer, vocabulary: bank.vocabulary, claims: bank.claims });
    }
  }
}
