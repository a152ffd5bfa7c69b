// The test bench: the same scorer and the same agreement measures as the calibration check.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { benchSamplesFromCalibration, compareBench, previewScore, runBench, type BenchSample } from "@/lib/rubrics";
import { calibrateQuestion, evaluateRows, loadCalibrationSet, SEED_QUESTIONS } from "@/lib/scoring/calibration";
import { MAX_ANSWER_CHARS, scoreWithRules } from "@/lib/scoring/rules";
import { durability, STRONG, vocabulary as testVocabulary } from "../scoring/helpers";

const bank = loadContentBank();
const questionFor = (slug: string) => bank.questions.find((question) => question.slug === slug)!;

const sample = (id: string, text: string, expected: number): BenchSample => ({ id, label: id, text, expected, source: "instructor" });
const WRONG = "Set acks=1 on the producer: with acks=1 your data is durable and safe. You can also remove partitions later when traffic drops.";

describe("runBench on the calibration fixtures", () => {
  it.each(SEED_QUESTIONS)("%s: reproduces the calibration evaluation's scores, Spearman and MAE", (slug) => {
    const question = questionFor(slug);
    const fixture = loadCalibrationSet(slug);
    const report = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, samples: benchSamplesFromCalibration(fixture) });
    const calibration = evaluateRows(calibrateQuestion(question, fixture, bank.vocabulary));
    expect(report.count).toBe(fixture.answers.length);
    expect(report.rows.map((row) => [row.id, row.actual])).toEqual(calibration.rows.map((row) => [row.id, row.actual]));
    expect(report.spearman).toBe(calibration.spearman);
    expect(report.mae).toBe(calibration.mae);
    expect(report.skipped).toEqual([]);
    for (const row of report.rows) expect(row.delta).toBeCloseTo(row.actual - row.expected, 10);
  });

  it("labels calibration samples by voice and keeps ids, texts and expected scores", () => {
    const fixture = loadCalibrationSet("kafka-architecture");
    const samples = benchSamplesFromCalibration(fixture);
    expect(samples.map((s) => [s.id, s.text, s.expected, s.source])).toEqual(fixture.answers.map((a) => [a.id, a.text, a.expected, "calibration"]));
    const withNote = fixture.answers.findIndex((answer) => answer.note);
    expect(samples[withNote]!.label).toBe(`Answer with a misconception: ${fixture.answers[withNote]!.note}`);
    expect(samples.find((s) => s.id === "dont-know")!.label).toBe("Non-answer");
  });
});

describe("runBench rows", () => {
  it("lists the required items an answer missed and the misconceptions it made", () => {
    const report = runBench({
      question: durability,
      rubric: durability.rubric,
      vocabulary: testVocabulary,
      samples: [sample("strong", STRONG, 9), sample("wrong", WRONG, 2), sample("partial", "Producers should use acks=all so every in-sync replica acknowledges the write, which is what makes it durable.", 4)],
    });
    const [strong, wrong, partial] = report.rows;
    expect(strong).toMatchObject({ missedRequired: [], firedMisconceptions: [] });
    expect(wrong!.firedMisconceptions).toEqual(["acks1-durable", "remove-partitions"]);
    expect(partial!.missedRequired).toEqual(["min-isr", "partitions-never-removed", "consumers-idle"]);
    expect(partial!.firedMisconceptions).toEqual([]);
    // Exactly what the scorer says about the same answer.
    const direct = scoreWithRules({ question: durability, answer: WRONG, vocabulary: testVocabulary });
    expect(wrong!.actual).toBe(direct.score);
    expect(report.count).toBe(3);
    expect(report.spearman).not.toBeNull();
  });

  it("has no Spearman below 3 rows or without variance, and no MAE without rows", () => {
    const run = (samples: BenchSample[]) => runBench({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, samples });
    const two = run([sample("a", STRONG, 9), sample("b", WRONG, 2)]);
    expect(two.spearman).toBeNull();
    expect(two.mae).not.toBeNull();
    const flat = run([sample("a", STRONG, 5), sample("b", WRONG, 5), sample("c", "I don't know.", 5)]);
    expect(flat.spearman).toBeNull();
    expect(flat.mae).toBeCloseTo(flat.rows.reduce((sum, row) => sum + Math.abs(row.delta), 0) / 3, 1);
    expect(run([])).toEqual({ rows: [], spearman: null, mae: null, count: 0, skipped: [] });
  });

  it("skips an answer longer than the scorer accepts, and says why", () => {
    const report = runBench({
      question: durability,
      rubric: durability.rubric,
      vocabulary: testVocabulary,
      samples: [sample("huge", "word ".repeat(MAX_ANSWER_CHARS), 5), sample("strong", STRONG, 9)],
    });
    expect(report.rows.map((row) => row.id)).toEqual(["strong"]);
    expect(report.skipped).toEqual([{ id: "huge", reason: expect.stringMatching(/characters long; the limit is 20,000/) }]);
  });
});

describe("compareBench: a draft against the published rubric", () => {
  it("shows which answers moved and how the agreement changed", () => {
    const slug = "kafka-architecture";
    const question = questionFor(slug);
    const samples = benchSamplesFromCalibration(loadCalibrationSet(slug));
    const published = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, samples });
    // The draft drops every misconception item: answers with a misconception are no longer penalised.
    const draftRubric = { items: question.rubric.items.filter((item) => item.kind !== "misconception") };
    const draft = runBench({ question, rubric: draftRubric, vocabulary: bank.vocabulary, samples });
    const comparison = compareBench(draft, published);

    const misconceptionIds = published.rows.filter((row) => row.firedMisconceptions.length > 0).map((row) => row.id);
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

    expect(compareBench(published, published)).toEqual({ spearmanDelta: 0, maeDelta: 0, moved: [] });
    const empty = runBench({ question, rubric: question.rubric, vocabulary: bank.vocabulary, samples: [] });
    expect(compareBench(empty, published)).toEqual({ spearmanDelta: null, maeDelta: null, moved: [] });
  });
});

describe("previewScore", () => {
  it("scores a pasted answer against a draft, and explains an answer that is too long instead of throwing", () => {
    const preview = previewScore({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, answer: STRONG });
    expect(preview.ok && preview.result.score).toBe(scoreWithRules({ question: durability, answer: STRONG, vocabulary: testVocabulary }).score);
    const tooLong = previewScore({ question: durability, rubric: durability.rubric, vocabulary: testVocabulary, answer: "x".repeat(MAX_ANSWER_CHARS + 1) });
    expect(tooLong).toEqual({ ok: false, message: expect.stringMatching(/limit is 20,000/) });
  });

  it("reports a rubric the scorer cannot run instead of throwing", () => {
    const broken = { items: durability.rubric.items.map((item, i) => (i === 0 ? { ...item, concept: ["(unclosed"] } : item)) };
    expect(() => scoreWithRules({ question: { ...durability, rubric: broken }, answer: STRONG, vocabulary: testVocabulary })).toThrow();
    expect(previewScore({ question: durability, rubric: broken, vocabulary: testVocabulary, answer: STRONG })).toEqual({ ok: false, message: expect.any(String) });
  });
});
