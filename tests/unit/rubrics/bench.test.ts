// The test bench: the same scorer and the same agreement measures as the calibration check.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { benchSamplesFromCalibration, compareBench, previewScore, runBench, type BenchSample } from "@/lib/rubrics";
import { ARCHETYPE_LABELS, calibrateQuestion, evaluateRows, loadCalibrationSet, SEED_QUESTIONS } from "@/lib/scoring/calibration";
import { MAX_ANSWER_CHARS, scoreWithRules } from "@/lib/scoring/rules";
import { ATTEMPT_FLOOR } from "@/lib/scoring/score";
import { durability, STRONG, vocabulary as testVocabulary } from "../scoring/helpers";

const bank = loadContentBank();
const questionFor = (slug: string) => bank.questions.find((question) => question.slug === slug)!;

const sample = (id: string, text: string, expected: number): BenchSample => ({ id, label: id, text, expected, source: "instructor" });
const WRONG = "Set acks=1 on the producer: with acks=1 your data is durable and safe. You can also remove partitions later when traffic drops.";

describe("runBench on the calibration fixtures", () => {
  it.each(SEED_QUESTIONS)("%s: reproduces the calibration evaluation's scores, Spearman and MAE", (slug) => {
    const question = questionFor(slug);
    const fixture = loadCalibrationSet(slug);
    const report = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, claims: bank.claims, samples: benchSamplesFromCalibration(fixture) });
    const rows = calibrateQuestion(question, fixture, bank.vocabulary, bank.claims);
    const calibration = evaluateRows(rows);
    expect(report.count).toBe(fixture.answers.length);
    expect(report.rows.map((row) => [row.id, row.actual])).toEqual(rows.map((row) => [row.id, row.actual]));
    expect(report.spearman).toBe(calibration.spearman);
    expect(report.mae).toBe(calibration.mae);
    expect(report.skipped).toEqual([]);
    for (const row of report.rows) expect(row.delta).toBeCloseTo(row.actual - row.expected, 10);
  });

  it("labels calibration samples by archetype and keeps ids, texts, expected scores and archetypes", () => {
    const fixture = loadCalibrationSet("kafka-architecture");
    const samples = benchSamplesFromCalibration(fixture);
    expect(samples.map((s) => [s.id, s.text, s.expected, s.source, s.archetype])).toEqual(fixture.answers.map((a) => [a.id, a.text, a.expected, "calibration", a.archetype]));
    expect(samples.find((s) => s.archetype === "non-answer")!.label).toBe("Non-answer");
    expect(samples.find((s) => s.archetype === "reversed")!.label).toBe("Right words, rejected or reversed");
    const noted = benchSamplesFromCalibration({ ...fixture, answers: [{ ...fixture.answers[0]!, note: "no replication" }] });
    expect(noted[0]!.label).toBe(`${ARCHETYPE_LABELS[fixture.answers[0]!.archetype]}: no replication`);
  });
});

describe("runBench rows", () => {
  it("lists the required items an answer missed and the misconceptions it made", () => {
    const report = runBench({
      question: durability,
      rubric: durability.rubric,
      vocabulary: testVocabulary, claims: [],
      samples: [sample("strong", STRONG, 9), sample("wrong", WRONG, 2), sample("partial", "Producers should use acks=all so every in-sync replica acknowledges the write, which is what makes it durable.", 4)],
    });
    const [strong, wrong, partial] = report.rows;
    expect(strong).toMatchObject({ missedRequired: [], firedMisconceptions: [] });
    expect(wrong!.firedMisconceptions).toEqual(["acks1-durable", "remove-partitions"]);
    expect(partial!.missedRequired).toEqual(["min-isr", "partitions-never-removed", "consumers-idle"]);
    expect(partial!.firedMisconceptions).toEqual([]);
    // Exactly what the scorer says about the same answer.
    const direct = scoreWithRules({ question: durability, answer: WRONG, vocabulary: testVocabulary, claims: [] });
    expect(wrong!.actual).toBe(direct.score);
    expect(report.count).toBe(3);
    expect(report.spearman).not.toBeNull();
  });

  it("has no Spearman below 3 rows or without variance, and no MAE without rows", () => {
    const run = (samples: BenchSample[]) => runBench({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, claims: [], samples });
    const two = run([sample("a", STRONG, 9), sample("b", WRONG, 2)]);
    expect(two.spearman).toBeNull();
    expect(two.mae).not.toBeNull();
    const flat = run([sample("a", STRONG, 5), sample("b", WRONG, 5), sample("c", "I don't know.", 5)]);
    expect(flat.spearman).toBeNull();
    expect(flat.mae).toBeCloseTo(flat.rows.reduce((sum, row) => sum + Math.abs(row.delta), 0) / 3, 1);
    expect(run([])).toEqual({ rows: [], spearman: null, mae: null, count: 0, skipped: [], traps: [] });
  });

  it("skips an answer longer than the scorer accepts, and says why", () => {
    const report = runBench({
      question: durability,
      rubric: durability.rubric,
      vocabulary: testVocabulary, claims: [],
      samples: [sample("huge", "word ".repeat(MAX_ANSWER_CHARS), 5), sample("strong", STRONG, 9)],
    });
    expect(report.rows.map((row) => row.id)).toEqual(["strong"]);
    expect(report.skipped).toEqual([{ id: "huge", reason: expect.stringMatching(/characters long; the limit is 20,000/) }]);
  });
});

describe("runBench: trap answers on their own lines", () => {
  it("reports false-claim, reversed, injection and non-answer answers with their highest score and ceiling", () => {
    const trap = (id: string, text: string, archetype: BenchSample["archetype"]): BenchSample => ({ ...sample(id, text, 1), source: "calibration", archetype });
    const report = runBench({
      question: durability,
      rubric: durability.rubric,
      vocabulary: testVocabulary,
      claims: [],
      samples: [
        trap("false", WRONG, "false-confident"),
        trap("reversed", "acks=all is overkill, and min.insync.replicas=2 isn't worth the bother.", "reversed"),
        trap("pass", "No idea, sorry.", "non-answer"),
        { ...sample("good", STRONG, 9), archetype: "strong" },
      ],
    });
    expect(report.traps.map((line) => [line.archetype, line.count, line.ceiling])).toEqual([
      ["false-confident", 1, 2],
      ["reversed", 1, 3],
      ["non-answer", 1, 1],
    ]);
    const reversed = report.rows.find((row) => row.id === "reversed")!;
    expect(reversed.rejectedPoints.sort()).toEqual(["acks-all", "min-isr"]);
    expect(report.traps.find((line) => line.archetype === "reversed")!.max).toBe(reversed.actual);
    for (const line of report.traps) expect(line.over).toEqual(report.rows.filter((row) => row.archetype === line.archetype && row.actual > line.ceiling).map((row) => row.id));
  });
});

describe("compareBench: credit that moves between points", () => {
  it("warns when a draft takes a point away from an answer and gives it another", () => {
    const samples = [sample("strong", STRONG, 9)];
    const without = (id: string) => ({ items: durability.rubric.items.map((item) => (item.id === id ? { ...item, concept: ["nothing like this"] } : item)) });
    const bench = (rubric: typeof durability.rubric) => runBench({ question: durability, rubric, vocabulary: testVocabulary, claims: [], samples });
    const published = bench(without("rf-three"));
    expect(compareBench(bench(without("acks-all")), published).shifted).toEqual([{ id: "strong", lost: ["acks-all"], gained: ["rf-three"] }]);
    expect(compareBench(bench(durability.rubric), published).shifted).toEqual([]);
    expect(compareBench(published, published).shifted).toEqual([]);
  });
});

describe("compareBench: a draft against the published rubric", () => {
  it("shows which answers moved and how the agreement changed", () => {
    const slug = "kafka-architecture";
    const question = questionFor(slug);
    const samples = benchSamplesFromCalibration(loadCalibrationSet(slug));
    // Without the shared catalogue, so that only the rubric's own misconception items judge wrong claims.
    const published = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, claims: [], samples });
    // The draft drops every misconception item: answers with a misconception are no longer penalised.
    const draftRubric = { items: question.rubric.items.filter((item) => item.kind !== "misconception") };
    const draft = runBench({ question, rubric: draftRubric, vocabulary: bank.vocabulary, claims: [], samples });
    const comparison = compareBench(draft, published);

    // Answers a misconception pulled down, except those the draft also leaves at the attempt floor (both score 1).
    const misconceptionIds = published.rows
      .filter((row) => row.firedMisconceptions.length > 0 && draft.rows.find((other) => other.id === row.id)!.actual > ATTEMPT_FLOOR)
      .map((row) => row.id);
    expect(misconceptionIds.length).toBeGreaterThan(0);
    for (const id of misconceptionIds) {
      const moved = comparison.moved.find((entry) => entry.id === id);
      expect(moved, id).toBeDefined();
      expect(moved!.to).toBeGreaterThan(moved!.from);
    }
    for (const entry of comparison.moved) {
      expect(entry.from).toBe(published.rows.find((row) => row.id === entry.id)!.actual);
      expect(entry.to).toBe(draft.rows.find((row) => row.id === entry.id)!.actual);
    }
    expect(comparison.spearmanDelta).toBeCloseTo(draft.spearman! - published.spearman!, 12);
    expect(comparison.maeDelta).toBeCloseTo(draft.mae! - published.mae!, 12);
    expect(comparison.maeDelta!).toBeGreaterThan(0); // the draft is further from the expected scores

    expect(compareBench(published, published)).toEqual({ spearmanDelta: 0, maeDelta: 0, moved: [], shifted: [] });
    const empty = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, claims: bank.claims, samples: [] });
    expect(compareBench(empty, published)).toEqual({ spearmanDelta: null, maeDelta: null, moved: [], shifted: [] });
  });
});

describe("previewScore", () => {
  it("scores a pasted answer against a draft, and explains an answer that is too long instead of throwing", () => {
    const preview = previewScore({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, claims: [], answer: STRONG });
    expect(preview.ok && preview.result.score).toBe(scoreWithRules({ question: durability, answer: STRONG, vocabulary: testVocabulary, claims: [] }).score);
    const tooLong = previewScore({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, claims: [], answer: "x".repeat(MAX_ANSWER_CHARS + 1) });
    expect(tooLong).toEqual({ ok: false, message: expect.stringMatching(/limit is 20,000/) });
  });

  it("reports a rubric the scorer cannot run instead of throwing", () => {
    const broken = { items: durability.rubric.items.map((item, i) => (i === 0 ? { ...item, concept: ["(unclosed"] } : item)) };
    expect(() => scoreWithRules({ question: { ...durability, rubric: broken }, answer: STRONG, vocabulary: testVocabulary, claims: [] })).toThrow();
    expect(previewScore({ question: durability, rubric: broken, vocabulary: testVocabulary, claims: [], answer: STRONG })).toEqual({ ok: false, message: expect.any(String) });
  });
});
