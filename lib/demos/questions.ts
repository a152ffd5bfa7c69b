// The questions that open a demo scenario: each question names its scenario in its own `demo:`
// frontmatter field, so this is read from the content bank, never kept as a second list. Server only
// (the bank reads content/ from disk).
import { getContentBank } from "@/lib/content/bank";
import type { Question } from "@/lib/content/load";

export function questionsOpening(scenarioId: string): Question[] {
  return getContentBank().questions.filter((question) => question.demo === scenarioId);
}
