// Composes the feedback a candidate reads: a summary line, what they nailed (quoting their own words),
// what to tighten up (required points waved away, then missed, then only named — most valuable first,
// each with a "say it like this" hint), the wrong claims with corrections (the rubric's misconceptions
// and the shared catalogue's false claims), and flags (injection, non-answer, list-like, scorer fallback).
import type { Feedback, Flag, ItemResult, ScoreBreakdown, ScorerName, TightenUpPoint } from "./types";

export const FLAG_MESSAGES = {
  empty: "There is no answer to score yet. Type or paste your answer and submit it again.",
  "non-answer": "There is not enough here to grade. Even a partial answer earns more than a pass, so have a go at the points below.",
  injection:
    "Part of your answer spoke to the grader instead of the interviewer. It was left out of the scoring and the score is capped at 2/10.",
  crammed:
    "Several points were packed into one short sentence without saying how they work, so they count as named, not explained. Give each idea its own sentence and a reason.",
  dismissive:
    "Much of this answer argues against the practices the question is about (\u201cskip it\u201d, \u201cthat is overkill\u201d). An interviewer hears that as not knowing why they matter, so the score is capped at 3/10.",
  thin:
    "Your points are right, but little backs them up: few config names, defaults, numbers or sizes, and few reasons why. Interviewers call that correct basics and keep 8 to 10 for answers that do, so until then the score is capped at 7/10.",
  "list-like":
    "This reads as a list of terms. Interviewers want to hear how the ideas connect, so say it in full sentences; until then the score is capped at 3/10.",
} as const;

const SCORER_LABEL: Record<ScorerName, string> = {
  rules: "rules scorer",
  llm: "AI scorer, with every point checked against your own words",
};

export function composeFeedback(args: {
  score: number;
  scorer: ScorerName;
  items: ItemResult[];
  flags: Flag[];
  breakdown: ScoreBreakdown;
}): Feedback {
  const { score, scorer, items, flags } = args;
  const required = items.filter((item) => item.kind === "required");
  const nailed = items
    .filter((item) => item.met && item.kind !== "misconception")
    .sort((a, b) => b.weight - a.weight || rank(items, a) - rank(items, b))
    .map((item) => ({ id: item.id, label: item.label, evidence: item.evidence }));
  const byValue = (a: ItemResult, b: ItemResult) => b.weight - a.weight || rank(items, a) - rank(items, b);
  const point = (item: ItemResult, reason: TightenUpPoint["reason"]): TightenUpPoint => ({
    id: item.id,
    label: item.label,
    weight: item.weight,
    hint: item.hint ?? item.label,
    reason,
    ...(reason === "rejected" && item.rejection ? { evidence: item.rejection.evidence } : {}),
  });
  const tightenUp = [
    ...items.filter((item) => item.kind !== "misconception" && !item.met && item.rejection).sort(byValue).map((item) => point(item, "rejected")),
    ...required.filter((item) => !item.met && !item.rejection).sort(byValue).map((item) => point(item, "missed")),
    ...required.filter((item) => item.met && item.depth === "named").sort(byValue).map((item) => point(item, "named")),
  ];
  const misconceptions = items
    .filter((item) => item.met && item.kind === "misconception")
    .map((item) => ({ id: item.id, label: item.label, evidence: item.evidence, correction: item.correction ?? "" }));

  let summary: string;
  if (flags.some((flag) => flag.code === "empty")) summary = `0/10. ${FLAG_MESSAGES.empty}`;
  else if (flags.some((flag) => flag.code === "non-answer")) summary = `${format(score)}/10 from the ${SCORER_LABEL[scorer]}. ${FLAG_MESSAGES["non-answer"]}`;
  else {
    const met = required.filter((item) => item.met).length;
    const named = required.filter((item) => item.met && item.depth === "named").length;
    const bonus = items.filter((item) => item.kind === "bonus" && item.met).length;
    const rejected = items.filter((item) => item.kind !== "misconception" && !item.met && item.rejection).length;
    const parts = [
      `${format(score)}/10 from the ${SCORER_LABEL[scorer]}.`,
      `You covered ${met} of ${required.length} key points${named ? ` (${named} named without saying how ${named === 1 ? "it works" : "they work"})` : ""}${bonus ? ` and ${bonus} bonus point${bonus > 1 ? "s" : ""}` : ""}.`,
    ];
    if (rejected) parts.push(`${rejected === 1 ? "One point you waved away" : `${rejected} points you waved away`} ${rejected === 1 ? "is" : "are"} what an interviewer expects you to use.`);
    if (misconceptions.length) parts.push(`${misconceptions.length === 1 ? "One claim needs" : `${misconceptions.length} claims need`} correcting.`);
    if (flags.some((flag) => flag.code === "injection")) parts.push("Text addressed to the grader was ignored.");
    summary = parts.join(" ");
  }
  return { summary, nailed, tightenUp, misconceptions, flags };
}

function rank(items: ItemResult[], item: ItemResult): number {
  return items.indexOf(item);
}

function format(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
