// A question as scoring needs it: the markdown (prompt, model answer) joined with its database row
// and the rubric version that is live right now (instructor versions will land here too).
import { getContentBank } from "@/lib/content/bank";
import type { Question } from "@/lib/content/load";
import { rubricSchema, type Rubric } from "@/lib/content/schema";
import { syncQuestionBank } from "./question-sync";
import type { Db } from "./prisma";

export interface ScoringContext {
  question: Question & { rubric: Rubric };
  questionId: string;
  rubricVersionId: string;
  /** Shown to people and stored with scores, e.g. "v3". */
  rubricVersionLabel: string;
}

export async function getScoringContext(db: Db, slug: string): Promise<ScoringContext | null> {
  const bank = getContentBank();
  const question = bank.questions.find((candidate) => candidate.slug === slug);
  if (!question) return null;
  let row = await findLive(db, slug);
  if (!row) {
    // The file appeared after start-up (e.g. while developing): mirror the bank and look again.
    await syncQuestionBank(db, bank);
    row = await findLive(db, slug);
  }
  const version = row?.rubricVersions[0];
  if (!row || !version) return null;
  return {
    question: { ...question, rubric: rubricSchema.parse(version.rubric) },
    questionId: row.id,
    rubricVersionId: version.id,
    rubricVersionLabel: `v${version.version}`,
  };
}

function findLive(db: Db, slug: string) {
  return db.question.findFirst({
    where: { slug, archivedAt: null },
    select: {
      id: true,
      rubricVersions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, rubric: true } },
    },
  });
}
