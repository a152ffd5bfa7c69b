// Mock interviews: start one on a track, answer five questions of rising difficulty (or skip some), see
// feedback after each answer or all at the end, answer the interviewer's follow-up on each answer's
// weakest point, and finish with a summary and an overall assessment.
// Everything lives in Postgres (the session and its attempts), so closing the tab loses nothing and
// the position is always derived from what is stored. Server actions and tests call these; they know
// nothing about HTTP.
import { randomUUID } from "node:crypto";
import type { StoredFeedback } from "@/lib/db/attempts";
import { getContentBank } from "@/lib/content/bank";
import type { ContentBank } from "@/lib/content/load";
import { LEVEL_IDS, LEVELS, type LevelId } from "@/lib/content/levels";
import type { Prisma } from "@/lib/db/generated/client";
import {
  attemptHistoryByQuestion,
  createMockFollowUp,
  createMockSession,
  currentScoreOfAttempt,
  findInProgressSession,
  getMockSessionForOwner,
  listMockSessions,
  questionRowsBySlug,
  resolveMockFollowUp,
  skipMockPosition,
  skipOpenMockFollowUps,
  unskipMockPosition,
  updateOpenMockSession,
  type MockSessionAttempt,
  type MockSessionDetail,
  type MockSessionFollowUp,
} from "@/lib/db/mock-sessions";
import type { Db } from "@/lib/db/prisma";
import { getScoringContext } from "@/lib/db/questions";
import { hitWindow } from "@/lib/db/rate-limit";
import { demoScenarioById } from "@/lib/demos/catalog";
import { AppError } from "@/lib/errors";
import { llmConfigFromEnv } from "@/lib/scoring";
import type { ScoreResult } from "@/lib/scoring/types";
import { buildInterviewSummary, type AssessedQuestion, type InterviewQuestionInfo, type InterviewSummary, type SummaryFollowUp } from "./assessment";
import { chooseFollowUp, scoreFollowUp, type FollowUpOutcome, type ItemStanding } from "./follow-up";
import { llmFollowUpWriter, type FollowUpWriterInput } from "./follow-up-llm";
import {
  INTERVIEW_LENGTH,
  interviewIdempotencyKey,
  interviewStage,
  planInterview,
  tracksWithFullLadder,
  undoableSkip,
  type FeedbackTimingChoice,
  type InterviewStage,
} from "./interview-plan";
import { claimLlmCall, LIMITS, submitLimit, submitLimitReached } from "./limits";
import { scoreItemView } from "./stored-item";
import { submitAnswer, validateAnswer } from "./submit";

/** The interviewer's follow-up on one answer, as the interview page shows it. */
export interface InterviewFollowUp {
  position: number;
  source: "list" | "llm";
  /** Its place in the question's Follow-ups list (list source). */
  index: number | null;
  prompt: string;
  /** The rubric points it probes, with their labels (from the scored reply, else the question's rubric). */
  targets: { id: string; label: string }[];
  status: "asked" | "answered" | "skipped";
  answer: string | null;
  /** The reply's score against the targeted point(s); null until answered, or when it could not be scored. */
  score: number | null;
  outcome: FollowUpOutcome | null;
}

/**
 * Writes a follow-up aimed at the answer's weakest point (the LLM, when a key is configured); null keeps
 * the one chosen from the question's list. Never throws: any failure is a null.
 */
export type FollowUpWriter = (input: FollowUpWriterInput) => Promise<{ prompt: string; model: string } | null>;

/** The model writes follow-ups when OPENAI_API_KEY is set, within the user's hourly LLM budget; otherwise none. */
export function defaultFollowUpWriter(db: Db): FollowUpWriter | null {
  const config = llmConfigFromEnv();
  return config ? llmFollowUpWriter({ config, claim: (userId) => claimLlmCall(db, userId, "follow_up") }) : null;
}

export interface InterviewQuestion extends InterviewQuestionInfo {
  timeBudgetMinutes: number;
  demo: { id: string; title: string } | null;
  attempt: { id: string; status: string; llmStatus: string; score: number | null; timeSpentMs: number | null } | null;
  /** The candidate skipped this question (it has no attempt). */
  skipped: boolean;
  /** The follow-up asked after the answer, if any. */
  followUp: InterviewFollowUp | null;
}

export interface InterviewView {
  id: string;
  track: string;
  trackTitle: string;
  status: "in_progress" | "completed" | "abandoned";
  feedbackTiming: FeedbackTimingChoice;
  askFollowUps: boolean;
  startedAt: Date;
  completedAt: Date | null;
  questions: InterviewQuestion[];
  stage: InterviewStage;
  answeredCount: number;
  skippedCount: number;
  /** The skipped position the candidate can still take back ("Undo skip"), if any. */
  undoableSkip: number | null;
  summary: InterviewSummary | null;
}

const asLevel = (level: string): LevelId => (LEVEL_IDS as readonly string[]).includes(level) ? (level as LevelId) : "warm-up";
const levelLabel = (level: LevelId) => LEVELS.find((candidate) => candidate.id === level)?.label ?? level;

/** Tracks a mock interview can run on, with their titles, in the bank's order. */
export function interviewTracks(bank: ContentBank = getContentBank()) {
  const full = tracksWithFullLadder(bank.questions);
  return bank.tracks
    .filter((track) => full.has(track.id))
    .map((track) => ({ id: track.id, title: track.title, summary: track.summary, questionCount: bank.questions.filter((question) => question.track === track.id).length }));
}

function trackTitle(track: string, bank: ContentBank = getContentBank()) {
  return bank.tracks.find((candidate) => candidate.id === track)?.title ?? track;
}

type SessionHeader = Pick<InterviewView, "id" | "track" | "trackTitle" | "status" | "feedbackTiming" | "startedAt" | "completedAt"> & { askFollowUps?: boolean };

/** What the interview page and the list both show of a session. */
function sessionHeader(session: Omit<SessionHeader, "trackTitle">, bank: ContentBank): SessionHeader {
  return {
    id: session.id,
    track: session.track,
    trackTitle: trackTitle(session.track, bank),
    status: session.status,
    feedbackTiming: session.feedbackTiming,
    ...(session.askFollowUps !== undefined ? { askFollowUps: session.askFollowUps } : {}),
    startedAt: session.startedAt,
    completedAt: session.completedAt,
  };
}

function notFound(): never {
  throw new AppError("not_found", "That interview does not exist.");
}

async function ownedSession(db: Db, userId: string, sessionId: string) {
  const session = await getMockSessionForOwner(db, { id: sessionId, userId });
  if (!session) notFound();
  return session;
}

/** The first attempt stored for each position (a position never has more, thanks to its idempotency key). */
function attemptsByPosition(session: MockSessionDetail) {
  const byPosition = new Map<number, MockSessionAttempt>();
  for (const attempt of session.attempts) {
    if (attempt.mockPosition === null || attempt.mockPosition < 0 || attempt.mockPosition >= session.questionSlugs.length) continue;
    if (!byPosition.has(attempt.mockPosition)) byPosition.set(attempt.mockPosition, attempt);
  }
  return byPosition;
}

/** Positions skipped and never answered (an answer that raced a skip wins: the attempt is what counts). */
function skippedPositions(session: Pick<MockSessionDetail, "skippedPositions" | "questionSlugs">, answered: ReadonlySet<number>): Set<number> {
  return new Set((session.skippedPositions ?? []).filter((position) => position >= 0 && position < session.questionSlugs.length && !answered.has(position)));
}

/** The follow-up on each position (at most one, by the table's unique key). */
function followUpsByPosition(session: MockSessionDetail): Map<number, MockSessionFollowUp> {
  return new Map((session.followUps ?? []).map((followUp) => [followUp.position, followUp]));
}

function stageOf(session: MockSessionDetail, answered: ReadonlySet<number>): InterviewStage {
  const waiting = (session.followUps ?? []).filter((followUp) => followUp.status === "asked" && answered.has(followUp.position)).map((followUp) => followUp.position);
  return interviewStage({
    status: session.status,
    timing: session.feedbackTiming,
    total: session.questionSlugs.length,
    currentIndex: session.currentIndex,
    answered,
    skipped: skippedPositions(session, answered),
    pendingFollowUp: waiting.length > 0 ? Math.max(...waiting) : null,
  });
}

function followUpView(followUp: MockSessionFollowUp, rubricItems: readonly { id: string; label: string }[]): InterviewFollowUp {
  const outcome = (followUp.result as unknown as FollowUpOutcome | null) ?? null;
  const labelOf = (id: string) => outcome?.items.find((item) => item.id === id)?.label ?? rubricItems.find((item) => item.id === id)?.label ?? id;
  return {
    position: followUp.position,
    source: followUp.source,
    index: followUp.followUpIndex,
    prompt: followUp.prompt,
    targets: followUp.targetItemIds.map((id) => ({ id, label: labelOf(id) })),
    status: followUp.status,
    answer: followUp.answer,
    score: followUp.score,
    outcome,
  };
}

/**
 * Plans and opens an interview. `askFollowUps` puts a follow-up question after each answer; it is off
 * unless asked for (the start form asks for it by default), as it is for sessions that predate it.
 */
export async function startInterview(
  db: Db,
  {
    userId,
    track,
    feedbackTiming,
    askFollowUps = false,
    seed = randomUUID(),
  }: { userId: string; track: string; feedbackTiming: FeedbackTimingChoice; askFollowUps?: boolean; seed?: string },
): Promise<{ id: string }> {
  const bank = getContentBank();
  if (!interviewTracks(bank).some((candidate) => candidate.id === track)) {
    throw new AppError("bad_request", `There is no interview track "${track}".`, { field: "track" });
  }
  const open = await findInProgressSession(db, userId);
  if (open) throw new AppError("conflict", "You already have an interview in progress — resume it or abandon it before starting another.");
  const history = await attemptHistoryByQuestion(db, { userId, track });
  // The session id doubles as the plan's seed: the plan is stored, and the id says how it was drawn.
  const questionSlugs = planInterview({ questions: bank.questions, track, seed, history });
  if (questionSlugs.length < INTERVIEW_LENGTH) throw new AppError("bad_request", "This track does not have enough questions for a full interview yet.", { field: "track" });
  return createMockSession(db, { id: seed, userId, track, feedbackTiming, questionSlugs, askFollowUps });
}

export async function loadInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<InterviewView | null> {
  const session = await getMockSessionForOwner(db, { id: sessionId, userId });
  if (!session) return null;
  const byPosition = attemptsByPosition(session);
  const answered = new Set(byPosition.keys());
  const skipped = skippedPositions(session, answered);
  const followUps = followUpsByPosition(session);
  const rows = await questionRowsBySlug(db, session.questionSlugs);
  const bank = getContentBank();
  const questions = session.questionSlugs.map((slug, position): InterviewQuestion => {
    const content = bank.questions.find((question) => question.slug === slug);
    const row = rows.get(slug);
    const level = asLevel(content?.level ?? row?.level ?? "warm-up");
    const demoId = content?.demo ?? row?.demoScenario;
    const demo = demoId ? demoScenarioById(demoId) : undefined;
    const attempt = byPosition.get(position);
    return {
      position,
      slug,
      title: content?.title ?? row?.title ?? slug,
      track: content?.track ?? row?.track ?? session.track,
      level,
      levelLabel: levelLabel(level),
      tags: [...(content?.tags ?? row?.tags ?? [])],
      timeBudgetMinutes: content?.timeBudgetMinutes ?? row?.timeBudgetMinutes ?? 5,
      demo: demo ? { id: demo.id, title: demo.title } : null,
      attempt: attempt
        ? { id: attempt.id, status: attempt.status, llmStatus: attempt.llmStatus, score: attempt.scores[0]?.score ?? null, timeSpentMs: attempt.timeSpentMs }
        : null,
      skipped: skipped.has(position),
      followUp: followUps.has(position) ? followUpView(followUps.get(position)!, content?.rubric.items ?? []) : null,
    };
  });
  return {
    ...sessionHeader(session, bank),
    askFollowUps: session.askFollowUps,
    questions,
    stage: stageOf(session, answered),
    answeredCount: byPosition.size,
    skippedCount: skipped.size,
    undoableSkip: session.status === "in_progress" ? undoableSkip({ total: session.questionSlugs.length, answered, skipped }) : null,
    summary: session.summary ? (session.summary as unknown as InterviewSummary) : null,
  };
}

export interface InterviewSubmitOptions {
  enqueue?: (attemptId: string) => Promise<void>;
  /**
   * Writes the follow-up for the answer's weakest point. By default the model does when OPENAI_API_KEY
   * is set (defaultFollowUpWriter); null, or any failure of the writer, asks the one chosen from the list.
   */
  followUpWriter?: FollowUpWriter | null;
}

const writerFor = (db: Db, options: InterviewSubmitOptions) => (options.followUpWriter === undefined ? defaultFollowUpWriter(db) : options.followUpWriter);

export async function submitInterviewAnswer(
  db: Db,
  input: { userId: string; sessionId: string; position: number; answer: string; timeSpentMs?: number; answerSource?: "typed" | "voice" },
  options: InterviewSubmitOptions = {},
): Promise<{ attemptId: string; duplicate: boolean; finished: boolean }> {
  const session = await ownedSession(db, input.userId, input.sessionId);
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview is already over, so it takes no more answers.");
  const byPosition = attemptsByPosition(session);
  const existing = byPosition.get(input.position);
  if (existing) {
    // The first request may have stopped between storing the answer and asking the follow-up.
    if (session.askFollowUps && !followUpsByPosition(session).has(input.position)) {
      await askFollowUp(db, { session, userId: input.userId, position: input.position, attemptId: existing.id, writer: writerFor(db, options) });
    }
    return { attemptId: existing.id, duplicate: true, finished: false };
  }
  const stage = stageOf(session, new Set(byPosition.keys()));
  if (stage.kind !== "question" || stage.position !== input.position) {
    throw new AppError("bad_request", "That is not the question you are on — reload the page to continue where you are.", { field: "position" });
  }
  const slug = session.questionSlugs[input.position]!;
  const outcome = await submitAnswer(
    db,
    {
      userId: input.userId,
      questionSlug: slug,
      answer: input.answer,
      idempotencyKey: interviewIdempotencyKey(session.id, input.position),
      timeSpentMs: input.timeSpentMs,
      answerSource: input.answerSource,
      mock: { sessionId: session.id, position: input.position },
    },
    { enqueue: options.enqueue },
  );
  const asked = session.askFollowUps
    ? await askFollowUp(db, { session, userId: input.userId, position: input.position, attemptId: outcome.attemptId, result: outcome.result, writer: writerFor(db, options) })
    : false;
  const last = input.position === session.questionSlugs.length - 1;
  if (session.feedbackTiming === "after_each") {
    await updateOpenMockSession(db, { id: session.id, userId: input.userId }, { currentIndex: input.position });
    return { attemptId: outcome.attemptId, duplicate: outcome.duplicate, finished: false };
  }
  await updateOpenMockSession(db, { id: session.id, userId: input.userId }, { currentIndex: input.position + 1 });
  // With feedback at the end, the follow-up on the last answer comes before the results.
  if (last && !asked) {
    await finishInterview(db, { userId: input.userId, sessionId: session.id });
    return { attemptId: outcome.attemptId, duplicate: outcome.duplicate, finished: true };
  }
  return { attemptId: outcome.attemptId, duplicate: outcome.duplicate, finished: false };
}

/** "Next question" after the feedback on an answer; after the last one it finishes the interview. */
export async function advanceInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<{ finished: boolean }> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status === "completed") return { finished: true };
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview was abandoned.");
  const byPosition = attemptsByPosition(session);
  const stage = stageOf(session, new Set(byPosition.keys()));
  // Moving on from a follow-up that is still waiting leaves it unanswered: it counts as skipped.
  if (stage.kind === "feedback" || stage.kind === "follow-up") await resolveMockFollowUp(db, { sessionId: session.id, userId, position: stage.position }, { status: "skipped" });
  if (stage.kind === "ready-to-finish" || ((stage.kind === "feedback" || stage.kind === "follow-up") && stage.last)) {
    await finishInterview(db, { userId, sessionId });
    return { finished: true };
  }
  if (stage.kind === "feedback") await updateOpenMockSession(db, { id: session.id, userId }, { currentIndex: stage.position + 1 });
  return { finished: false };
}

/** The rubric standings of a stored or fresh score, for choosing the follow-up. */
function standingsOf(items: readonly { id: string; met: boolean; depth?: string; rejection?: unknown }[]): ItemStanding[] {
  return items.map((item) => ({
    id: item.id,
    met: item.met,
    ...(item.depth === "named" || item.depth === "explained" ? { depth: item.depth } : {}),
    ...(!item.met && item.rejection ? { rejected: true } : {}),
  }));
}

/**
 * Asks the follow-up on a scored answer: chosen from the question's list by the answer's weakest point,
 * or written for that point by `writer`. Returns true when the position has a follow-up afterwards
 * (asked now or before). An answer that could not be scored, or a question gone from the bank, gets none.
 */
async function askFollowUp(
  db: Db,
  { session, userId, position, attemptId, result, writer }: { session: MockSessionDetail; userId: string; position: number; attemptId: string; result?: ScoreResult; writer: FollowUpWriter | null },
): Promise<boolean> {
  if (followUpsByPosition(session).has(position)) return true;
  const context = await getScoringContext(db, session.questionSlugs[position]!);
  if (!context || context.question.followUps.length === 0) return false;
  let standings: ItemStanding[];
  if (result) {
    standings = standingsOf(result.items);
  } else {
    const stored = await currentScoreOfAttempt(db, attemptId);
    if (!stored) return false;
    const extras = (stored.feedback as unknown as Partial<StoredFeedback> | null)?.items ?? {};
    standings = standingsOf(stored.items.map((item) => ({ id: item.itemId, met: item.met, depth: extras[item.itemId]?.depth, rejection: extras[item.itemId]?.rejection })));
  }
  const choice = chooseFollowUp({ followUps: context.question.followUps, rubric: context.question.rubric, standings });
  if (!choice || choice.targetItemIds.length === 0) return false;
  const written = writer && choice.weakest ? await writer({ userId, question: context.question, weakest: choice.weakest }).catch(() => null) : null;
  await createMockFollowUp(
    db,
    written
      ? { sessionId: session.id, position, attemptId, source: "llm", followUpIndex: null, prompt: written.prompt, targetItemIds: [choice.weakest!.id], model: written.model }
      : { sessionId: session.id, position, attemptId, source: "list", followUpIndex: choice.index, prompt: choice.prompt, targetItemIds: choice.targetItemIds },
  );
  return true;
}

async function followUpFor(db: Db, { userId, sessionId, position }: { userId: string; sessionId: string; position: number }) {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview is already over, so its follow-ups are closed.");
  const followUp = followUpsByPosition(session).get(position);
  if (!followUp) throw new AppError("not_found", `There is no follow-up on question ${position + 1}.`, { field: "position" });
  return { session, followUp };
}

/** After a follow-up is answered or skipped: with feedback at the end, the last one leads to the results. */
async function afterFollowUp(db: Db, session: MockSessionDetail, userId: string, position: number): Promise<boolean> {
  if (session.feedbackTiming !== "at_end" || position !== session.questionSlugs.length - 1) return false;
  await finishInterview(db, { userId, sessionId: session.id });
  return true;
}

/**
 * The candidate's reply to the follow-up on `position`, scored by the rules against the point(s) the
 * follow-up probes (lib/practice/follow-up.ts scoreFollowUp). A repeated reply (a double click) keeps
 * the first. Counts against the same per-minute limit as answers.
 */
export async function answerInterviewFollowUp(
  db: Db,
  input: { userId: string; sessionId: string; position: number; answer: string; answerSource?: "typed" | "voice"; timeSpentMs?: number },
): Promise<{ duplicate: boolean; finished: boolean; score: number | null }> {
  validateAnswer(input.answer);
  const { session, followUp } = await followUpFor(db, input);
  if (followUp.status === "answered") return { duplicate: true, finished: false, score: followUp.score };
  if (followUp.status === "skipped") throw new AppError("conflict", "You skipped this follow-up, so it takes no answer now.");
  const limit = submitLimit(input.userId);
  const verdict = await hitWindow(db, limit.key, LIMITS.submitsPerMinute, limit.windowSeconds);
  if (!verdict.allowed) throw submitLimitReached(verdict.retryAfterSeconds);
  const context = await getScoringContext(db, session.questionSlugs[input.position]!);
  let outcome: FollowUpOutcome | null = null;
  if (context && context.question.rubric.items.some((item) => followUp.targetItemIds.includes(item.id) && item.kind !== "misconception")) {
    const bank = getContentBank();
    outcome = scoreFollowUp({ question: context.question, targetItemIds: followUp.targetItemIds, prompt: followUp.prompt, answer: input.answer, vocabulary: bank.vocabulary, claims: bank.claims });
  }
  const stored = await resolveMockFollowUp(
    db,
    { sessionId: session.id, userId: input.userId, position: input.position },
    {
      status: "answered",
      answer: input.answer,
      answerSource: input.answerSource ?? "typed",
      timeSpentMs: input.timeSpentMs ?? null,
      score: outcome?.score ?? null,
      result: outcome ? (outcome as unknown as Prisma.InputJsonValue) : null,
    },
  );
  if (!stored) {
    const again = followUpsByPosition(await ownedSession(db, input.userId, input.sessionId)).get(input.position);
    if (again?.status === "answered") return { duplicate: true, finished: false, score: again.score };
    throw new AppError("conflict", "This follow-up was closed in another tab — reload the page to continue where you are.");
  }
  return { duplicate: false, finished: await afterFollowUp(db, session, input.userId, input.position), score: outcome?.score ?? null };
}

/** "Skip follow-up": no reply; the summary shows the follow-up as skipped. */
export async function skipInterviewFollowUp(db: Db, input: { userId: string; sessionId: string; position: number }): Promise<{ finished: boolean }> {
  const { session, followUp } = await followUpFor(db, input);
  if (followUp.status === "answered") throw new AppError("conflict", "You have answered this follow-up already.");
  if (followUp.status === "skipped") return { finished: false };
  if (!(await resolveMockFollowUp(db, { sessionId: session.id, userId: input.userId, position: input.position }, { status: "skipped" }))) {
    const again = followUpsByPosition(await ownedSession(db, input.userId, input.sessionId)).get(input.position);
    if (again?.status !== "skipped") throw new AppError("conflict", "This follow-up was closed in another tab — reload the page to continue where you are.");
    return { finished: false };
  }
  return { finished: await afterFollowUp(db, session, input.userId, input.position) };
}

/**
 * "Skip this question": the current question is left unanswered and the interview moves on. No attempt
 * is stored, so the skip never reaches history, trends or the review queue; the summary shows it as
 * skipped and counts it as 0. Skipping the last question leads to "See your results" (never straight
 * to the summary), so the skip can still be taken back.
 */
export async function skipInterviewQuestion(db: Db, { userId, sessionId, position }: { userId: string; sessionId: string; position: number }): Promise<void> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview is already over, so there is nothing to skip.");
  const answered = new Set(attemptsByPosition(session).keys());
  if (skippedPositions(session, answered).has(position)) return;
  const stage = stageOf(session, answered);
  if (stage.kind !== "question" || stage.position !== position) {
    throw new AppError("bad_request", "That is not the question you are on — reload the page to continue where you are.", { field: "position" });
  }
  if (!(await skipMockPosition(db, { id: session.id, userId, position }))) {
    const again = await ownedSession(db, userId, sessionId);
    if (!(again.skippedPositions ?? []).includes(position)) throw new AppError("conflict", "This interview changed in another tab — reload the page to continue where you are.");
  }
}

/** "Undo skip": the last skipped question opens again, as long as nothing after it has been answered or skipped. */
export async function undoSkipInterviewQuestion(db: Db, { userId, sessionId, position }: { userId: string; sessionId: string; position: number }): Promise<void> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview is already over, so a skip can no longer be taken back.");
  const answered = new Set(attemptsByPosition(session).keys());
  const skipped = skippedPositions(session, answered);
  if (!skipped.has(position)) {
    const stage = stageOf(session, answered);
    if (stage.kind === "question" && stage.position === position) return; // already undone (a double click)
    throw new AppError("bad_request", `Question ${position + 1} was not skipped.`, { field: "position" });
  }
  if (undoableSkip({ total: session.questionSlugs.length, answered, skipped }) !== position) {
    throw new AppError("conflict", `You have moved on since skipping question ${position + 1}, so that skip stays.`, { field: "position" });
  }
  if (!(await unskipMockPosition(db, { id: session.id, userId, position, skippedPositions: session.skippedPositions ?? [] }))) {
    throw new AppError("conflict", "This interview changed in another tab — reload the page to continue where you are.");
  }
}

/** Scores are read back from Postgres, so the summary reflects exactly what the attempts hold. */
export function assessedQuestions(session: MockSessionDetail, rows: Awaited<ReturnType<typeof questionRowsBySlug>>, bank: ContentBank = getContentBank()): AssessedQuestion[] {
  const byPosition = attemptsByPosition(session);
  const skipped = skippedPositions(session, new Set(byPosition.keys()));
  const followUps = followUpsByPosition(session);
  return session.questionSlugs.map((slug, position) => {
    const content = bank.questions.find((question) => question.slug === slug);
    const row = rows.get(slug);
    const attempt = byPosition.get(position);
    const score = attempt?.scores[0];
    const stored = score?.feedback as unknown as StoredFeedback | undefined;
    const demoId = content?.demo ?? row?.demoScenario;
    const demo = demoId ? demoScenarioById(demoId) : undefined;
    return {
      position,
      slug,
      title: content?.title ?? row?.title ?? slug,
      track: content?.track ?? row?.track ?? session.track,
      level: asLevel(content?.level ?? row?.level ?? "warm-up"),
      tags: content?.tags ?? row?.tags ?? [],
      timeBudgetMinutes: content?.timeBudgetMinutes ?? row?.timeBudgetMinutes ?? 5,
      demo: demo ? { id: demo.id, title: demo.title } : null,
      attemptId: attempt?.id ?? null,
      score: score?.score ?? null,
      ...(skipped.has(position) ? { skipped: true } : {}),
      followUp: followUps.has(position) && attempt ? summaryFollowUp(followUpView(followUps.get(position)!, content?.rubric.items ?? [])) : null,
      timeSpentMs: attempt?.timeSpentMs ?? null,
      items: (score?.items ?? []).map((item) => {
        const rubricItem = content?.rubric.items.find((candidate) => candidate.id === item.itemId);
        const hint = stored?.items?.[item.itemId]?.hint ?? rubricItem?.hint;
        const correction = stored?.items?.[item.itemId]?.correction ?? rubricItem?.correction;
        return {
          ...scoreItemView(item),
          ...(hint ? { hint } : {}),
          ...(correction ? { correction } : {}),
          ...(rubricItem ? { concept: rubricItem.concept } : {}),
        };
      }),
    };
  });
}

function summaryFollowUp(followUp: InterviewFollowUp): SummaryFollowUp {
  const targets = followUp.outcome?.items.filter((item) => followUp.targets.some((target) => target.id === item.id)) ?? [];
  return {
    prompt: followUp.prompt,
    source: followUp.source,
    status: followUp.status === "answered" ? "answered" : "skipped",
    score: followUp.status === "answered" ? followUp.score : null,
    targets: followUp.targets.map((target) => target.label),
    covered: followUp.status === "answered" && targets.length > 0 && targets.every((item) => item.met),
  };
}

/** Computes and stores the summary; a finished interview returns the summary it already has. */
export async function finishInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<InterviewSummary> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status === "completed" && session.summary) return session.summary as unknown as InterviewSummary;
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview was abandoned, so it has no summary.");
  const byPosition = attemptsByPosition(session);
  const done = byPosition.size + skippedPositions(session, new Set(byPosition.keys())).size;
  if (done < session.questionSlugs.length) {
    throw new AppError("bad_request", `Answer or skip all ${session.questionSlugs.length} questions first — ${session.questionSlugs.length - done} to go.`);
  }
  // A follow-up still waiting when the interview ends was never answered: it counts as skipped.
  if ((session.followUps ?? []).some((followUp) => followUp.status === "asked")) await skipOpenMockFollowUps(db, { sessionId: session.id, userId });
  const bank = getContentBank();
  const summary = buildInterviewSummary({
    track: session.track,
    trackTitle: trackTitle(session.track, bank),
    questions: assessedQuestions(session, await questionRowsBySlug(db, session.questionSlugs), bank),
  });
  const updated = await updateOpenMockSession(
    db,
    { id: session.id, userId },
    { status: "completed", completedAt: new Date(), currentIndex: session.questionSlugs.length, summary: summary as unknown as Prisma.InputJsonValue },
  );
  if (!updated) {
    // A concurrent request finished it first: return what that one stored.
    const again = await ownedSession(db, userId, sessionId);
    if (again.summary) return again.summary as unknown as InterviewSummary;
  }
  return summary;
}

export async function abandonInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<void> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status === "abandoned") return;
  if (session.status === "completed") throw new AppError("conflict", "This interview is already complete.");
  await updateOpenMockSession(db, { id: session.id, userId }, { status: "abandoned" });
}

export interface InterviewListEntry extends SessionHeader {
  average: number | null;
  questionCount: number;
}

export async function listInterviews(db: Db, userId: string, take = 10): Promise<InterviewListEntry[]> {
  const bank = getContentBank();
  const sessions = await listMockSessions(db, { userId, take });
  return sessions.map((session) => ({
    ...sessionHeader(session, bank),
    average: session.summary ? ((session.summary as unknown as InterviewSummary).average ?? null) : null,
    questionCount: session.questionSlugs.length,
  }));
}

export async function inProgressInterview(db: Db, userId: string) {
  const session = await findInProgressSession(db, userId);
  if (!session) return null;
  return {
    id: session.id,
    track: session.track,
    trackTitle: trackTitle(session.track),
    startedAt: session.startedAt,
    updatedAt: session.updatedAt,
    answered: session._count.attempts,
    skipped: (session.skippedPositions ?? []).length,
    total: session.questionSlugs.length,
  };
}
