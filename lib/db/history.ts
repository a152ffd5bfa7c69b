// History and progress, the database side: the attempts table, per-question summaries, the score
// trend, the heat map of rubric points missed most, the attempts to compare and the CSV/JSON export.
//
// Every function takes the owner's user id from the caller (the session), and every query is scoped
// to it: there is no "view someone else's history" here. Aggregates run in Postgres over bounded
// result sets so a history of 10,000 attempts stays fast (see scripts/bench-history.ts); the shaping
// of those rows (buckets, sorting, diffs, CSV) is plain functions in lib/history, tested in
// tests/unit/history.
import { isAttemptId, toCompareSide, type CompareSide } from "@/lib/history/compare";
import { exportByteStream } from "@/lib/history/export-stream";
import { toExportRecord, type ExportFormat, type ExportRecord } from "@/lib/history/export";
import { buildHeatMap, HEAT_MAP_ATTEMPTS, HEAT_MAP_COLUMNS, type HeatAggregateRow, type HeatMap } from "@/lib/history/heat-map";
import { isHistorySlug, knownValues, parseHistoryQuery, type HistoryQuery, type HistoryValues, type RawQuery } from "@/lib/history/query";
import { totalsOf, type QuestionSummary } from "@/lib/history/summary";
import { toTimelineAttempt, type TimelineAttempt } from "@/lib/history/timeline";
import { trendSeries, type TrendRow, type TrendSeries } from "@/lib/history/trend";
import { attemptListWhere, listAttempts, type AttemptListFilters } from "./attempts";
import { Prisma } from "./generated/client";
import type { Db } from "./prisma";

export const HISTORY_PAGE_SIZE = 25;

// ---------------------------------------------------------------------------------------------
// Questions (filter options and validation)
// ---------------------------------------------------------------------------------------------

export interface HistoryQuestion {
  id: string;
  slug: string;
  title: string;
  track: string;
  level: string;
  archived: boolean;
}

/** Every question, archived ones too: history keeps pointing at them. About 40 rows. */
export async function listHistoryQuestions(db: Db): Promise<HistoryQuestion[]> {
  const rows = await db.question.findMany({
    select: { id: true, slug: true, title: true, track: true, level: true, archivedAt: true },
    orderBy: [{ track: "asc" }, { title: "asc" }],
  });
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

// ---------------------------------------------------------------------------------------------
// Filters as Prisma `where` and as SQL. Both must select the same rows as listAttempts (in
// lib/db/attempts.ts); tests/integration/history.test.ts checks that they agree.
// ---------------------------------------------------------------------------------------------

export const historyWhere = attemptListWhere;

/** Conditions on `a` (Attempt), `q` (Question) and `s` (the current Score, joined by the caller). */
function filterSql(userId: string, filters: AttemptListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."userId" = ${userId}`, Prisma.sql`a."parentAttemptId" IS NULL`];
  if (filters.question) parts.push(Prisma.sql`q.slug = ${filters.question}`);
  if (filters.track) parts.push(Prisma.sql`q.track = ${filters.track}`);
  if (filters.from) parts.push(Prisma.sql`a."createdAt" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`a."createdAt" < ${filters.to}`);
  if (filters.minScore !== undefined || filters.maxScore !== undefined) {
    parts.push(Prisma.sql`s.score >= ${filters.minScore ?? 0} AND s.score <= ${filters.maxScore ?? 10}`);
  }
  return Prisma.join(parts, " AND ");
}

// ---------------------------------------------------------------------------------------------
// The attempts table
// ---------------------------------------------------------------------------------------------

/** One page of attempts (newest first) and whether the page exists. Builds on listAttempts. */
export async function getHistoryPage(db: Db, userId: string, { filters, page, pageSize = HISTORY_PAGE_SIZE }: { filters: AttemptListFilters; page: number; pageSize?: number }) {
  const list = await listAttempts(db, userId, { page, pageSize, filters });
  return { ...list, outOfRange: list.total > 0 && page > list.pages };
}

export type HistoryPage = Awaited<ReturnType<typeof getHistoryPage>>;

/** Whether the user has any attempt at all (for the "nothing yet" state when a filter finds nothing). */
export async function hasAnyAttempt(db: Db, userId: string): Promise<boolean> {
  const row = await db.attempt.findFirst({ where: { userId, parentAttemptId: null }, select: { id: true } });
  return row !== null;
}

// ---------------------------------------------------------------------------------------------
// Per-question summary (the overall numbers are totalsOf in lib/history/summary.ts)
// ---------------------------------------------------------------------------------------------

export async function getQuestionSummaries(db: Db, userId: string, filters: AttemptListFilters): Promise<QuestionSummary[]> {
  const rows = await db.$queryRaw<QuestionSummary[]>(Prisma.sql`
    SELECT q.id AS "questionId", q.slug, q.title, q.track, q.level,
      count(*)::int AS attempts,
      count(s.score)::int AS scored,
      avg(s.score)::float8 AS average,
      max(s.score)::float8 AS best,
      (array_agg(s.score ORDER BY a."createdAt" ASC) FILTER (WHERE s.score IS NOT NULL))[1]::float8 AS "firstScore",
      (array_agg(s.score ORDER BY a."createdAt" DESC) FILTER (WHERE s.score IS NOT NULL))[1]::float8 AS "latestScore",
      min(a."createdAt") AS "firstAt",
      max(a."createdAt") AS "lastAt"
    FROM "Attempt" a
    JOIN "Question" q ON q.id = a."questionId"
    LEFT JOIN "Score" s ON s."attemptId" = a.id AND s."isCurrent"
    WHERE ${filterSql(userId, filters)}
    GROUP BY q.id
    ORDER BY max(a."createdAt") DESC`);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The score trend: x = attempt time, y = score, one line per question
// ---------------------------------------------------------------------------------------------

/**
 * The most-practised questions in the filtered set (`questions` of them), each with its latest
 * `perQuestion` scored attempts, oldest first. With a question filter, that question's line only.
 */
export async function getScoreTrend(
  db: Db,
  userId: string,
  filters: AttemptListFilters,
  { questions = 5, perQuestion = 40 }: { questions?: number; perQuestion?: number } = {},
): Promise<TrendSeries[]> {
  const limit = filters.question ? 1 : questions;
  const points = filters.question ? Math.max(perQuestion, 100) : perQuestion;
  const rows = await db.$queryRaw<(TrendRow & { questionId: string })[]>(Prisma.sql`
    WITH base AS (
      SELECT a.id, a."questionId", a."createdAt", s.score
      FROM "Attempt" a
      JOIN "Question" q ON q.id = a."questionId"
      JOIN "Score" s ON s."attemptId" = a.id AND s."isCurrent"
      WHERE ${filterSql(userId, filters)}
    ),
    top AS (
      SELECT "questionId", count(*)::int AS total FROM base GROUP BY "questionId"
      ORDER BY count(*) DESC, max("createdAt") DESC LIMIT ${limit}
    ),
    ranked AS (
      SELECT b.*, t.total, row_number() OVER (PARTITION BY b."questionId" ORDER BY b."createdAt" DESC) AS rn
      FROM base b JOIN top t ON t."questionId" = b."questionId"
    )
    SELECT r.id AS "attemptId", r."questionId", q.slug, q.title, r.total, r."createdAt", r.score::float8 AS score
    FROM ranked r JOIN "Question" q ON q.id = r."questionId"
    WHERE r.rn <= ${points}
    ORDER BY r.total DESC, q.slug, r."createdAt" ASC`);
  return trendSeries(rows);
}

// ---------------------------------------------------------------------------------------------
// The heat map of rubric points missed most ("consistent gaps")
// ---------------------------------------------------------------------------------------------

export async function getMissHeatMap(
  db: Db,
  userId: string,
  filters: AttemptListFilters,
  options: { maxRows?: number; maxColumns?: number; attempts?: number } = {},
): Promise<HeatMap> {
  // Bounded: the latest HEAT_MAP_ATTEMPTS scored attempts (newest first along the userId+createdAt
  // index), so the cost stays flat however long the history grows. The period is the smallest that
  // fits their whole span into the columns (weeks, then months, then quarters), so nothing the
  // filters select falls outside the map unless it spans more than `columns` quarters.
  const limit = options.attempts ?? HEAT_MAP_ATTEMPTS;
  const columns = options.maxColumns ?? HEAT_MAP_COLUMNS;
  const rows = await db.$queryRaw<(HeatAggregateRow & { attempts: number })[]>(Prisma.sql`
    WITH base AS (
      SELECT a."createdAt", a."questionId", s.id AS "scoreId"
      FROM "Attempt" a
      JOIN "Question" q ON q.id = a."questionId"
      JOIN "Score" s ON s."attemptId" = a.id AND s."isCurrent"
      WHERE ${filterSql(userId, filters)}
      ORDER BY a."createdAt" DESC
      LIMIT ${limit}
    ),
    span AS (
      SELECT CASE
        WHEN date_trunc('week', max("createdAt")) - date_trunc('week', min("createdAt")) < ${columns}::int * interval '7 days' THEN 'week'
        WHEN (extract(year FROM max("createdAt")) - extract(year FROM min("createdAt"))) * 12
          + extract(month FROM max("createdAt")) - extract(month FROM min("createdAt")) < ${columns}::int THEN 'month'
        ELSE 'quarter' END AS unit,
        count(*)::int AS attempts
      FROM base
    ),
    periods AS (
      SELECT date_trunc(span.unit, b."createdAt") AS bucket, count(*)::int AS attempts
      FROM base b CROSS JOIN span
      GROUP BY 1
    ),
    counted AS (
      SELECT b."questionId", i."itemId", i.kind, date_trunc(span.unit, b."createdAt") AS bucket,
        max(i.label) AS label, count(*)::int AS asked,
        -- Met (for a misconception: claimed); lib/history/gaps.ts turns this into misses.
        count(*) FILTER (WHERE i.met)::int AS met
      FROM base b
      CROSS JOIN span
      -- Per score through the ScoreItem(scoreId) index. OFFSET 0 keeps the planner from turning
      -- this into a hash join over every user's score items (2-3x slower, and it grows with the table).
      CROSS JOIN LATERAL (
        SELECT si."itemId", si.kind, si.label, si.met FROM "ScoreItem" si
        WHERE si."scoreId" = b."scoreId" AND si.kind <> 'bonus'
        OFFSET 0
      ) i
      GROUP BY b."questionId", i."itemId", i.kind, bucket
    )
    SELECT q.slug AS "questionSlug", q.title AS "questionTitle", c."itemId", c.label, c.kind::text AS kind,
      span.unit, span.attempts, c.bucket, p.attempts AS "periodAttempts", c.asked, c.met
    FROM counted c CROSS JOIN span
    JOIN periods p ON p.bucket = c.bucket
    JOIN "Question" q ON q.id = c."questionId"`);
  const total = rows[0]?.attempts ?? 0;
  const map = buildHeatMap(rows, { maxRows: options.maxRows, maxColumns: columns });
  return { ...map, capped: total >= limit || total > map.basedOn };
}

// ---------------------------------------------------------------------------------------------
// Everything the /history page shows, in one round of parallel queries
// ---------------------------------------------------------------------------------------------

/**
 * Parses the query, then runs every query the page needs at once. The question list that
 * validates slugs is fetched alongside the rest; in the rare case a slug or track turns out to be
 * unknown, the queries run again without it (and the page says why).
 */
export async function loadHistory(db: Db, userId: string, raw: RawQuery, options: { pageSize?: number } = {}) {
  const stamp = historyStamp(db, userId);
  const aggregates = (query: HistoryQuery) => cachedAggregates(db, userId, query, stamp);
  const run = (query: HistoryQuery) =>
    Promise.all([getHistoryPage(db, userId, { filters: query.filters, page: query.page, pageSize: options.pageSize }), aggregates(query)]);
  const optimistic = parseHistoryQuery(raw);
  const [questions, firstRun] = await Promise.all([listHistoryQuestions(db), run(optimistic)]);
  const query = parseHistoryQuery(raw, knownValues(questions));
  const sameFilters = query.values.question === optimistic.values.question && query.values.track === optimistic.values.track;
  const [page, [summaries, trend, heatMap]] = sameFilters ? firstRun : await run(query);
  const anyAttempts = page.total > 0 || (await hasAnyAttempt(db, userId));
  return { query, questions, page, summaries, totals: totalsOf(summaries), trend, heatMap, anyAttempts };
}

// The summary, trend and heat map aggregate every attempt the filters cover (tens of milliseconds at
// 10,000 attempts), yet change only when the user's attempts or the bank do. They are kept per
// process, keyed by a stamp that any change moves: a new attempt or score (each bumps the attempt's
// updatedAt, overrides and re-scores included), or a question mirrored from content/.
type Aggregates = [QuestionSummary[], TrendSeries[], HeatMap];
const AGGREGATE_CACHE_SIZE = 200;
const aggregateCache = new Map<string, Promise<Aggregates>>();

async function historyStamp(db: Db, userId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ attempts: number; changedAt: Date | null; bankAt: Date | null }[]>(Prisma.sql`
    SELECT count(*)::int AS attempts, max("updatedAt") AS "changedAt",
      (SELECT max("updatedAt") FROM "Question") AS "bankAt"
    FROM "Attempt" WHERE "userId" = ${userId}`);
  return `${row?.attempts ?? 0}|${row?.changedAt?.getTime() ?? 0}|${row?.bankAt?.getTime() ?? 0}`;
}

async function cachedAggregates(db: Db, userId: string, query: HistoryQuery, stamp: Promise<string>): Promise<Aggregates> {
  const filters = Object.entries(query.values).sort(([a], [b]) => a.localeCompare(b));
  const key = `${userId}|${await stamp}|${JSON.stringify(filters)}`;
  let entry = aggregateCache.get(key);
  if (entry) {
    // Most recently used last, so the oldest entry is the first to go.
    aggregateCache.delete(key);
  } else {
    entry = Promise.all([getQuestionSummaries(db, userId, query.filters), getScoreTrend(db, userId, query.filters), getMissHeatMap(db, userId, query.filters)]);
    // A failed load is not remembered.
    entry.catch(() => aggregateCache.delete(key));
  }
  aggregateCache.set(key, entry);
  while (aggregateCache.size > AGGREGATE_CACHE_SIZE) aggregateCache.delete(aggregateCache.keys().next().value!);
  return entry;
}

export type HistoryData = Awaited<ReturnType<typeof loadHistory>>;

// ---------------------------------------------------------------------------------------------
// One question's timeline
// ---------------------------------------------------------------------------------------------

export async function getQuestionTimeline(db: Db, userId: string, slug: string, { limit = 60 }: { limit?: number } = {}) {
  if (!isHistorySlug(slug)) return null;
  const [question, attempts, summaries] = await Promise.all([
    db.question.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, track: true, level: true, archivedAt: true } }),
    db.attempt.findMany({
      where: { userId, parentAttemptId: null, question: { slug } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: {
        id: true,
        createdAt: true,
        status: true,
        timeSpentMs: true,
        scores: { where: { isCurrent: true }, take: 1, select: { score: true, scorer: true, items: { select: { itemId: true, label: true, kind: true, met: true } } } },
      },
    }),
    getQuestionSummaries(db, userId, { question: slug }),
  ]);
  if (!question) return null;
  const newestFirst: TimelineAttempt[] = attempts.map(toTimelineAttempt);
  return { question, summary: summaries[0] ?? null, attempts: newestFirst, truncated: (summaries[0]?.attempts ?? 0) > attempts.length };
}

export type QuestionTimeline = NonNullable<Awaited<ReturnType<typeof getQuestionTimeline>>>;

// ---------------------------------------------------------------------------------------------
// Comparing two attempts
// ---------------------------------------------------------------------------------------------

const compareSelect = {
  id: true,
  createdAt: true,
  status: true,
  timeSpentMs: true,
  question: { select: { slug: true, title: true, track: true, level: true } },
  scores: {
    where: { isCurrent: true },
    take: 1,
    select: {
      score: true,
      scorer: true,
      feedback: true,
      rubricVersion: { select: { version: true } },
      items: { select: { itemId: true, label: true, kind: true, weight: true, met: true, evidence: true } },
    },
  },
} satisfies Prisma.AttemptSelect;

/**
 * The user's own attempts among `ids` (in the order asked); ids that are malformed, unknown or
 * someone else's are simply missing, so the caller says "not in your history" for all three.
 */
export async function getAttemptsForCompare(db: Db, userId: string, ids: string[]): Promise<(CompareSide | null)[]> {
  const valid = ids.filter(isAttemptId);
  const rows = valid.length
    ? await db.attempt.findMany({ where: { id: { in: valid }, userId, parentAttemptId: null }, select: compareSelect })
    : [];
  const byId = new Map(rows.map((row) => [row.id, toCompareSide(row)]));
  return ids.map((id) => byId.get(id.toLowerCase()) ?? byId.get(id) ?? null);
}

/** Recent attempts to pick from on the compare page (optionally of one question). */
export async function listCompareChoices(db: Db, userId: string, { questionSlug, take = 50 }: { questionSlug?: string; take?: number } = {}) {
  const rows = await db.attempt.findMany({
    where: { userId, parentAttemptId: null, ...(questionSlug ? { question: { slug: questionSlug } } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, question: { select: { slug: true, title: true } }, scores: { where: { isCurrent: true }, take: 1, select: { score: true } } },
  });
  return rows.map((row) => ({ id: row.id, createdAt: row.createdAt, slug: row.question.slug, title: row.question.title, score: row.scores[0]?.score ?? null }));
}

// ---------------------------------------------------------------------------------------------
// Export (CSV / JSON), streamed in keyset-paged chunks so 10,000 attempts never sit in memory
// ---------------------------------------------------------------------------------------------

const exportSelect = {
  id: true,
  createdAt: true,
  status: true,
  answer: true,
  answerSource: true,
  timeSpentMs: true,
  mockSessionId: true,
  question: { select: { slug: true, title: true, track: true, level: true } },
  scores: {
    where: { isCurrent: true },
    take: 1,
    select: { score: true, scorer: true, rubricVersion: { select: { version: true } }, items: { select: { itemId: true, kind: true, met: true } } },
  },
} satisfies Prisma.AttemptSelect;

/** Newest first, `chunkSize` at a time, paging by (createdAt, id) rather than OFFSET. */
export async function* exportChunks(db: Db, userId: string, filters: AttemptListFilters, chunkSize = 500): AsyncGenerator<ExportRecord[]> {
  const where = historyWhere(userId, filters);
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: Prisma.AttemptGetPayload<{ select: typeof exportSelect }>[] = await db.attempt.findMany({
      where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: chunkSize,
      select: exportSelect,
    });
    if (rows.length === 0) return;
    yield rows.map(toExportRecord);
    if (rows.length < chunkSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/**
 * The whole export as a byte stream. The first chunk is fetched before the stream is returned, so
 * a database problem still becomes a proper error response instead of a truncated file.
 */
export async function exportStream(
  db: Db,
  userId: string,
  { filters, values, format, now = new Date(), chunkSize = 500 }: { filters: AttemptListFilters; values: HistoryValues; format: ExportFormat; now?: Date; chunkSize?: number },
): Promise<ReadableStream<Uint8Array>> {
  return exportByteStream(exportChunks(db, userId, filters, chunkSize), { values, format, now });
}
