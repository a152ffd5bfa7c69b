// The history query string: one parser for the /history page, the per-question timeline and the
// export route, plus the links that carry the filters along.
import { parseDay } from "@/lib/dates";
import type { AttemptListFilters } from "@/lib/db/attempts";
import { AppError } from "@/lib/errors";

const MAX_PAGE = 1_000_000;
const DAY_MS = 86_400_000;

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

/** Whether `text` has the shape of a question slug or track id (kebab-case). */
export const isHistorySlug = (text: string) => SLUG.test(text);

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

/** The slugs and tracks of the question list, for parseHistoryQuery. */
export function knownValues(questions: readonly { slug: string; track: string }[]): KnownValues {
  return { questions: new Set(questions.map((question) => question.slug)), tracks: new Set(questions.map((question) => question.track)) };
}
