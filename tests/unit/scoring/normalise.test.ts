import { describe, expect, it } from "vitest";
import { analyseText, normaliseWord } from "@/lib/scoring/normalise";
import { compilePhrase } from "@/lib/scoring/compile";

const words = (text: string) => analyseText(text).tokens.map((token) => token.n);

describe("normaliseWord", () => {
  it("folds case, accents, Unicode compatibility forms and apostrophes", () => {
    expect(normaliseWord("KAFKA")).toBe("kafka");
    expect(normaliseWord("café")).toBe("cafe");
    expect(normaliseWord("ｋａｆｋａ")).toBe("kafka");
    expect(normaliseWord("don’t")).toBe("dont");
    expect(normaliseWord("Kafka's")).toBe("kafka");
  });
  it("turns number words into digits and fixes typos of key terms", () => {
    expect(normaliseWord("two")).toBe("2");
    expect(normaliseWord("10k")).toBe("10000");
    expect(normaliseWord("10,000")).toBe("10000");
    for (const [typo, fixed] of [["kakfa", "kafka"], ["paritition", "partition"], ["paritions", "partitions"], ["offest", "offset"], ["idempotant", "idempotent"], ["rebalencing", "rebalancing"], ["watermaks", "watermarks"]]) {
      expect(normaliseWord(typo!)).toBe(fixed);
    }
  });
});

describe("analyseText", () => {
  it("splits config keys and hyphenated words, keeps decimals and negative numbers", () => {
    expect(words("min.insync.replicas=2")).toEqual(["min", "insync", "replicas", "2"]);
    expect(words("min_insync_replicas: 2")).toEqual(["min", "insync", "replicas", "2"]);
    expect(words("acks=-1 but not acks=1")).toEqual(["acks", "-1", "but", "not", "acks", "1"]);
    expect(words("acks = -1")).toEqual(["acks", "-1"]);
    expect(words("append-only, 1.5x faster, two hundred partitions")).toEqual(["append", "only", "1.5x", "faster", "200", "partitions"]);
  });
  it("keeps offsets into the original text", () => {
    const text = "  Kafka’s log — append‑only!";
    const analysed = analyseText(text);
    for (const token of analysed.tokens) expect(text.slice(token.start, token.end).length).toBeGreaterThan(0);
    expect(text.slice(analysed.tokens[0]!.start, analysed.tokens[0]!.end)).toBe("Kafka’s");
    const sentence = analysed.sentences[0]!;
    expect(text.slice(sentence.start, sentence.end)).toBe("Kafka’s log — append‑only!");
  });
  it('reads "out of the box" as "by default", in answers and in patterns alike, keeping the original offsets', () => {
    const text = "Auto commit is on out of the box.";
    const analysed = analyseText(text);
    expect(analysed.tokens.map((token) => token.n)).toEqual(["auto", "commit", "is", "on", "by", "default"]);
    expect(analysed.tokens.slice(-2).map((token) => text.slice(token.start, token.end))).toEqual(["out of", "the box"]);
    expect(compilePhrase("read_committed out of the box").map((element) => (element.kind === "word" ? element.text : element.kind))).toEqual(["read", "committed", "by", "default"]);
    // Across a sentence end it is two statements, left alone.
    expect(words("It fell out. Of the box, nothing remains")).toContain("out");
  });
  it("splits sentences at punctuation, list markers and new lines, not at abbreviations or config dots", () => {
    const analysed = analyseText("Use acks=all, e.g. for payments. Is it safe?\n- partitions scale\n- offsets resume\n1. first item\ncontinued here");
    const texts = analysed.sentences.map((s) => analysed.text.slice(s.start, s.end));
    expect(texts).toEqual(["Use acks=all, e.g. for payments.", "Is it safe?", "partitions scale", "offsets resume", "first item\ncontinued here"]);
    expect(analysed.sentences[1]!.question).toBe(true);
    // A line that opens with a label is its own statement, even in lower case.
    const labelled = analyseText("at-most-once: commit first, never duplicates\nat-least-once: retries, duplicates possible");
    expect(labelled.sentences.map((s) => labelled.text.slice(s.start, s.end))).toEqual(["at-most-once: commit first, never duplicates", "at-least-once: retries, duplicates possible"]);
  });
});

describe("compilePhrase", () => {
  it("normalises patterns like answers, with prefix words, lone wildcards and config connectors", () => {
    expect(compilePhrase("min.insync.replicas=2")).toEqual([
      { kind: "word", text: "min", prefix: false },
      { kind: "word", text: "insync", prefix: false },
      { kind: "word", text: "replicas", prefix: false },
      { kind: "assign" },
      { kind: "word", text: "2", prefix: false },
    ]);
    expect(compilePhrase("where * left off")[1]).toEqual({ kind: "any" });
    expect(compilePhrase("partition*")).toEqual([{ kind: "word", text: "partition", prefix: true }]);
    expect(compilePhrase("acks=-1").at(-1)).toEqual({ kind: "word", text: "-1", prefix: false });
  });
});
