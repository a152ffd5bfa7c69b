// `npm run build`: refuse to build on broken content, then `next build`, then record the build's
// fingerprint so `npm start` knows it is current.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { formatProblem, loadContentBank, projectRoot } from "@/lib/content/load";
import { recordBuild } from "./lib/build-fingerprint";

export function runBuild(): boolean {
  const bank = loadContentBank();
  if (bank.problems.length > 0) {
    for (const problem of bank.problems) console.error(formatProblem(problem));
    console.error(`\nBuild stopped: ${bank.problems.length} content problem(s). Fix them (npm run content:check) and build again.`);
    return false;
  }
  const nextBin = join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) return false;
  recordBuild(projectRoot);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(runBuild() ? 0 : 1);
}
