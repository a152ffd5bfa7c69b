// The checklist agrees with itself, on every calibration answer (both parts) and every model answer:
//  - 10 only when no required point is missed;
//  - no point is listed as missed while a sentence quoted anywhere in the checklist states it;
//  - every quote holds the words that earned its point, and every highlighted word sits in a quote;
//  - changing one item's weight never moves credit from one point to another;
//  - the negated or dismissed form of each sentence that earns a point in the model answer does not earn it.
import { describe, expect, it } from "vitest";
import type { Rubric } from "@/lib/content/schema";
import { loadContentBank, type Question } from "@/lib/content/load";
import { CALIBRATION_PARTS, calibrationSlugs, loadCalibrationSet } from "@/lib/scoring/calibration";
import { scoreWithRules, type ScoreResult } from "@/lib/scoring";

const bank = loadContentBank();
const bySlug = new Map(bank.questions.map((question) => [question.slug, question]));
const score = (question: Question, answer: string, rubric: Rubric = question.rubric): ScoreResult =>
  scoreWithRules({ question: { ...question, rubric }, answer, vocabulary: bank.vocabulary, claims: bank.claims });

interface Case {
  question: Question;
  id: string;
  text: string;
}

const cases: Case[] = [
  ...bank.questions.map((question) => ({ question, id: `${question.slug}/model-answer`, text: question.modelAnswer })),
  ...CALIBRATION_PARTS.flatMap((part) =>
    calibrationSlugs(part).flatMap((slug) => {
      const question = bySlug.get(slug);
      return question ? loadCalibrationSet(slug, part).answers.map((answer) => ({ question, id: `${part}/${answer.id}`, text: answer.text })) : [];
    }),
  ),
];

const inside = (span: { start: number; end: number }, outer: { start: number; end: number }) => span.start >= outer.start && span.end <= outer.end;

describe("the checklist agrees with itself", () => {
  it("has answers to check", () => {
    expect(cases.length).toBeGreaterThan(bank.questions.length);
  });

  it("gives 10 only when no required point is missed", () => {
    const offenders = cases.flatMap(({ question, id, text }) => {
      const result = score(question, text);
      const missed = result.items.filter((item) => item.kind === "required" && !item.met);
      return result.score === 10 && missed.length ? [`${id}: 10 with ${missed.map((item) => item.id).join(", ")} missed`] : [];
    });
    expect(offenders).toEqual([]);
  }, 120_000);

  it("never lists a point as missed while a quoted sentence states it", () => {
    const offenders = cases.flatMap(({ question, id, text }) => {
      const result = score(question, text);
      const quoted = [...new Set(result.items.flatMap((item) => item.evidence))];
      const missed = result.items.filter((item) => item.kind !== "misconception" && !item.met);
      const found: string[] = [];
      for (const sentence of quoted) {
        const alone = score(question, sentence);
        for (const item of missed) {
          if (alone.items.find((candidate) => candidate.id === item.id)?.met) found.push(`${id}: "${item.id}" missed, yet "${sentence}" states it`);
        }
      }
      return found;
    });
    expect(offenders).toEqual([]);
  }, 120_000);

  it("quotes only sentences holding the words that earned the point, and highlights only inside quotes", () => {
    const offenders = cases.flatMap(({ question, id, text }) =>
      score(question, text).items.flatMap((item) => {
        if (!item.met) return item.evidence.length ? [`${id}: "${item.id}" is not met but quotes evidence`] : [];
        const problems: string[] = [];
        item.spans.forEach((span, index) => {
          if (!item.highlights.some((highlight) => inside(highlight, span))) problems.push(`${id}: "${item.id}" quotes "${item.evidence[index]}" without the words that earned it`);
        });
        for (const highlight of item.highlights) {
          if (!item.spans.some((span) => inside(highlight, span))) problems.push(`${id}: "${item.id}" highlights "${text.slice(highlight.start, highlight.end)}" outside its quotes`);
        }
        return problems;
      }),
    );
    expect(offenders).toEqual([]);
  }, 120_000);

  it("never moves credit between points when one item's weight changes", () => {
    const offenders = cases
      // Weights never enter matching, so a sample proves the point (each weight change recompiles the rubric).
      .filter((_, index) => index % 15 === 0)
      .flatMap(({ question, id, text }) => {
        const before = score(question, text);
        const metBefore = before.items.map((item) => `${item.id}:${item.met}:${item.depth ?? ""}`).join(" ");
        return question.rubric.items.flatMap((item, index) => {
          const heavier: Rubric = { items: question.rubric.items.map((other, i) => (i === index ? { ...other, weight: Math.min(5, other.weight * 2) } : other)) };
          const after = score(question, text, heavier).items.map((candidate) => `${candidate.id}:${candidate.met}:${candidate.depth ?? ""}`).join(" ");
          return after === metBefore ? [] : [`${id}: doubling "${item.id}" changed which points are met`];
        });
      });
    expect(offenders).toEqual([]);
    // Each weight change compiles a fresh rubric: slow on a busy 2-core machine, not a speed claim (nor are the
    // timeouts above: every calibration answer is scored, some of them once per quoted sentence).
  }, 120_000);
});

/** Ways of saying the opposite of a statement, or of waving it away. */
export function negatedForms(statement: string): string[] {
  const body = statement.trim().replace(/[.!?,*_]+$/, "");
  const lowered = body.charAt(0).toLowerCase() + body.slice(1);
  const forms = [`It is not true that ${lowered}.`, `${body}, but honestly that is overkill.`, `People say ${lowered}, but that is a myth.`];
  // "X is Y" → "X is not Y", when the statement opens with a plain subject and an auxiliary.
  const auxiliary = /^(?:\S+\s+){1,6}?(is|are|was|were|can|will|should|must)\s/i.exec(body);
  if (auxiliary && !/\b(?:not|never|no|because|since|which|so|that|so that|while)\b|n't/i.test(body)) forms.push(`${body.slice(0, auxiliary[0].length - 1)} not ${body.slice(auxiliary[0].length)}.`);
  return forms;
}

/**
 * The single statement around a highlight: its sentence cut at ";", ":", a dash and "but"/"however", so
 * that negating it negates what earned the point and nothing else. Table rows and diagram lines are not
 * statements.
 */
function statementAround(text: string, sentence: { start: number; end: number }, at: number): string | undefined {
  const raw = text.slice(sentence.start, sentence.end);
  if (/[|]|-->|\n/.test(raw)) return undefined;
  const cuts = [...raw.matchAll(/;|:\s|\s[—–→-]\s|,?\s\b(?:but|however)\b/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  let from = 0;
  let to = raw.length;
  for (const [start, end] of cuts) {
    if (start <= at - sentence.start) from = end;
    else {
      to = start;
      break;
    }
  }
  const statement = raw.slice(from, to).trim();
  const balanced = (open: string, close: string) => statement.split(open).length === statement.split(close).length;
  const whole = balanced("(", ")") && balanced("[", "]") && statement.split("`").length % 2 === 1;
  return whole && statement.split(/\s+/).length >= 4 ? statement : undefined;
}

describe("the negated form of a model answer's evidence does not earn its point", () => {
  it.each(bank.questions.map((question) => [question.slug, question] as const))("%s", (_, question) => {
    const result = score(question, question.modelAnswer);
    const offenders: string[] = [];
    for (const item of result.items) {
      if (item.kind === "misconception" || !item.met) continue;
      item.spans.forEach((span) => {
        const highlight = item.highlights.find((candidate) => candidate.start >= span.start && candidate.end <= span.end);
        const statement = highlight && statementAround(question.modelAnswer, span, highlight.start);
        if (!statement || !score(question, statement).items.find((candidate) => candidate.id === item.id)?.met) return;
        for (const form of negatedForms(statement)) {
          if (score(question, form).items.find((candidate) => candidate.id === item.id)?.met) offenders.push(`"${item.id}" earned by: ${form}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe("every model answer scores as the answer it is", () => {
  // A model answer is what the candidate is shown as a 10: the scorer must read it as one (it once read a fraud
  // "scorer" beside "scoring" as text addressed to the grader and capped the consumer-lag model answer at 2).
  it.each(bank.questions.map((question) => [question.slug, question] as const))("%s scores at least 9", (_, question) => {
    const result = score(question, question.modelAnswer);
    expect(result.feedback.flags.map((flag) => flag.code)).not.toContain("injection");
    expect(result.score).toBeGreaterThanOrEqual(9);
  });
});
