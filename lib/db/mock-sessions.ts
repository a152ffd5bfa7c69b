// Mock interview sessions. Every read and write is scoped to the owner: a session id that belongs
// to someone else behaves exactly like one that does not exist.
import { Prisma, type AnswerSource, type FeedbackTiming, type FollowUpSource, type MockStatus } from "./generated/client";

const { DbNull } = Prisma;
import { isUuid } from "@/lib/ids";
import type { Db } from "./prisma";

export const isSessionId = isUuid;

const sessionAttempts = {
  where: { parentAttemptId: null },
  orderBy: [{ mockPosition: "asc" }, { createdAt: "asc" }],
  select: {
    id: true,
    mockPosition: true,
    status: true,
    llmStatus: true,
    timeSpentMs: true,
    createdAt: true,
    question: { select: { slug: true } },
    scores: {
      where: { isCurrent: true },
      take: 1,
      select: { score: true, feedback: true, items: { select: { itemId: true, label: true, kind: true, weight: true, met: true } } },
    },
  },
} satisfies Prisma.MockSession$attemptsArgs;

const sessionFollowUps = {
  orderBy: { position: "asc" },
  select: {
    id: true,
    position: true,
    attemptId: true,
    source: true,
    followUpIndex: true,
    prompt: true,
    targetItemIds: true,
    model: true,
    status: true,
    answer: true,
    answerSource: true,
    timeSpentMs: true,
    score: true,
    result: true,
    createdAt: true,
    resolvedAt: true,
  },
} satisfies Prisma.MockSession$followUpsArgs;

const sessionDetail = { attempts: sessionAttempts, followUps: sessionFollowUps } satisfies Prisma.MockSessionInclude;
export type MockSessionDetail = Prisma.MockSessionGetPayload<{ include: typeof sessionDetail }>;
export type MockSessionAttempt = MockSessionDetail["attempts"][number];
export type MockSessionFollowUp = MockSessionDetail["followUps"][number];

export async function createMockSession(
  db: Db,
  data: { id: string; userId: string; track: string; feedbackTiming: FeedbackTiming; questionSlugs: string[]; askFollowUps?: boolean },
): Promise<{ id: string }> {
  return db.mockSession.create({ data, select: { id: true } });
}

/** The session with its answers, or null when it does not exist or is not this user's. */
export async function getMockSessionForOwner(db: Db, { id, userId }: { id: string; userId: string }): Promise<MockSessionDetail | null> {
  if (!isSessionId(id)) return null;
  const session = await db.mockSession.findUnique({ where: { id }, include: sessionDetail });
  if (!session || session.userId !== userId) return null;
  return session;
}

export async function findInProgressSession(db: Db, userId: string) {
  return db.mockSession.findFirst({
    where: { userId, status: "in_progress" },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      track: true,
      startedAt: true,
      updatedAt: true,
      feedbackTiming: true,
      questionSlugs: true,
      currentIndex: true,
      skippedPositions: true,
      _count: { select: { attempts: { where: { parentAttemptId: null } } } },
    },
  });
}

export async function listMockSessions(db: Db, { userId, take = 10 }: { userId: string; take?: number }) {
  return db.mockSession.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take,
    select: { id: true, track: true, status: true, feedbackTiming: true, startedAt: true, completedAt: true, summary: true, questionSlugs: true },
  });
}

/**
 * Changes an in-progress session of this user; returns false when there is none to change (another
 * user's id, a finished session, or a concurrent finish that got there first).
 */
export async function updateOpenMockSession(
  db: Db,
  { id, userId }: { id: string; userId: string },
  data: { currentIndex?: number; status?: MockStatus; summary?: Prisma.InputJsonValue; completedAt?: Date },
): Promise<boolean> {
  if (!isSessionId(id)) return false;
  const { count } = await db.mockSession.updateMany({ where: { id, userId, status: "in_progress" }, data });
  return count === 1;
}

/**
 * Marks a position of an open session skipped and moves the session past it, unless it is skipped
 * already; false when nothing changed (not this user's, not open, or skipped by a concurrent request).
 */
export async function skipMockPosition(db: Db, { id, userId, position }: { id: string; userId: string; position: number }): Promise<boolean> {
  if (!isSessionId(id)) return false;
  const { count } = await db.mockSession.updateMany({
    where: { id, userId, status: "in_progress", NOT: { skippedPositions: { has: position } } },
    data: { skippedPositions: { push: position }, currentIndex: position + 1 },
  });
  return count === 1;
}

/** Takes a skip back: the position is open again and the session returns to it. */
export async function unskipMockPosition(
  db: Db,
  { id, userId, position, skippedPositions }: { id: string; userId: string; position: number; skippedPositions: readonly number[] },
): Promise<boolean> {
  if (!isSessionId(id)) return false;
  const { count } = await db.mockSession.updateMany({
    where: { id, userId, status: "in_progress", skippedPositions: { has: position } },
    data: { skippedPositions: { set: skippedPositions.filter((skipped) => skipped !== position) }, currentIndex: position },
  });
  return count === 1;
}

/** The current score of one of the session's answers, with what its feedback kept of each item (depth, rejection). */
export async function currentScoreOfAttempt(db: Db, attemptId: string) {
  return db.score.findFirst({
    where: { attemptId, isCurrent: true },
    select: { score: true, feedback: true, items: { select: { itemId: true, kind: true, weight: true, met: true } } },
  });
}

/** Asks the follow-up on one position of a session; a second ask for the same position keeps the first. */
export async function createMockFollowUp(
  db: Db,
  data: {
    sessionId: string;
    position: number;
    attemptId: string;
    source: FollowUpSource;
    followUpIndex: number | null;
    prompt: string;
    targetItemIds: string[];
    model?: string | null;
  },
): Promise<boolean> {
  const { count } = await db.mockFollowUp.createMany({ data: [data], skipDuplicates: true });
  return count === 1;
}

/**
 * Records the reply to (or the skip of) a follow-up still waiting for one, in a session of this user
 * that is still open; false when there is none to resolve (already answered or skipped, or another
 * user's session).
 */
export async function resolveMockFollowUp(
  db: Db,
  { sessionId, userId, position }: { sessionId: string; userId: string; position: number },
  data:
    | { status: "skipped" }
    | { status: "answered"; answer: string; answerSource: AnswerSource; timeSpentMs: number | null; score: number | null; result: Prisma.InputJsonValue | null },
): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const { count } = await db.mockFollowUp.updateMany({
    where: { sessionId, position, status: "asked", session: { userId, status: "in_progress" } },
    data: data.status === "answered" ? { ...data, result: data.result ?? DbNull, resolvedAt: new Date() } : { ...data, resolvedAt: new Date() },
  });
  return count === 1;
}

/** Marks every follow-up of the session still waiting as skipped (moving on, or finishing, without a reply). */
export async function skipOpenMockFollowUps(db: Db, { sessionId, userId }: { sessionId: string; userId: string }): Promise<number> {
  if (!isSessionId(sessionId)) return 0;
  const { count } = await db.mockFollowUp.updateMany({
    where: { sessionId, status: "asked", session: { userId } },
    data: { status: "skipped", resolvedAt: new Date() },
  });
  return count;
}

/** How often and how recently the user answered each question of a track (main answers only). */
export async function attemptHistoryByQuestion(db: Db, { userId, track }: { userId: string; track: string }) {
  const groups = await db.attempt.groupBy({
    by: ["questionId"],
    where: { userId, parentAttemptId: null, question: { track } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  if (groups.length === 0) return new Map<string, { attempts: number; lastAttemptAt: Date | null }>();
  const questions = await db.question.findMany({ where: { id: { in: groups.map((group) => group.questionId) } }, select: { id: true, slug: true } });
  const slugById = new Map(questions.map((question) => [question.id, question.slug]));
  return new Map(
    groups.flatMap((group) => {
      const slug = slugById.get(group.questionId);
      return slug ? [[slug, { attempts: group._count._all, lastAttemptAt: group._max.createdAt }] as const] : [];
    }),
  );
}

/** The stored copy of each planned question (title, level, budget…), in case the markdown has gone. */
export async function questionRowsBySlug(db: Db, slugs: string[]) {
  const rows = await db.question.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, title: true, track: true, level: true, tags: true, timeBudgetMinutes: true, demoScenario: true },
  });
  return new Map(rows.map((row) => [row.slug, row]));
}
