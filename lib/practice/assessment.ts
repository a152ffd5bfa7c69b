// The end of a mock interview: the summary table and an overall assessment written from the rubric
// results of every answer — what the candidate did well, the one gap that kept coming back, and what
// to study next. Pure: it reads item results, never the database, so it is tested on hand-made
// profiles. Every sentence is composed here from the results; nothing is copied from elsewhere.
import { LEVELS, type LevelId } from "@/lib/content/levels";

export interface AssessedItem {
  id: string;
  label: string;
  kind: "required" | "bonus" | "misconception";
  weight: number;
  met: boolean;
  hint?: string;
  correction?: string;
  /** The rubric item's concept patterns, when known: they reveal config keys and API names. */
  concept?: readonly string[];
}

/** The interviewer's follow-up on an answer, as the summary keeps it. */
export interface SummaryFollowUp {
  prompt: string;
  source: "list" | "llm";
  /** A follow-up never replied to by the end counts as skipped. */
  status: "answered" | "skipped";
  /** The reply's score against the point(s) it probed; null when skipped or not scored. */
  score: number | null;
  /** The labels of the point(s) it probed. */
  targets: string[];
  /** The reply covered every point it probed. */
  covered: boolean;
}

export interface AssessedQuestion {
  position: number;
  slug: string;
  title: string;
  track: string;
  level: LevelId;
  tags: readonly string[];
  timeBudgetMinutes: number;
  demo?: { id: string; title: string } | null;
  attemptId?: string | null;
  /** null when the answer could not be scored (or was never given). */
  score: number | null;
  /** The candidate skipped the question: no answer, and 0 in the average. */
  skipped?: boolean;
  /** The follow-up asked after the answer, if any (it does not count in the average). */
  followUp?: SummaryFollowUp | null;
  timeSpentMs?: number | null;
  items: readonly AssessedItem[];
}

export const THEME_IDS = ["config", "tools", "numbers", "failure", "limits", "impact", "mechanism"] as const;
export type ThemeId = (typeof THEME_IDS)[number];

interface Theme {
  id: ThemeId;
  /** For headings: "Configuration names and values". */
  title: string;
  matches: (item: AssessedItem) => boolean;
  /** Sentence openers; the examples are appended by the writer. */
  strength: string;
  gap: string;
  why: string;
}

// What an item asks for shows in its label, its "say it like this" hint and its first concept pattern.
const evidenceText = (item: AssessedItem) => [item.label, item.hint ?? "", item.concept?.[0] ?? ""].join("\n");
const CONFIG_KEY = /\b[a-z]{2,}(?:\.[a-z_]{2,})+\b|\backs\s*=\s*(?:all|-1|0|1)\b|\{(?:acks-all|min-isr[\w-]*|stream-eos-v2)\}/;
// camelCase calls, PascalCase classes, CLI tools and flags, internal topics; product names are not tools.
const API_NAME = /\b[a-z]+[A-Z][A-Za-z]+\b|\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\bK(?:Stream|Table)\b|\b[a-z]+\(\)|--[a-z][a-z-]+|\b__[a-z_]+|\.sh\b/;
const TOOL_NAME = /\b(?:rocksdb|debezium|prometheus|burrow|cruise control|perf-test|kafka-consumer-groups|kafka-topics|kafka-configs)\b/i;
const PRODUCT_NAMES = /\b(?:RabbitMQ|ZooKeeper|KRaft|PostgreSQL|MySQL|ClickHouse|BigQuery)\b/g;

const THEMES: readonly Theme[] = [
  {
    id: "config",
    title: "Configuration names and values",
    matches: (item) => CONFIG_KEY.test(evidenceText(item)) || /\b(config(?:uration)?|settings?)\b/i.test(item.label),
    strength: "You name the settings themselves instead of describing them",
    gap: "You explained what a setting is for but not what it is called",
    why: "Naming the key, with a sensible value, is the quickest way to show an interviewer you have operated this rather than read about it.",
  },
  {
    id: "tools",
    title: "Tools, APIs and internal names",
    matches: (item) => {
      const words = evidenceText(item).replace(PRODUCT_NAMES, "");
      return API_NAME.test(words) || TOOL_NAME.test(words) || /\b(tool|command|CLI|API|exception|callback)s?\b/i.test(item.label);
    },
    strength: "You reach for the right tool, API or internal name",
    gap: "You left out the concrete tool, API or internal name that does the job",
    why: "Saying which command you would run or which callback you would implement turns a plausible answer into a credible one.",
  },
  {
    id: "numbers",
    title: "Numbers, defaults and versions",
    matches: (item) => /\d|\bdefaults?\b/i.test(item.label),
    strength: "You back your points with numbers, defaults and versions",
    gap: "You skipped the numbers — defaults, limits, versions and sizing",
    why: "A figure (a default, a limit, a back-of-the-envelope estimate) shows judgement that adjectives cannot.",
  },
  {
    id: "failure",
    title: "Failure modes and recovery",
    matches: (item) => /\b(fail\w*|crash\w*|lose|loses|losing|lost|loss|duplicat\w*|restart\w*|recover\w*|unclean|zombies?|outages?|fenc\w*|retr(?:y|ies|ied))\b/i.test(item.label),
    strength: "You think about what breaks and how the system recovers",
    gap: "You described the happy path and stopped before the failure case",
    why: "Senior interviews are mostly about what happens when a broker, a consumer or a network link goes away.",
  },
  {
    id: "limits",
    title: "Limits and trade-offs",
    matches: (item) => /\b(trade-?offs?|costs?|limits?|only|never|ceiling|gives? up|instead|versus|not covered|not part|caps?|idle|when .+ (?:better|choice))\b/i.test(item.label),
    strength: "You state the limits and the price of each choice",
    gap: "You presented solutions without their limits or costs",
    why: "Every design choice gives something up; saying what, unprompted, is what interviewers mean by engineering judgement.",
  },
  {
    id: "impact",
    title: "Why it matters",
    matches: (item) => /\b(payments?|money|business|customers?|use cases?|why it matters|consequences?|charges?|fraud|reconciliation)\b/i.test(item.label),
    strength: "You connect the mechanism to what it means for the business",
    gap: "You rarely said why the point matters to the product or the business",
    why: "Tying a guarantee to a double charge or a missed alert makes the answer memorable.",
  },
  {
    id: "mechanism",
    title: "How the mechanism works",
    matches: () => true,
    strength: "You explain how the machinery works underneath",
    gap: "The core mechanism behind the answer was missing",
    why: "Interviewers probe one level below the definition; knowing how it works is what lets you answer the follow-up.",
  },
];

/** The themes an item belongs to; "mechanism" only when nothing more specific fits. */
export function themesOf(item: AssessedItem): ThemeId[] {
  const specific = THEMES.filter((theme) => theme.id !== "mechanism" && theme.matches(item)).map((theme) => theme.id);
  return specific.length > 0 ? specific : ["mechanism"];
}

/** A question's place in a mock interview and what it is about. */
export interface InterviewQuestionInfo {
  position: number;
  slug: string;
  title: string;
  track: string;
  level: LevelId;
  levelLabel: string;
  tags: string[];
}

export interface SummaryRow extends InterviewQuestionInfo {
  attemptId: string | null;
  /** A skipped question's score is 0: that is what it counts as in the average. */
  score: number | null;
  /** Absent on summaries stored before skipping existed. */
  skipped?: boolean;
  /** Absent when no follow-up was asked (or on summaries stored before follow-ups existed). */
  followUp?: SummaryFollowUp;
  timeSpentMs: number | null;
  timeBudgetMinutes: number;
  overtime: boolean;
}

export interface StudyItem {
  position: number;
  slug: string;
  questionTitle: string;
  label: string;
  hint: string;
  demo: { id: string; title: string } | null;
}

export interface WatchOut {
  position: number;
  slug: string;
  questionTitle: string;
  claim: string;
  correction: string;
}

export interface InterviewAssessment {
  verdict: "ready" | "close" | "building" | "early";
  headline: string;
  overview: string;
  strengths: string[];
  gap: { theme: ThemeId; title: string; text: string; examples: { position: number; slug: string; label: string }[] } | null;
  /** When there is no single gap: why not (nothing missed, or misses all over the place). */
  gapNote: string | null;
  study: StudyItem[];
  watchOuts: WatchOut[];
}

export interface InterviewSummary {
  version: 1;
  track: string;
  trackTitle: string;
  rows: SummaryRow[];
  average: number | null;
  totalTimeMs: number;
  overtimeCount: number;
  assessment: InterviewAssessment;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const fmt = (value: number) => value.toFixed(1);
const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
const levelLabel = (level: LevelId) => LEVELS.find((candidate) => candidate.id === level)?.label ?? level;
const q = (position: number) => `Q${position + 1}`;
const quoted = (label: string) => `“${label.replace(/^Misconception:\s*/i, "")}”`;

function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** Up to `count` examples, heaviest first, from as many different questions as possible. */
function spread<T extends { position: number; weight: number }>(entries: readonly T[], count: number): T[] {
  const sorted = [...entries].sort((a, b) => b.weight - a.weight || a.position - b.position);
  const picked: T[] = [];
  const seen = new Set<number>();
  for (const entry of sorted) {
    if (picked.length < count && !seen.has(entry.position)) {
      picked.push(entry);
      seen.add(entry.position);
    }
  }
  for (const entry of sorted) if (picked.length < count && !picked.includes(entry)) picked.push(entry);
  return picked.sort((a, b) => a.position - b.position);
}

function isOvertime(question: AssessedQuestion) {
  return typeof question.timeSpentMs === "number" && question.timeSpentMs > question.timeBudgetMinutes * 60_000;
}

export function summaryRows(questions: readonly AssessedQuestion[]): SummaryRow[] {
  return [...questions]
    .sort((a, b) => a.position - b.position)
    .map((question) => ({
      position: question.position,
      slug: question.slug,
      title: question.title,
      track: question.track,
      level: question.level,
      levelLabel: levelLabel(question.level),
      tags: [...question.tags],
      attemptId: question.attemptId ?? null,
      score: question.skipped ? 0 : question.score === null ? null : round1(question.score),
      ...(question.skipped ? { skipped: true } : {}),
      ...(question.followUp ? { followUp: { ...question.followUp, score: question.followUp.score === null ? null : round1(question.followUp.score) } } : {}),
      timeSpentMs: question.timeSpentMs ?? null,
      timeBudgetMinutes: question.timeBudgetMinutes,
      overtime: isOvertime(question),
    }));
}

export function buildInterviewSummary({ track, trackTitle, questions }: { track: string; trackTitle: string; questions: readonly AssessedQuestion[] }): InterviewSummary {
  const rows = summaryRows(questions);
  const scores = rows.flatMap((row) => (row.score === null ? [] : [row.score]));
  const average = mean(scores);
  return {
    version: 1,
    track,
    trackTitle,
    rows,
    average: average === null ? null : round1(average),
    totalTimeMs: rows.reduce((sum, row) => sum + (row.timeSpentMs ?? 0), 0),
    overtimeCount: rows.filter((row) => row.overtime).length,
    assessment: assessInterview({ trackTitle, questions }),
  };
}

interface ThemeTally {
  theme: Theme;
  requiredWeight: number;
  missedWeight: number;
  missed: { position: number; slug: string; label: string; weight: number }[];
  missedQuestions: Set<number>;
  metWeight: number;
  coveredWeight: number;
  met: { position: number; label: string; weight: number }[];
  metQuestions: Set<number>;
}

function tallyThemes(questions: readonly AssessedQuestion[]): Map<ThemeId, ThemeTally> {
  const tallies = new Map<ThemeId, ThemeTally>(
    THEMES.map((theme) => [
      theme.id,
      { theme, requiredWeight: 0, missedWeight: 0, missed: [], missedQuestions: new Set(), metWeight: 0, coveredWeight: 0, met: [], metQuestions: new Set() },
    ]),
  );
  for (const question of questions) {
    if (question.score === null) continue;
    for (const item of question.items) {
      if (item.kind === "misconception") continue;
      for (const themeId of themesOf(item)) {
        const tally = tallies.get(themeId)!;
        tally.coveredWeight += item.weight;
        if (item.met) {
          tally.metWeight += item.weight;
          tally.met.push({ position: question.position, label: item.label, weight: item.weight });
          tally.metQuestions.add(question.position);
        }
        if (item.kind !== "required") continue;
        tally.requiredWeight += item.weight;
        if (!item.met) {
          tally.missedWeight += item.weight;
          tally.missed.push({ position: question.position, slug: question.slug, label: item.label, weight: item.weight });
          tally.missedQuestions.add(question.position);
        }
      }
    }
  }
  return tallies;
}

/**
 * The theme whose required points went missing most, provided it recurs across answers and stands
 * out from the candidate's overall miss rate (when nearly everything was missed, the gap is the
 * core mechanism, not one theme of it).
 */
function findGap(tallies: Map<ThemeId, ThemeTally>, overallMissRate: number): ThemeTally | null {
  let best: { tally: ThemeTally; weight: number } | null = null;
  for (const id of THEME_IDS) {
    const tally = tallies.get(id)!;
    if (tally.missedQuestions.size < 2 || tally.missed.length < 2 || tally.requiredWeight === 0) continue;
    const rate = tally.missedWeight / tally.requiredWeight;
    const threshold = id === "mechanism" ? 0.5 : Math.max(0.5, overallMissRate + 0.15);
    if (rate < threshold) continue;
    // The catch-all theme has to clearly beat a specific one to be named.
    const weight = tally.missedWeight * rate * (id === "mechanism" ? 0.75 : 1);
    if (!best || weight > best.weight + 1e-9) best = { tally, weight };
  }
  return best?.tally ?? null;
}

function findStrengths(tallies: Map<ThemeId, ThemeTally>, gap: ThemeTally | null): ThemeTally[] {
  return THEME_IDS.map((id) => tallies.get(id)!)
    .filter((tally) => tally !== gap && tally.metQuestions.size >= 2 && tally.coveredWeight > 0 && tally.metWeight / tally.coveredWeight >= 0.75)
    .sort((a, b) => b.metWeight - a.metWeight)
    .slice(0, 2);
}

function verdictOf(average: number | null): InterviewAssessment["verdict"] {
  if (average === null || average < 5) return "early";
  if (average < 7) return "building";
  if (average < 8.5) return "close";
  return "ready";
}

const HEADLINES: Record<InterviewAssessment["verdict"], (track: string) => string> = {
  ready: (track) => `Interview-ready on ${track}`,
  close: (track) => `Nearly there on ${track}`,
  building: (track) => `A working base on ${track}, with gaps to close`,
  early: (track) => `Early days on ${track}`,
};

const VERDICT_LINES: Record<InterviewAssessment["verdict"], string> = {
  ready: "On this showing you would hold your own in a real loop for this track.",
  close: "You clearly know this material; a handful of specific points stand between you and a confident pass.",
  building: "The fundamentals are in place, but too many required points went unsaid under the clock.",
  early: "Most of the required points were missing, so read this as a map of what to learn rather than a verdict.",
};

export function assessInterview({ trackTitle, questions }: { trackTitle: string; questions: readonly AssessedQuestion[] }): InterviewAssessment {
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  const scored = ordered.filter((question): question is AssessedQuestion & { score: number } => question.score !== null && !question.skipped);
  const skipped = ordered.filter((question) => question.skipped);
  // A skipped question counts as 0 toward the verdict; what the candidate did say is read from the answers alone.
  const average = mean([...scored.map((question) => question.score), ...skipped.map(() => 0)]);
  const answeredAverage = mean(scored.map((question) => question.score));
  const verdict = verdictOf(average);
  const tallies = tallyThemes(scored);
  const requiredItems = scored.flatMap((question) => question.items.filter((item) => item.kind === "required"));
  const requiredWeight = requiredItems.reduce((sum, item) => sum + item.weight, 0);
  const overallMissRate = requiredWeight === 0 ? 0 : requiredItems.filter((item) => !item.met).reduce((sum, item) => sum + item.weight, 0) / requiredWeight;
  const gapTally = findGap(tallies, overallMissRate);
  const strengthTallies = findStrengths(tallies, gapTally);

  // ---- overview ----
  const overview: string[] = [VERDICT_LINES[verdict]];
  if (scored.length === 0 && skipped.length > 0) {
    overview.push(`You skipped ${skipped.length === ordered.length ? "every question" : `${skipped.length} ${skipped.length === 1 ? "question" : "questions"}`} and no answer could be scored, so there is nothing to assess yet: start with the model answers below.`);
  }
  if (scored.length > 0 && average !== null) {
    const best = [...scored].sort((a, b) => b.score - a.score || a.position - b.position)[0]!;
    const worst = [...scored].sort((a, b) => a.score - b.score || b.position - a.position)[0]!;
    const first = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    if (skipped.length === 0) {
      overview.push(`You averaged ${fmt(average)}/10 across ${scored.length} ${scored.length === 1 ? "answer" : "answers"}, from ${levelLabel(first.level).toLowerCase()} to ${levelLabel(last.level).toLowerCase()}.`);
    } else {
      const names = skipped.map((question) => `${q(question.position)} “${question.title}”`);
      overview.push(
        `You averaged ${fmt(average)}/10 over ${scored.length + skipped.length} questions, from ${levelLabel(first.level).toLowerCase()} to ${levelLabel(last.level).toLowerCase()}, counting the ${skipped.length === 1 ? "one" : skipped.length} you skipped as 0 (${fmt(answeredAverage!)} on the ${scored.length === 1 ? "answer" : `${scored.length} answers`} you gave).`,
        `You skipped ${listOf(names)}; ${skipped.length === 1 ? "its model answer is" : "their model answers are"} with the feedback below.`,
      );
    }
    if (best !== worst && best.score - worst.score >= 0.5) {
      overview.push(`Your strongest answer was “${best.title}” (${fmt(best.score)}); “${worst.title}” (${fmt(worst.score)}) cost you the most.`);
    }
    const rankOf = (question: AssessedQuestion) => LEVELS.find((level) => level.id === question.level)?.rank ?? 0;
    const early = mean(scored.filter((question) => rankOf(question) <= 2).map((question) => question.score));
    const late = mean(scored.filter((question) => rankOf(question) >= 4).map((question) => question.score));
    if (early !== null && late !== null && early - late >= 2) {
      overview.push(`Your scores fell as the questions got harder (${fmt(early)} on the opening questions, ${fmt(late)} on the senior ones), so the lead-level material is where extra hours pay off most.`);
    } else if (early !== null && late !== null && late - early >= 2) {
      overview.push(`You got stronger as the interview went on (${fmt(early)} early, ${fmt(late)} at the end); a slow start costs marks, so rehearse a crisp opening for the easier questions too.`);
    }
  }
  const asked = ordered.flatMap((question) => (question.followUp ? [question.followUp] : []));
  if (asked.length > 0) {
    const replied = asked.filter((followUp) => followUp.status === "answered");
    const covered = replied.filter((followUp) => followUp.covered).length;
    const skippedFollowUps = asked.length - replied.length;
    if (replied.length === 0) {
      overview.push(`You skipped ${asked.length === 1 ? "the follow-up question" : `all ${asked.length} follow-up questions`}; answering them is how an interviewer sees you recover a point you missed.`);
    } else {
      overview.push(
        `Pressed with a follow-up on your weakest point, you covered it in ${covered} of the ${replied.length} ${replied.length === 1 ? "follow-up" : "follow-ups"} you answered${skippedFollowUps > 0 ? ` (${skippedFollowUps} skipped)` : ""}.`,
      );
    }
  }
  const unscored = ordered.length - scored.length - skipped.length;
  if (unscored > 0) overview.push(`${unscored === 1 ? "One answer" : `${unscored} answers`} could not be scored and ${unscored === 1 ? "is" : "are"} left out of the average.`);
  const overtime = scored.filter(isOvertime);
  if (overtime.length >= 2) {
    overview.push(`You ran past the time budget on ${overtime.length} of ${ordered.length} questions: open with the points that score and add colour only if the clock allows.`);
  } else if (overtime.length === 1) {
    overview.push(`You went over time once, on “${overtime[0]!.title}”.`);
  } else {
    const rushed = scored.filter((question) => typeof question.timeSpentMs === "number" && question.timeSpentMs < question.timeBudgetMinutes * 60_000 * 0.4 && question.score < 6);
    if (rushed.length >= 2) overview.push(`${rushed.length} answers finished well inside the budget but still missed required points — you had time to say more.`);
  }

  // ---- strengths ----
  const strengths: string[] = [];
  for (const tally of strengthTallies) {
    const examples = spread(tally.met, 2).map((met) => `${quoted(met.label)} (${q(met.position)})`);
    strengths.push(`${tally.theme.strength}: ${listOf(examples)}.`);
  }
  const strongAnswers = scored.filter((question) => question.score >= 8);
  if (strongAnswers.length === scored.length && scored.length >= 3 && strengths.length < 3) {
    const lowest = Math.min(...scored.map((question) => question.score));
    strengths.push(lowest >= 9.95 ? "Full marks on every answer." : `Every one of your ${scored.length} answers scored 8 or more; even the weakest reached ${fmt(lowest)}.`);
  } else if (strongAnswers.length > 0 && strengths.length < 3) {
    const names = strongAnswers.slice(0, 3).map((question) => `${q(question.position)} “${question.title}” (${fmt(question.score)})`);
    strengths.push(strongAnswers.length === 1 ? `A complete answer on ${names[0]}.` : `Complete answers on ${listOf(names)}.`);
  }
  const bonusMet = scored.flatMap((question) => question.items.filter((item) => item.kind === "bonus" && item.met).map((item) => ({ question, item })));
  if (bonusMet.length >= 2 && strengths.length < 3) {
    strengths.push(`You went past the checklist ${bonusMet.length} times, for example ${quoted(bonusMet[0]!.item.label)} in ${q(bonusMet[0]!.question.position)}.`);
  }
  const claimed = scored.flatMap((question) => question.items.filter((item) => item.kind === "misconception" && item.met).map((item) => ({ question, item })));
  if (claimed.length === 0 && scored.length >= 3 && (average ?? 0) >= 6 && strengths.length < 3) {
    strengths.push("No confident wrong claims in any answer — the classic traps did not catch you.");
  }
  if (strengths.length === 0 && scored.length > 0) {
    const best = [...scored].sort((a, b) => b.score - a.score || a.position - b.position)[0]!;
    const nailed = best.items.filter((item) => item.kind !== "misconception" && item.met).sort((a, b) => b.weight - a.weight)[0];
    strengths.push(
      nailed
        ? `Your best moment was ${q(best.position)}, where you covered ${quoted(nailed.label)} — build outwards from answers like that one.`
        : "Nothing scored yet; the study list below is the fastest way to change that.",
    );
  }

  // ---- the consistent gap ----
  let gap: InterviewAssessment["gap"] = null;
  let gapNote: string | null = null;
  const allMissed = scored.flatMap((question) => question.items.filter((item) => item.kind === "required" && !item.met).map((item) => ({ question, item })));
  if (gapTally) {
    const examples = spread(gapTally.missed, 3);
    const questionsHit = gapTally.missedQuestions.size;
    const gapLine = gapTally.theme.gap.charAt(0).toLowerCase() + gapTally.theme.gap.slice(1);
    gap = {
      theme: gapTally.theme.id,
      title: gapTally.theme.title,
      text: `${questionsHit === scored.length ? `In all ${questionsHit} answers` : `In ${questionsHit} of your ${scored.length} answers`}, ${gapLine}. Missed: ${listOf(examples.map((example) => `${quoted(example.label)} (${q(example.position)})`))}. ${gapTally.theme.why}`,
      examples: examples.map(({ position, slug, label }) => ({ position, slug, label })),
    };
  } else if (scored.length === 0) {
    gapNote = "No answer was scored, so there is nothing to read a pattern from yet.";
  } else if (allMissed.length === 0) {
    gapNote = "Every required point was covered in every answer. The extra-credit points in each feedback are your next level.";
  } else {
    gapNote = `No single theme ran through your ${allMissed.length} missed ${allMissed.length === 1 ? "point" : "points"}; they were specific to each question, so work through the study list one question at a time.`;
  }

  // ---- what to study ----
  const gapIds = new Set(gapTally?.missed.map((missed) => `${missed.position}:${missed.label}`) ?? []);
  const rankOf = (question: AssessedQuestion) => LEVELS.find((level) => level.id === question.level)?.rank ?? 0;
  const candidates = allMissed
    .filter(({ item }) => Boolean(item.hint))
    .sort(
      (a, b) =>
        Number(gapIds.has(`${b.question.position}:${b.item.label}`)) - Number(gapIds.has(`${a.question.position}:${a.item.label}`)) ||
        b.item.weight - a.item.weight ||
        rankOf(b.question) - rankOf(a.question) ||
        a.question.position - b.question.position,
    );
  const perQuestion = new Map<number, number>();
  const study: StudyItem[] = [];
  for (const { question, item } of candidates) {
    if (study.length >= 4) break;
    const count = perQuestion.get(question.position) ?? 0;
    if (count >= 2) continue;
    perQuestion.set(question.position, count + 1);
    study.push({ position: question.position, slug: question.slug, questionTitle: question.title, label: item.label, hint: item.hint!, demo: question.demo ?? null });
  }

  const watchOuts: WatchOut[] = claimed
    .filter(({ item }) => Boolean(item.correction))
    .map(({ question, item }) => ({ position: question.position, slug: question.slug, questionTitle: question.title, claim: item.label.replace(/^Misconception:\s*/i, ""), correction: item.correction! }));

  return { verdict, headline: HEADLINES[verdict](trackTitle), overview: overview.join(" "), strengths, gap, gapNote, study, watchOuts };
}
