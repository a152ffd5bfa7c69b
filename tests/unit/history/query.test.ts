// Parsing the history query string (lib/history/query.ts) and the calendar days it reads.
import { describe, expect, it } from "vitest";
import { parseDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { assertValidHistoryQuery, hasFilters, historySearch, isHistorySlug, knownValues, parseHistoryQuery } from "@/lib/history/query";

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

describe("assertValidHistoryQuery", () => {
  it("turns the first problem into a 400 naming the field, optionally ignoring the page", () => {
    expect(() => assertValidHistoryQuery(parseHistoryQuery({ track: "kafka" }))).not.toThrow();
    const query = parseHistoryQuery({ page: "0", minScore: "11" });
    const error = (() => {
      try {
        assertValidHistoryQuery(query);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_request", message: 'page: "0" is not a page number — pages start at 1.' });
    expect(() => assertValidHistoryQuery(query, { ignorePage: true })).toThrow('minScore: The lowest score "11" must be a number from 0 to 10.');
    expect(() => assertValidHistoryQuery(parseHistoryQuery({ page: "x" }), { ignorePage: true })).not.toThrow();
  });
});

describe("hasFilters, knownValues and isHistorySlug", () => {
  it("tells whether any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ question: "" })).toBe(false);
    expect(hasFilters({ maxScore: "8" })).toBe(true);
  });

  it("collects the slugs and tracks of the question list", () => {
    const values = knownValues([
      { slug: "kafka-architecture", track: "kafka" },
      { slug: "consumer-lag", track: "kafka" },
      { slug: "stream-joins", track: "streaming" },
    ]);
    expect([...values.questions]).toEqual(["kafka-architecture", "consumer-lag", "stream-joins"]);
    expect([...values.tracks]).toEqual(["kafka", "streaming"]);
    expect(parseHistoryQuery({ question: "consumer-lag", track: "batch" }, values).problems.map((problem) => problem.field)).toEqual(["track"]);
  });

  it("accepts kebab-case slugs only", () => {
    expect(["kafka", "kafka-architecture", "q2-joins"].map(isHistorySlug)).toEqual([true, true, true]);
    expect(["Kafka", "kafka--x", "-kafka", "kafka_x", ""].map(isHistorySlug)).toEqual([false, false, false, false, false]);
  });
});
