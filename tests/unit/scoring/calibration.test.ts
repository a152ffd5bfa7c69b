// Calibration: the rules scorer against hand-graded answers for the ten seed questions.
// Thresholds (issue): Spearman ≥ 0.85 and MAE ≤ 1.5 with the expected scores, every injection ≤ 2,
// every misconception answer ≤ 4 — asserted per question and pooled over all ten.
// A missing seed question or fixture fails loudly. Prints expected vs actual for every answer.
// One question only:  CALIBRATION_SLUG=stream-windowing npx vitest run --project unit tests/unit/scoring/calibration.test.ts
//                 or  npm run -s score -- --calibrate stream-windowing
import { describe, expect, it } from "vitest";
import { loadContentBank, formatProblem } from "@/lib/content/load";
import {
  calibrateQuestion,
  evaluateRows,
  formatReport,
  loadCalibrationSet,
  SEED_QUESTIONS,
  VOICES,
  type CalibrationRow,
} from "@/lib/scoring/calibration";

const only = process.env.CALIBRATION_SLUG;
const slugs: readonly string[] = only ? [only] : SEED_QUESTIONS;
const bank = loadContentBank();
const pooled: CalibrationRow[] = [];

function rowsFor(slug: string): CalibrationRow[] {
  const question = bank.questions.find((candidate) => candidate.slug === slug);
  if (!question) {
    const problems = bank.problems.filter((problem) => problem.path.endsWith(`${slug}.md`)).map(formatProblem);
    throw new Error(`seed question "${slug}" is missing from content/questions${problems.length ? `:\n${problems.join("\n")}` : ""}`);
  }
  return calibrateQuestion(question, loadCalibrationSet(slug), bank.vocabulary);
}

describe.each(slugs)("calibration: %s", (slug) => {
  it("has a seed question and a fixture covering every voice", () => {
    const fixture = loadCalibrationSet(slug);
    expect(fixture.answers.length).toBeGreaterThanOrEqual(7);
    const voices = new Set(fixture.answers.map((answer) => answer.voice));
    for (const voice of ["strong", "medium", "weak", "misconception", "non-answer", "injection"] as const) expect(voices, `voice "${voice}"`).toContain(voice);
    expect(["rambling", "terse", "long-wrong"].some((voice) => voices.has(voice as (typeof VOICES)[number]))).toBe(true);
    expect(bank.questions.some((question) => question.slug === slug), `content/questions/${slug}.md`).toBe(true);
  });

  it("meets the thresholds on its own", () => {
    const rows = rowsFor(slug);
    pooled.push(...rows);
    const report = evaluateRows(rows);
    console.log(formatReport(slug, report));
    expect(report.failures).toEqual([]);
  });
});

describe("calibration: all seed questions together", () => {
  it.runIf(!only)("meets the thresholds pooled over all ten questions", () => {
    const rows = SEED_QUESTIONS.flatMap((slug) => (pooled.some((row) => row.question === slug) ? pooled.filter((row) => row.question === slug) : rowsFor(slug)));
    const report = evaluateRows(rows);
    console.log(`pooled: Spearman ${report.spearman.toFixed(3)}, MAE ${report.mae.toFixed(2)}, ${rows.length} answers`);
    expect(report.failures).toEqual([]);
  });
});
