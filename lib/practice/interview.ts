// Mock interviews: start one on a track, answer five questions of rising difficulty, see feedback
// after each answer or all at the end, and finish with a summary and an overall assessment.
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
  createMockSession,
  findInProgressSession,
  getMockSessionForOwner,
  listMockSessions,
  questionRowsBySlug,
  updateOpenMockSession,
  type MockSessionAttempt,
  type MockSessionDetail,
} from "@/lib/db/mock-sessions";
import type { Db } from "@/lib/db/prisma";
import { demoScenarioById } from "@/lib/demos/catalog";
import { AppError } from "@/lib/errors";
import { buildInterviewSummary, type AssessedQuestion, type InterviewQuestionInfo, type InterviewSummary } from "./assessment";
import {
  INTERVIEW_LENGTH,
  interviewIdempotencyKey,
  interviewStage,
  planInterview,
  tracksWithFullLadder,
  type FeedbackTimingChoice,
  type InterviewStage,
} from "./interview-plan";
import { scoreItemView } from "./stored-item";
import { submitAnswer } from "./submit";

export interface InterviewQuestion extends InterviewQuestionInfo {
  timeBudgetMinutes: number;
  demo: { id: string; title: string } | null;
  attempt: { id: string; status: string; llmStatus: string; score: number | null; timeSpentMs: number | null } | null;
}

export interface InterviewView {
  id: string;
  track: string;
  trackTitle: string;
  status: "in_progress" | "completed" | "abandoned";
  feedbackTiming: FeedbackTimingChoice;
  startedAt: Date;
  completedAt: Date | null;
  questions: InterviewQuestion[];
  stage: InterviewStage;
  answeredCount: number;
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

type SessionHeader = Pick<InterviewView, "id" | "track" | "trackTitle" | "status" | "feedbackTiming" | "startedAt" | "completedAt">;

/** What the interview page and the list both show of a session. */
function sessionHeader(session: Omit<SessionHeader, "trackTitle">, bank: ContentBank): SessionHeader {
  return {
    id: session.id,
    track: session.track,
    trackTitle: trackTitle(session.track, bank),
    status: session.status,
    feedbackTiming: session.feedbackTiming,
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

function stageOf(session: MockSessionDetail, answered: ReadonlySet<number>): InterviewStage {
  return interviewStage({
    status: session.status,
    timing: session.feedbackTiming,
    total: session.questionSlugs.length,
    currentIndex: session.currentIndex,
    answered,
  });
}

export async function startInterview(
  db: Db,
  { userId, track, feedbackTiming, seed = randomUUID() }: { userId: string; track: string; feedbackTiming: FeedbackTimingChoice; seed?: string },
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
  return createMockSession(db, { id: seed, userId, track, feedbackTiming, questionSlugs });
}

export async function loadInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<InterviewView | null> {
  const session = await getMockSessionForOwner(db, { id: sessionId, userId });
  if (!session) return null;
  const byPosition = attemptsByPosition(session);
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
    };
  });
  return {
    ...sessionHeader(session, bank),
    questions,
    stage: stageOf(session, new Set(byPosition.keys())),
    answeredCount: byPosition.size,
    summary: session.summary ? (session.summary as unknown as InterviewSummary) : null,
  };
}

export async function submitInterviewAnswer(
  db: Db,
  input: { userId: string; sessionId: string; position: number; answer: string; timeSpentMs?: number; answerSource?: "typed" | "voice" },
  options: { enqueue?: (attemptId: string) => Promise<void> } = {},
): Promise<{ attemptId: string; duplicate: boolean; finished: boolean }> {
  const session = await ownedSession(db, input.userId, input.sessionId);
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview is already over, so it takes no more answers.");
  const byPosition = attemptsByPosition(session);
  const existing = byPosition.get(input.position);
  if (existing) return { attemptId: existing.id, duplicate: true, finished: false };
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
    options,
  );
  const last = input.position === session.questionSlugs.length - 1;
  if (session.feedbackTiming === "after_each") {
    await updateOpenMockSession(db, { id: session.id, userId: input.userId }, { currentIndex: input.position });
    return { attemptId: outcome.attemptId, duplicate: outcome.duplicate, finished: false };
  }
  await updateOpenMockSession(db, { id: session.id, userId: input.userId }, { currentIndex: input.position + 1 });
  if (last) {
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
  if (stage.kind === "ready-to-finish" || (stage.kind === "feedback" && stage.last)) {
    await finishInterview(db, { userId, sessionId });
    return { finished: true };
  }
  if (stage.kind === "feedback") await updateOpenMockSession(db, { id: session.id, userId }, { currentIndex: stage.position + 1 });
  return { finished: false };
}

/** Scores are read back from Postgres, so the summary reflects exactly what the attempts hold. */
export function assessedQuestions(session: MockSessionDetail, rows: Awaited<ReturnType<typeof questionRowsBySlug>>, bank: ContentBank = getContentBank()): AssessedQuestion[] {
  const byPosition = attemptsByPosition(session);
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

/** Computes and stores the summary; a finished interview returns the summary it already has. */
export async function finishInterview(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<InterviewSummary> {
  const session = await ownedSession(db, userId, sessionId);
  if (session.status === "completed" && session.summary) return session.summary as unknown as InterviewSummary;
  if (session.status !== "in_progress") throw new AppError("conflict", "This interview was abandoned, so it has no summary.");
  const byPosition = attemptsByPosition(session);
  if (byPosition.size < session.questionSlugs.length) {
    throw new AppError("bad_request", `Answer all ${session.questionSlugs.length} questions first — ${session.questionSlugs.length - byPosition.size} to go.`);
  }
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
  return { id: session.id, track: session.track, trackTitle: trackTitle(session.track), startedAt: session.startedAt, updatedAt: session.updatedAt, answered: session._count.attempts, total: session.questionSlugs.length };
}
