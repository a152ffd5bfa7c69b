// Rules-scorer benchmark: median and p95 milliseconds per answer for 100-, 300- and 1,000-word answers.
// Answers are built from the seed questions' model answers plus neutral filler; each is scored many
// times after a warm-up. No assertions: the goal is ≤ 2 ms median for 300 words on one core. Then the
// rubric editor's work per keystroke.
//   npm run bench:scoring [-- --runs 300]
import { performance } from "node:perf_hooks";
import { loadContentBank } from "@/lib/content/load";
import { scoreWithRules } from "@/lib/scoring";
import { SEED_QUESTIONS } from "@/lib/scoring/calibration";
import { validateRubricDraft } from "@/lib/rubrics/validate";
import { fromRubric, previewRubric, toRubricInput } from "@/components/rubric-editor/draft-state";

const FILLER = (
  "In practice I would also talk to the team about how the system behaves under load and what we monitor " +
  "because the details matter when something goes wrong at night and someone has to understand the data flow quickly"
).split(" ");

function answerOf(words: number, base: string, seed: number): string {
  const source = base.replace(/[*#`]/g, "").split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let i = seed;
  while (out.length < words) {
    // Alternate chunks of the model answer and filler so answers are realistic but not identical.
    const chunk = source.slice(i % source.length, (i % source.length) + 40);
    out.push(...chunk, ...FILLER.slice(0, 12 + (i % 10)));
    i += 37;
  }
  return out.slice(0, words).join(" ") + ".";
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;
const bank = loadContentBank();
const questions = bank.questions.filter((question) => (SEED_QUESTIONS as readonly string[]).includes(question.slug));
if (questions.length === 0) throw new Error("no seed questions found in content/questions");

console.log(`rules scorer, ${questions.length} seed question(s), ${runs} runs per size (node ${process.version})`);
for (const words of [100, 300, 1000]) {
  const cases = questions.flatMap((question, q) => [0, 1, 2].map((seed) => ({ question, answer: answerOf(words, question.modelAnswer, seed * 11 + q) })));
  for (const c of cases) for (let w = 0; w < 20; w++) scoreWithRules({ question: c.question, answer: c.answer, vocabulary: bank.vocabulary, claims: bank.claims });
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = cases[r % cases.length]!;
    const start = performance.now();
    scoreWithRules({ question: c.question, answer: c.answer, vocabulary: bank.vocabulary, claims: bank.claims });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${String(words).padStart(5)} words: median ${percentile(times, 0.5).toFixed(3)} ms   p95 ${percentile(times, 0.95).toFixed(3)} ms`);
}

// The rubric editor's work per keystroke: the form draft becomes a rubric input, is validated, turned
// into the preview rubric, and a 300-word answer is scored under it (the live preview). The goal is
// well under 100 ms.
const editorCases = questions.map((question, q) => ({ question, draft: fromRubric(question.rubric), answer: answerOf(300, question.modelAnswer, q) }));
const keystroke = (c: (typeof editorCases)[number], r: number) => {
  // A new label each time, as typing would, so nothing is cached between runs.
  const draft = { ...c.draft, items: c.draft.items.map((item, i) => (i === 0 ? { ...item, label: `${item.label} ${r}` } : item)) };
  validateRubricDraft(toRubricInput(draft), bank.vocabulary);
  const preview = previewRubric(draft, bank.vocabulary);
  scoreWithRules({ question: { ...c.question, rubric: preview.rubric }, answer: c.answer, vocabulary: bank.vocabulary, claims: bank.claims });
};
for (let w = 0; w < 20; w++) for (const c of editorCases) keystroke(c, w);
const editorTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  keystroke(editorCases[r % editorCases.length]!, r);
  editorTimes.push(performance.now() - start);
}
editorTimes.sort((a, b) => a - b);
console.log(`rubric editor keystroke (validate + preview rubric + score 300 words): median ${percentile(editorTimes, 0.5).toFixed(3)} ms   p95 ${percentile(editorTimes, 0.95).toFixed(3)} ms`);
