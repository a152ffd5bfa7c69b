// The instructor's test bench: run a draft rubric and the active one over the same answers (the
// question's calibration set, its model answer, instructor-graded samples, chosen real attempts)
// and compare each with the score it should get.
import { isUuid } from "@/lib/ids";
import { existsSync } from "node:fs";
import { getContentBank } from "@/lib/content/bank";
import type { Db } from "@/lib/db/prisma";
import { getRubricWorkspace } from "@/lib/db/rubrics";
import { AppError } from "@/lib/errors";
import { benchSamplesFromCalibration, compareBench, runBench, validateRubricDraft, type BenchSample } from "@/lib/rubrics";
import { calibrationPath, loadCalibrationSet } from "@/lib/scoring/calibration";

export const MAX_BENCH_ATTEMPTS = 50;

export async function benchSamples(db: Db, { slug, attemptIds = [] }: { slug: string; attemptIds?: string[] }): Promise<BenchSample[]> {
  const question = getContentBank().questions.find((candidate) => candidate.slug === slug);
  if (!question) throw new AppError("not_found", `There is no question "${slug}".`);
  if (attemptIds.length > MAX_BENCH_ATTEMPTS) {
    throw new AppError("bad_request", `Choose at most ${MAX_BENCH_ATTEMPTS} attempts for one bench run (you chose ${attemptIds.length}).`, { field: "attemptIds" });
  }
  const samples: BenchSample[] = [{ id: "model-answer", label: "Model answer", text: question.modelAnswer, expected: 10, source: "model-answer" }];
  if (existsSync(calibrationPath(slug))) samples.push(...benchSamplesFromCalibration(loadCalibrationSet(slug)));
  const graded = await db.gradedSample.findMany({ where: { question: { slug } }, orderBy: { createdAt: "asc" } });
  samples.push(...graded.map((sample): BenchSample => ({ id: sample.id, label: sample.label, text: sample.text, expected: sample.expectedScore, source: "instructor" })));
  if (attemptIds.length > 0) {
    const attempts = await db.attempt.findMany({
      where: { id: { in: attemptIds.filter(isUuid) }, question: { slug }, parentAttemptId: null },
      select: { id: true, answer: true, createdAt: true, user: { select: { name: true } }, scores: { where: { isCurrent: true }, take: 1, select: { score: true } } },
    });
    const missing = attemptIds.filter((id) => !attempts.some((attempt) => attempt.id === id));
    if (missing.length > 0) throw new AppError("bad_request", `These attempts are not answers to "${slug}": ${missing.join(", ")}.`, { field: "attemptIds" });
    for (const attempt of attempts) {
      const current = attempt.scores[0];
      if (!current) continue;
      samples.push({
        id: attempt.id,
        label: `${attempt.user.name}, ${attempt.createdAt.toISOString().slice(0, 10)}`,
        text: attempt.answer,
        expected: current.score,
        source: "attempt",
      });
    }
  }
  return samples;
}

/** Throws bad_request with `details.issues` when the draft is not a valid rubric. */
export async function runTestBench(db: Db, { slug, rubric, attemptIds }: { slug: string; rubric: unknown; attemptIds?: string[] }) {
  const workspace = await getRubricWorkspace(db, { slug });
  if (!workspace) throw new AppError("not_found", `There is no question "${slug}".`);
  const { vocabulary, claims } = getContentBank();
  const check = validateRubricDraft(rubric, vocabulary);
  if (!check.ok) {
    throw new AppError("bad_request", `The draft is not a valid rubric yet: ${check.issues[0]!.message}`, { field: "rubric", details: { issues: check.issues } });
  }
  const samples = await benchSamples(db, { slug, attemptIds });
  const question = { slug, modelAnswer: workspace.question.modelAnswer, prompt: workspace.question.prompt };
  const draft = runBench({ question, rubric: check.rubric, vocabulary, claims, samples });
  const published = runBench({ question, rubric: workspace.active.rubric, vocabulary, claims, samples });
  return { draft, published, comparison: compareBench(draft, published), publishedVersion: workspace.active.version };
}
