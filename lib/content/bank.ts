// The question bank as the running app sees it: loaded once per process and reused. In development
// a change to any file under content/ is picked up on the next request. Broken files are skipped
// with a logged `path:line: message`, so one bad file never takes the bank down.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { defaultContentDir, formatProblem, loadContentBank, type ContentBank, type Question } from "./load";

// Parked on globalThis like the Prisma client: Next bundles this module into several layers (API routes,
// pages, instrumentation), and each would otherwise load its own bank, and compile its own scorer tries for it.
const globalForBank = globalThis as unknown as { offsetContentBank?: { bank: ContentBank; signature: string } };

function contentSignature(dir = defaultContentDir): string {
  const parts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else parts.push(`${child}:${statSync(child).mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join("|");
}

export function getContentBank(): ContentBank {
  const cached = globalForBank.offsetContentBank;
  const signature = process.env.NODE_ENV === "production" && cached ? cached.signature : contentSignature();
  if (cached && cached.signature === signature) return cached.bank;
  const bank = loadContentBank();
  for (const problem of bank.problems) console.error(`[content] skipped: ${formatProblem(problem)}`);
  globalForBank.offsetContentBank = { bank, signature };
  return bank;
}

export function getQuestion(slug: string): Question | undefined {
  return getContentBank().questions.find((question) => question.slug === slug);
}
