// Planning and pacing a mock interview: which five questions, in which order, and where the candidate
// is now. Pure and framework-free: the service (lib/practice/interview.ts) feeds it rows from
// Postgres, the unit tests feed it hand-made ones.
import { LEVELS, type LevelId } from "@/lib/content/levels";

/** Warm-up, stepping up, getting serious, lead engineer, final boss. */
export const INTERVIEW_LENGTH = LEVELS.length;

export interface PlanCandidate {
  slug: string;
  track: string;
  level: LevelId;
}

/** What the candidate has done with a question before: drives "least practised, least recent first". */
export interface PlanHistory {
  attempts: number;
  lastAttemptAt: Date | null;
}

const rankOf = (level: LevelId) => LEVELS.find((candidate) => candidate.id === level)?.rank ?? 0;

/** FNV-1a, 32 bit: a stable number for a string, so the same seed always breaks ties the same way. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * One question per level, warm-up first. Within a level: the question attempted least, then the
 * one attempted longest ago (never beats ever), then a tie-break drawn from the seed — so the plan
 * is fixed for a given seed and history, yet two interviews with fresh seeds differ.
 * A track missing a level borrows the nearest level's next-best question; a track with fewer than
 * five questions yields a shorter plan.
 */
export function planInterview({
  questions,
  track,
  seed,
  history = new Map(),
}: {
  questions: readonly PlanCandidate[];
  track: string;
  seed: string;
  history?: ReadonlyMap<string, PlanHistory>;
}): string[] {
  const pool = questions.filter((question) => question.track === track);
  const preference = (question: PlanCandidate) => {
    const seen = history.get(question.slug);
    return { attempts: seen?.attempts ?? 0, last: seen?.lastAttemptAt?.getTime() ?? -Infinity, tie: stableHash(`${seed}:${question.slug}`) };
  };
  const better = (a: PlanCandidate, b: PlanCandidate) => {
    const pa = preference(a);
    const pb = preference(b);
    return pa.attempts - pb.attempts || (pa.last === pb.last ? 0 : pa.last < pb.last ? -1 : 1) || pa.tie - pb.tie || a.slug.localeCompare(b.slug);
  };

  // First every level that has questions of its own, then the gaps from the nearest level (the harder
  // side first, as the interview climbs); finally the plan is put in order of difficulty.
  const chosen = new Map<number, PlanCandidate>();
  const taken = new Set<string>();
  const pickFor = (rank: number, candidates: PlanCandidate[]) => {
    const distance = (question: PlanCandidate) => Math.abs(rankOf(question.level) - rank);
    const pick = [...candidates].sort((a, b) => distance(a) - distance(b) || rankOf(b.level) - rankOf(a.level) || better(a, b))[0];
    if (!pick) return;
    chosen.set(rank, pick);
    taken.add(pick.slug);
  };
  for (const level of LEVELS) pickFor(level.rank, pool.filter((question) => question.level === level.id && !taken.has(question.slug)));
  for (const level of LEVELS) if (!chosen.has(level.rank)) pickFor(level.rank, pool.filter((question) => !taken.has(question.slug)));
  return [...chosen]
    .sort(([slotA, a], [slotB, b]) => rankOf(a.level) - rankOf(b.level) || slotA - slotB)
    .map(([, question]) => question.slug);
}

/** Tracks a full interview can be planned on: those with a question at every level. */
export function tracksWithFullLadder(questions: readonly PlanCandidate[]): Set<string> {
  const levelsByTrack = new Map<string, Set<LevelId>>();
  for (const question of questions) {
    const levels = levelsByTrack.get(question.track) ?? new Set<LevelId>();
    levels.add(question.level);
    levelsByTrack.set(question.track, levels);
  }
  return new Set([...levelsByTrack].filter(([, levels]) => levels.size === LEVELS.length).map(([track]) => track));
}

export type FeedbackTimingChoice = "after_each" | "at_end";

/** Where a candidate stands in an interview, derived from what is stored (never from the browser). */
export type InterviewStage =
  | { kind: "question"; position: number }
  | { kind: "feedback"; position: number; last: boolean }
  /** Feedback at the end: the answer is in, and the interviewer's follow-up on it waits for a reply. */
  | { kind: "follow-up"; position: number; last: boolean }
  | { kind: "ready-to-finish" }
  | { kind: "completed" }
  | { kind: "abandoned" };

/**
 * `answered` holds the positions that have a stored attempt, `skipped` those the candidate skipped
 * (no attempt). `currentIndex` is the position the candidate last moved to: with feedback after each
 * answer it stays on the answered question until they press "Next question", so a reload lands on
 * the same feedback (a skipped question has no feedback: skipping moves straight on).
 * `pendingFollowUp` is the position whose follow-up was asked and not yet answered or skipped; with
 * feedback at the end it holds the interview there (with feedback after each answer, the follow-up
 * is part of the feedback step instead).
 */
export function interviewStage({
  status,
  timing,
  total,
  currentIndex,
  answered,
  skipped = new Set(),
  pendingFollowUp = null,
}: {
  status: "in_progress" | "completed" | "abandoned";
  timing: FeedbackTimingChoice;
  total: number;
  currentIndex: number;
  answered: ReadonlySet<number>;
  skipped?: ReadonlySet<number>;
  pendingFollowUp?: number | null;
}): InterviewStage {
  if (status === "completed") return { kind: "completed" };
  if (status === "abandoned") return { kind: "abandoned" };
  const done = (position: number) => answered.has(position) || skipped.has(position);
  let next = 0;
  while (next < total && done(next)) next += 1;
  if (timing === "after_each" && currentIndex < next && answered.has(currentIndex)) {
    return { kind: "feedback", position: currentIndex, last: currentIndex === total - 1 };
  }
  if (timing === "at_end" && pendingFollowUp !== null && answered.has(pendingFollowUp) && pendingFollowUp === next - 1) {
    return { kind: "follow-up", position: pendingFollowUp, last: pendingFollowUp === total - 1 };
  }
  if (next < total) return { kind: "question", position: next };
  return { kind: "ready-to-finish" };
}

/**
 * The skipped position a candidate may still take back: the latest step they finished, as long as
 * nothing after it has been answered or skipped. Null when there is none.
 */
export function undoableSkip({ total, answered, skipped }: { total: number; answered: ReadonlySet<number>; skipped: ReadonlySet<number> }): number | null {
  let last = -1;
  for (let position = 0; position < total; position += 1) if (answered.has(position) || skipped.has(position)) last = position;
  if (last < 0 || !skipped.has(last) || answered.has(last)) return null;
  // A gap before it (an earlier position never finished) cannot happen through the app; be strict anyway.
  for (let position = 0; position < last; position += 1) if (!answered.has(position) && !skipped.has(position)) return null;
  return last;
}

/** One attempt per interview position: a retry or a double click reuses the same key. */
export function interviewIdempotencyKey(sessionId: string, position: number) {
  return `mock-${sessionId}-${position}`;
}

/** The answer-box draft for an interview question, kept apart from the practice draft of the same question. */
export function interviewDraftSlug(sessionId: string, position: number) {
  return `interview-${sessionId}-${position}`;
}

/** The answer-box draft for the follow-up on an interview question. */
export function followUpDraftSlug(sessionId: string, position: number) {
  return `interview-${sessionId}-${position}-follow-up`;
}
