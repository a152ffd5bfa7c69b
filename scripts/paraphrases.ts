// `npm run -s paraphrases -- [--part tune|aside] [--show | --show-charges] [<slug>…]`: how often a rubric
// point's paraphrases earn it, and how often sentences that should not, do; and how many reversed or wrong
// statements are charged as a wrong claim (and correct ones, which never should be). --show lists the
// earning failures, --show-charges the charging ones, for the tune part only: the aside part measures
// changes and is only ever summarised.
import { loadContentBank } from "@/lib/content/load";
import { checkParaphrases, loadParaphrases, PARAPHRASE_PARTS, summariseParaphrases, type ParaphrasePart } from "@/lib/scoring/paraphrases";

const args = process.argv.slice(2);
const partIndex = args.indexOf("--part");
const part = (partIndex >= 0 ? args[partIndex + 1] : "tune") as ParaphrasePart;
if (!PARAPHRASE_PARTS.includes(part)) {
  console.error(`--part must be one of: ${PARAPHRASE_PARTS.join(", ")}`);
  process.exit(2);
}
const show = args.includes("--show");
const showCharges = args.includes("--show-charges");
if ((show || showCharges) && part !== "tune") {
  console.error("--show and --show-charges list sentences of the tune part only; the aside part is only summarised.");
  process.exit(2);
}
const slugs = args.filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--part");
const files = loadParaphrases(part).filter((file) => slugs.length === 0 || slugs.includes(file.question));
const outcomes = checkParaphrases(files, loadContentBank());
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");
const summary = summariseParaphrases(outcomes);
console.log(`${part}: ${files.length} questions · paraphrases that earn their point ${summary.meetsEarned}/${summary.meets} (${pct(summary.meetsEarned, summary.meets)}) · sentences that should not but do ${summary.missesEarned}/${summary.misses} (${pct(summary.missesEarned, summary.misses)})`);
console.log(`${part}: reversed or wrong statements charged as a wrong claim ${summary.wrongCharged}/${summary.wrong} (${pct(summary.wrongCharged, summary.wrong)}) · correct statements charged ${summary.meetsCharged}/${summary.meets} (${pct(summary.meetsCharged, summary.meets)})`);
if (summary.moreWrong > 0) console.log(`${part}: more wrong statements (round 7) charged ${summary.moreWrongCharged}/${summary.moreWrong} (${pct(summary.moreWrongCharged, summary.moreWrong)})`);
if (showCharges) {
  for (const outcome of outcomes) {
    if (outcome.wrong && !outcome.charged) console.log(`NOT CHARGED  ${outcome.question} · ${outcome.itemId}: ${outcome.sentence}`);
    if (outcome.expect === "meets" && outcome.charged) console.log(`CHARGED (correct)  ${outcome.question} · ${outcome.itemId}: ${outcome.sentence}`);
  }
}
if (show) {
  for (const outcome of outcomes) {
    if ((outcome.expect === "meets") === outcome.met) continue;
    console.log(`${outcome.expect === "meets" ? "NOT EARNED" : "WRONGLY EARNED"}  ${outcome.question} · ${outcome.itemId}: ${outcome.sentence}`);
  }
}
