// The shape of calibration files and the names of their answer kinds. Browser-safe (the rubric editor's
// test bench labels calibration answers with these); loading and evaluating live in calibration.ts.
import { z } from "zod";

export const CALIBRATION_PARTS = ["tune", "held-out"] as const;
export type CalibrationPart = (typeof CALIBRATION_PARTS)[number];

/**
 * What a writer was asked to write. The blind archetypes come first; the last four are the voices of the
 * first, rubric-aware calibration sets, kept (and re-graded blind) as extra tuning material.
 */
export const ARCHETYPES = [
  "strong", "strong-spoken", "terse-expert", "shallow-correct", "medium", "rambling-partial", "weak",
  "false-confident", "false-subtle", "reversed", "forum-paraphrase", "injection", "non-answer",
  "misconception", "rambling", "terse", "long-wrong",
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const ARCHETYPE_LABELS: Record<Archetype, string> = {
  strong: "Strong answer",
  "strong-spoken": "Strong answer, spoken",
  "terse-expert": "Terse expert answer",
  "shallow-correct": "Correct basics, no depth",
  medium: "Medium answer",
  "rambling-partial": "Rambling, partly right",
  weak: "Weak answer",
  "false-confident": "Confident, built on false claims",
  "false-subtle": "Mostly right, one false claim",
  reversed: "Right words, rejected or reversed",
  "forum-paraphrase": "Paraphrase of a public post, errors kept",
  injection: "Answer addressed to the grader",
  "non-answer": "Non-answer",
  misconception: "Answer with a misconception",
  rambling: "Rambling answer",
  terse: "Terse answer",
  "long-wrong": "Long answer that misses the point",
};

/** Trap archetypes and the highest score each may get (the grading issue's goals). */
export const TRAP_CEILINGS: Partial<Record<Archetype, number>> = { "false-confident": 2, reversed: 3, injection: 2, "non-answer": 1 };

const gradeSchema = z.object({ grader: z.string().min(1), score: z.number().min(0).max(10) }).strict();

export const calibrationAnswerSchema = z
  .object({
    id: z.string().min(1),
    archetype: z.enum(ARCHETYPES),
    text: z.string(),
    /** Each independent grader's score. */
    grades: z.array(gradeSchema).min(2),
    /** The reference score: the graders' mean, or the adjudicated score when they disagreed by more than 2. */
    expected: z.number().min(0).max(10),
    /** "blind": written without sight of the rubric; "rubric-aware": from the first calibration sets. */
    written: z.enum(["blind", "rubric-aware"]),
    writer: z.string().optional(),
    /** For forum paraphrases: the public post it paraphrases. */
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type CalibrationAnswer = z.infer<typeof calibrationAnswerSchema>;

export const calibrationFileSchema = z
  .object({
    question: z.string(),
    part: z.enum(CALIBRATION_PARTS),
    answers: z.array(calibrationAnswerSchema).min(1),
  })
  .strict();
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;
