// Answers an instructor has graded by hand for a question: the test bench scores every draft rubric
// against them (next to the calibration set and the model answer), so questions without a
// calibration file still get a meaningful Spearman and MAE.
import { isUuid } from "@/lib/ids";
import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";
import type { Db } from "./prisma";

/** Enough for a bench; more would make every run slow to read. */
export const MAX_GRADED_SAMPLES = 40;

export interface GradedSampleRow {
  id: string;
  label: string;
  text: string;
  expectedScore: number;
  createdAt: Date;
}

const fields = { id: true, label: true, text: true, expectedScore: true, createdAt: true } as const;

async function questionIdOf(db: Db, slug: string): Promise<string> {
  const question = await db.question.findUnique({ where: { slug }, select: { id: true } });
  if (!question) throw new AppError("not_found", `There is no question "${slug}".`);
  return question.id;
}

export async function listGradedSamples(db: Db, { slug }: { slug: string }): Promise<GradedSampleRow[]> {
  const questionId = await questionIdOf(db, slug);
  return db.gradedSample.findMany({ where: { questionId }, orderBy: { createdAt: "asc" }, select: fields });
}

export async function addGradedSample(
  db: Db,
  { slug, label, text, expectedScore, actorId }: { slug: string; label: string; text: string; expectedScore: number; actorId: string },
): Promise<GradedSampleRow> {
  const questionId = await questionIdOf(db, slug);
  return db.$transaction(async (tx) => {
    const count = await tx.gradedSample.count({ where: { questionId } });
    if (count >= MAX_GRADED_SAMPLES) {
      throw new AppError("conflict", `"${slug}" already has ${MAX_GRADED_SAMPLES} graded answers, the most a question keeps; delete one first.`);
    }
    const sample = await tx.gradedSample.create({ data: { questionId, label, text, expectedScore }, select: fields });
    await recordAudit(tx, {
      actorId,
      action: "sample.add",
      questionId,
      summary: `Added the graded answer "${label}" (expected ${expectedScore}/10)`,
      details: { sampleId: sample.id, label, expectedScore },
    });
    return sample;
  });
}

export async function deleteGradedSample(db: Db, { slug, id, actorId }: { slug: string; id: string; actorId: string }): Promise<void> {
  const questionId = await questionIdOf(db, slug);
  await db.$transaction(async (tx) => {
    const sample = isUuid(id) ? await tx.gradedSample.findFirst({ where: { id, questionId }, select: fields }) : null;
    if (!sample) throw new AppError("not_found", `"${slug}" has no graded answer with id ${id}.`);
    await tx.gradedSample.delete({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: "sample.delete",
      questionId,
      summary: `Deleted the graded answer "${sample.label}" (expected ${sample.expectedScore}/10)`,
      details: { sampleId: id, label: sample.label, expectedScore: sample.expectedScore, text: sample.text },
    });
  });
}
