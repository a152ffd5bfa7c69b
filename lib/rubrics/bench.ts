// The test bench: score a set of answers with known expected scores against a draft rubric, with the
// same rules scorer and the same agreement measures (Spearman, MAE) as the calibration check. Runs in
// the browser on every edit, so it imports only browser-safe modules.
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import { meanAbsoluteError, spearman } from "@/lib/scoring/agreement";
import { ARCHETYPE_LABELS, TRAP_CEILINGS, type Archetype, type CalibrationFile } from "@/lib/scoring/calibration-schema";
import { AnswerTooLongError, MAX_ANSWER_CHARS, scoreWithRules } from "@/lib/scoring/rules";
import type { ScoreResult } from "@/lib/scoring/types";

export interface BenchSample {
  id: string;
  label: string;
  text: string;
  /** The score (0–10) an experienced interviewer would give. */
  expected: number;
  source: "calibration" | "attempt" | "model-answer" | "instructor";
  /** For calibration answers: what the writer was asked to write (false claims and reversals get their own lines). */
  archetype?: Archetype;
}

export interface BenchRow {
  id: string;
  label: string;
  source: BenchSample["source"];
  expected: number;
  actual: number;
  /** actual − expected, two decimals (expected scores are means of two graders). */
  delta: number;
  /** Ids of required items the answer did not cover. */
  missedRequired: string[];
  /** Ids of misconception items the answer makes, the shared catalogue's false claims included. */
  firedMisconceptions: string[];
  /** Ids of the required and bonus points the answer earns. */
  metPoints: string[];
  /** Ids of required and bonus points the answer names only to wave away. */
  rejectedPoints: string[];
  /** For calibration answers: what the writer was asked to write. */
  archetype?: Archetype;
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
  /**
   * The trap answers on their own lines: answers built on false claims, answers that use the right words
   * but reject or reverse them, answers addressed to the grader and non-answers, each with how many there
   * are, the highest score any of them gets and the ceiling it should stay under.
   */
  traps: Array<{ archetype: Archetype; label: string; count: number; max: number; ceiling: number; over: string[] }>;
}

export interface BenchInput {
  question: { slug: string; modelAnswer: string; prompt?: string };
  rubric: Rubric;
  vocabulary: Vocabulary;
  claims: ClaimCatalogue;
  samples: BenchSample[];
}

export function runBench({ question, rubric, vocabulary, claims, samples }: BenchInput): BenchReport {
  const scorable = { ...question, rubric };
  const rows: BenchRow[] = [];
  const skipped: BenchReport["skipped"] = [];
  for (const sample of samples) {
    if (sample.text.length > MAX_ANSWER_CHARS) {
      skipped.push({ id: sample.id, reason: new AnswerTooLongError(sample.text.length).message });
      continue;
    }
    const result = scoreWithRules({ question: scorable, answer: sample.text, vocabulary, claims });
    rows.push(benchRow(sample, result));
  }
  const expected = rows.map((row) => row.expected);
  const actual = rows.map((row) => row.actual);
  const rho = rows.length >= 3 ? spearman(expected, actual) : Number.NaN;
  const mae = rows.length > 0 ? meanAbsoluteError(expected, actual) : Number.NaN;
  return { rows, spearman: Number.isFinite(rho) ? rho : null, mae: Number.isFinite(mae) ? mae : null, count: rows.length, skipped, traps: trapLines(rows) };
}

function trapLines(rows: BenchRow[]): BenchReport["traps"] {
  return (Object.entries(TRAP_CEILINGS) as Array<[Archetype, number]>).flatMap(([archetype, ceiling]) => {
    const of = rows.filter((row) => row.archetype === archetype);
    if (of.length === 0) return [];
    return [{ archetype, label: ARCHETYPE_LABELS[archetype], count: of.length, max: Math.max(...of.map((row) => row.actual)), ceiling, over: of.filter((row) => row.actual > ceiling).map((row) => row.id) }];
  });
}

function benchRow(sample: BenchSample, result: ScoreResult): BenchRow {
  return {
    id: sample.id,
    label: sample.label,
    source: sample.source,
    expected: sample.expected,
    actual: result.score,
    delta: Math.round((result.score - sample.expected) * 100) / 100,
    missedRequired: result.items.filter((item) => item.kind === "required" && !item.met).map((item) => item.id),
    firedMisconceptions: result.items.filter((item) => item.kind === "misconception" && item.met).map((item) => item.id),
    metPoints: result.items.filter((item) => item.kind !== "misconception" && item.met).map((item) => item.id),
    rejectedPoints: result.items.filter((item) => item.kind !== "misconception" && item.rejection).map((item) => item.id),
    ...(sample.archetype ? { archetype: sample.archetype } : {}),
  };
}

export interface BenchComparison {
  spearmanDelta: number | null;
  maeDelta: number | null;
  moved: Array<{ id: string; from: number; to: number }>;
  /**
   * Answers whose credit moved from one point to another with no change to the answer: the draft takes a
   * point away and gives another. Usually a pattern change that lets one sentence count for the wrong point.
   */
  shifted: Array<{ id: string; lost: string[]; gained: string[] }>;
}

/**
 * The draft's bench against the published rubric's bench on the same samples: positive spearmanDelta
 * means the draft ranks answers more like the expected scores; negative maeDelta means it is closer.
 * `moved` lists the samples whose score changed, in the draft's order; `shifted` those whose credit moved
 * between points.
 */
export function compareBench(draft: BenchReport, published: BenchReport): BenchComparison {
  const before = new Map(published.rows.map((row) => [row.id, row]));
  const moved = draft.rows.flatMap((row) => {
    const from = before.get(row.id)?.actual;
    return from !== undefined && from !== row.actual ? [{ id: row.id, from, to: row.actual }] : [];
  });
  const shifted = draft.rows.flatMap((row) => {
    const old = before.get(row.id);
    if (!old) return [];
    const lost = old.metPoints.filter((id) => !row.metPoints.includes(id));
    const gained = row.metPoints.filter((id) => !old.metPoints.includes(id));
    return lost.length && gained.length ? [{ id: row.id, lost, gained }] : [];
  });
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return { spearmanDelta: delta(draft.spearman, published.spearman), maeDelta: delta(draft.mae, published.mae), moved, shifted };
}

/** A calibration file (tests/fixtures/calibration/tune/<slug>.json) as bench samples. */
export function benchSamplesFromCalibration(file: CalibrationFile): BenchSample[] {
  return file.answers.map((answer) => ({
    id: answer.id,
    label: answer.note ? `${ARCHETYPE_LABELS[answer.archetype]}: ${answer.note}` : ARCHETYPE_LABELS[answer.archetype],
    text: answer.text,
    expected: answer.expected,
    source: "calibration" as const,
    archetype: answer.archetype,
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
  claims: ClaimCatalogue;
  answer: string;
  rubricVersion?: string;
}): { ok: true; result: ScoreResult } | { ok: false; message: string } {
  if (input.answer.length > MAX_ANSWER_CHARS) return { ok: false, message: new AnswerTooLongError(input.answer.length).message };
  try {
    const { question, rubric, answer, vocabulary, claims, rubricVersion } = input;
    return { ok: true, result: scoreWithRules({ question: { ...question, rubric }, answer, vocabulary, claims, rubricVersion }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "The preview could not score this answer." };
  }
}
