// The pure parts of history: query parsing, heat-map shaping, diffs between attempts, CSV rows.
import { describe, expect, it } from "vitest";
import {
  buildHeatMap,
  compareAttempts,
  csvChunk,
  diffItems,
  historySearch,
  isGap,
  itemMatrix,
  parseDay,
  parseHistoryQuery,
  timelineSteps,
  totalsOf,
  type CompareSide,
  type ExportRecord,
  type HeatAggregateRow,
  type QuestionSummary,
  type TimelineAttempt,
} from "@/lib/db/history";

const known = { questions: new Set(["kafka-architecture", "stream-joins"]), tracks: new Set(["kafka", "streaming"]) };

describe("parseHistoryQuery", () => {
  it("accepts good filters and makes the end date inclusive", () => {
    const query = parseHistoryQuery({ question: "kafka-architecture", track: "kafka", from: "2026-01-01", to: "2026-01-31", minScore: "4", maxScore: "9.5", page: "3" }, known);
    expect(query.problems).toEqual([]);
    expect(query.page).toBe(3);
    expect(query.filters).toEqual({
      question: "kafka-architecture",
      track: "kafka",
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-02-01T00:00:00Z"),
      minScore: 4,
      maxScore: 9.5,
    });
    expect(query.values).toEqual({ question: "kafka-architecture", track: "kafka", from: "2026-01-01", to: "2026-01-31", minScore: "4", maxScore: "9.5" });
  });

  it("treats empty values as no filter and takes the first of repeated values", () => {
    expect(parseHistoryQuery({ question: "", track: "  ", page: "" })).toMatchObject({ filters: {}, page: 1, problems: [] });
    expect(parseHistoryQuery({ track: ["kafka", "streaming"] }).filters).toEqual({ track: "kafka" });
  });

  it("explains each bad value, drops it, and keeps the rest", () => {
    const query = parseHistoryQuery(
      { question: "nope", track: "Kafka!", from: "2026-02-30", to: "31/01/2026", minScore: "-1", maxScore: "ten", page: "0" },
      known,
    );
    expect(query.problems.map((problem) => problem.field)).toEqual(["page", "question", "track", "from", "to", "minScore", "maxScore"]);
    expect(query.problems.find((problem) => problem.field === "from")!.message).toBe('The start date "2026-02-30" is not a real date. Use YYYY-MM-DD, for example 2026-01-31.');
    expect(query.problems.find((problem) => problem.field === "question")!.message).toBe('There is no question "nope". Pick one from the list.');
    expect(query.filters).toEqual({});
    expect(query.page).toBe(1);
    expect(parseHistoryQuery({ track: "kafka", page: "abc" }, known)).toMatchObject({ filters: { track: "kafka" }, page: 1 });
  });

  it("refuses ranges that run backwards", () => {
    const dates = parseHistoryQuery({ from: "2026-03-01", to: "2026-02-01" });
    expect(dates.problems).toEqual([{ field: "to", message: "The end date (2026-02-01) is before the start date (2026-03-01)." }]);
    expect(dates.values).toEqual({ from: "2026-03-01" });
    const scores = parseHistoryQuery({ minScore: "8", maxScore: "3" });
    expect(scores.problems[0]!.field).toBe("maxScore");
    expect(scores.filters).toEqual({ minScore: 8 });
  });

  it("checks slugs only against known values when it has them", () => {
    expect(parseHistoryQuery({ question: "anything-goes" }).problems).toEqual([]);
    expect(parseHistoryQuery({ question: "anything-goes" }, known).problems).toHaveLength(1);
  });

  it("clips very long bad values in messages", () => {
    const message = parseHistoryQuery({ from: "x".repeat(500) }).problems[0]!.message;
    expect(message.length).toBeLessThan(140);
  });
});

describe("parseDay", () => {
  it("accepts real calendar days only", () => {
    expect(parseDay("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    for (const bad of ["2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "1899-01-01", "2026-01-01T00:00"]) expect(parseDay(bad)).toBeNull();
  });
});

describe("historySearch", () => {
  it("keeps the filters, replaces what is overridden and drops empty values", () => {
    expect(historySearch({ track: "kafka", from: "2026-01-01" }, { page: 2 })).toBe("?track=kafka&from=2026-01-01&page=2");
    expect(historySearch({ track: "kafka" }, { track: undefined })).toBe("");
    expect(historySearch({}, { format: "csv" })).toBe("?format=csv");
  });
});

describe("isGap", () => {
  it("counts a missed required point or a claimed misconception, never a bonus", () => {
    expect([isGap("required", false), isGap("required", true)]).toEqual([true, false]);
    expect([isGap("misconception", true), isGap("misconception", false)]).toEqual([true, false]);
    expect([isGap("bonus", false), isGap("bonus", true)]).toEqual([false, false]);
  });
});

describe("buildHeatMap", () => {
  const row = (itemId: string, bucket: string, asked: number, missed: number, extra: Partial<HeatAggregateRow> = {}): HeatAggregateRow => ({
    questionSlug: "q",
    questionTitle: "Q",
    itemId,
    label: itemId.toUpperCase(),
    kind: "required",
    unit: "month",
    bucket: new Date(bucket),
    asked,
    missed,
    ...extra,
  });

  it("lays items out over consecutive periods ending at the latest, missed most first", () => {
    const map = buildHeatMap([
      row("a", "2026-01-01T00:00:00Z", 4, 1),
      row("a", "2026-03-01T00:00:00Z", 2, 2),
      row("b", "2026-03-01T00:00:00Z", 5, 4),
      row("c", "2026-02-01T00:00:00Z", 3, 0),
    ]);
    expect(map.columns.map((column) => column.label)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(map.rows.map((item) => [item.itemId, item.missed, item.asked])).toEqual([
      ["b", 4, 5],
      ["a", 3, 6],
    ]); // c was never missed, so it is not a gap
    expect(map.rows[1]!.cells).toEqual([{ asked: 4, missed: 1 }, null, { asked: 2, missed: 2 }]);
    expect(map.itemCount).toBe(3);
    expect(map.consistentGaps.map((item) => item.itemId)).toEqual(["b", "a"]);
  });

  it("keeps only the latest columns, but counts every period in the totals", () => {
    const rows = Array.from({ length: 12 }, (_, index) => row("a", new Date(Date.UTC(2025, index, 1)).toISOString(), 1, 1));
    const map = buildHeatMap(rows, { maxColumns: 3 });
    expect(map.columns.map((column) => column.label)).toEqual(["Oct 2025", "Nov 2025", "Dec 2025"]);
    expect(map.rows[0]).toMatchObject({ asked: 12, missed: 12 });
  });

  it("steps weeks by seven days and labels quarters", () => {
    const weeks = buildHeatMap([row("a", "2026-03-30T00:00:00Z", 1, 1, { unit: "week" }), row("a", "2026-04-13T00:00:00Z", 1, 0, { unit: "week" })]);
    expect(weeks.columns.map((column) => column.start.toISOString().slice(0, 10))).toEqual(["2026-03-30", "2026-04-06", "2026-04-13"]);
    expect(weeks.columns[0]!.longLabel).toBe("the week of 30 March 2026");
    const quarters = buildHeatMap([row("a", "2025-10-01T00:00:00Z", 1, 1, { unit: "quarter" }), row("a", "2026-04-01T00:00:00Z", 1, 1, { unit: "quarter" })]);
    expect(quarters.columns.map((column) => column.label)).toEqual(["Q4 2025", "Q1 2026", "Q2 2026"]);
  });

  it("separates the same item id in two questions and caps the rows", () => {
    const map = buildHeatMap(
      [row("x", "2026-01-01T00:00:00Z", 1, 1), row("x", "2026-01-01T00:00:00Z", 1, 1, { questionSlug: "p" }), row("y", "2026-01-01T00:00:00Z", 1, 1)],
      { maxRows: 2 },
    );
    expect(map.rows).toHaveLength(2);
    expect(map.itemCount).toBe(3);
  });

  it("is empty without rows", () => {
    expect(buildHeatMap([])).toMatchObject({ columns: [], rows: [], consistentGaps: [], itemCount: 0 });
  });
});

describe("diffItems and compareAttempts", () => {
  const item = (itemId: string, met: boolean, kind: "required" | "bonus" | "misconception" = "required") => ({ itemId, label: itemId, kind, met, weight: 1, evidence: met ? [`${itemId}!`] : [] });

  it("sorts each rubric point into gained, lost, still missing or kept", () => {
    const diff = diffItems(
      [item("a", false), item("b", true), item("c", false), item("d", true), item("m", true, "misconception"), item("n", false, "misconception"), item("gone", true)],
      [item("a", true), item("b", false), item("c", false), item("d", true), item("m", false, "misconception"), item("n", true, "misconception"), item("new", false)],
    );
    expect(Object.fromEntries(diff.map((entry) => [entry.itemId, entry.change]))).toEqual({
      a: "gained",
      b: "lost",
      c: "still-missing",
      d: "kept",
      m: "fixed",
      n: "new-misconception",
      new: "only-after",
      gone: "only-before",
    });
  });

  const side = (id: string, at: string, slug: string, score: number | null, items: ReturnType<typeof item>[]): CompareSide => ({
    id,
    createdAt: new Date(at),
    status: "scored",
    timeSpentMs: null,
    question: { slug, title: slug, track: "kafka", level: "warm-up" },
    score,
    scorer: score === null ? null : "rules",
    rubricVersion: "v1",
    items,
  });

  it("puts the older attempt first whatever the order picked, and reports the score change", () => {
    const older = side("1", "2026-01-01T00:00:00Z", "q", 4.2, [item("a", false)]);
    const newer = side("2", "2026-02-01T00:00:00Z", "q", 6.9, [item("a", true)]);
    const comparison = compareAttempts(newer, older);
    expect([comparison.before.id, comparison.after.id, comparison.delta, comparison.sameQuestion]).toEqual(["1", "2", 2.7, true]);
    expect(comparison.groups.gained.map((entry) => entry.itemId)).toEqual(["a"]);
    expect(compareAttempts(older, side("3", "2026-03-01T00:00:00Z", "other", null, [])).delta).toBeNull();
    expect(compareAttempts(older, side("3", "2026-03-01T00:00:00Z", "other", null, [])).sameQuestion).toBe(false);
  });
});

describe("timelineSteps and itemMatrix", () => {
  const attempt = (id: string, day: number, score: number | null, met: Record<string, boolean>): TimelineAttempt => ({
    id,
    createdAt: new Date(Date.UTC(2026, 0, day)),
    status: score === null ? "pending" : "scored",
    timeSpentMs: null,
    score,
    scorer: score === null ? null : "rules",
    items: Object.entries(met).map(([itemId, isMet]) => ({ itemId, label: itemId, kind: itemId.startsWith("m") ? "misconception" : itemId.startsWith("b") ? "bonus" : "required", met: isMet })),
  });
  const newestFirst = [
    attempt("4", 4, 7, { a: true, b1: true, c: false, m: false }),
    attempt("3", 3, null, {}),
    attempt("2", 2, 5, { a: false, b1: false, c: false, m: true }),
    attempt("1", 1, 6, { a: true, b1: false, c: true, m: false }),
  ];

  it("compares each attempt with the scored one before it, skipping unscored ones", () => {
    const steps = timelineSteps(newestFirst);
    expect(steps.map((step) => [step.attempt.id, step.previousId, step.delta])).toEqual([
      ["4", "2", 2],
      ["3", "2", null],
      ["2", "1", -1],
      ["1", null, null],
    ]);
    expect(steps[0]).toMatchObject({ gained: ["a", "b1", "m"], lost: [] });
    expect(steps[2]).toMatchObject({ gained: [], lost: ["a", "c", "m"] });
  });

  it("lays out gaps per point over the latest scored attempts, oldest first, missed most first", () => {
    const matrix = itemMatrix(newestFirst, 10);
    expect(matrix.attempts.map((entry) => entry.id)).toEqual(["1", "2", "4"]);
    expect(matrix.rows.map((row) => [row.itemId, row.missed, row.cells])).toEqual([
      ["c", 2, [false, true, true]],
      ["a", 1, [false, true, false]],
      ["m", 1, [false, true, false]],
    ]);
    expect(itemMatrix(newestFirst, 2).attempts.map((entry) => entry.id)).toEqual(["2", "4"]);
  });
});

describe("totalsOf", () => {
  it("weights the average by scored attempts", () => {
    const summary = (attempts: number, scored: number, average: number | null, best: number | null, lastAt: string): QuestionSummary => ({
      questionId: lastAt,
      slug: lastAt,
      title: lastAt,
      track: "kafka",
      level: "warm-up",
      attempts,
      scored,
      average,
      best,
      firstScore: null,
      latestScore: null,
      firstAt: new Date(lastAt),
      lastAt: new Date(lastAt),
    });
    expect(totalsOf([summary(3, 2, 6, 7, "2026-01-02"), summary(1, 1, 9, 9, "2026-01-05"), summary(1, 0, null, null, "2026-01-01")])).toEqual({
      attempts: 5,
      scored: 3,
      average: 7,
      best: 9,
      questions: 3,
      lastAt: new Date("2026-01-05"),
    });
    expect(totalsOf([])).toEqual({ attempts: 0, scored: 0, average: null, best: null, questions: 0, lastAt: null });
  });
});

describe("csvChunk", () => {
  const record: ExportRecord = {
    id: "id-1",
    createdAt: "2026-01-01T00:00:00.000Z",
    question: "kafka-architecture",
    questionTitle: "How Kafka works, briefly",
    track: "kafka",
    level: "warm-up",
    status: "scored",
    score: 7.5,
    scorer: "rules",
    rubricVersion: "v2",
    timeSpentMs: 1000,
    answerSource: "typed",
    mockSessionId: null,
    metItemIds: ["a", "b"],
    missedItemIds: [],
    misconceptionItemIds: ["m"],
    answer: 'Line one, "quoted"\nline two',
  };

  it("writes a header once and quotes commas, quotes and newlines", () => {
    const withHeader = csvChunk([record], { header: true });
    expect(withHeader.split("\n")[0]).toBe(
      "attempt_id,created_at,question,question_title,track,level,status,score,scorer,rubric_version,time_spent_ms,answer_source,mock_session_id,met_item_ids,missed_item_ids,misconception_item_ids,answer",
    );
    expect(withHeader).toContain('id-1,2026-01-01T00:00:00.000Z,kafka-architecture,"How Kafka works, briefly",kafka,warm-up,scored,7.5,rules,v2,1000,typed,,a;b,,m,"Line one, ""quoted""\nline two"\n');
    expect(csvChunk([record], { header: false }).startsWith("id-1,")).toBe(true);
    expect(csvChunk([], { header: true })).toMatch(/^attempt_id,.*,answer\n$/);
  });
});
