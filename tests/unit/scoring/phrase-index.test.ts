// The phrase index (anchor words + the leading-words trie) is only a shortcut: on real answers it finds
// exactly what trying every phrase at every word finds.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { CALIBRATION_PARTS, calibrationSlugs, loadCalibrationSet } from "@/lib/scoring/calibration";
import { compiledCatalogueFor, compiledRubricFor, type CompiledItems } from "@/lib/scoring/compile";
import { findPhraseOccurrences, matchAt } from "@/lib/scoring/match";
import { analyseNegation } from "@/lib/scoring/negation";
import { analyseText } from "@/lib/scoring/normalise";
import { analyseStance } from "@/lib/scoring/stance";

const bank = loadContentBank();

function bruteForce(compiled: CompiledItems, text: string): string[] {
  const analysed = analyseText(text);
  const cue = analyseNegation(analysed).cue;
  const found: string[] = [];
  for (let phrase = 0; phrase < compiled.phraseCount; phrase++) {
    for (let i = 0; i < analysed.tokens.length; i++) {
      const end = matchAt(analysed, compiled.packed, phrase, i, analysed.sentences[analysed.tokens[i]!.sentence]!.endToken, cue);
      if (end > i) found.push(`${phrase}@${i}-${end}`);
    }
  }
  return found.sort();
}

function indexed(compiled: CompiledItems, text: string): string[] {
  const analysed = analyseText(text);
  const hits = findPhraseOccurrences(compiled, { analysed, negation: analyseNegation(analysed), dismissed: analyseStance(analysed), usable: new Uint8Array(analysed.tokens.length).fill(1) });
  return [...hits.byPhrase.values()].flatMap((list) => list.map((occ) => `${occ.phrase}@${occ.start}-${occ.end}`)).sort();
}

describe("the phrase index", () => {
  const samples = CALIBRATION_PARTS.flatMap((part) => calibrationSlugs(part).slice(0, 6).map((slug) => ({ slug, text: loadCalibrationSet(slug, part).answers[0]!.text })));
  samples.push({ slug: "kafka-architecture", text: "Appendonly logs, append-only logs and append only logs; partitions, partition's, e-mail, min_insync_replicas: 2, exactlyonce and exactly-once." });

  it.each(samples.map((sample, index) => [index, sample] as const))("finds what trying every phrase finds (%i)", (_, { slug, text }) => {
    const question = bank.questions.find((candidate) => candidate.slug === slug)!;
    for (const compiled of [compiledRubricFor(question.rubric, bank.vocabulary), compiledCatalogueFor(bank.claims, bank.vocabulary)]) {
      expect(indexed(compiled, text)).toEqual(bruteForce(compiled, text));
    }
  });
});
