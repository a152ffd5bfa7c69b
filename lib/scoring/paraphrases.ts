// Item paraphrase sets: for each rubric point, sentences a candidate might write that state it
// (`meets`) and sentences that name the same topic but do not earn it (`misses`: the point reversed,
// waved away, stated wrongly, or only named). Written by people who saw the point's label and hint but
// never its patterns, in two parts: `tune` may guide pattern changes, `aside` only measures them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ContentBank } from "@/lib/content/load";
import { scoreWithRules } from "./rules";

export const PARAPHRASE_PARTS = ["tune", "aside"] as const;
export type ParaphrasePart = (typeof PARAPHRASE_PARTS)[number];

const paraphraseFileSchema = z.object({
  question: z.string(),
  items: z.record(
    z.string(),
    z.object({
      meets: z.array(z.string().min(1)),
      misses: z.array(z.string().min(1)),
      /** More reversed or wrong statements about the point, written later by other people (docs/calibration/wrong-statements-brief.md). */
      wrong: z.array(z.string().min(1)).optional(),
    }),
  ),
});
export type ParaphraseFile = z.infer<typeof paraphraseFileSchema>;

export const paraphraseDir = (part: ParaphrasePart, root = process.cwd()) => path.join(root, "tests", "fixtures", "paraphrases", part);

export function loadParaphrases(part: ParaphrasePart, root = process.cwd()): ParaphraseFile[] {
  const dir = paraphraseDir(part, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = paraphraseFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
      if (!parsed.success) throw new Error(`${path.join(dir, name)}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
      return parsed.data;
    });
}

export interface ParaphraseOutcome {
  question: string;
  itemId: string;
  sentence: string;
  /** "meets": the sentence should earn the point; "misses" (and every `wrong` sentence): it should not. */
  expect: "meets" | "misses";
  /** The list the sentence came from. */
  list: "meets" | "misses" | "wrong";
  /** A reversed or wrong statement: the first `misses` sentence of each point (the second only names the topic), and every `wrong` one. */
  wrong: boolean;
  met: boolean;
  /** The sentence makes a wrong claim the scorer charges: one of the rubric's misconceptions or a catalogue claim. */
  charged: boolean;
}

/** Scores each sentence on its own against its question and reports whether it earned its point. */
export function checkParaphrases(files: ParaphraseFile[], bank: Pick<ContentBank, "questions" | "vocabulary" | "claims">): ParaphraseOutcome[] {
  const outcomes: ParaphraseOutcome[] = [];
  for (const file of files) {
    const question = bank.questions.find((candidate) => candidate.slug === file.question);
    if (!question) throw new Error(`paraphrases: there is no question "${file.question}"`);
    for (const [itemId, sets] of Object.entries(file.items)) {
      if (!question.rubric.items.some((item) => item.id === itemId)) throw new Error(`paraphrases: ${file.question} has no rubric point "${itemId}"`);
      for (const [list, sentences] of [["meets", sets.meets], ["misses", sets.misses], ["wrong", sets.wrong ?? []]] as const) {
        const expect = list === "meets" ? "meets" : "misses";
        sentences.forEach((sentence, index) => {
          const result = scoreWithRules({ question, answer: sentence, vocabulary: bank.vocabulary, claims: bank.claims });
          outcomes.push({
            question: file.question,
            itemId,
            sentence,
            expect,
            list,
            wrong: list === "wrong" || (list === "misses" && index === 0),
            met: result.items.find((item) => item.id === itemId)!.met,
            charged: result.items.some((item) => item.kind === "misconception" && item.met),
          });
        });
      }
    }
  }
  return outcomes;
}

/**
 * Share of `meets` sentences that earn their point, and of `misses` sentences that wrongly do; and how many
 * reversed or wrong statements (the first miss of each point, and apart the later `wrong` lists) are charged as
 * a wrong claim, against how many correct statements (`meets`) are.
 */
export function summariseParaphrases(outcomes: ParaphraseOutcome[]) {
  const meets = outcomes.filter((outcome) => outcome.expect === "meets");
  const misses = outcomes.filter((outcome) => outcome.list === "misses");
  const wrong = misses.filter((outcome) => outcome.wrong);
  const moreWrong = outcomes.filter((outcome) => outcome.list === "wrong");
  return {
    meets: meets.length,
    meetsEarned: meets.filter((outcome) => outcome.met).length,
    misses: misses.length,
    missesEarned: misses.filter((outcome) => outcome.met).length,
    wrong: wrong.length,
    wrongCharged: wrong.filter((outcome) => outcome.charged).length,
    meetsCharged: meets.filter((outcome) => outcome.charged).length,
    moreWrong: moreWrong.length,
    moreWrongCharged: moreWrong.filter((outcome) => outcome.charged).length,
  };
}
