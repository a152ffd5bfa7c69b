// The test bench: score a set of answers with known expected scores against a draft rubric, with the
// same rules scorer and the same agreement measures (Spearman, MAE) as the calibration check. Runs in
// the browser on every edit, so it imports only browser-safe modules.
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { meanAbsoluteError, spearman } from "@/lib/scoring/agreement";
import type { CalibrationFile } from "@/lib/scoring/calibration";
import { AnswerTooLongError, MAX_ANSWER_CHARS, scoreWithRules } from "@/lib/scoring/rules";
import type { ScoreResult } from "@/lib/scoring/types";

export interface BenchSample {
  id: string;
  label: string;
  text: string;
  /** The score (0–10) an experienced interviewer would give. */
  expected: number;
  source: "calibration" | "attempt" | "model-answer" | "instructor";
}

export interface BenchRow {
  id: string;
  label: string;
  source: BenchSample["source"];
  expected: number;
  actual: number;
  /** actual − expected, one decimal. */
  delta: number;
  /** Ids of required items the answer did not cover. */
  missedRequired: string[];
  /** Ids of misconception items the answer makes. */
  firedMisconceptions: string[];
}

export interface BenchReport {
  rows: BenchRow[];
  /** Spearman's rank correlation of expected vs actual; null with fewer than 3 rows or no variance. */
  spearman: number | null;
  /** Mean absolute error of actual vs expected; null with no rows. */
  mae: number | null;
  count: number;
  /** Samples that could not be scored (e.g. longer than the scorer accepts), with the reason. */
  skipped: Array<{ id: string; reason: string }>;
}

export interface BenchInput {
  question: { slug: string; modelAnswer: string; prompt?: string };
  rubric: Rubric;
  vocabulary: Vocabulary;
  samples: BenchSample[];
}

export function runBench({ question, rubric, vocabulary, samples }: BenchInput): BenchReport {
  const scorable = { ...question, rubric };
  const rows: BenchRow[] = [];
  const skipped: BenchReport["skipped"] = [];
  for (const sample of samples) {
    if (sample.text.length > MAX_ANSWER_CHARS) {
      skipped.push({ id: sample.id, reason: new AnswerTooLongError(sample.text.length).message });
      continue;
    }
    const result = scoreWithRules({ question: scorable, answer: sample.text, vocabulary });
    rows.push(benchRow(sample, result));
  }
  const expected = rows.map((row) => row.expected);
  const actual = rows.map((row) => row.actual);
  const rho = rows.length >= 3 ? spearman(expected, actual) : Number.NaN;
  const mae = rows.length > 0 ? meanAbsoluteError(expected, actual) : Number.NaN;
  return { rows, spearman: Number.isFinite(rho) ? rho : null, mae: Number.isFinite(mae) ? mae : null, count: rows.length, skipped };
}

function benchRow(sample: BenchSample, result: ScoreResult): BenchRow {
  return {
    id: sample.id,
    label: sample.label,
    source: sample.source,
    expected: sample.expected,
    actual: result.score,
    delta: Math.round((result.score - sample.expected) * 10) / 10,
    missedRequired: result.items.filter((item) => item.kind === "required" && !item.met).map((item) => item.id),
    firedMisconceptions: result.items.filter((item) => item.kind === "misconception" && item.met).map((item) => item.id),
  };
}

/**
 * The draft's bench against the published rubric's bench on the same samples: positive spearmanDelta
 * means the draft ranks answers more like the expected scores; negative maeDelta means it is closer.
 * `moved` lists the samples whose score changed, in the draft's order.
 */
export function compareBench(
  draft: BenchReport,
  published: BenchReport,
): { spearmanDelta: number | null; maeDelta: number | null; moved: Array<{ id: string; from: number; to: number }> } {
  const before = new Map(published.rows.map((row) => [row.id, row.actual]));
  const moved = draft.rows.flatMap((row) => {
    const from = before.get(row.id);
    return from !== undefined && from !== row.actual ? [{ id: row.id, from, to: row.actual }] : [];
  });
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return { spearmanDelta: delta(draft.spearman, published.spearman), maeDelta: delta(draft.mae, published.mae), moved };
}

const VOICE_LABELS: Record<CalibrationFile["answers"][number]["voice"], string> = {
  strong: "Strong answer",
  medium: "Medium answer",
  weak: "Weak answer",
  misconception: "Answer with a misconception",
  "non-answer": "Non-answer",
  injection: "Answer addressed to the grader",
  rambling: "Rambling answer",
  terse: "Terse answer",
  "long-wrong": "Long answer that misses the point",
};

/** A calibration fixture (tests/fixtures/calibration/<slug>.json) as bench samples. */
export function benchSamplesFromCalibration(file: CalibrationFile): BenchSample[] {
  return file.answers.map((answer) => ({
    id: answer.id,
    label: answer.note ? `${VOICE_LABELS[answer.voice]}: ${answer.note}` : VOICE_LABELS[answer.voice],
    text: answer.text,
    expected: answer.expected,
    source: "calibration" as const,
  }));
}

/**
 * The live preview: the rules score of one pasted answer against a draft rubric, or a message when
 * it cannot be scored (an answer longer than the scorer accepts, a rubric it cannot run). Never throws.
 */
export function previewScore(input: {
  question: { slug: string; modelAnswer: string; prompt?: string };
  rubric: Rubric;
  vocabulary: Vocabulary;
  answer: string;
  rubricVersion?: string;
}): { ok: true; result: ScoreResult } | { ok: false; message: string } {
  if (input.answer.length > MAX_ANSWER_CHARS) return { ok: false, message: new AnswerTooLongError(input.answer.length).message };
  try {
    const { question, rubric, answer, vocabulary, rubricVersion } = input;
    return { ok: true, result: scoreWithRules({ question: { ...question, rubric }, answer, vocabulary, rubricVersion }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "The preview could not score this answer." };
  }
}
