// Attempts and their scores. Every function takes the viewer or owner explicitly: nothing here
// returns another user's attempt unless the caller is an instructor or admin.
import { isUuid } from "@/lib/ids";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { ScoreResult } from "@/lib/scoring";
import { Prisma, type AnswerSource, type ScoreReason } from "./generated/client";
import type { Db } from "./prisma";
import { retryAfterSeconds, windowHitSql } from "./rate-limit";
import { preparedQuery } from "./sql";

export interface NewAttempt {
  userId: string;
  questionId: string;
  rubricVersionId: string | null;
  answer: string;
  answerSource: AnswerSource;
  idempotencyKey?: string;
  timeSpentMs?: number;
  mockSessionId?: string;
  mockPosition?: number;
  parentAttemptId?: string;
  followUpIndex?: number;
  status?: "pending" | "unscored";
}

/**
 * Stores the answer before anything else happens to it. A repeated idempotency key (a double
 * click, a retry after a network error) returns the attempt the first request made.
 */
export async function insertAttempt(db: Db, data: NewAttempt): Promise<{ id: string; createdAt: Date; duplicate: boolean }> {
  try {
    const created = await db.attempt.create({ data: { ...data, status: data.status ?? "pending" }, select: { id: true, createdAt: true } });
    return { ...created, duplicate: false };
  } catch (error) {
    if (data.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.attempt.findUniqueOrThrow({
        where: { userId_idempotencyKey: { userId: data.userId, idempotencyKey: data.idempotencyKey } },
        select: { id: true, createdAt: true },
      });
      return { ...existing, duplicate: true };
    }
    throw error;
  }
}

export interface ReviewSnapshot {
  easiness: number;
  intervalDays: number;
  repetitions: number;
}

export type StoreOutcome =
  | { kind: "stored"; id: string; createdAt: Date; review: ReviewSnapshot | null }
  | { kind: "duplicate"; id: string; createdAt: Date }
  | { kind: "over-limit"; retryAfterSeconds: number };

/**
 * The submission's first round trip: counts it against the user's limit, stores the attempt when the
 * limit allows, and reads the question's review state for the schedule — one statement, because on
 * the submit path every round trip costs more CPU than the scoring does. An idempotency key already
 * used returns that attempt; a retry is never refused by the limit.
 */
export async function storeAttemptWithinLimit(
  db: Db,
  data: Omit<NewAttempt, "parentAttemptId" | "followUpIndex" | "status">,
  limit: { key: string; max: number; windowSeconds: number },
): Promise<StoreOutcome> {
  const rows = await preparedQuery<{ count: number; resetInMs: number; id: string | null; createdAt: Date | null; review: ReviewSnapshot | null }>(db, "offset_store_attempt", Prisma.sql`
    WITH hit AS (${windowHitSql(limit.key, limit.max, limit.windowSeconds)}
    ), attempt AS (
      INSERT INTO "Attempt" ("id", "userId", "questionId", "rubricVersionId", "answer", "answerSource", "status", "idempotencyKey", "timeSpentMs", "mockSessionId", "mockPosition", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${data.userId}, ${data.questionId}::uuid, ${data.rubricVersionId}::uuid, ${data.answer}, ${data.answerSource}::"AnswerSource", 'pending',
             ${data.idempotencyKey ?? null}, ${data.timeSpentMs ?? null}::int, ${data.mockSessionId ?? null}::uuid, ${data.mockPosition ?? null}::int, now(), now()
      FROM hit WHERE hit."count" <= ${limit.max}
      ON CONFLICT ("userId", "idempotencyKey") DO NOTHING
      RETURNING "id", "createdAt"
    )
    SELECT hit."count", hit."resetInMs", attempt."id", attempt."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
      (SELECT json_build_object('easiness', r."easiness", 'intervalDays', r."intervalDays", 'repetitions', r."repetitions")
       FROM "ReviewItem" r WHERE r."userId" = ${data.userId} AND r."questionId" = ${data.questionId}::uuid) AS "review"
    FROM hit LEFT JOIN attempt ON true`);
  const row = rows[0]!;
  if (row.id && row.createdAt) return { kind: "stored", id: row.id, createdAt: row.createdAt, review: row.review };
  // Not inserted: the key was used before (a double click, a retry), or the limit is spent.
  if (data.idempotencyKey) {
    const earlier = await db.attempt.findUnique({
      where: { userId_idempotencyKey: { userId: data.userId, idempotencyKey: data.idempotencyKey } },
      select: { id: true, createdAt: true },
    });
    if (earlier) return { kind: "duplicate", ...earlier };
  }
  return { kind: "over-limit", retryAfterSeconds: retryAfterSeconds(row.resetInMs) };
}

/** A review schedule row as saveScore writes it alongside the score. */
export interface ReviewUpdate extends ReviewSnapshot {
  userId: string;
  questionId: string;
  dueAt: Date;
  lastScore: number;
  missedItemIds: string[];
}

/** What is kept of a ScoreResult beyond the per-item rows: enough to redraw the feedback exactly. */
export interface StoredFeedback {
  summary: string;
  nailed: ScoreResult["feedback"]["nailed"];
  tightenUp: ScoreResult["feedback"]["tightenUp"];
  misconceptions: ScoreResult["feedback"]["misconceptions"];
  flags: ScoreResult["feedback"]["flags"];
  breakdown: ScoreResult["breakdown"];
  rulesVersion: string;
  fallbackReason?: string;
  items: Record<string, StoredItemExtras>;
}

/** What a stored score keeps of each item beyond its row: where it sits in the answer, its depth, its origin. */
export type StoredItemExtras = Pick<ScoreResult["items"][number], "spans" | "highlights" | "decidedBy" | "hint" | "correction" | "depth" | "rejection" | "origin" | "topic">;

export function toStoredFeedback(result: ScoreResult): StoredFeedback {
  return {
    ...result.feedback,
    breakdown: result.breakdown,
    rulesVersion: result.rulesVersion,
    ...(result.fallbackReason ? { fallbackReason: result.fallbackReason } : {}),
    items: Object.fromEntries(
      result.items.map((item) => [
        item.id,
        {
          spans: item.spans,
          highlights: item.highlights,
          decidedBy: item.decidedBy,
          hint: item.hint,
          correction: item.correction,
          ...(item.depth ? { depth: item.depth } : {}),
          ...(item.rejection ? { rejection: item.rejection } : {}),
          ...(item.origin ? { origin: item.origin, topic: item.topic } : {}),
        },
      ]),
    ),
  };
}

/**
 * Adds a score and makes it the current one; earlier scores stay, marked not current. One SQL
 * statement (data-modifying CTEs share a snapshot, so "retire" only sees the older scores): this is
 * on every submission's path, where five separate statements and a transaction cost more CPU than
 * the scoring itself.
 */
export async function saveScore(
  db: Db,
  {
    attemptId,
    rubricVersionId,
    result,
    reason,
    current = true,
    review,
  }: {
    attemptId: string;
    rubricVersionId: string | null;
    result: ScoreResult;
    reason: ScoreReason;
    /** false adds the score to the attempt's history without replacing the current one (a re-score under an instructor's override). */
    current?: boolean;
    /** The question's next review for this user, written in the same statement. */
    review?: ReviewUpdate;
  },
): Promise<{ id: string; createdAt: Date }> {
  const items = result.items.map((item) => ({ itemId: item.id, label: item.label, kind: item.kind, weight: item.weight, met: item.met, evidence: item.evidence }));
  const rows = await preparedQuery<{ id: string; createdAt: Date }>(db, "offset_save_score", Prisma.sql`
    WITH retire AS (
      UPDATE "Score" SET "isCurrent" = false WHERE "attemptId" = ${attemptId}::uuid AND "isCurrent" AND ${current}
    ), score AS (
      INSERT INTO "Score" ("id", "attemptId", "rubricVersionId", "scorer", "reason", "score", "isCurrent", "promptVersion", "model", "feedback", "createdAt")
      VALUES (gen_random_uuid(), ${attemptId}::uuid, ${rubricVersionId}::uuid, ${result.scorer}::"Scorer", ${reason}::"ScoreReason", ${result.score},
              ${current}, ${result.promptVersion ?? null}, ${result.model ?? null}, ${JSON.stringify(toStoredFeedback(result))}::jsonb, now())
      RETURNING "id", "createdAt"
    ), items AS (
      INSERT INTO "ScoreItem" ("id", "scoreId", "itemId", "label", "kind", "weight", "met", "evidence")
      SELECT gen_random_uuid(), score."id", item."itemId", item."label", item."kind"::"RubricItemKind", item."weight", item."met", item."evidence"
      FROM score, jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
        AS item("itemId" text, "label" text, "kind" text, "weight" double precision, "met" boolean, "evidence" text[])
    ), scored AS (
      UPDATE "Attempt" SET "status" = 'scored', "updatedAt" = now() WHERE "id" = ${attemptId}::uuid
    ), review AS (
      INSERT INTO "ReviewItem" ("id", "userId", "questionId", "easiness", "intervalDays", "repetitions", "dueAt", "lastScore", "missedItemIds", "updatedAt")
      SELECT gen_random_uuid(), r."userId", r."questionId"::uuid, r."easiness", r."intervalDays", r."repetitions", (to_timestamp(r."dueAtMs" / 1000.0) AT TIME ZONE 'UTC'), r."lastScore", r."missedItemIds", now()
      FROM jsonb_to_recordset(${JSON.stringify(review ? [{ ...review, dueAtMs: review.dueAt.getTime() }] : [])}::jsonb)
        AS r("userId" text, "questionId" text, "easiness" double precision, "intervalDays" int, "repetitions" int, "dueAtMs" double precision, "lastScore" double precision, "missedItemIds" text[])
      ON CONFLICT ("userId", "questionId") DO UPDATE SET
        "easiness" = excluded."easiness", "intervalDays" = excluded."intervalDays", "repetitions" = excluded."repetitions",
        "dueAt" = excluded."dueAt", "lastScore" = excluded."lastScore", "missedItemIds" = excluded."missedItemIds", "updatedAt" = now()
    )
    SELECT "id", "createdAt" AT TIME ZONE 'UTC' AS "createdAt" FROM score`);
  return rows[0]!;
}

/**
 * After a score replaces the current one of an attempt already scheduled (an LLM refinement, an
 * instructor's override, a re-score under a new rubric version), the review queue shows that score and
 * its missed points, so "last score" never contradicts the attempt's page. Only when the attempt is the
 * user's latest scored main answer to the question: an older attempt's new score is not the last one.
 * The schedule itself (interval, due date) is left as the submission set it: the candidate's recall
 * happened once, and re-grading it does not make them practise again sooner or later. Returns the rows updated.
 */
export async function refreshReviewFromCurrentScore(db: Pick<Db, "$executeRaw">, attemptIds: string | readonly string[]): Promise<number> {
  const ids = typeof attemptIds === "string" ? [attemptIds] : [...attemptIds];
  if (ids.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "ReviewItem" r SET
      "lastScore" = s."score",
      "missedItemIds" = COALESCE((SELECT array_agg(i."itemId" ORDER BY i."itemId") FROM "ScoreItem" i
                                  WHERE i."scoreId" = s."id" AND i."kind" = 'required' AND NOT i."met"), '{}'),
      "updatedAt" = now()
    FROM "Attempt" a JOIN "Score" s ON s."attemptId" = a."id" AND s."isCurrent"
    WHERE a."id" = ANY(${ids}::uuid[]) AND a."parentAttemptId" IS NULL
      AND r."userId" = a."userId" AND r."questionId" = a."questionId"
      AND NOT EXISTS (SELECT 1 FROM "Attempt" later
                      WHERE later."userId" = a."userId" AND later."questionId" = a."questionId" AND later."parentAttemptId" IS NULL
                        AND later."status" = 'scored' AND later."createdAt" > a."createdAt")`;
}

const attemptDetail = {
  question: { select: { slug: true, title: true, track: true, level: true } },
  mockSession: { select: { id: true, status: true } },
  scores: {
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      scorer: true,
      reason: true,
      score: true,
      isCurrent: true,
      promptVersion: true,
      model: true,
      feedback: true,
      createdAt: true,
      rubricVersion: { select: { version: true } },
      items: { select: { itemId: true, label: true, kind: true, weight: true, met: true, evidence: true } },
    },
  },
  followUps: { orderBy: { followUpIndex: "asc" }, select: { id: true, followUpIndex: true, answer: true, createdAt: true } },
} satisfies Prisma.AttemptInclude;

export type AttemptDetail = Prisma.AttemptGetPayload<{ include: typeof attemptDetail }>;

/** The attempt if the viewer may see it: its owner, or an instructor/admin. Otherwise null (→ 404). */
export async function getAttemptForViewer(db: Db, id: string, viewer: { id: string; role: Role }): Promise<AttemptDetail | null> {
  if (!isUuid(id)) return null;
  const attempt = await db.attempt.findUnique({ where: { id }, include: attemptDetail });
  if (!attempt) return null;
  if (attempt.userId !== viewer.id && !hasRole(viewer.role, "instructor")) return null;
  return attempt;
}

/**
 * The current score of the same person's last scored try at the same question before this one (main
 * answers only: follow-ups answer a different prompt), or null on a first try.
 */
export async function previousTryScore(db: Db, attempt: { id: string; userId: string; questionId: string; createdAt: Date }): Promise<number | null> {
  const previous = await db.attempt.findFirst({
    where: {
      userId: attempt.userId,
      questionId: attempt.questionId,
      parentAttemptId: null,
      id: { not: attempt.id },
      createdAt: { lt: attempt.createdAt },
      scores: { some: { isCurrent: true } },
    },
    orderBy: { createdAt: "desc" },
    select: { scores: { where: { isCurrent: true }, select: { score: true }, take: 1 } },
  });
  return previous?.scores[0]?.score ?? null;
}

export interface AttemptListFilters {
  question?: string;
  track?: string;
  from?: Date;
  to?: Date;
  minScore?: number;
  maxScore?: number;
}

/** The rows a list of attempts covers; `to` is an exclusive bound (callers turn an end day into the next midnight). */
export function attemptListWhere(userId: string, filters: AttemptListFilters): Prisma.AttemptWhereInput {
  const scoreFilter =
    filters.minScore !== undefined || filters.maxScore !== undefined
      ? { scores: { some: { isCurrent: true, score: { gte: filters.minScore ?? 0, lte: filters.maxScore ?? 10 } } } }
      : {};
  return {
    userId,
    parentAttemptId: null,
    ...(filters.question || filters.track ? { question: { ...(filters.question ? { slug: filters.question } : {}), ...(filters.track ? { track: filters.track } : {}) } } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } } : {}),
    ...scoreFilter,
  };
}

/** One page of a user's attempts, newest first, with the current score of each (`scores[0]`) and the previous one (`scores[1]`). */
export async function listAttempts(db: Db, userId: string, { page = 1, pageSize = 20, filters = {} }: { page?: number; pageSize?: number; filters?: AttemptListFilters }) {
  const where = attemptListWhere(userId, filters);
  const [total, rows] = await Promise.all([
    db.attempt.count({ where }),
    db.attempt.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        llmStatus: true,
        createdAt: true,
        timeSpentMs: true,
        mockSessionId: true,
        question: { select: { slug: true, title: true, track: true, level: true } },
        // The current score first, then the one before it, so a re-scored or overridden attempt can show both.
        scores: {
          orderBy: [{ isCurrent: "desc" }, { createdAt: "desc" }],
          take: 2,
          select: { score: true, scorer: true, reason: true, isCurrent: true, rubricVersion: { select: { version: true } } },
        },
      },
    }),
  ]);
  return { total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)), rows };
}
