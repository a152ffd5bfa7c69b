import { describe, expect, it, vi } from "vitest";

// Next bundles lib/ into several layers (API routes, pages, instrumentation), each with its own copy of
// every module. Importing afresh after vi.resetModules() is that situation in miniature.
async function freshModules() {
  vi.resetModules();
  const [{ getContentBank }, compile, { warmUpScorer }, needs, { STANCE_EXPRESSIONS }, { EACH_PATTERN }] = await Promise.all([
    import("@/lib/content/bank"),
    import("@/lib/scoring/compile"),
    import("@/lib/scoring/warm-up"),
    import("@/lib/scoring/regex-needs"),
    import("@/lib/scoring/stance"),
    import("@/lib/scoring/injection"),
  ]);
  return { getContentBank, compile, warmUpScorer, needs, STANCE_EXPRESSIONS, EACH_PATTERN };
}

describe("warming the scorer up at start-up", () => {
  it("is seen by another copy of the modules: one content bank, one compiled catalogue and one index of regex needs per process", async () => {
    const first = await freshModules();
    const bank = first.getContentBank();
    first.warmUpScorer(bank, 1);
    const compiled = first.compile.compiledCatalogueFor(bank.claims, bank.vocabulary);

    const second = await freshModules();
    expect(second.compile.compiledCatalogueFor).not.toBe(first.compile.compiledCatalogueFor);
    const sameBank = second.getContentBank();
    expect(sameBank).toBe(bank);
    expect(second.compile.compiledCatalogueFor(sameBank.claims, sameBank.vocabulary)).toBe(compiled);
    for (const question of sameBank.questions) {
      expect(second.compile.compiledRubricFor(question.rubric, sameBank.vocabulary), question.slug).toBe(first.compile.compiledRubricFor(question.rubric, bank.vocabulary));
    }
    // What the stance expressions and injection patterns need was worked out by the warm-up, once.
    expect(second.STANCE_EXPRESSIONS).not.toBe(first.STANCE_EXPRESSIONS);
    expect(second.needs.needIndexFor(second.STANCE_EXPRESSIONS)).toBe(first.needs.needIndexFor(first.STANCE_EXPRESSIONS));
    expect(second.needs.needIndexFor(second.EACH_PATTERN)).toBe(first.needs.needIndexFor(first.EACH_PATTERN));
  });
});
