// History on a real Postgres: filters, pagination, the heat map, compare, and the export route
// (CSV and JSON), always scoped to the signed-in user.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { insertAttempt, listAttempts, saveScore } from "@/lib/db/attempts";
import {
  exportStream,
  getAttemptsForCompare,
  getHistoryPage,
  getMissHeatMap,
  getQuestionSummaries,
  getQuestionTimeline,
  getScoreTrend,
  listHistoryQuestions,
  loadHistory,
} from "@/lib/db/history";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { applyMigrations } from "@/lib/db/schema-engine";
import { compareAttempts } from "@/lib/history/compare";
import { gapSummary } from "@/lib/history/gap-summary";
import type { ExportRecord } from "@/lib/history/export";
import { knownValues, parseHistoryQuery } from "@/lib/history/query";
import { totalsOf } from "@/lib/history/summary";
import { timelineSteps } from "@/lib/history/timeline";
import type { CurrentUser } from "@/lib/auth/session";
import { overrideAttemptScore } from "@/lib/db/scores";
import { submitAnswer } from "@/lib/practice/submit";
import type { ScoreResult } from "@/lib/scoring";
import { createTempDatabase, type TempDatabase } from "../support/database";

// The export route runs as it does in Next, with the session and the database swapped for the test's.
const harness = vi.hoisted(() => ({ user: null as CurrentUser | null, db: null as Db | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => {
      if (!harness.user) throw new AppError("unauthorized");
      return harness.user;
    },
  };
});
vi.mock("@/lib/db/prisma", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/prisma")>();
  return { ...original, db: () => harness.db! };
});

const ALICE: CurrentUser = { id: "alice", name: "Alice", email: "alice@example.test", role: "candidate" };
const BOB: CurrentUser = { id: "bob", name: "Bob", email: "bob@example.test", role: "candidate" };

const bank = loadContentBank();
const question = (slug: string): Question => {
  const found = bank.questions.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`no question ${slug} in content/`);
  return found;
};
const ARCH = question("kafka-architecture"); // track kafka
const LAG = question("kafka-consumer-lag"); // track kafka
const LATE = question("stream-late-data"); // track streaming
// The rubric is read from content/ (which changes), so ids are picked by kind rather than spelled out.
const byKind = (q: Question, kind: "required" | "bonus" | "misconception") => q.rubric.items.filter((item) => item.kind === kind).map((item) => item.id);
const BONUSES = byKind(ARCH, "bonus");
const MISCONCEPTIONS = byKind(ARCH, "misconception");
const BONUS = BONUSES[0]!;
const WRONG = MISCONCEPTIONS[0]!;

/** A ScoreResult where exactly `met` items are met (for misconceptions: claimed). */
function resultFor(q: Question, met: string[], score: number): ScoreResult {
  const items = q.rubric.items.map((item) => ({
    id: item.id,
    label: item.label,
    kind: item.kind,
    weight: item.weight,
    met: met.includes(item.id),
    evidence: met.includes(item.id) ? [`Evidence for ${item.id}.`] : [],
    spans: [],
    highlights: [],
    decidedBy: "rules" as const,
    hint: item.hint,
    correction: item.correction,
  }));
  return {
    question: q.slug,
    score,
    scorer: "rules",
    rubricVersion: "v1",
    rulesVersion: "test",
    items,
    feedback: { summary: `Scored ${score}`, nailed: [], tightenUp: [], misconceptions: [], flags: [] },
    breakdown: { coverage: score / 10, raw: score, penalty: 0 },
    modelAnswer: "",
  };
}

describe("history", () => {
  let database: TempDatabase;
  let db: Db;
  const ids = new Map<string, { id: string; rubricVersionId: string }>();
  const made: Record<string, string> = {};

  /** Stores an attempt (as insertAttempt + saveScore do in production) at a chosen time. */
  async function record(name: string, user: CurrentUser, q: Question, at: string, met: string[] | null, score = 5, answer = `Answer ${name}`) {
    const target = ids.get(q.slug)!;
    const { id } = await insertAttempt(db, { userId: user.id, questionId: target.id, rubricVersionId: target.rubricVersionId, answer, answerSource: "typed", timeSpentMs: 90_000 });
    if (met) await saveScore(db, { attemptId: id, rubricVersionId: target.rubricVersionId, result: resultFor(q, met, score), reason: "initial" });
    await db.attempt.update({ where: { id }, data: { createdAt: new Date(at) } });
    made[name] = id;
    return id;
  }

  const required = (q: Question) => byKind(q, "required");

  beforeAll(async () => {
    database = await createTempDatabase(inject("adminDatabaseUrl"));
    await applyMigrations(database.url);
    db = createPrismaClient(database.url);
    harness.db = db;
    await syncQuestionBank(db, bank);
    const rows = await db.question.findMany({ select: { id: true, slug: true, rubricVersions: { take: 1, orderBy: { version: "desc" }, select: { id: true } } } });
    for (const row of rows) ids.set(row.slug, { id: row.id, rubricVersionId: row.rubricVersions[0]!.id });
    await db.user.createMany({ data: [ALICE, BOB].map(({ id, name, email, role }) => ({ id, name, email, role })) });

    expect(BONUSES.length, "kafka-architecture needs a bonus item for these tests").toBeGreaterThan(0);
    const [, a2, a3, ...archRest] = required(ARCH);
    // Alice: kafka-architecture five times across March–May 2026, improving; a1 is always missed.
    await record("arch1", ALICE, ARCH, "2026-03-02T10:00:00Z", [a2!, a3!], 3.0);
    await record("arch2", ALICE, ARCH, "2026-03-20T10:00:00Z", [a2!, WRONG], 2.5);
    await record("arch3", ALICE, ARCH, "2026-04-10T10:00:00Z", [a2!, a3!, ...archRest], 7.5, 'She said "acks=all", then, a new line:\nsecond line');
    await record("arch4", ALICE, ARCH, "2026-05-01T10:00:00Z", [a3!, ...archRest, BONUS], 8.0);
    await record("arch5", ALICE, ARCH, "2026-05-31T23:30:00Z", [a2!, a3!, ...archRest], 8.5);
    // Alice: consumer lag twice, stream late data once, plus one attempt still waiting for a score.
    await record("lag1", ALICE, LAG, "2026-04-05T08:00:00Z", required(LAG).slice(0, 3), 4.0);
    await record("lag2", ALICE, LAG, "2026-05-06T08:00:00Z", required(LAG).slice(0, 6), 6.5);
    await record("late1", ALICE, LATE, "2026-04-20T12:00:00Z", required(LATE), 9.5);
    await record("pending", ALICE, LATE, "2026-05-10T12:00:00Z", null);
    // Bob has his own history of the same questions; none of it may ever show up for Alice.
    await record("bob1", BOB, ARCH, "2026-04-11T10:00:00Z", [], 1.0, "Bob's private answer");
    await record("bob2", BOB, LATE, "2026-04-12T10:00:00Z", required(LATE), 9.0, "Bob's other private answer");
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const filters = (raw: Record<string, string>) => {
    const query = parseHistoryQuery(raw);
    expect(query.problems).toEqual([]);
    return query.filters;
  };
  const listedIds = async (raw: Record<string, string>, user = ALICE) =>
    (await getHistoryPage(db, user.id, { filters: filters(raw), page: 1, pageSize: 100 })).rows.map((row) => row.id);
  const named = (...names: string[]) => names.map((name) => made[name]!);

  it("lists only the signed-in user's attempts, newest first, with the current score", async () => {
    const page = await getHistoryPage(db, ALICE.id, { filters: {}, page: 1, pageSize: 100 });
    expect(page.rows.map((row) => row.id)).toEqual(named("arch5", "pending", "lag2", "arch4", "late1", "arch3", "lag1", "arch2", "arch1"));
    expect(page.rows[0]!.scores[0]).toMatchObject({ score: 8.5, scorer: "rules" });
    expect(page.rows[1]!.scores).toEqual([]);
    expect(await listedIds({}, BOB)).toEqual(named("bob2", "bob1"));
  });

  it("filters by question, track, date range (end date inclusive) and score range", async () => {
    expect(await listedIds({ question: "kafka-consumer-lag" })).toEqual(named("lag2", "lag1"));
    expect(await listedIds({ track: "streaming" })).toEqual(named("pending", "late1"));
    expect(await listedIds({ from: "2026-04-01", to: "2026-04-30" })).toEqual(named("late1", "arch3", "lag1"));
    expect(await listedIds({ from: "2026-05-31", to: "2026-05-31" })).toEqual(named("arch5"));
    expect(await listedIds({ minScore: "7", maxScore: "8" })).toEqual(named("arch4", "arch3"));
    expect(await listedIds({ maxScore: "3" })).toEqual(named("arch2", "arch1"));
    expect(await listedIds({ track: "kafka", minScore: "4", from: "2026-04-01" })).toEqual(named("arch5", "lag2", "arch4", "arch3", "lag1"));
  });

  it("agrees with listAttempts, the summaries and the export on what each filter selects", async () => {
    const cases: Record<string, string>[] = [{}, { track: "kafka" }, { question: "kafka-architecture", maxScore: "7.5" }, { from: "2026-04-01", to: "2026-05-06" }, { minScore: "0" }];
    for (const raw of cases) {
      const f = filters(raw);
      const list = await listAttempts(db, ALICE.id, { filters: f, pageSize: 100 });
      const totals = totalsOf(await getQuestionSummaries(db, ALICE.id, f));
      const exported = JSON.parse(await readAll(await exportStream(db, ALICE.id, { filters: f, values: {}, format: "json" }))) as { count: number };
      expect({ raw, totals: totals.attempts, exported: exported.count }).toEqual({ raw, totals: list.total, exported: list.total });
    }
  });

  it("pages 25 at a time and says when a page is past the end", async () => {
    const first = await getHistoryPage(db, ALICE.id, { filters: {}, page: 1, pageSize: 4 });
    const third = await getHistoryPage(db, ALICE.id, { filters: {}, page: 3, pageSize: 4 });
    expect(first).toMatchObject({ total: 9, pages: 3, outOfRange: false });
    expect(third.rows.map((row) => row.id)).toEqual(named("arch1"));
    const past = await getHistoryPage(db, ALICE.id, { filters: {}, page: 4, pageSize: 4 });
    expect(past).toMatchObject({ outOfRange: true, rows: [] });
    expect((await getHistoryPage(db, ALICE.id, { filters: {}, page: 1 })).pageSize).toBe(25);
  });

  it("summarises each question: attempts, average, best, first and latest score", async () => {
    const summaries = await getQuestionSummaries(db, ALICE.id, {});
    const arch = summaries.find((row) => row.slug === "kafka-architecture")!;
    expect(arch).toMatchObject({ attempts: 5, scored: 5, best: 8.5, firstScore: 3, latestScore: 8.5 });
    expect(arch.average).toBeCloseTo((3 + 2.5 + 7.5 + 8 + 8.5) / 5, 6);
    const late = summaries.find((row) => row.slug === "stream-late-data")!;
    expect(late).toMatchObject({ attempts: 2, scored: 1, latestScore: 9.5 });
    expect(totalsOf(summaries)).toMatchObject({ attempts: 9, scored: 8, best: 9.5, questions: 3 });
  });

  it("counts missed rubric points per item and month for the heat map", async () => {
    const map = await getMissHeatMap(db, ALICE.id, filters({ question: "kafka-architecture" }));
    expect(map.unit).toBe("month"); // 2 March → 31 May is more than 8 weeks: months fit the 8 columns
    expect(map.columns.map((column) => column.label)).toEqual(["Mar 2026", "Apr 2026", "May 2026"]);
    expect(map).toMatchObject({ basedOn: 5, capped: false });
    const [a1, a2] = required(ARCH);
    const top = map.rows[0]!;
    expect(top).toMatchObject({ itemId: a1, asked: 5, missed: 5, rate: 1 });
    expect(top.cells).toEqual([
      { asked: 2, missed: 2 },
      { asked: 1, missed: 1 },
      { asked: 2, missed: 2 },
    ]);
    expect(map.rows.find((row) => row.itemId === a2)).toMatchObject({ asked: 5, missed: 1, cells: [{ asked: 2, missed: 0 }, { asked: 1, missed: 0 }, { asked: 2, missed: 1 }] });
    // A misconception counts when it was claimed (once, in arch2); bonus points are never gaps.
    expect(map.rows.find((row) => row.itemId === WRONG)).toMatchObject({ kind: "misconception", asked: 5, missed: 1 });
    expect(map.rows.some((row) => row.kind === "bonus")).toBe(false);
    expect(map.consistentGaps[0]).toMatchObject({ itemId: a1, consistent: true });
    expect(map.consistentGaps.every((gap) => gap.asked >= 3 && gap.missed * 2 > gap.asked)).toBe(true);
    // Sorted by how often each point was missed.
    const missed = map.rows.map((row) => row.missed);
    expect(missed).toEqual([...missed].sort((x, y) => y - x));
  });

  it("uses weeks for short ranges and leaves out other users' items", async () => {
    const map = await getMissHeatMap(db, ALICE.id, filters({ from: "2026-04-01", to: "2026-04-30" }));
    expect(map.unit).toBe("week");
    expect(map.columns[0]!.start.toISOString()).toBe("2026-03-30T00:00:00.000Z"); // the Monday of the week of 5 April
    expect(map.basedOn).toBe(3);
    const bobOnly = await getMissHeatMap(db, BOB.id, filters({ question: "kafka-architecture" }));
    expect(bobOnly.rows.every((row) => row.asked === 1)).toBe(true);
  });

  it("picks the period that fits every attempt into the columns, and counts only what it draws", async () => {
    // Alice's 8 scored attempts span March to May 2026.
    const months = await getMissHeatMap(db, ALICE.id, {}, { maxColumns: 3 });
    expect(months).toMatchObject({ unit: "month", basedOn: 8, capped: false });
    const quarters = await getMissHeatMap(db, ALICE.id, {}, { maxColumns: 2 });
    expect(quarters.unit).toBe("quarter");
    expect(quarters.columns.map((column) => column.label)).toEqual(["Q1 2026", "Q2 2026"]);
    expect(quarters.basedOn).toBe(8);
    // Only the latest 3 scored attempts (arch5, lag2, arch4): the map and its gaps say so.
    const latest = await getMissHeatMap(db, ALICE.id, {}, { attempts: 3 });
    expect(latest).toMatchObject({ basedOn: 3, capped: true });
    expect(latest.rows.every((row) => row.asked <= 2)).toBe(true);
    expect(latest.consistentGaps).toEqual([]);
  });

  it("gives the consistent-gaps summary exactly what the heat map shows", async () => {
    const alice = (await loadHistory(db, ALICE.id, {})).heatMap;
    const summary = gapSummary(alice);
    expect(summary.kind).toBe("gaps");
    if (summary.kind !== "gaps") return;
    const drawn = new Map(alice.rows.map((row) => [row.key, row]));
    for (const gap of summary.named) expect(drawn.get(gap.key)).toMatchObject({ asked: gap.asked, missed: gap.missed, consistent: true });
    expect(summary.headline).toContain(`your 8 scored answers since ${alice.columns[0]!.longLabel}`);
    expect(alice.rows.filter((row) => row.consistent).map((row) => row.key)).toEqual(alice.consistentGaps.map((gap) => gap.key));

    // Bob answered kafka-architecture once and missed every required point: the heat map is all
    // 100%, so the summary must not say nothing is missed more often than not.
    const bob = await getMissHeatMap(db, BOB.id, filters({ question: "kafka-architecture" }));
    expect(bob.rows.length).toBeGreaterThan(0);
    expect(bob.rows.every((row) => row.rate === 1 && row.asked === 1 && !row.consistent)).toBe(true);
    expect(bob.tentativeGaps).toBe(required(ARCH).length);
    expect(gapSummary(bob)).toMatchObject({ kind: "tentative", headline: expect.stringMatching(/^No consistent gap yet across your one scored answer in /) });
  });

  it("keeps scores of 0 and 10 in the trend, with or without a score filter", async () => {
    const dana: CurrentUser = { id: "dana-trend-ends", name: "Dana", email: "dana-ends@example.com", role: "candidate" };
    await db.user.create({ data: dana });
    await record("dana0", dana, LAG, "2026-06-01T09:00:00Z", [], 0);
    await record("dana10", dana, LAG, "2026-06-01T10:00:00Z", required(LAG), 10);
    await record("dana5", dana, LAG, "2026-06-01T11:00:00Z", required(LAG).slice(0, 3), 5);
    for (const raw of [{}, { minScore: "0", maxScore: "10" }, { minScore: "0" }, { maxScore: "10" }] as Record<string, string>[]) {
      const [line] = await getScoreTrend(db, dana.id, filters(raw));
      expect(line!.points.map((point) => point.score), JSON.stringify(raw)).toEqual([0, 10, 5]);
    }
    expect((await getScoreTrend(db, dana.id, filters({ minScore: "10" })))[0]!.points.map((point) => point.score)).toEqual([10]);
    expect((await getScoreTrend(db, dana.id, filters({ maxScore: "0" })))[0]!.points.map((point) => point.score)).toEqual([0]);
  });

  it("draws the score trend for the most-practised questions, oldest point first", async () => {
    const trend = await getScoreTrend(db, ALICE.id, {});
    expect(trend.map((series) => series.slug)).toEqual(["kafka-architecture", "kafka-consumer-lag", "stream-late-data"]);
    expect(trend[0]!.points.map((point) => point.score)).toEqual([3, 2.5, 7.5, 8, 8.5]);
    expect(trend[0]!.points[0]!.t).toBe(Date.parse("2026-03-02T10:00:00Z"));
    expect(await getScoreTrend(db, ALICE.id, filters({ question: "stream-late-data" }))).toMatchObject([{ slug: "stream-late-data", attempts: 1 }]);
  });

  it("builds one question's timeline with the change from each attempt to the one before", async () => {
    const timeline = (await getQuestionTimeline(db, ALICE.id, "kafka-architecture"))!;
    expect(timeline.attempts.map((attempt) => attempt.id)).toEqual(named("arch5", "arch4", "arch3", "arch2", "arch1"));
    expect(timeline.summary).toMatchObject({ attempts: 5 });
    const steps = timelineSteps(timeline.attempts);
    const label = (id: string) => ARCH.rubric.items.find((item) => item.id === id)!.label;
    const [, a2, a3] = required(ARCH);
    // arch4 → arch5: the required a2 came back, the bonus point was dropped.
    expect(steps[0]).toMatchObject({ previousId: made.arch4, delta: 0.5, gained: [label(a2!)], lost: [label(BONUS)] });
    // arch1 → arch2: a3 was lost and a misconception appeared.
    expect(steps[3]).toMatchObject({ delta: -0.5, gained: [], lost: [label(a3!), label(WRONG)] });
    expect(steps[4]).toMatchObject({ previousId: null, delta: null });
    expect(await getQuestionTimeline(db, ALICE.id, "no-such-question")).toBeNull();
    expect((await getQuestionTimeline(db, BOB.id, "kafka-architecture"))!.attempts.map((attempt) => attempt.id)).toEqual(named("bob1"));
  });

  it("compares two attempts: points gained, lost and still missing, with evidence", async () => {
    const [before, after] = await getAttemptsForCompare(db, ALICE.id, [made.arch4!, made.arch3!]);
    const comparison = compareAttempts(before!, after!);
    expect(comparison.before.id).toBe(made.arch3); // the older one is "before", whatever the order picked
    expect(comparison.sameQuestion).toBe(true);
    expect(comparison.delta).toBe(0.5);
    const [a1, a2] = required(ARCH);
    expect(comparison.groups.lost.map((item) => item.itemId)).toEqual([a2]);
    expect(comparison.groups["still-missing"].map((item) => item.itemId)).toEqual([a1, ...BONUSES.slice(1)]);
    expect(comparison.groups.avoided.map((item) => item.itemId)).toEqual(MISCONCEPTIONS);
    expect(comparison.groups.gained.map((item) => item.itemId)).toEqual([BONUS]);
    expect(comparison.groups.gained[0]!.after!.evidence).toEqual([`Evidence for ${BONUS}.`]);
    expect(comparison.groups.lost[0]!.before!.evidence).toEqual([`Evidence for ${a2}.`]);
    expect(comparison.groups.lost[0]!.after!.hint).toBe(ARCH.rubric.items.find((item) => item.id === a2)!.hint);

    const fixed = compareAttempts(...((await getAttemptsForCompare(db, ALICE.id, [made.arch2!, made.arch3!])) as [never, never]));
    expect(fixed.groups.fixed.map((item) => item.itemId)).toEqual([WRONG]);

    const across = compareAttempts(...((await getAttemptsForCompare(db, ALICE.id, [made.arch1!, made.lag1!])) as [never, never]));
    expect(across.sameQuestion).toBe(false);
    expect(across.groups["only-before"].length + across.groups["only-after"].length).toBe(across.items.length);
  });

  it("never returns another user's attempt to compare, nor a malformed id", async () => {
    expect(await getAttemptsForCompare(db, ALICE.id, [made.bob1!, "not-a-uuid", made.arch1!])).toMatchObject([null, null, { id: made.arch1 }]);
    expect((await getAttemptsForCompare(db, ALICE.id, [made.arch1!.toUpperCase()]))[0]).toMatchObject({ id: made.arch1 });
  });

  it("loads the whole page in one go and explains filters it could not use", async () => {
    const data = await loadHistory(db, ALICE.id, { question: "no-such-question", track: "kafka", from: "2026-02-31", page: "1" });
    expect(data.query.problems.map((problem) => problem.field)).toEqual(["question", "from"]);
    expect(data.query.problems[0]!.message).toContain('There is no question "no-such-question"');
    expect(data.page.total).toBe(7); // the track filter still applies
    expect(data.anyAttempts).toBe(true);
    const known = knownValues(await listHistoryQuestions(db));
    expect(parseHistoryQuery({ track: "nope" }, known).problems).toEqual([{ field: "track", message: 'There is no track "nope". Pick one from the list.' }]);
    expect((await loadHistory(db, "nobody", {})).anyAttempts).toBe(false);
  });

  it("still scores through the real submit path and shows up in history", async () => {
    const outcome = await submitAnswer(db, {
      userId: BOB.id,
      questionSlug: "kafka-architecture",
      answer: "Kafka is a distributed commit log: topics are split into partitions, each with a leader broker and follower replicas.",
    });
    const ids = await listedIds({ question: "kafka-architecture" }, BOB);
    expect(ids[0]).toBe(outcome.attemptId);
    const [side] = await getAttemptsForCompare(db, BOB.id, [outcome.attemptId]);
    expect(side!.items.length).toBe(ARCH.rubric.items.length);
    expect(side!.items.find((item) => item.itemId === required(ARCH)[0])?.hint).toBeTruthy();
  });

  it("reuses its aggregates until an attempt is added or re-scored, then recomputes them", async () => {
    const carol = await db.user.create({ data: { id: "carol-history-cache", name: "Carol", email: "carol-cache@example.com" } });
    await submitAnswer(db, { userId: carol.id, questionSlug: "kafka-architecture", answer: "Kafka stores each partition on a leader broker, with followers copying it." });
    const first = await loadHistory(db, carol.id, {});
    const again = await loadHistory(db, carol.id, {});
    expect(again.heatMap).toBe(first.heatMap); // nothing changed: not recomputed
    expect(again.summaries).toBe(first.summaries);

    const outcome = await submitAnswer(db, { userId: carol.id, questionSlug: "kafka-architecture", answer: "Brokers hold partitions; each partition has a leader and followers that replicate it." });
    const afterSubmit = await loadHistory(db, carol.id, {});
    expect(afterSubmit.totals.attempts).toBe(first.totals.attempts + 1);

    await overrideAttemptScore(db, { attemptId: outcome.attemptId, score: 9.5, comment: "Graded by hand.", actorId: ALICE.id });
    const afterOverride = await loadHistory(db, carol.id, {});
    expect(afterOverride.heatMap).not.toBe(afterSubmit.heatMap);
    expect(afterOverride.summaries.find((row) => row.slug === "kafka-architecture")?.latestScore).toBe(9.5);
  });

  describe("GET /api/attempts/export", () => {
    const call = async (query: string) => {
      const { GET } = await import("@/app/api/attempts/export/route");
      return GET(new Request(`http://localhost/api/attempts/export${query}`));
    };

    it("is 401 when signed out", async () => {
      harness.user = null;
      const response = await call("?format=csv");
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    });

    it("exports the signed-in user's attempts as CSV, quoting what needs quoting", async () => {
      harness.user = ALICE;
      const response = await call("?format=csv");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="offset-attempts-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parseCsv(await response.text());
      const [header, ...body] = rows;
      expect(header).toEqual([
        "attempt_id", "created_at", "question", "question_title", "track", "level", "status", "score", "scorer", "rubric_version",
        "time_spent_ms", "answer_source", "mock_session_id", "met_item_ids", "missed_item_ids", "misconception_item_ids", "answer",
      ]);
      expect(body.map((row) => row[0])).toEqual(named("arch5", "pending", "lag2", "arch4", "late1", "arch3", "lag1", "arch2", "arch1"));
      const column = (name: string) => header!.indexOf(name);
      const arch3 = body.find((row) => row[0] === made.arch3)!;
      expect(arch3[column("answer")]).toBe('She said "acks=all", then, a new line:\nsecond line');
      expect(arch3[column("score")]).toBe("7.5");
      expect(arch3[column("created_at")]).toBe("2026-04-10T10:00:00.000Z");
      expect(arch3[column("time_spent_ms")]).toBe("90000");
      expect(arch3[column("missed_item_ids")]!.split(";").sort()).toEqual([required(ARCH)[0], ...BONUSES].sort());
      const arch2 = body.find((row) => row[0] === made.arch2)!;
      expect(arch2[column("misconception_item_ids")]).toBe(WRONG);
      const pending = body.find((row) => row[0] === made.pending)!;
      expect([pending[column("status")], pending[column("score")], pending[column("met_item_ids")]]).toEqual(["pending", "", ""]);
      expect(rows.flat().some((cell) => cell.includes("Bob"))).toBe(false);
    });

    it("exports JSON with the same filters as the history page", async () => {
      harness.user = ALICE;
      const response = await call("?format=json&track=kafka&minScore=7&to=2026-05-01");
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/filename="offset-attempts-\d{4}-\d{2}-\d{2}\.json"/);
      const body = (await response.json()) as { count: number; filters: Record<string, string>; attempts: ExportRecord[] };
      expect(body.filters).toEqual({ track: "kafka", minScore: "7", to: "2026-05-01" });
      expect(body.attempts.map((attempt) => attempt.id)).toEqual(named("arch4", "arch3"));
      expect(body.count).toBe(2);
      expect(body.attempts[0]).toMatchObject({ question: "kafka-architecture", questionTitle: ARCH.title, score: 8, scorer: "rules", timeSpentMs: 90_000, rubricVersion: "v1" });
      expect(body.attempts[0]!.metItemIds).toContain(BONUS);
    });

    it("exports an empty file (not an error) when nothing matches, and only ever the caller's rows", async () => {
      harness.user = BOB;
      const bob = (await (await call("?format=json")).json()) as { attempts: ExportRecord[] };
      expect(bob.attempts.map((attempt) => attempt.id)).not.toContain(made.arch1);
      expect(bob.attempts.every((attempt) => attempt.answer.startsWith("Bob") || attempt.answer.startsWith("Kafka"))).toBe(true);
      harness.user = ALICE;
      const none = await call("?format=csv&from=2030-01-01");
      expect(none.status).toBe(200);
      expect(parseCsv(await none.text())).toHaveLength(1); // the header only
      const json = (await (await call("?format=json&from=2030-01-01")).json()) as { count: number; attempts: unknown[] };
      expect(json).toMatchObject({ count: 0, attempts: [] });
    });

    it("answers bad input with a 400 that names the field", async () => {
      harness.user = ALICE;
      const cases: [string, string, RegExp][] = [
        ["?format=xml", "format", /use csv or json/],
        ["?from=2026-02-31", "from", /not a real date/],
        ["?from=yesterday", "from", /YYYY-MM-DD/],
        ["?question=no-such-question", "question", /There is no question "no-such-question"/],
        ["?track=nope", "track", /no track "nope"/],
        ["?minScore=11", "minScore", /from 0 to 10/],
        ["?minScore=8&maxScore=2", "maxScore", /below the lowest/],
        ["?from=2026-05-01&to=2026-04-01", "to", /before the start date/],
      ];
      for (const [query, field, message] of cases) {
        const response = await call(query);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        const body = (await response.json()) as { error: { code: string; field: string; message: string } };
        expect(body.error).toMatchObject({ code: "bad_request", field });
        expect(body.error.message).toMatch(message);
      }
      // A page number means nothing to an export; it is ignored rather than refused.
      expect((await call("?format=json&page=abc")).status).toBe(200);
    });

    it("streams large exports in chunks without losing or repeating rows", async () => {
      const stream = await exportStream(db, ALICE.id, { filters: {}, values: {}, format: "csv", chunkSize: 2 });
      const rows = parseCsv(await readAll(stream));
      expect(rows.slice(1).map((row) => row[0])).toEqual(named("arch5", "pending", "lag2", "arch4", "late1", "arch3", "lag1", "arch2", "arch1"));
    });
  });
});

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (char !== "\r") field += char;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
