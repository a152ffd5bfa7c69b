// `npm run content:check`: validates the whole question bank and prints one `path:line: message`
// per problem. Exit code 1 when anything is wrong, so the build and CI stop on broken content.
import { resolve } from "node:path";
import { formatProblem, loadContentBank } from "@/lib/content/load";

const dirArg = process.argv.indexOf("--dir");
const contentDir = dirArg > -1 && process.argv[dirArg + 1] ? resolve(process.argv[dirArg + 1]!) : undefined;
const bank = loadContentBank(contentDir);

for (const problem of bank.problems) console.error(formatProblem(problem));
const summary = `${bank.questions.length} questions in ${bank.tracks.length} tracks`;
if (bank.problems.length > 0) {
  console.error(`\ncontent check failed: ${bank.problems.length} problem(s); ${summary} valid`);
  process.exit(1);
}
console.log(`content ok: ${summary}`);
