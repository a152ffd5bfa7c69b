import { describe, expect, it } from "vitest";
import { LEVELS } from "@/lib/content/levels";
import { assessInterview, buildInterviewSummary, themesOf, type AssessedItem, type AssessedQuestion } from "@/lib/practice/assessment";

// Small, hand-written rubric results: each question has a few "mechanism" items, one item that turns
// on a configuration key, one that turns on a failure case, a bonus and a misconception.
const req = (id: string, label: string, met: boolean, extra: Partial<AssessedItem> = {}): AssessedItem => ({
  id,
  label,
  kind: "required",
  weight: 2,
  met,
  hint: `Say it plainly: ${label.toLowerCase()}.`,
  ...extra,
});
const bonus = (id: string, label: string, met: boolean): AssessedItem => ({ id, label, kind: "bonus", weight: 1, met, hint: `For extra depth: ${label.toLowerCase()}.` });
const miscon = (id: string, label: string, met: boolean): AssessedItem => ({ id, label: `Misconception: ${label}`, kind: "misconception", weight: 2, met, correction: `In fact the opposite holds for ${id}.` });

interface Profile {
  score: number;
  mechanism: boolean;
  config: boolean;
  failure: boolean;
  bonus?: boolean;
  misconception?: boolean;
  minutes?: number;
}

const LETTERS = ["A", "B", "C", "D", "E"];
const TITLES = ["Keys and ordering", "Offsets and commits", "ISR and min.insync", "Idempotent producer", "Consumer lag at scale"];
const CONFIG_LABELS = [
  "Names partitioner.class for custom routing",
  "Auto-commit is controlled by enable.auto.commit",
  "Below min.insync.replicas, acks=all writes fail",
  "Needs enable.idempotence=true with acks=all",
  "Tunes max.poll.interval.ms for slow batches",
];
const FAILURE_LABELS = [
  "A crashed producer retries without reordering",
  "A consumer crash replays uncommitted records",
  "A failed leader is replaced from the ISR",
  "Lost acknowledgements cause duplicates on retry",
  "A rebalance storm follows repeated consumer crashes",
];

function interview(profiles: Profile[]): AssessedQuestion[] {
  return profiles.map((profile, position) => ({
    position,
    slug: `q${position + 1}`,
    title: TITLES[position]!,
    track: "kafka",
    level: LEVELS[position]!.id,
    tags: ["kafka", `topic-${position + 1}`],
    timeBudgetMinutes: 5,
    demo: { id: `demo-${position + 1}`, title: `Demo ${position + 1}` },
    attemptId: `a${position + 1}`,
    score: profile.score,
    timeSpentMs: (profile.minutes ?? 4) * 60_000,
    items: [
      req(`mech-a-${position}`, `Partitions form an ordered log for question ${LETTERS[position]}`, profile.mechanism),
      req(`mech-b-${position}`, `The group divides the work for question ${LETTERS[position]}`, profile.mechanism),
      req(`config-${position}`, CONFIG_LABELS[position]!, profile.config),
      req(`failure-${position}`, FAILURE_LABELS[position]!, profile.failure),
      bonus(`bonus-${position}`, `Mentions the newer protocol for question ${LETTERS[position]}`, profile.bonus ?? false),
      miscon(`miscon-${position}`, `more consumers always help (question ${LETTERS[position]})`, profile.misconception ?? false),
    ],
  }));
}

const strongButNoConfigs = interview([
  { score: 8.5, mechanism: true, config: false, failure: true, bonus: true },
  { score: 8, mechanism: true, config: false, failure: true },
  { score: 8.8, mechanism: true, config: false, failure: true, bonus: true },
  { score: 8.6, mechanism: true, config: false, failure: true },
  { score: 8.7, mechanism: true, config: true, failure: true },
]);

const weakFoundations = interview([
  { score: 4, mechanism: false, config: true, failure: true },
  { score: 3, mechanism: false, config: true, failure: false },
  { score: 2.5, mechanism: false, config: false, failure: true },
  { score: 3.5, mechanism: false, config: true, failure: true },
  { score: 2, mechanism: false, config: false, failure: false, misconception: true },
]);

const perfect = interview(Array.from({ length: 5 }, () => ({ score: 10, mechanism: true, config: true, failure: true, bonus: true })));

const fadesAtTheTop = interview([
  { score: 9, mechanism: true, config: true, failure: true },
  { score: 8.5, mechanism: true, config: true, failure: true },
  { score: 6.5, mechanism: true, config: true, failure: false, minutes: 7 },
  { score: 4, mechanism: true, config: false, failure: false, minutes: 8 },
  { score: 3.5, mechanism: false, config: true, failure: false, minutes: 9, misconception: true },
]);

describe("themesOf", () => {
  it("spots configuration keys, named APIs, failure cases and falls back to the mechanism", () => {
    expect(themesOf(req("a", "Downstream consumers use isolation.level=read_committed", false))).toContain("config");
    expect(themesOf(req("b", "A gap in sequence numbers raises OutOfOrderSequenceException", false))).toContain("tools");
    expect(themesOf(req("c", "Measures lag per partition with kafka-consumer-groups --describe", false))).toContain("tools");
    expect(themesOf(req("d", "A failed leader is replaced from the ISR", false, { hint: "Say that a new leader comes from the ISR." }))).toEqual(["failure"]);
    expect(themesOf(req("e", "Topics are split into partitions", false, { hint: "Describe a topic as a name over partitions." }))).toEqual(["mechanism"]);
    expect(themesOf(req("f", "Ingestion time is when it entered the pipeline (e.g. append time)", false, { hint: "Say when it entered the pipeline." }))).not.toContain("config");
  });
});

describe("assessInterview", () => {
  it("a strong candidate who never names the settings: ready, with configuration as the consistent gap", () => {
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: strongButNoConfigs });
    expect(result.verdict).toBe("ready");
    expect(result.headline).toBe("Interview-ready on Apache Kafka");
    expect(result.gap?.theme).toBe("config");
    expect(result.gap?.text).toMatch(/^In 4 of your 5 answers, you explained what a setting is for but not what it is called/);
    expect(result.gap?.examples.length).toBeGreaterThan(1);
    expect(result.strengths.some((line) => /what breaks/.test(line))).toBe(true);
    // What to study leads with the gap's items and links each to its question and demo.
    expect(result.study.length).toBeGreaterThan(0);
    expect(result.study[0]!.label).toMatch(/\b(enable|min|partitioner|max)\./);
    expect(result.study[0]!.demo).not.toBeNull();
    expect(result.watchOuts).toEqual([]);
  });

  it("a candidate missing the core ideas: early days, the mechanism as the gap, misconceptions flagged", () => {
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: weakFoundations });
    expect(result.verdict).toBe("early");
    expect(result.gap?.theme).toBe("mechanism");
    expect(result.overview).toMatch(/map of what to learn/);
    expect(result.watchOuts).toHaveLength(1);
    expect(result.watchOuts[0]).toMatchObject({ position: 4, claim: "more consumers always help (question E)" });
    expect(result.strengths).toHaveLength(1);
  });

  it("a perfect run: no gap, nothing to study, and it says so", () => {
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: perfect });
    expect(result.verdict).toBe("ready");
    expect(result.gap).toBeNull();
    expect(result.gapNote).toMatch(/Every required point was covered/);
    expect(result.study).toEqual([]);
    expect(result.strengths.join(" ")).toMatch(/Full marks on every answer/);
  });

  it("scores that fall off at the senior levels, with overtime, are called out", () => {
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: fadesAtTheTop });
    expect(result.verdict).toBe("building");
    expect(result.overview).toMatch(/fell as the questions got harder/);
    expect(result.overview).toMatch(/past the time budget on 3 of 5/);
    expect(result.gap?.theme).toBe("failure");
  });

  it("when nearly everything was missed, names the core mechanism rather than one narrow theme", () => {
    const blank = interview(Array.from({ length: 5 }, () => ({ score: 0.5, mechanism: false, config: false, failure: false })));
    const result = assessInterview({ trackTitle: "Stream processing", questions: blank });
    expect(result.verdict).toBe("early");
    expect(result.gap?.theme).toBe("mechanism");
    expect(result.gap?.text).toMatch(/^In all 5 answers, the core mechanism/);
    expect(result.strengths).toHaveLength(1);
  });

  it("misses scattered across themes produce no invented pattern", () => {
    const scattered = interview([
      { score: 7, mechanism: true, config: false, failure: true },
      { score: 7, mechanism: true, config: true, failure: false },
      { score: 8, mechanism: true, config: true, failure: true },
      { score: 8, mechanism: true, config: true, failure: true },
      { score: 8, mechanism: true, config: true, failure: true },
    ]);
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: scattered });
    expect(result.gap).toBeNull();
    expect(result.gapNote).toMatch(/No single theme/);
    expect(result.study).toHaveLength(2);
  });

  it("writes different assessments for different profiles", () => {
    const texts = [strongButNoConfigs, weakFoundations, perfect, fadesAtTheTop].map((questions) => {
      const result = assessInterview({ trackTitle: "Apache Kafka", questions });
      return [result.headline, result.overview, result.gap?.text ?? result.gapNote].join("\n");
    });
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("limits the study list to four items, at most two per question", () => {
    const result = assessInterview({ trackTitle: "Apache Kafka", questions: weakFoundations });
    expect(result.study.length).toBeLessThanOrEqual(4);
    const perQuestion = new Map<number, number>();
    for (const item of result.study) perQuestion.set(item.position, (perQuestion.get(item.position) ?? 0) + 1);
    expect(Math.max(...perQuestion.values())).toBeLessThanOrEqual(2);
  });
});

describe("buildInterviewSummary", () => {
  it("has one row per question in order, the average and the time, and leaves unscored answers out of the average", () => {
    const questions = [...strongButNoConfigs].reverse();
    questions[0] = { ...questions[0]!, score: null };
    const summary = buildInterviewSummary({ track: "kafka", trackTitle: "Apache Kafka", questions });
    expect(summary.rows.map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
    expect(summary.rows[4]!.score).toBeNull();
    expect(summary.average).toBe(8.5); // (8.5 + 8 + 8.8 + 8.6) / 4 = 8.475
    expect(summary.totalTimeMs).toBe(5 * 4 * 60_000);
    expect(summary.assessment.overview).toMatch(/One answer could not be scored/);
    expect(summary.rows[0]).toMatchObject({ levelLabel: "Warm-up", overtime: false, timeBudgetMinutes: 5 });
  });
});
