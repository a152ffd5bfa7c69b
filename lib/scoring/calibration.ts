// Calibration: answers written for each seed question, each with the score an experienced interviewer
// would give. Used to check the scorer (Spearman, mean absolute error, caps for injections and
// misconceptions) and as few-shot examples for the LLM judge.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "@/lib/content/load";
import type { Vocabulary } from "@/lib/content/schema";
import { meanAbsoluteError, spearman } from "./agreement";
import { scoreWithRules } from "./rules";
import type { GradedExample, ScorableQuestion } from "./types";

export { meanAbsoluteError, spearman } from "./agreement";

export const calibrationDir = join(projectRoot, "tests/fixtures/calibration");

/** The ten seed questions every calibration run covers. */
export const SEED_QUESTIONS = [
  "kafka-what-and-why",
  "kafka-architecture",
  "kafka-topic-design",
  "kafka-delivery-guarantees",
  "kafka-consumer-lag",
  "stream-processing-basics",
  "stream-windowing",
  "stream-late-data",
  "stream-exactly-once",
  "stream-analytics-1m-eps",
] as const;

export const VOICES = ["strong", "medium", "weak", "misconception", "non-answer", "injection", "rambling", "terse", "long-wrong"] as const;

export const THRESHOLDS = { spearman: 0.85, mae: 1.5, injectionMax: 2, misconceptionMax: 4 } as const;

export const calibrationFileSchema = z
  .object({
    question: z.string(),
    answers: z
      .array(
        z
          .object({
            id: z.string().min(1),
            voice: z.enum(VOICES),
            text: z.string(),
            expected: z.number().min(0).max(10),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(7),
  })
  .strict();
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;

export class CalibrationFixtureError extends Error {}

export function calibrationPath(slug: string, dir = calibrationDir): string {
  return join(dir, `${slug}.json`);
}

/** Loads and validates tests/fixtures/calibration/<slug>.json; throws CalibrationFixtureError. */
export function loadCalibrationSet(slug: string, dir = calibrationDir): CalibrationFile {
  const path = calibrationPath(slug, dir);
  if (!existsSync(path)) throw new CalibrationFixtureError(`missing calibration fixture ${path}`);
  const parsed = calibrationFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new CalibrationFixtureError(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  if (parsed.data.question !== slug) throw new CalibrationFixtureError(`${path}: "question" is "${parsed.data.question}", expected "${slug}"`);
  return parsed.data;
}

/** Graded examples for the LLM judge, or [] when the question has no fixture. */
export function calibrationExamples(slug: string, dir = calibrationDir): GradedExample[] {
  try {
    return loadCalibrationSet(slug, dir).answers;
  } catch {
    return [];
  }
}

export interface CalibrationRow {
  question: string;
  id: string;
  voice: (typeof VOICES)[number];
  expected: number;
  actual: number;
}

export interface CalibrationReport {
  rows: CalibrationRow[];
  spearman: number;
  mae: number;
  /** Human-readable threshold failures; empty when the set passes. */
  failures: string[];
}

export function evaluateRows(rows: CalibrationRow[]): CalibrationReport {
  const expected = rows.map((row) => row.expected);
  const actual = rows.map((row) => row.actual);
  const rho = spearman(expected, actual);
  const mae = meanAbsoluteError(expected, actual);
  const failures: string[] = [];
  if (!(rho >= THRESHOLDS.spearman)) failures.push(`Spearman ${rho.toFixed(3)} < ${THRESHOLDS.spearman}`);
  if (!(mae <= THRESHOLDS.mae)) failures.push(`MAE ${mae.toFixed(2)} > ${THRESHOLDS.mae}`);
  for (const row of rows) {
    if (row.voice === "injection" && row.actual > THRESHOLDS.injectionMax) failures.push(`${row.question}/${row.id}: injection scored ${row.actual} > ${THRESHOLDS.injectionMax}`);
    if (row.voice === "misconception" && row.actual > THRESHOLDS.misconceptionMax) failures.push(`${row.question}/${row.id}: misconception scored ${row.actual} > ${THRESHOLDS.misconceptionMax}`);
  }
  return { rows, spearman: rho, mae, failures };
}

/** Scores every fixture answer for one question with the rules scorer. */
export function calibrateQuestion(question: ScorableQuestion, fixture: CalibrationFile, vocabulary: Vocabulary): CalibrationRow[] {
  return fixture.answers.map((answer) => ({
    question: question.slug,
    id: answer.id,
    voice: answer.voice,
    expected: answer.expected,
    actual: scoreWithRules({ question, answer: answer.text, vocabulary }).score,
  }));
}

/** A table of expected vs actual, worst first, for tuning rubrics. */
export function formatReport(title: string, report: CalibrationReport): string {
  const lines = [`${title}: Spearman ${report.spearman.toFixed(3)}, MAE ${report.mae.toFixed(2)}, ${report.rows.length} answers${report.failures.length ? `  FAIL: ${report.failures.join("; ")}` : "  ok"}`];
  const rows = [...report.rows].sort((a, b) => Math.abs(b.actual - b.expected) - Math.abs(a.actual - a.expected));
  for (const row of rows) {
    const diff = row.actual - row.expected;
    lines.push(`  ${row.question.padEnd(26)} ${row.id.padEnd(24)} ${row.voice.padEnd(13)} expected ${row.expected.toFixed(1).padStart(4)}  actual ${row.actual.toFixed(1).padStart(4)}  ${diff >= 0 ? "+" : ""}${diff.toFixed(1)}`);
  }
  return lines.join("\n");
}
