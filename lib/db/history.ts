// History and progress: the attempts table, per-question summaries, the score trend, the heat map
// of rubric points missed most, comparing two attempts and the CSV/JSON export.
//
// Every function takes the owner's user id from the caller (the session), and every query is scoped
// to it: there is no "view someone else's history" here. Aggregates run in Postgres over bounded
// result sets so a history of 10,000 attempts stays fast (see scripts/bench-history.ts); the shaping
// of those rows (buckets, sorting, diffs) is plain functions, tested in tests/unit/history.
import { stringify } from "csv-stringify/sync";
import { isUuid } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { parseDay, formatDay } from "@/lib/dates";
import { attemptListWhere, listAttempts, type AttemptListFilters, type StoredFeedback } from "./attempts";
import { Prisma, type RubricItemKind, type Scorer } from "./generated/client";
import type { Db } from "./prisma";

export const HISTORY_PAGE_SIZE = 25;
const MAX_PAGE = 1_000_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Query parsing: one parser for the page, the per-question timeline and the export route.
// ---------------------------------------------------------------------------------------------

export const HISTORY_FILTER_FIELDS = ["question", "track", "from", "to", "minScore", "maxScore"] as const;
export type HistoryFilterField = (typeof HISTORY_FILTER_FIELDS)[number];
export type HistoryValues = Partial<Record<HistoryFilterField, string>>;
export type RawQuery = Record<string, string | string[] | undefined>;

export interface HistoryProblem {
  field: HistoryFilterField | "page";
  message: string;
}

export interface HistoryQuery {
  /** Ready for the queries: `to` is exclusive (the day after the chosen end date). */
  filters: AttemptListFilters;
  page: number;
  /** The accepted filter values as typed, for forms and links. Rejected values are left out. */
  values: HistoryValues;
  /** One clear sentence per rejected value; the rest of the query still applies. */
  problems: HistoryProblem[];
}

/** The questions and tracks that exist, so an unknown slug gets a message instead of an empty page. */
export interface KnownValues {
  questions: ReadonlySet<string>;
  tracks: ReadonlySet<string>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

export function parseHistoryQuery(raw: RawQuery, known?: KnownValues): HistoryQuery {
  const problems: HistoryProblem[] = [];
  const values: HistoryValues = {};
  const filters: AttemptListFilters = {};

  const pageText = firstValue(raw.page);
  let page = 1;
  if (pageText) {
    const parsed = /^\d+$/.test(pageText) ? Number(pageText) : NaN;
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_PAGE) page = parsed;
    else problems.push({ field: "page", message: `"${clip(pageText)}" is not a page number — pages start at 1.` });
  }

  const question = firstValue(raw.question);
  if (question) {
    if (!SLUG.test(question) || question.length > 120) problems.push({ field: "question", message: `"${clip(question)}" is not a question id (they look like kafka-architecture).` });
    else if (known && !known.questions.has(question)) problems.push({ field: "question", message: `There is no question "${question}". Pick one from the list.` });
    else {
      filters.question = question;
      values.question = question;
    }
  }

  const track = firstValue(raw.track);
  if (track) {
    if (!SLUG.test(track) || track.length > 60) problems.push({ field: "track", message: `"${clip(track)}" is not a track id (they look like kafka).` });
    else if (known && !known.tracks.has(track)) problems.push({ field: "track", message: `There is no track "${track}". Pick one from the list.` });
    else {
      filters.track = track;
      values.track = track;
    }
  }

  const day = (field: "from" | "to", label: string) => {
    const text = firstValue(raw[field]);
    if (!text) return undefined;
    const date = parseDay(text);
    if (!date) {
      problems.push({ field, message: `The ${label} date "${clip(text)}" is not a real date. Use YYYY-MM-DD, for example 2026-01-31.` });
      return undefined;
    }
    values[field] = text;
    return date;
  };
  const from = day("from", "start");
  const to = day("to", "end");
  if (from && to && from > to) {
    problems.push({ field: "to", message: `The end date (${values.to}) is before the start date (${values.from}).` });
    delete values.to;
  } else {
    if (from) filters.from = from;
    if (to) filters.to = new Date(to.getTime() + DAY_MS);
  }

  const score = (field: "minScore" | "maxScore", label: string) => {
    const text = firstValue(raw[field]);
    if (!text) return undefined;
    const parsed = NUMBER.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 10) {
      problems.push({ field, message: `The ${label} score "${clip(text)}" must be a number from 0 to 10.` });
      return undefined;
    }
    values[field] = text;
    return parsed;
  };
  const minScore = score("minScore", "lowest");
  const maxScore = score("maxScore", "highest");
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) {
    problems.push({ field: "maxScore", message: `The highest score (${maxScore}) is below the lowest score (${minScore}).` });
    delete values.maxScore;
    filters.minScore = minScore;
  } else {
    if (minScore !== undefined) filters.minScore = minScore;
    if (maxScore !== undefined) filters.maxScore = maxScore;
  }

  return { filters, page, values, problems };
}

function clip(text: string) {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** For JSON routes: the first problem becomes a 400 naming the field. */
export function assertValidHistoryQuery(query: HistoryQuery, { ignorePage = false } = {}) {
  const problem = query.problems.find((candidate) => !(ignorePage && candidate.field === "page"));
  if (problem) throw new AppError("bad_request", `${problem.field}: ${problem.message}`, { field: problem.field });
}

export function hasFilters(values: HistoryValues) {
  return HISTORY_FILTER_FIELDS.some((field) => Boolean(values[field]));
}

/** `?question=…&page=2`: the current filters with some values replaced (undefined removes one). */
export function historySearch(values: HistoryValues, overrides: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const field of HISTORY_FILTER_FIELDS) {
    const value = values[field];
    if (value && !(field in overrides)) search.set(field, value);
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

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

export function knownValues(questions: HistoryQuestion[]): KnownValues {
  return { questions: new Set(questions.map((question) => question.slug)), tracks: new Set(questions.map((question) => question.track)) };
}

// ---------------------------------------------------------------------------------------------
// Filters as Prisma `where` and as SQL. Both must select the same rows as listAttempts (in
// lib/db/attempts.ts); tests/integration/history.test.ts checks that they agree.
// ---------------------------------------------------------------------------------------------

export const historyWhere = attemptListWhere;
export { parseDay, formatDay };

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
// Per-question summary (and the overall numbers derived from it)
// ---------------------------------------------------------------------------------------------

export interface QuestionSummary {
  questionId: string;
  slug: string;
  title: string;
  track: string;
  level: string;
  attempts: number;
  scored: number;
  average: number | null;
  best: number | null;
  firstScore: number | null;
  latestScore: number | null;
  firstAt: Date;
  lastAt: Date;
}

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

export interface HistoryTotals {
  attempts: number;
  scored: number;
  average: number | null;
  best: number | null;
  questions: number;
  lastAt: Date | null;
}

export function totalsOf(summaries: QuestionSummary[]): HistoryTotals {
  let attempts = 0;
  let scored = 0;
  let sum = 0;
  let best: number | null = null;
  let lastAt: Date | null = null;
  for (const row of summaries) {
    attempts += row.attempts;
    scored += row.scored;
    if (row.average !== null) sum += row.average * row.scored;
    if (row.best !== null && (best === null || row.best > best)) best = row.best;
    if (!lastAt || row.lastAt > lastAt) lastAt = row.lastAt;
  }
  return { attempts, scored, average: scored ? sum / scored : null, best, questions: summaries.length, lastAt };
}

// ---------------------------------------------------------------------------------------------
// The score trend: x = attempt time, y = score, one line per question
// ---------------------------------------------------------------------------------------------

export interface TrendPoint {
  attemptId: string;
  /** Epoch milliseconds, for a numeric time axis. */
  t: number;
  score: number;
}

export interface TrendSeries {
  slug: string;
  title: string;
  attempts: number;
  points: TrendPoint[];
}

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
  const rows = await db.$queryRaw<{ attemptId: string; questionId: string; slug: string; title: string; total: number; createdAt: Date; score: number }[]>(Prisma.sql`
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
    ORDER BY r.total DESC, r."questionId", r."createdAt" ASC`);
  const series: TrendSeries[] = [];
  let current: TrendSeries | undefined;
  for (const row of rows) {
    if (!current || current.slug !== row.slug) {
      current = { slug: row.slug, title: row.title, attempts: row.total, points: [] };
      series.push(current);
    }
    current.points.push({ attemptId: row.attemptId, t: row.createdAt.getTime(), score: row.score });
  }
  return series;
}

// ---------------------------------------------------------------------------------------------
// The heat map of rubric points missed most ("consistent gaps")
// ---------------------------------------------------------------------------------------------

/**
 * A gap is a required point left out, or a misconception claimed (for misconception items `met`
 * means the answer made the wrong claim). Bonus points are extra credit, never a gap.
 */
export function isGap(kind: RubricItemKind, met: boolean): boolean {
  if (kind === "bonus") return false;
  return kind === "misconception" ? met : !met;
}

export type BucketUnit = "week" | "month" | "quarter";

export interface HeatCell {
  asked: number;
  missed: number;
}

export interface HeatRow {
  key: string;
  questionSlug: string;
  questionTitle: string;
  itemId: string;
  label: string;
  kind: RubricItemKind;
  asked: number;
  missed: number;
  rate: number;
  /** One per column; null when the question was not answered in that period. */
  cells: (HeatCell | null)[];
}

/** The heat map reads the latest this-many scored attempts (about 10 rubric rows each). */
export const HEAT_MAP_ATTEMPTS = 2000;

export interface HeatMap {
  unit: BucketUnit;
  /** How many scored attempts it is based on, and whether older ones were left out. */
  basedOn: number;
  capped: boolean;
  columns: { start: Date; label: string; longLabel: string }[];
  rows: HeatRow[];
  /** How many distinct points were checked in all (before keeping the top rows). */
  itemCount: number;
  /** Repeated gaps worth saying out loud: missed at least half the time, at least 3 times asked. */
  consistentGaps: HeatRow[];
}

export interface HeatAggregateRow {
  questionSlug: string;
  questionTitle: string;
  itemId: string;
  label: string;
  kind: RubricItemKind;
  unit: BucketUnit;
  bucket: Date;
  asked: number;
  missed: number;
}

export async function getMissHeatMap(
  db: Db,
  userId: string,
  filters: AttemptListFilters,
  options: { maxRows?: number; maxColumns?: number; attempts?: number } = {},
): Promise<HeatMap> {
  // Bounded: the latest HEAT_MAP_ATTEMPTS scored attempts (newest first along the userId+createdAt
  // index), so the cost stays flat however long the history grows. The bucket size follows their
  // span: weeks up to 12 weeks, months up to two years, quarters beyond.
  const limit = options.attempts ?? HEAT_MAP_ATTEMPTS;
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
        WHEN max("createdAt") - min("createdAt") <= interval '84 days' THEN 'week'
        WHEN max("createdAt") - min("createdAt") <= interval '730 days' THEN 'month'
        ELSE 'quarter' END AS unit,
        count(*)::int AS attempts
      FROM base
    ),
    counted AS (
      SELECT b."questionId", i."itemId", i.kind, date_trunc(span.unit, b."createdAt") AS bucket,
        max(i.label) AS label, count(*)::int AS asked,
        count(*) FILTER (WHERE (i.kind = 'misconception') = i.met)::int AS missed
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
      span.unit, span.attempts, c.bucket, c.asked, c.missed
    FROM counted c CROSS JOIN span JOIN "Question" q ON q.id = c."questionId"`);
  const basedOn = rows[0]?.attempts ?? 0;
  return { ...buildHeatMap(rows, options), basedOn, capped: basedOn >= limit };
}

/** Start of the period before `start`. */
function previousBucket(start: Date, unit: BucketUnit): Date {
  if (unit === "week") return new Date(start.getTime() - 7 * DAY_MS);
  const months = unit === "month" ? 1 : 3;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function bucketLabels(start: Date, unit: BucketUnit): { label: string; longLabel: string } {
  if (unit === "week") return { label: dayFormat.format(start), longLabel: `the week of ${longDayFormat.format(start)}` };
  if (unit === "month") return { label: monthFormat.format(start), longLabel: monthFormat.format(start) };
  const quarter = Math.floor(start.getUTCMonth() / 3) + 1;
  return { label: `Q${quarter} ${start.getUTCFullYear()}`, longLabel: `Q${quarter} ${start.getUTCFullYear()}` };
}

export function buildHeatMap(
  rows: HeatAggregateRow[],
  { maxRows = 12, maxColumns = 8 }: { maxRows?: number; maxColumns?: number } = {},
): Omit<HeatMap, "basedOn" | "capped"> {
  const unit: BucketUnit = rows[0]?.unit ?? "week";
  let latest = 0;
  for (const row of rows) latest = Math.max(latest, row.bucket.getTime());
  const starts: Date[] = [];
  if (rows.length > 0) {
    let start = new Date(latest);
    for (let i = 0; i < maxColumns; i++) {
      starts.unshift(start);
      start = previousBucket(start, unit);
    }
    // Do not draw empty periods before the first attempt.
    let earliest = latest;
    for (const row of rows) earliest = Math.min(earliest, row.bucket.getTime());
    while (starts.length > 1 && starts[0]!.getTime() < earliest) starts.shift();
  }
  const columnOf = new Map(starts.map((start, index) => [start.getTime(), index]));

  const byItem = new Map<string, HeatRow>();
  for (const row of rows) {
    const key = `${row.questionSlug}/${row.itemId}`;
    let item = byItem.get(key);
    if (!item) {
      item = {
        key,
        questionSlug: row.questionSlug,
        questionTitle: row.questionTitle,
        itemId: row.itemId,
        label: row.label,
        kind: row.kind,
        asked: 0,
        missed: 0,
        rate: 0,
        cells: starts.map(() => null),
      };
      byItem.set(key, item);
    }
    item.asked += row.asked;
    item.missed += row.missed;
    const column = columnOf.get(row.bucket.getTime());
    if (column !== undefined) {
      const cell = item.cells[column] ?? { asked: 0, missed: 0 };
      cell.asked += row.asked;
      cell.missed += row.missed;
      item.cells[column] = cell;
    }
  }
  const all = [...byItem.values()];
  for (const item of all) item.rate = item.asked ? item.missed / item.asked : 0;
  const missedMost = (a: HeatRow, b: HeatRow) => b.missed - a.missed || b.rate - a.rate || a.label.localeCompare(b.label);
  const ranked = all.filter((item) => item.missed > 0).sort(missedMost);
  return {
    unit,
    columns: starts.map((start) => ({ start, ...bucketLabels(start, unit) })),
    rows: ranked.slice(0, maxRows),
    itemCount: all.length,
    consistentGaps: ranked.filter((item) => item.asked >= 3 && item.rate >= 0.5).slice(0, 3),
  };
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

export interface TimelineItem {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  met: boolean;
}

export interface TimelineAttempt {
  id: string;
  createdAt: Date;
  status: string;
  timeSpentMs: number | null;
  score: number | null;
  scorer: Scorer | null;
  items: TimelineItem[];
}

export async function getQuestionTimeline(db: Db, userId: string, slug: string, { limit = 60 }: { limit?: number } = {}) {
  if (!SLUG.test(slug)) return null;
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
  const newestFirst: TimelineAttempt[] = attempts.map((attempt) => {
    const score = attempt.scores[0];
    return {
      id: attempt.id,
      createdAt: attempt.createdAt,
      status: attempt.status,
      timeSpentMs: attempt.timeSpentMs,
      score: score?.score ?? null,
      scorer: score?.scorer ?? null,
      items: score?.items ?? [],
    };
  });
  return { question, summary: summaries[0] ?? null, attempts: newestFirst, truncated: (summaries[0]?.attempts ?? 0) > attempts.length };
}

export type QuestionTimeline = NonNullable<Awaited<ReturnType<typeof getQuestionTimeline>>>;

export interface TimelineStep {
  attempt: TimelineAttempt;
  /** The scored attempt before this one (older), if any. */
  previousId: string | null;
  delta: number | null;
  gained: string[];
  lost: string[];
}

/** Each attempt next to the scored one before it: score change and points gained / lost. Newest first in, newest first out. */
export function timelineSteps(newestFirst: TimelineAttempt[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  for (let index = 0; index < newestFirst.length; index++) {
    const attempt = newestFirst[index]!;
    const previous = newestFirst.slice(index + 1).find((candidate) => candidate.score !== null);
    if (!previous || attempt.score === null) {
      steps.push({ attempt, previousId: previous?.id ?? null, delta: null, gained: [], lost: [] });
      continue;
    }
    const diff = diffItems(previous.items, attempt.items);
    steps.push({
      attempt,
      previousId: previous.id,
      delta: round1(attempt.score - (previous.score ?? 0)),
      gained: diff.filter((entry) => entry.change === "gained" || entry.change === "fixed").map((entry) => entry.label),
      lost: diff.filter((entry) => entry.change === "lost" || entry.change === "new-misconception").map((entry) => entry.label),
    });
  }
  return steps;
}

export interface ItemMatrix {
  /** Oldest first. */
  attempts: { id: string; createdAt: Date; score: number | null }[];
  rows: { itemId: string; label: string; kind: RubricItemKind; asked: number; missed: number; cells: (boolean | null)[] }[];
}

/** Rubric points × the latest `columns` scored attempts: true = a gap in that attempt. Missed most first. */
export function itemMatrix(newestFirst: TimelineAttempt[], columns = 10): ItemMatrix {
  const attempts = newestFirst.filter((attempt) => attempt.score !== null).slice(0, columns).reverse();
  const rows = new Map<string, ItemMatrix["rows"][number]>();
  attempts.forEach((attempt, column) => {
    for (const item of attempt.items) {
      if (item.kind === "bonus") continue;
      let row = rows.get(item.itemId);
      if (!row) {
        row = { itemId: item.itemId, label: item.label, kind: item.kind, asked: 0, missed: 0, cells: attempts.map(() => null) };
        rows.set(item.itemId, row);
      }
      row.label = item.label;
      const gap = isGap(item.kind, item.met);
      row.asked++;
      if (gap) row.missed++;
      row.cells[column] = gap;
    }
  });
  const sorted = [...rows.values()].sort(
    (a, b) => b.missed - a.missed || (a.kind === b.kind ? 0 : a.kind === "required" ? -1 : 1) || a.label.localeCompare(b.label),
  );
  return { attempts: attempts.map(({ id, createdAt, score }) => ({ id, createdAt, score })), rows: sorted };
}

// ---------------------------------------------------------------------------------------------
// Comparing two attempts
// ---------------------------------------------------------------------------------------------

export const isAttemptId = isUuid;

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

type CompareRow = Prisma.AttemptGetPayload<{ select: typeof compareSelect }>;

export interface CompareItem {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  met: boolean;
  evidence: string[];
  hint?: string;
  correction?: string;
}

export interface CompareSide {
  id: string;
  createdAt: Date;
  status: string;
  timeSpentMs: number | null;
  question: { slug: string; title: string; track: string; level: string };
  score: number | null;
  scorer: Scorer | null;
  rubricVersion: string | null;
  items: CompareItem[];
}

function toCompareSide(row: CompareRow): CompareSide {
  const score = row.scores[0];
  const stored = (score?.feedback ?? null) as Partial<StoredFeedback> | null;
  return {
    id: row.id,
    createdAt: row.createdAt,
    status: row.status,
    timeSpentMs: row.timeSpentMs,
    question: row.question,
    score: score?.score ?? null,
    scorer: score?.scorer ?? null,
    rubricVersion: score?.rubricVersion ? `v${score.rubricVersion.version}` : null,
    items: (score?.items ?? []).map((item) => {
      const extra = stored?.items?.[item.itemId];
      return { ...item, ...(extra?.hint ? { hint: extra.hint } : {}), ...(extra?.correction ? { correction: extra.correction } : {}) };
    }),
  };
}

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

export type ItemChange = "gained" | "lost" | "still-missing" | "kept" | "fixed" | "new-misconception" | "repeated-misconception" | "avoided" | "only-before" | "only-after";

export interface ItemDiff {
  itemId: string;
  label: string;
  kind: RubricItemKind;
  weight: number;
  change: ItemChange;
  before: CompareItem | null;
  after: CompareItem | null;
}

type DiffInput = Pick<CompareItem, "itemId" | "label" | "kind" | "met"> & Partial<CompareItem>;

/** Item by item, from `before` to `after`. Items keep the order of the newer rubric. */
export function diffItems(before: DiffInput[], after: DiffInput[]): ItemDiff[] {
  const beforeById = new Map(before.map((item) => [item.itemId, item]));
  const afterIds = new Set(after.map((item) => item.itemId));
  const full = (item: DiffInput | undefined): CompareItem | null =>
    item ? { weight: 1, evidence: [], ...item } : null;
  const entries: ItemDiff[] = [];
  for (const item of after) {
    const old = beforeById.get(item.itemId);
    entries.push({ itemId: item.itemId, label: item.label, kind: item.kind, weight: item.weight ?? 1, change: changeOf(item.kind, old, item), before: full(old), after: full(item) });
  }
  for (const item of before) {
    if (afterIds.has(item.itemId)) continue;
    entries.push({ itemId: item.itemId, label: item.label, kind: item.kind, weight: item.weight ?? 1, change: "only-before", before: full(item), after: null });
  }
  return entries;
}

function changeOf(kind: RubricItemKind, before: DiffInput | undefined, after: DiffInput): ItemChange {
  if (!before || before.kind !== kind) return "only-after";
  if (kind === "misconception") {
    if (before.met && after.met) return "repeated-misconception";
    if (before.met) return "fixed";
    if (after.met) return "new-misconception";
    return "avoided";
  }
  if (before.met && after.met) return "kept";
  if (after.met) return "gained";
  if (before.met) return "lost";
  return "still-missing";
}

export interface Comparison {
  before: CompareSide;
  after: CompareSide;
  sameQuestion: boolean;
  delta: number | null;
  items: ItemDiff[];
  groups: Record<ItemChange, ItemDiff[]>;
}

/** The older attempt is "before" whatever order they were picked in. */
export function compareAttempts(first: CompareSide, second: CompareSide): Comparison {
  const [before, after] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
  const items = diffItems(before.items, after.items);
  const groups = Object.fromEntries(
    (["gained", "lost", "still-missing", "kept", "fixed", "new-misconception", "repeated-misconception", "avoided", "only-before", "only-after"] as const).map((change) => [
      change,
      items.filter((item) => item.change === change),
    ]),
  ) as Record<ItemChange, ItemDiff[]>;
  return {
    before,
    after,
    sameQuestion: before.question.slug === after.question.slug,
    delta: before.score !== null && after.score !== null ? round1(after.score - before.score) : null,
    items,
    groups,
  };
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

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRecord {
  id: string;
  createdAt: string;
  question: string;
  questionTitle: string;
  track: string;
  level: string;
  status: string;
  score: number | null;
  scorer: Scorer | null;
  rubricVersion: string | null;
  timeSpentMs: number | null;
  answerSource: string;
  mockSessionId: string | null;
  /** Required and bonus points the answer covered. */
  metItemIds: string[];
  /** Required and bonus points it left out. */
  missedItemIds: string[];
  /** Misconceptions the answer claimed. */
  misconceptionItemIds: string[];
  answer: string;
}

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

export function toExportRecord(row: Prisma.AttemptGetPayload<{ select: typeof exportSelect }>): ExportRecord {
  const score = row.scores[0];
  const items = score?.items ?? [];
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    question: row.question.slug,
    questionTitle: row.question.title,
    track: row.question.track,
    level: row.question.level,
    status: row.status,
    score: score?.score ?? null,
    scorer: score?.scorer ?? null,
    rubricVersion: score?.rubricVersion ? `v${score.rubricVersion.version}` : null,
    timeSpentMs: row.timeSpentMs,
    answerSource: row.answerSource,
    mockSessionId: row.mockSessionId,
    metItemIds: items.filter((item) => item.kind !== "misconception" && item.met).map((item) => item.itemId),
    missedItemIds: items.filter((item) => item.kind !== "misconception" && !item.met).map((item) => item.itemId),
    misconceptionItemIds: items.filter((item) => item.kind === "misconception" && item.met).map((item) => item.itemId),
    answer: row.answer,
  };
}

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

export const CSV_COLUMNS = [
  { key: "id", header: "attempt_id" },
  { key: "createdAt", header: "created_at" },
  { key: "question", header: "question" },
  { key: "questionTitle", header: "question_title" },
  { key: "track", header: "track" },
  { key: "level", header: "level" },
  { key: "status", header: "status" },
  { key: "score", header: "score" },
  { key: "scorer", header: "scorer" },
  { key: "rubricVersion", header: "rubric_version" },
  { key: "timeSpentMs", header: "time_spent_ms" },
  { key: "answerSource", header: "answer_source" },
  { key: "mockSessionId", header: "mock_session_id" },
  { key: "metItemIds", header: "met_item_ids" },
  { key: "missedItemIds", header: "missed_item_ids" },
  { key: "misconceptionItemIds", header: "misconception_item_ids" },
  { key: "answer", header: "answer" },
] as const satisfies readonly { key: keyof ExportRecord; header: string }[];

/** Lists of item ids become "a;b;c" in one cell; missing values become empty cells. */
export function csvChunk(records: ExportRecord[], { header }: { header: boolean }): string {
  const rows = records.map((record) =>
    CSV_COLUMNS.map(({ key }) => {
      const value = record[key];
      return neutraliseFormula(Array.isArray(value) ? value.join(";") : value === null ? "" : String(value));
    }),
  );
  return stringify(rows, { header, columns: CSV_COLUMNS.map((column) => column.header), eof: true });
}

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab/CR) as a formula; an answer that
 * starts that way is prefixed with an apostrophe so opening the export never runs anything.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

export function exportFilename(format: ExportFormat, now = new Date()) {
  return `offset-attempts-${formatDay(now)}.${format}`;
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
  const chunks = exportChunks(db, userId, filters, chunkSize);
  const encoder = new TextEncoder();
  let pending: IteratorResult<ExportRecord[]> | null = await chunks.next();
  let count = 0;
  let first = true;
  let finished = false;

  const open = () =>
    format === "json" ? `{"exportedAt":${JSON.stringify(now.toISOString())},"filters":${JSON.stringify(values)},"attempts":[` : "";

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (finished) return;
        const result = pending ?? (await chunks.next());
        pending = null;
        if (result.done) {
          let tail = "";
          if (first) tail += format === "json" ? open() : csvChunk([], { header: true });
          if (format === "json") tail += `${count ? "\n" : ""}],"count":${count}}\n`;
          finished = true;
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
          return;
        }
        let text = "";
        if (format === "json") {
          if (first) text += open();
          text += result.value.map((record, index) => `${count + index === 0 ? "\n" : ",\n"}${JSON.stringify(record)}`).join("");
        } else {
          text += csvChunk(result.value, { header: first });
        }
        first = false;
        count += result.value.length;
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      finished = true;
      await chunks.return(undefined);
    },
  });
}

function round1(value: number) {
  return Math.round(value * 10) / 10;
}
