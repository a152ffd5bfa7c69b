// Calibration: the rules scorer against answers written blind to the rubric and graded by two
// independent graders (docs/calibration/README.md). Figures are reported, and held to the thresholds below, on
// the tune part and on the held-out part separately; the held-out part is only ever summarised.
// One question:  npm run -s score -- --calibrate <slug> --rows
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import {
  ARCHETYPES,
  CALIBRATION_PARTS,
  calibrateQuestion,
  calibrationSlugs,
  evaluateRows,
  formatReport,
  loadCalibrationSet,
  SEED_QUESTIONS,
  type CalibrationPart,
  type CalibrationRow,
} from "@/lib/scoring/calibration";

/**
 * What each part must reach, pooled over its blind answers. The goals (Spearman ≥ 0.90, MAE ≤ 1.0,
 * no trap or band violations) are not met yet on the held-out part; these floors sit just under what the
 * scorer reaches today on each part (docs/calibration/README.md has the figures), so a regression fails here
 * and every gain should raise them. Violations are capped at today's count for the same reason.
 */
const THRESHOLDS: Record<CalibrationPart, { spearman: number; mae: number; bias: number; trapViolations: number; bandViolations: number }> = {
  // The tune part grew by 160 hard answers (the probe set: two false-confident, a reversed, a false-subtle and a
  // shallow answer per question, written blind and graded twice), so its figures dropped by design.
  // Raised to today's figures after rules-11 (tune 0.918 / 0.88 / +0.04, 18 trap and 10 band violations;
  // held-out 0.835 / 1.24 / -0.04, 18 and 8: Spearman level with rules-10's 0.837 within a few answers, MAE and band
  // violations better).
  // rules-12: the tune part grew again, by probe set 2 (228 blind answers: strong, terse, shallow, two false-confident
  // and a reversed per question), measured before tuning at 0.837 / 1.18 / +0.13 with 26 trap and 11 band violations.
  // After the defaults table, catalogue rounds 9 and 10, rubric recall and the blind true-statement corpus: tune
  // 0.920 / 0.87 / +0.01 with 31 trap and 11 band violations (the new answers hold most of them); held-out
  // 0.837 / 1.25 / -0.05, 18 and 8.
  // rules-13: the tune part grew by probe set 3 (266 blind answers, measured before tuning at 0.861 / 1.22 / +0.22); the
  // held-out part grew by probe set 4 (266 blind answers by five other writers, never tuned on). On those same 1,148
  // and 532 answers the session-start code reads 0.913 / 0.95 and 0.831 / 1.32 (40 trap violations); after the dense-notes
  // rule, the wrong-claim cap at 6.5, catalogue rounds 11 and 12, rubric recall, stance round 5 and the second
  // true-statement corpus and a last rubric-recall pass: tune 0.923 / 0.89 / +0.11 with 38 trap and 15 band violations,
  // held-out 0.843 / 1.25 / +0.07 with 36 and 20.
  // rules-14: the tune part grew by probe set 5 (304 blind answers, eight per question by five new writers, graded by
  // eight new graders at 0.991), measured before tuning at 0.816 / 1.29 / -0.09 with 14 trap and 32 band violations:
  // the whole tune part then read 0.907 / 0.97 / +0.07 with 52 trap and 47 band violations.
  // After the thin cap at 7, catalogue round 13, two rubric-recall passes and the stance and injection fixes: tune
  // 0.933 / 0.80 / +0.06 with 39 trap and 19 band violations; held-out 0.846 / 1.21 / +0.02 with 36 and 19.
  // Probe set 6 (266 answers by five new writers, w34-w38, graded by eight new graders at 0.992) joined the tune part
  // untuned: measured alone before, 0.852 / 1.19 / -0.11 with 15 trap and 12 band violations; the whole tune part (1,718)
  // then read 0.922 / 0.86 / +0.03 with 54 trap and 31 band violations.
  // After round 15 (catalogue, rubric recall and a trap pass on probe set 6, and "a" no longer starting a word split over
  // tokens): tune 0.935 / 0.81 / +0.01 with 44 trap and 20 band violations; held-out 0.855 / 1.18 / +0.04 with 35 and 17.
  // Probe set 7 (304 answers by six new writers, eight per question, two of them paraphrased public posts; graders at
  // 0.992), measured before tuning at 0.834 / 1.25 / +0.02: the whole tune part (2,022) then read 0.922 / 0.87 / +0.01.
  // After round 16 (catalogue, rubric recall, a trap pass both ways, stance and negation fixes, and the attempt floor of 1
  // extended to answers with wrong claims): tune 0.932 / 0.72 / +0.10 with 45 trap and 28 band violations; held-out
  // 0.856 / 1.10 / +0.14 with 35 and 15.
  // Probe set 8 (342 answers by six new writers, nine per question: two paraphrased public posts and an injection woven
  // into a partial answer; graders at 0.991), measured before tuning at 0.838 / 1.07 / -0.03 with 23 trap and 14 band
  // violations: the whole tune part (2,364) then read 0.921 / 0.77 / +0.08 with 68 trap and 42 band violations.
  // After round 17 and the engine fixes it found: tune 0.927 / 0.73. Probe set 9 (152 answers by four new writers: the
  // misconceptions interviewers hear every week in new words, as false-confident, false-subtle, reversed and mostly-wrong
  // forum answers; graders at 0.957) measured before tuning at 0.626 / 1.61 / +0.96 (a narrow range of grades: all trap
  // answers): the whole tune part (2,516) then read 0.917 / 0.79 / +0.14 with 83 trap and 39 band violations.
  // After round 18 (catalogue for probe set 9's common errors in new words and probe 8's leftovers; stance for 'knobs for
  // giant clusters', 'kept out of production', 'file it under folklore'; if-clause warnings and ', or' alternatives in
  // claims): tune 0.921 / 0.76 / +0.11 with 70 trap and 36 band violations; held-out 0.869 / 1.07 / +0.10 with 31 and 15.
  // After trap pass 18 (probe-9 answers read with the graders' false-claim lists): tune 0.926 / 0.73 / +0.06 with 55 trap
  // and 28 band violations (probe set 9 alone 0.694 / 1.01); held-out 0.869 / 1.06 / +0.10 with 31 and 15.
  // Probe set 10 (304 answers by seven new writers, eight per question: strong answers told as production stories,
  // false-subtle, reversed, two public-post paraphrases and an injection hidden in a new way; graders at 0.987) measured
  // before tuning at 0.762 / 1.39 / +0.49 with 37 trap and 18 band violations (injections 3.9 against the graders' 1.4,
  // up to 10): the whole tune part (2,820) then read 0.911 / 0.80 / +0.10 with 92 trap and 46 band violations.
  // After round 19 (injection ideas for a verdict claimed from an earlier review, 'talked the team out of X', a proposal
  // turned down as a whole not charged, a trap pass and rubric recall on probe set 10): tune 0.924 / 0.73 / +0.06 with
  // 66 trap and 34 band violations (probe set 10 alone 0.890 / 0.80); held-out 0.875 / 1.04 / +0.12 with 30 and 15.
  // Probe set 11 (228 answers by seven new writers: a strong answer, two false-confident, a reversed one and two public
  // posts per question; graders at 0.981) measured before tuning at 0.604 / 1.26 / +0.08 (the session-start code: 0.600
  // / 1.27); the tune part (3,048) then read 0.912 / 0.77 with 99 trap and 41 band violations. After a short trap pass
  // on it: tune 0.915 / 0.76 / +0.06 with 91 trap and 38 band violations.
  tune: { spearman: 0.914, mae: 0.77, bias: 0.2, trapViolations: 91, bandViolations: 38 },
  "held-out": { spearman: 0.87, mae: 1.05, bias: 0.2, trapViolations: 30, bandViolations: 15 },
};

const bank = loadContentBank();
const bySlug = new Map(bank.questions.map((question) => [question.slug, question]));

function rowsOf(part: CalibrationPart, filter: (slug: string) => boolean = () => true): CalibrationRow[] {
  return calibrationSlugs(part)
    .filter(filter)
    .flatMap((slug) => {
      const question = bySlug.get(slug);
      if (!question) throw new Error(`${part}/${slug}.json has no question in content/questions`);
      return calibrateQuestion(question, loadCalibrationSet(slug, part), bank.vocabulary, bank.claims);
    })
    .filter((row) => row.written === "blind");
}

describe("calibration files", () => {
  it.each(bank.questions.map((question) => question.slug))("%s has a tune set of 10+ answers of every kind and a held-out set", (slug) => {
    const tune = loadCalibrationSet(slug, "tune").answers.filter((answer) => answer.written === "blind");
    const heldOut = loadCalibrationSet(slug, "held-out").answers;
    expect(tune.length).toBeGreaterThanOrEqual(10);
    expect(heldOut.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(tune.map((answer) => answer.archetype));
    for (const kind of ["strong", "medium", "weak", "terse-expert", "false-confident", "reversed", "injection"] as const) expect(kinds, kind).toContain(kind);
    for (const answer of [...tune, ...heldOut]) {
      expect(answer.grades.length, answer.id).toBeGreaterThanOrEqual(2);
      const scores = answer.grades.map((grade) => grade.score);
      expect(answer.expected, answer.id).toBeGreaterThanOrEqual(Math.min(...scores));
      expect(answer.expected, answer.id).toBeLessThanOrEqual(Math.max(...scores));
    }
    const tuneIds = new Set(loadCalibrationSet(slug, "tune").answers.map((answer) => answer.id));
    expect(heldOut.filter((answer) => tuneIds.has(answer.id))).toEqual([]);
  });

  it("uses only known archetypes", () => {
    for (const part of CALIBRATION_PARTS) for (const slug of calibrationSlugs(part)) for (const answer of loadCalibrationSet(slug, part).answers) expect(ARCHETYPES).toContain(answer.archetype);
  });
});

describe.each(CALIBRATION_PARTS)("calibration: %s part", (part) => {
  const rows = rowsOf(part);
  const report = evaluateRows(rows);
  const threshold = THRESHOLDS[part];

  it("reports its figures", () => {
    console.log(formatReport(part, report));
    const seeds = evaluateRows(rows.filter((row) => (SEED_QUESTIONS as readonly string[]).includes(row.question)));
    const others = evaluateRows(rows.filter((row) => !(SEED_QUESTIONS as readonly string[]).includes(row.question)));
    const posts = evaluateRows(rows.filter((row) => row.archetype === "forum-paraphrase"));
    console.log(
      [seeds, others, posts]
        .map((r, i) => `${["seed questions", "the other questions", "paraphrased public posts"][i]}: n=${r.count} Spearman ${r.spearman.toFixed(3)} MAE ${r.mae.toFixed(2)} bias ${r.bias >= 0 ? "+" : ""}${r.bias.toFixed(2)}`)
        .join("\n"),
    );
    expect(report.count).toBeGreaterThan(0);
  });

  it(`agrees with the graders: Spearman ≥ ${threshold.spearman}, MAE ≤ ${threshold.mae}, |bias| ≤ ${threshold.bias}`, () => {
    expect(report.spearman).toBeGreaterThanOrEqual(threshold.spearman);
    expect(report.mae).toBeLessThanOrEqual(threshold.mae);
    expect(Math.abs(report.bias)).toBeLessThanOrEqual(threshold.bias);
  });

  // Goal: none. Held-out violations are counted, never listed, so tuning cannot look at them.
  it(`keeps trap answers in their bands (false claims ≤ 2, reversals ≤ 3, injections ≤ 2, non-answers ≤ 1) for all but ${threshold.trapViolations}`, () => {
    const listed = part === "tune" ? report.trapViolations.map((row) => `${row.id} (${row.archetype}) scored ${row.actual}`) : [];
    expect(report.trapViolations.length, listed.join("\n")).toBeLessThanOrEqual(threshold.trapViolations);
  });

  it(`never scores a 4–6.5 answer 8.5 or more, nor a 9+ answer below 8, for all but ${threshold.bandViolations}`, () => {
    const listed = part === "tune" ? report.bandViolations.map((row) => `${row.id}: graders ${row.expected}, scored ${row.actual}`) : [];
    expect(report.bandViolations.length, listed.join("\n")).toBeLessThanOrEqual(threshold.bandViolations);
  });
});
