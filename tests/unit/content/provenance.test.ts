// checkedAgainst and sources: every question says which versions it was checked against and which
// official pages back it. A file without them, or with a source that is not an official URL, is
// refused with its path and the line to fix — by the loader and by `npm run content:check`.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, loadContentBank } from "@/lib/content/load";
import { makeContentDir, PROVENANCE, questionFile } from "../../support/content-fixtures";

/** Line (1-based) of the first line containing `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

const FILE = "sample-question.md";
const problemsOf = (text: string) => loadContentBank(makeContentDir({ [FILE]: text })).problems;

/** The sample question with its provenance block replaced by `replacement`. */
const withProvenance = (replacement: string) => questionFile().replace(PROVENANCE, replacement);

const KIP_500 = "https://cwiki.apache.org/confluence/display/KAFKA/KIP-500%3A+Replace+ZooKeeper+with+a+Self-Managed+Metadata+Quorum";

describe("checkedAgainst and sources", () => {
  it("loads a question that has both and exposes them", () => {
    const bank = loadContentBank(makeContentDir({ [FILE]: questionFile() }));
    expect(bank.problems).toEqual([]);
    expect(bank.questions[0]).toMatchObject({
      checkedAgainst: "Kafka 4.4",
      sources: ["https://kafka.apache.org/documentation/#introduction", KIP_500],
    });
  });

  it("refuses a question without checkedAgainst, naming the file and the line", () => {
    const text = withProvenance(`sources:\n  - "https://kafka.apache.org/documentation/#introduction"\n  - "${KIP_500}"\n`);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/questions\/sample-question\.md$/);
    // Like every missing field, it is reported at the start of the frontmatter (line 2).
    expect(problems[0]!.line).toBe(lineOf(text, "slug: sample-question"));
    expect(problems[0]!.message).toMatch(/^missing field "checkedAgainst"/);
    expect(formatProblem(problems[0]!)).toMatch(/questions\/sample-question\.md:2: missing field "checkedAgainst"/);
    expect(loadContentBank(makeContentDir({ [FILE]: text })).questions).toEqual([]);
  });

  it("refuses a question without sources, naming the file and the line", () => {
    const text = withProvenance(`checkedAgainst: "Kafka 4.4"\n`);
    const problems = problemsOf(text);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/questions\/sample-question\.md:2: missing field "sources"/)]);
  });

  it("refuses a source that is not a URL, at that source's line", () => {
    const text = withProvenance(`checkedAgainst: "Kafka 4.4"\nsources:\n  - "${KIP_500}"\n  - "the Kafka docs, design section"\n`);
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: lineOf(text, "the Kafka docs, design section") });
    expect(problem!.path).toMatch(/questions\/sample-question\.md$/);
    expect(problem!.message).toMatch(/^sources\.1: "the Kafka docs, design section" is not a URL/);
  });

  it("refuses plain http, unofficial sites and GitHub outside the Apache organisation", () => {
    const sources = [
      "http://kafka.apache.org/documentation/#design",
      "https://www.confluent.io/blog/exactly-once-semantics-are-possible-heres-how-apache-kafka-does-it/",
      "https://github.com/someone/kafka/blob/trunk/README.md",
    ];
    const text = withProvenance(`checkedAgainst: "Kafka 4.4"\nsources:\n${sources.map((url) => `  - "${url}"\n`).join("")}`);
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.line)).toEqual(sources.map((url) => lineOf(text, url)));
    expect(problems[0]!.message).toMatch(/must be an https:\/\/ address/);
    expect(problems[1]!.message).toMatch(/"www\.confluent\.io" is not an official source/);
    expect(problems[2]!.message).toMatch(/must point into an Apache repository/);
  });

  it("needs at least two distinct sources", () => {
    const one = withProvenance(`checkedAgainst: "Kafka 4.4"\nsources:\n  - "${KIP_500}"\n`);
    // A problem with the whole list is reported where the list starts, at its first item.
    expect(problemsOf(one)).toEqual([expect.objectContaining({ line: lineOf(one, KIP_500), message: "sources: list at least 2 sources" })]);

    const twice = withProvenance(`checkedAgainst: "Kafka 4.4"\nsources:\n  - "${KIP_500}"\n  - "${KIP_500}"\n`);
    const [duplicate] = problemsOf(twice);
    expect(duplicate!.message).toMatch(/^sources\.1: duplicate source/);
    expect(duplicate!.line).toBe(lineOf(twice, KIP_500) + 1);
  });

  it("wants each system named with its version", () => {
    const text = withProvenance(`checkedAgainst: "the latest Kafka"\nsources:\n  - "https://kafka.apache.org/documentation/#introduction"\n  - "${KIP_500}"\n`);
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ line: lineOf(text, "checkedAgainst:") });
    expect(problem!.message).toMatch(/^checkedAgainst: must name each system with its version/);
    expect(problemsOf(text.replace("the latest Kafka", "Kafka 4.4 · Flink 2.2 · Spark 4.1"))).toEqual([]);
  });

  it("makes npm run content:check fail with file:line for a question without sources", () => {
    const dir = makeContentDir({ [FILE]: withProvenance(`checkedAgainst: "Kafka 4.4"\n`) });
    let stderr = "";
    let status = 0;
    try {
      execFileSync(join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/content-check.ts", "--dir", dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      status = failed.status;
      stderr = failed.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/questions\/sample-question\.md:2: missing field "sources"/);
    expect(stderr).toMatch(/content check failed: 1 problem/);
  });
});

describe("the real question bank records what each answer was checked against", () => {
  const bank = loadContentBank();
  const systems = /^(Kafka|Flink|Spark|RabbitMQ) \d+\.\d+$/;

  it("gives every question a checkedAgainst and 2–5 sources", () => {
    expect(bank.questions).toHaveLength(readdirSync(join(process.cwd(), "content", "questions")).filter((name) => name.endsWith(".md")).length);
    for (const question of bank.questions) {
      for (const system of question.checkedAgainst.split(" · ")) expect(system, question.slug).toMatch(systems);
      expect(question.sources.length, question.slug).toBeGreaterThanOrEqual(2);
      expect(question.sources.length, question.slug).toBeLessThanOrEqual(5);
    }
  });

  it("checks Kafka-only questions against Kafka alone", () => {
    const kafkaTrack = bank.questions.filter((question) => question.track === "kafka" && !question.tags.includes("rabbitmq"));
    expect(kafkaTrack.length).toBeGreaterThan(0);
    for (const question of kafkaTrack) expect(question.checkedAgainst, question.slug).toBe("Kafka 4.4");
  });
});
