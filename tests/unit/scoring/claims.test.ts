// The shared false-claim catalogue (content/claims/*.yml) proves itself claim by claim: every sentence
// listed under `says` trips the claim, and no `nearMiss` sentence trips it or any other claim. No model
// answer in the bank makes a false claim.
// One file only:  CLAIMS_FILE=kafka-replication npx vitest run --project unit tests/unit/scoring/claims.test.ts
import { describe, expect, it } from "vitest";
import { loadContentBank, formatProblem } from "@/lib/content/load";
import { calibrationSlugs, loadCalibrationSet } from "@/lib/scoring/calibration";
import { falseClaimsIn } from "@/lib/scoring/false-claims";
import { scoreWithRules } from "@/lib/scoring";

const bank = loadContentBank();
const only = process.env.CLAIMS_FILE;
const claims = only ? bank.claims.filter((claim) => claim.sourcePath.endsWith(`/${only}.yml`)) : bank.claims;
const madeBy = (text: string) => falseClaimsIn(text, bank.vocabulary, bank.claims).map((hit) => hit.id);

describe("the false-claim catalogue", () => {
  it("loads without problems", () => {
    const problems = bank.problems.filter((problem) => problem.path.includes("content/claims")).map(formatProblem);
    expect(problems).toEqual([]);
  });

  // A CLAIMS_FILE that names no file (a path, a typo) would otherwise run no claim at all and pass.
  it.runIf(!!only)("CLAIMS_FILE names a claim file (its bare name, e.g. kafka-cluster)", () => {
    expect(claims.length, `no claims in content/claims/${only}.yml`).toBeGreaterThan(0);
  });

  it.runIf(!only)("covers both tracks with at least 150 claims, each with a correction", () => {
    expect(bank.claims.length).toBeGreaterThanOrEqual(150);
    expect(new Set(bank.claims.map((claim) => claim.track))).toEqual(new Set(bank.tracks.map((track) => track.id)));
  });

  it.each(claims.map((claim) => [`${claim.id} (${claim.sourcePath}:${claim.line})`, claim] as const))("%s: trips on what it says, not on its near misses", (_, claim) => {
    for (const sentence of claim.says) expect(madeBy(sentence), `says: "${sentence}"`).toContain(claim.id);
    for (const sentence of claim.nearMiss) expect(madeBy(sentence), `nearMiss: "${sentence}"`).toEqual([]);
  });

  it.runIf(!only)("no tune answer the graders put at 8.5 or more makes a false claim", () => {
    const offenders = calibrationSlugs("tune").flatMap((slug) =>
      loadCalibrationSet(slug, "tune")
        .answers.filter((answer) => answer.expected >= 8.5)
        .flatMap((answer) => falseClaimsIn(answer.text, bank.vocabulary, bank.claims).map((hit) => `${answer.id}: ${hit.id} in "${hit.evidence[0]}"`)),
    );
    expect(offenders).toEqual([]);
  });

  it.runIf(!only)("no model answer in the bank makes a false claim", () => {
    const offenders = bank.questions.flatMap((question) =>
      falseClaimsIn(question.modelAnswer, bank.vocabulary, bank.claims).map((hit) => `${question.slug}: ${hit.id} in "${hit.evidence[0]}"`),
    );
    expect(offenders).toEqual([]);
  });

  it.runIf(!only)("charges one sentence once, however many catalogue entries word its idea", () => {
    const question = bank.questions.find((candidate) => candidate.slug === "stream-exactly-once")!;
    const sentence = "Nothing is needed on the consumer side, since isolation.level defaults to read_committed, so downstream readers skip aborted records automatically.";
    // The catalogue words this one idea twice (the default, and what downstream readers therefore do).
    expect(madeBy(sentence).length).toBeGreaterThanOrEqual(2);
    const result = scoreWithRules({ question, answer: `${question.modelAnswer}\n\n${sentence}`, vocabulary: bank.vocabulary, claims: bank.claims });
    expect(result.items.filter((item) => item.kind === "misconception" && item.met)).toHaveLength(1);
    expect(result.breakdown.cap?.reason).toBe("misconception");
  });
});
