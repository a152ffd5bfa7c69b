// Scores answers from the command line. A stable interface: keep the flag names and output fields.
//
//   npm run -s score -- --question <slug> < answer.txt       one JSON object on stdout
//   npm run -s score -- --batch answers.jsonl                one JSON line per input line {"id","question","text"}
//   npm run -s score -- --calibrate [<slug>] [--part tune|held-out] [--rows]
//                                                            agreement with the graded calibration answers: Spearman,
//                                                            MAE, bias, per band and per archetype; --rows lists every
//                                                            tune answer (held-out answers are only ever summarised)
//   npm run -s score -- --claims < text.txt                  the shared catalogue's false claims the text makes (JSON)
//   --rules   force the rules scorer even when OPENAI_API_KEY is set
//
// Output: {question, score, scorer, rubricVersion, items: [{id, label, kind, met, evidence}],
//          feedback: {nailed, tightenUp, misconceptions}} (+ "id" in batch mode, "message" when there is
//          something to say: an empty answer, text addressed to the grader, a non-answer, a scorer fallback).
// Exit codes: 0 ok; 2 unknown slug or bad usage (message on stderr); 1 any other error (e.g. answer too long).
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { loadContentBank, type Question } from "@/lib/content/load";
import { CALIBRATION_PARTS, calibrateQuestion, calibrationSlugs, evaluateRows, formatReport, loadCalibrationSet, type CalibrationPart, type CalibrationRow } from "@/lib/scoring/calibration";
import { falseClaimsIn } from "@/lib/scoring/false-claims";
import { AnswerTooLongError, llmConfigFromEnv, scoreAnswer, type LlmConfig, type ScoreResult } from "@/lib/scoring";

const USAGE = `usage: npm run -s score -- --question <slug> < answer.txt
       npm run -s score -- --batch <file.jsonl>
       npm run -s score -- --calibrate [<slug>] [--part tune|held-out] [--rows]
       npm run -s score -- --claims < text.txt
options: --rules  use the rules scorer even when OPENAI_API_KEY is set`;

class UsageError extends Error {}

interface Args {
  mode: "question" | "batch" | "calibrate" | "claims";
  value?: string;
  rulesOnly: boolean;
  parts: CalibrationPart[];
  rows: boolean;
}

function parseArgs(argv: string[]): Args {
  let mode: Args["mode"] | undefined;
  let value: string | undefined;
  let rulesOnly = false;
  let parts: CalibrationPart[] = [...CALIBRATION_PARTS];
  let rows = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--rules") rulesOnly = true;
    else if (arg === "--rows") rows = true;
    else if (arg === "--claims") {
      if (mode) throw new UsageError(`choose one of --question, --batch, --calibrate, --claims\n${USAGE}`);
      mode = "claims";
    }
    else if (arg === "--part") {
      const part = argv[++i];
      if (!CALIBRATION_PARTS.includes(part as CalibrationPart)) throw new UsageError(`--part must be one of ${CALIBRATION_PARTS.join(", ")}\n${USAGE}`);
      parts = [part as CalibrationPart];
    }
    else if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    else if (arg === "--question" || arg === "--batch" || arg === "--calibrate") {
      if (mode) throw new UsageError(`choose one of --question, --batch, --calibrate\n${USAGE}`);
      mode = arg.slice(2) as Args["mode"];
      const next = argv[i + 1];
      if (next && !next.startsWith("--")) {
        value = next;
        i++;
      } else if (mode !== "calibrate") throw new UsageError(`${arg} needs a value\n${USAGE}`);
    } else throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (!mode) throw new UsageError(USAGE);
  return { mode, value, rulesOnly, parts, rows };
}

/** The stable subset printed by the CLI. */
function present(result: ScoreResult) {
  const message = result.feedback.flags.map((flag) => flag.message).join(" ");
  return {
    question: result.question,
    score: result.score,
    scorer: result.scorer,
    rubricVersion: result.rubricVersion,
    items: result.items.map((item) => ({ id: item.id, label: item.label, kind: item.kind, met: item.met, evidence: item.evidence })),
    feedback: {
      nailed: result.feedback.nailed,
      tightenUp: result.feedback.tightenUp,
      misconceptions: result.feedback.misconceptions,
    },
    ...(message ? { message } : {}),
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const batchLineSchema = z.object({ id: z.union([z.string(), z.number()]), question: z.string(), text: z.string() });

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const bank = loadContentBank();
  const questions = new Map(bank.questions.map((question) => [question.slug, question]));
  const unknownSlug = (slug: string) => {
    const problems = bank.problems.filter((problem) => problem.path.endsWith(`/${slug}.md`));
    return `unknown question "${slug}"${problems.length ? ` (its file has problems: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")})` : ""}`;
  };
  const llmFor = (slug: string): LlmConfig | undefined => (args.rulesOnly ? undefined : llmConfigFromEnv(slug));
  const score = (question: Question, text: string) =>
    scoreAnswer({ question, answer: text, vocabulary: bank.vocabulary, claims: bank.claims, llm: llmFor(question.slug) });

  if (args.mode === "question") {
    const question = questions.get(args.value!);
    if (!question) throw new UsageError(unknownSlug(args.value!));
    const text = await readStdin();
    const result = await score(question, text);
    process.stdout.write(`${JSON.stringify(present(result))}\n`);
    return 0;
  }

  if (args.mode === "claims") {
    const hits = falseClaimsIn(await readStdin(), bank.vocabulary, bank.claims);
    const byId = new Map(bank.claims.map((claim) => [claim.id, claim]));
    process.stdout.write(`${JSON.stringify(hits.map((hit) => ({ ...hit, claim: byId.get(hit.id)!.claim, source: `${byId.get(hit.id)!.sourcePath}:${byId.get(hit.id)!.line}` })), null, 2)}\n`);
    return 0;
  }

  if (args.mode === "batch") {
    if (!existsSync(args.value!)) throw new UsageError(`batch file not found: ${args.value}`);
    const lines = createInterface({ input: createReadStream(args.value!, "utf8"), crlfDelay: Infinity });
    let lineNumber = 0;
    let errors = 0;
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      let out: Record<string, unknown>;
      try {
        const parsed = batchLineSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`expected {"id", "question", "text"}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"} ${issue.message}`).join("; ")}`);
        const { id, question: slug, text } = parsed.data;
        const question = questions.get(slug);
        if (!question) out = { id, line: lineNumber, error: unknownSlug(slug) };
        else out = { id, ...present(await score(question, text)) };
      } catch (error) {
        const message = error instanceof SyntaxError ? `invalid JSON: ${error.message}` : error instanceof Error ? error.message : String(error);
        out = { line: lineNumber, error: `line ${lineNumber}: ${message}` };
      }
      if ("error" in out) errors++;
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    if (errors) process.stderr.write(`${errors} line(s) could not be scored\n`);
    return 0;
  }

  // --calibrate [slug]: the rules scorer against the graded calibration answers, per part.
  if (args.value && !questions.has(args.value)) throw new UsageError(unknownSlug(args.value));
  for (const part of args.parts) {
    const slugs = args.value ? [args.value] : calibrationSlugs(part);
    const rows: CalibrationRow[] = [];
    for (const slug of slugs) {
      const question = questions.get(slug);
      if (!question) throw new UsageError(`${part}/${slug}.json: ${unknownSlug(slug)}`);
      rows.push(...calibrateQuestion(question, loadCalibrationSet(slug, part), bank.vocabulary, bank.claims));
    }
    const blind = rows.filter((row) => row.written === "blind");
    const title = `${part}${args.value ? ` · ${args.value}` : ""}`;
    process.stdout.write(`${formatReport(`${title} (written blind)`, evaluateRows(blind), args.rows && part === "tune" ? blind : undefined)}\n`);
    if (blind.length !== rows.length) process.stdout.write(`${formatReport(`${title} (all, with the rubric-aware first sets)`, evaluateRows(rows))}\n`);
    process.stdout.write("\n");
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof AnswerTooLongError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
