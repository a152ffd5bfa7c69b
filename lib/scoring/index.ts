// Public API of the scoring engine. See README.md for how scoring works.
//
//   scoreWithRules({ question, answer, vocabulary })            → ScoreResult   (sync, offline)
//   scoreAnswer({ question, answer, vocabulary, llm? })          → Promise<ScoreResult>
//   llmConfigFromEnv()                                            → LlmConfig | undefined
import { env } from "@/lib/env";
import { calibrationExamples } from "./calibration";
import { combineJudgements } from "./combine";
import { judgeWithLlm, PROMPT_VERSION } from "./llm";
import { analyseAnswer, analysisFlags, assertAnswerLength, buildResult, itemResultsFromRules, resolveRubricVersion, scoreWithRules } from "./rules";
import type { Flag, LlmConfig, ScoreInput, ScoreResult } from "./types";

export type * from "./types";
export { scoreWithRules, MAX_ANSWER_CHARS, AnswerTooLongError, assertAnswerLength } from "./rules";
export { PROMPT_VERSION, DEFAULT_LLM_TIMEOUT_MS } from "./llm";
export { RULES_VERSION, rubricContentVersion } from "./version";
export { MISCONCEPTION_PENALTY, CAPS } from "./score";
export { calibrationExamples, loadCalibrationSet, SEED_QUESTIONS } from "./calibration";

/**
 * Scores with the LLM judge when `llm` is given, else with the rules. Never rejects because of the LLM:
 * any LLM failure returns the rules result with `fallbackReason`. Throws AnswerTooLongError.
 */
export async function scoreAnswer(input: ScoreInput & { llm?: LlmConfig }): Promise<ScoreResult> {
  assertAnswerLength(input.answer);
  if (!input.llm || !input.answer.trim()) return scoreWithRules(input);
  const rubricVersion = resolveRubricVersion(input);
  const analysis = analyseAnswer(input.question, input.answer, input.vocabulary, input.claims);
  const ruleItems = itemResultsFromRules(analysis);
  const flags = analysisFlags(analysis);
  const rulesResult = (extra: Partial<Pick<ScoreResult, "fallbackReason">> = {}, extraFlags: Flag[] = []) =>
    buildResult({ question: input.question, rubricVersion, scorer: "rules", items: ruleItems, flags: [...flags, ...extraFlags], onTopic: analysis.signals.onTopic, ...extra });
  // Nothing to judge: the rules cap (≤ 1) would stand whatever the LLM said.
  if (analysis.signals.nonAnswer) return rulesResult();

  const excluded = analysis.injection.spans;
  const sanitised = removeSpans(input.answer, excluded);
  const outcome = await judgeWithLlm({ question: input.question, answer: sanitised, config: input.llm, claims: input.claims });
  if (!outcome.ok) {
    const fallbackReason = `LLM scorer unavailable: ${outcome.reason}`;
    return rulesResult({ fallbackReason }, [
      { code: "llm-fallback", message: `The AI scorer could not be reached (${outcome.reason}), so this result comes from the rules scorer.` },
    ]);
  }
  const combined = combineJudgements(ruleItems, outcome.judgements, input.answer, excluded, outcome.falseClaims, input.claims);
  // The LLM decides items and their depth itself, so the rules' depth heuristics ("crammed", "thin") do not apply to its result.
  const llmFlags: Flag[] = flags.filter((flag) => flag.code !== "crammed" && flag.code !== "thin");
  if (combined.discarded.length) {
    const labels = combined.discarded.map((entry) => `"${entry.label}"`);
    llmFlags.push({
      code: "llm-quote-discarded",
      message: `The AI scorer quoted words that are not in your answer for ${labels.join(", ")}; those points were not counted.`,
    });
  }
  return buildResult({
    question: input.question,
    rubricVersion,
    scorer: "llm",
    items: combined.items,
    flags: llmFlags,
    onTopic: analysis.signals.onTopic,
    promptVersion: PROMPT_VERSION,
    model: input.llm.model,
  });
}

/** The text with the removed stretches replaced by a marker, so the LLM never sees them. */
function removeSpans(text: string, spans: { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, span.start) + "[removed: text addressed to the grader]";
    at = Math.max(at, span.end);
  }
  return out + text.slice(at);
}

/**
 * The edge factory: an LlmConfig from the environment (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL),
 * with the question's calibration answers as few-shot examples, or undefined when no key is set.
 */
export function llmConfigFromEnv(slug?: string, overrides: Partial<LlmConfig> = {}): LlmConfig | undefined {
  const config = env();
  if (!config.OPENAI_API_KEY) return undefined;
  return {
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    ...(slug ? { examples: calibrationExamples(slug) } : {}),
    ...overrides,
  };
}
