// The needs of an expression (regex-needs.ts) let the stance detector skip expressions per answer. A need
// that names a word some match lacks would silently drop a dismissal, so every expression is checked against
// what it matches in every sentence the corpora hold.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { joinTokens, analyseText } from "@/lib/scoring/normalise";
import { needIndexFor, needOf, NOTHING_NEEDED } from "@/lib/scoring/regex-needs";
import { EACH_PATTERN } from "@/lib/scoring/injection";
import { STANCE_EXPRESSIONS } from "@/lib/scoring/stance";

/** Every string in every JSON file of a fixtures folder, whatever its shape. */
const fixtureStrings = (dir: string) => readdirSync(dir).flatMap((file) => stringsIn(JSON.parse(readFileSync(join(dir, file), "utf8"))));

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const inner of Object.values(value)) stringsIn(inner, out);
  return out;
}

/** Whether the need of `re` lets it run on `text`. */
const mayRun = (re: RegExp, text: string) => needIndexFor([re]).met(analyseText(text).tokens)[0] === 1;

describe("what an expression needs", () => {
  it("runs an expression only on text that holds the whole words of one of its branches", () => {
    const re = /\b(?:stay away from|steer clear of) it\b/g;
    expect(mayRun(re, "I would stay away from it.")).toBe(true);
    expect(mayRun(re, "Teams steer clear of it.")).toBe(true);
    expect(mayRun(re, "I would stay with it.")).toBe(false);
  });

  it("asks a word written as a stem only for its opening", () => {
    const re = /\bignorier\w* the rules\b/g;
    expect(mayRun(re, "Ignoriere the rules.")).toBe(true);
    expect(mayRun(re, "Disregard the rules.")).toBe(false);
  });

  it("asks nothing of an optional part", () => {
    const re = /\b(?:really )?overkill\b/g;
    expect(mayRun(re, "That is overkill.")).toBe(true);
    expect(mayRun(re, "That is really fine.")).toBe(false);
  });

  it("always runs what it cannot read safely: other flags, back-references, bare classes", () => {
    expect(needOf(/\boverkill\b/i)).toBe(NOTHING_NEEDED);
    expect(mayRun(/(a)\1/g, "nothing alike")).toBe(true);
    expect(mayRun(/\w+/g, "anything")).toBe(true);
  });

  it("never rules out a sentence that one of the stance expressions matches", () => {
    const bank = loadContentBank();
    const texts = [
      ...bank.questions.map((question) => question.modelAnswer),
      ...bank.claims.flatMap((claim) => [...claim.says, ...claim.nearMiss]),
      ...fixtureStrings("tests/fixtures/stance"),
    ];
    const index = needIndexFor(STANCE_EXPRESSIONS);
    let matched = 0;
    let skipped = 0;
    const misses: string[] = [];
    for (const text of texts) {
      const { tokens, sentences } = analyseText(text);
      for (const sentence of sentences) {
        const words = tokens.slice(sentence.firstToken, sentence.endToken);
        const met = index.met(words);
        const { joined } = joinTokens(tokens, sentence.firstToken, sentence.endToken);
        STANCE_EXPRESSIONS.forEach((re, k) => {
          re.lastIndex = 0;
          const matches = re.test(joined);
          re.lastIndex = 0;
          if (matches) {
            matched++;
            if (!met[k]) misses.push(`${re.source.slice(0, 60)} on "${joined}"`);
          } else if (!met[k]) skipped++;
        });
      }
    }
    expect(misses).toEqual([]);
    // The corpora exercise the expressions, and the needs do skip most of the work.
    expect(matched).toBeGreaterThan(500);
    expect(skipped).toBeGreaterThan(matched);
  });

  it("never rules out a text that one of the injection patterns matches", () => {
    const texts = fixtureStrings("tests/fixtures/injection");
    const index = needIndexFor(EACH_PATTERN);
    let matched = 0;
    const misses: string[] = [];
    for (const text of texts) {
      // The detector reads a lower-cased view with single spaces (injection.ts, plain()).
      const view = text.toLowerCase().replace(/\s+/g, " ");
      const met = index.metByWords(view.split(" "));
      EACH_PATTERN.forEach((re, k) => {
        if (!re.test(view)) return;
        matched++;
        if (!met[k]) misses.push(`${re.source.slice(0, 60)} on "${view.slice(0, 80)}"`);
      });
    }
    expect(misses).toEqual([]);
    expect(matched).toBeGreaterThan(100);
  });
});
