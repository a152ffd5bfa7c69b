// The catalogue's corrections, the rubrics' hints and point labels, and the questions' key points are true statements
// written by people who know the systems, in the words a strong answer uses. A claim that charges one of them would charge a strong answer too.
// The 40 such charges found when this test was written were all fixed by narrowing the claims; none may come back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { falseClaimsIn } from "@/lib/scoring/false-claims";


describe("the false-claim catalogue on true statements", () => {
  it("charges none of the corrections, hints, point labels and key points", () => {
    const bank = loadContentBank();
    const statements: Array<{ where: string; text: string }> = [
      ...bank.claims.map((claim) => ({ where: `correction of ${claim.id}`, text: claim.correction })),
      ...bank.questions.flatMap((question) =>
        question.rubric.items.flatMap((item) => [
          ...(item.hint ? [{ where: `hint ${question.slug}/${item.id}`, text: item.hint }] : []),
          ...(item.kind !== "misconception" ? [{ where: `label ${question.slug}/${item.id}`, text: item.label }] : []),
          ...(item.correction ? [{ where: `correction ${question.slug}/${item.id}`, text: item.correction }] : []),
        ]),
      ),
      // Each question's key points: terse, true, in an expert's shorthand, as a strong answer's summary reads.
      ...bank.questions.flatMap((question) => question.keyPoints.map((text) => ({ where: `key point of ${question.slug}`, text }))),
    ];
    const charged = statements.flatMap(({ where, text }) => falseClaimsIn(text, bank.vocabulary, bank.claims).map((hit) => `${where} → ${hit.id}`));
    expect(statements.length).toBeGreaterThan(1500);
    expect(charged, charged.join("\n")).toEqual([]);
  }, 120_000);

  // 1,139 true sentences written for the purpose by four writers who never saw the catalogue, 30 per question, in the
  // registers strong candidates use and on the facts most often misstated (docs/calibration/true-corpus-brief.md);
  // then 950 more by four other writers, 25 per question, as a senior says them in the middle of an answer: clauses
  // joined, contrasts, misconceptions corrected in passing, failure stories, history marked as history (the same
  // brief's second round). The second corpus, run before any change, found 9 charges (0.9 %), all fixed by narrowing.
  it.each([
    ["tests/fixtures/true-statements", 1100],
    ["tests/fixtures/true-statements-2", 900],
  ])("charges none of the true-statement corpus written blind to the catalogue (%s)", (folder, atLeast) => {
    const bank = loadContentBank();
    const dir = join(process.cwd(), folder);
    const sentences = readdirSync(dir).flatMap((file) => {
      const corpus = JSON.parse(readFileSync(join(dir, file), "utf8")) as { question: string; sentences: string[] };
      return corpus.sentences.map((text) => ({ where: corpus.question, text }));
    });
    const charged = sentences.flatMap(({ where, text }) => falseClaimsIn(text, bank.vocabulary, bank.claims).map((hit) => `${where}: "${text}" → ${hit.id}`));
    expect(sentences.length).toBeGreaterThan(atLeast);
    expect(charged, charged.join("\n")).toEqual([]);
  }, 120_000);
});
