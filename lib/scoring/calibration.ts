// Calibration: answers to every question, written by people who had not seen the rubric and graded by
// two independent graders, kept in two parts (docs/calibration.md tells how they were made):
//   tests/fixtures/calibration/tune/<slug>.json      what rubric and engine tuning may look at
//   tests/fixtures/calibration/held-out/<slug>.json  kept aside: only its figures are ever reported
// Used to check the scorer (Spearman, MAE, bias, the score bands of trap answers), as the instructor's
// test bench samples and as few-shot examples for the LLM judge (tune part only).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimCatalogue } from "@/lib/content/claims";
import { projectRoot } from "@/lib/content/load";
import type { Vocabulary } from "@/lib/content/schema";
import { meanAbsoluteError, spearman } from "./agreement";
import { scoreWithRules } from "./rules";
import { ARCHETYPES, calibrationFileSchema, TRAP_CEILINGS, type Archetype, type CalibrationAnswer, type CalibrationFile, type CalibrationPart } from "./calibration-schema";
import type { GradedExample, ScorableQuestion } from "./types";

export { meanAbsoluteError, spearman } from "./agreement";
export * from "./calibration-schema";

export const calibrationDir = join(projectRoot, "tests/fixtures/calibration");

/** The ten seed questions (the mock interview the product grew from). */
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

export class CalibrationFixtureError extends Error {}

export function calibrationPath(slug: string, part: CalibrationPart = "tune", dir = calibrationDir): string {
  return join(dir, part, `${slug}.json`);
}

/** The slugs that have a calibration file in `part`, sorted. */
export function calibrationSlugs(part: CalibrationPart = "tune", dir = calibrationDir): string[] {
  const folder = join(dir, part);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -5))
    .sort();
}

/** Loads and validates one calibration file; throws CalibrationFixtureError naming the problem. */
export function loadCalibrationSet(slug: string, part: CalibrationPart = "tune", dir = calibrationDir): CalibrationFile {
  const path = calibrationPath(slug, part, dir);
  if (!existsSync(path)) throw new CalibrationFixtureError(`missing calibration file ${path}`);
  const parsed = calibrationFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new CalibrationFixtureError(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  if (parsed.data.question !== slug) throw new CalibrationFixtureError(`${path}: "question" is "${parsed.data.question}", expected "${slug}"`);
  if (parsed.data.part !== part) throw new CalibrationFixtureError(`${path}: "part" is "${parsed.data.part}", expected "${part}"`);
  return parsed.data;
}

/** Graded examples for the LLM judge (tune part only), or [] when the question has none. */
export function calibrationExamples(slug: string, dir = calibrationDir): GradedExample[] {
  try {
    return loadCalibrationSet(slug, "tune", dir).answers.map(({ id, archetype, text, expected }) => ({ id, voice: archetype, text, expected }));
  } catch {
    return [];
  }
}

export interface CalibrationRow {
  question: string;
  id: string;
  archetype: Archetype;
  written: CalibrationAnswer["written"];
  expected: number;
  actual: number;
}

/** Scores every answer of one calibration file with the rules scorer. */
export function calibrateQuestion(question: ScorableQuestion, file: CalibrationFile, vocabulary: Vocabulary, claims: ClaimCatalogue): CalibrationRow[] {
  return file.answers.map((answer) => ({
    question: question.slug,
    id: answer.id,
    archetype: answer.archetype,
    written: answer.written,
    expected: answer.expected,
    actual: scoreWithRules({ question, answer: answer.text, vocabulary, claims }).score,
  }));
}

/** The score bands the grading goals speak of, by the graders' score. */
export const BANDS = [
  { id: "0-2", from: 0, to: 2 },
  { id: "2.5-3.5", from: 2.5, to: 3.5 },
  { id: "4-6.5", from: 4, to: 6.5 },
  { id: "7-8.5", from: 7, to: 8.5 },
  { id: "9-10", from: 9, to: 10 },
] as const;

export interface CalibrationReport {
  count: number;
  spearman: number;
  mae: number;
  /** Mean of actual − expected: positive when the scorer is too generous. */
  bias: number;
  /** Per band of the expected score: how many answers, their mean expected and mean actual score. */
  bands: Array<{ band: string; count: number; expected: number; actual: number }>;
  /** Per archetype: count, mean expected, mean actual, highest actual. */
  archetypes: Array<{ archetype: Archetype; count: number; expected: number; actual: number; max: number }>;
  /** Answers the graders put at 4–6.5 that score ≥ 8.5, and answers they put at ≥ 9 that score below 8. */
  bandViolations: CalibrationRow[];
  /** Trap answers above their ceiling (TRAP_CEILINGS). */
  trapViolations: CalibrationRow[];
}

const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN);

export function evaluateRows(rows: CalibrationRow[]): CalibrationReport {
  const expected = rows.map((row) => row.expected);
  const actual = rows.map((row) => row.actual);
  const bands = BANDS.map((band) => {
    const inBand = rows.filter((row) => row.expected >= band.from && row.expected <= band.to + 0.25);
    return { band: band.id, count: inBand.length, expected: mean(inBand.map((row) => row.expected)), actual: mean(inBand.map((row) => row.actual)) };
  });
  const archetypes = ARCHETYPES.flatMap((archetype) => {
    const of = rows.filter((row) => row.archetype === archetype);
    if (of.length === 0) return [];
    return [{ archetype, count: of.length, expected: mean(of.map((row) => row.expected)), actual: mean(of.map((row) => row.actual)), max: Math.max(...of.map((row) => row.actual)) }];
  });
  return {
    count: rows.length,
    spearman: spearman(expected, actual),
    mae: meanAbsoluteError(expected, actual),
    bias: mean(rows.map((row) => row.actual - row.expected)),
    bands,
    archetypes,
    bandViolations: rows.filter((row) => (row.expected >= 4 && row.expected <= 6.5 && row.actual >= 8.5) || (row.expected >= 9 && row.actual < 8)),
    trapViolations: rows.filter((row) => {
      const ceiling = TRAP_CEILINGS[row.archetype];
      return ceiling !== undefined && row.actual > ceiling;
    }),
  };
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

/** Headline figures, per band and per archetype; with `rows`, every answer, worst first (tune part only). */
export function formatReport(title: string, report: CalibrationReport, rows?: CalibrationRow[]): string {
  const lines = [
    `${title}: ${report.count} answers · Spearman ${fixed(report.spearman, 3)} · MAE ${fixed(report.mae)} · bias ${report.bias >= 0 ? "+" : ""}${fixed(report.bias)}`,
    `  bands (graders' score → mean expected / mean actual): ${report.bands.map((band) => `${band.band}: n=${band.count} ${fixed(band.expected, 1)}/${fixed(band.actual, 1)}`).join(" · ")}`,
    `  archetypes (n, mean expected / mean actual, max actual):`,
    ...report.archetypes.map((row) => `    ${row.archetype.padEnd(17)} n=${String(row.count).padStart(3)}  ${fixed(row.expected, 1).padStart(4)} / ${fixed(row.actual, 1).padStart(4)}  max ${fixed(row.max, 1)}`),
    `  band violations: ${report.bandViolations.length} · trap violations: ${report.trapViolations.length}`,
  ];
  if (rows) {
    const sorted = [...rows].sort((a, b) => Math.abs(b.actual - b.expected) - Math.abs(a.actual - a.expected));
    for (const row of sorted) {
      const diff = row.actual - row.expected;
      lines.push(`  ${row.question.padEnd(36)} ${row.id.padEnd(34)} ${row.archetype.padEnd(17)} expected ${row.expected.toFixed(1).padStart(4)}  actual ${row.actual.toFixed(1).padStart(4)}  ${diff >= 0 ? "+" : ""}${diff.toFixed(1)}`);
    }
  }
  return lines.join("\n");
}
