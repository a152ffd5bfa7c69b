// With an OpenAI key, the interviewer's follow-up is written by the model for the answer's weakest
// rubric point instead of being picked from the question's list (lib/practice/follow-up.ts still finds
// the point). The model sees the question, the point, the state it was left in (missed, waved away or
// only named) and the question's own follow-ups as examples of tone and length. It never sees the
// candidate's answer: the follow-up only needs the point, and the answer stays out of a prompt it could
// try to steer. Structured output (JSON schema, strict), validated with zod; one request with a short
// timeout, since the candidate is waiting. Any failure is reported, never thrown: the caller then asks
// the follow-up chosen from the list.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import type { RubricItem } from "@/lib/content/schema";
import type { LlmConfig, ScorableQuestion } from "@/lib/scoring/types";
import type { WeakPoint } from "./follow-up";

/** Bump whenever the instructions, the message layout or the response schema change. */
export const FOLLOW_UP_PROMPT_VERSION = "follow-up-v1";
/** The candidate waits for this on submit, so it is well under the judge's timeout. */
export const FOLLOW_UP_TIMEOUT_MS = 8_000;
export const FOLLOW_UP_MIN_CHARS = 15;
export const FOLLOW_UP_MAX_CHARS = 240;

const responseSchema = z.object({ followUp: z.string() });

/** The response_format sent with the request (OpenAI strict mode: every field required, nothing extra). */
export const followUpResponseFormat: ChatCompletionCreateParamsNonStreaming["response_format"] = {
  type: "json_schema",
  json_schema: {
    name: "interview_follow_up",
    strict: true,
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["followUp"],
      properties: { followUp: { type: "string", description: "One follow-up question, one sentence, ending with a question mark." } },
    },
  },
};

const INSTRUCTIONS = `You are a senior engineer running a technical mock interview on Apache Kafka and stream processing. The candidate has just answered the question below. Their answer was weakest on one point of the marking checklist. Write the ONE follow-up question you would ask next to press on that point.

Rules:
- One sentence, at most 30 words, ending with a question mark. No preamble, no numbering, no quotes around it.
- Ask about the weak point, concretely (a scenario, a failure, a number or a trade-off is best), the way the example follow-ups do.
- Do not give the answer away: never state the fact or name the setting the point is about; make the candidate say it.
- Stay within the question's topic. Do not mention the checklist, the score or the candidate's answer.
Return only the JSON object described by the schema.`;

const STATE_WORDS: Record<WeakPoint["state"], string> = {
  missed: "left out entirely",
  rejected: "named only to wave it away",
  named: "mentioned without saying how or why it works",
  met: "covered, but it is the point worth probing deeper",
};

export function buildFollowUpMessages(question: ScorableQuestion & { followUps: readonly string[] }, weakest: WeakPoint): ChatCompletionMessageParam[] {
  const item = question.rubric.items.find((candidate) => candidate.id === weakest.id) as RubricItem | undefined;
  const parts = [
    INSTRUCTIONS,
    "",
    "## The question",
    question.prompt ?? "(no prompt text)",
    "",
    "## The weak point",
    `Checklist point: ${weakest.label}`,
    `How the answer left it: ${STATE_WORDS[weakest.state]}`,
  ];
  if (item?.hint) parts.push(`What a strong answer says about it (for your understanding only; do not reveal it): ${item.hint}`);
  if (question.followUps.length) parts.push("", "## Example follow-ups for this question (tone and length; do not copy them)", ...question.followUps.map((followUp) => `- ${followUp}`));
  return [
    { role: "system", content: parts.join("\n") },
    { role: "user", content: "Write the follow-up question." },
  ];
}

/** The model's text as a usable follow-up, or why it is not one. */
export function checkFollowUpText(text: string): { ok: true; prompt: string } | { ok: false; reason: string } {
  const prompt = text.replace(/\s+/g, " ").trim().replace(/^["“'](.*)["”']$/, "$1").trim();
  if (/[\r\n]/.test(text.trim())) return { ok: false, reason: "the follow-up ran over more than one line" };
  if (prompt.length < FOLLOW_UP_MIN_CHARS) return { ok: false, reason: "the follow-up was too short" };
  if (prompt.length > FOLLOW_UP_MAX_CHARS) return { ok: false, reason: `the follow-up was longer than ${FOLLOW_UP_MAX_CHARS} characters` };
  if (!prompt.endsWith("?")) return { ok: false, reason: "the follow-up was not a question" };
  if ((prompt.match(/\?/g) ?? []).length > 2) return { ok: false, reason: "the follow-up asked several questions" };
  if (/[<>{}]/.test(prompt)) return { ok: false, reason: "the follow-up held markup" };
  return { ok: true, prompt };
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof APIConnectionTimeoutError) return `timed out after ${timeoutMs} ms`;
  if (error instanceof APIConnectionError) return "could not connect";
  if (error instanceof APIError) return `HTTP ${error.status ?? "error"}`;
  if (error instanceof Error) return error.message;
  return "unknown error";
}

export type FollowUpLlmOutcome = { ok: true; prompt: string; model: string } | { ok: false; reason: string };

/** One follow-up written for `weakest`, or the reason there is none. Never throws. */
export async function writeFollowUpWithLlm({
  question,
  weakest,
  config,
}: {
  question: ScorableQuestion & { followUps: readonly string[] };
  weakest: WeakPoint;
  config: LlmConfig;
}): Promise<FollowUpLlmOutcome> {
  const timeoutMs = config.timeoutMs ?? FOLLOW_UP_TIMEOUT_MS;
  try {
    const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: timeoutMs, maxRetries: 0 });
    const completion = await client.chat.completions.create(
      { model: config.model, temperature: 0.4, messages: buildFollowUpMessages(question, weakest), response_format: followUpResponseFormat },
      { timeout: timeoutMs, maxRetries: 0 },
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) return { ok: false, reason: "the model refused" };
    if (!message?.content) return { ok: false, reason: "empty response" };
    let json: unknown;
    try {
      json = JSON.parse(message.content);
    } catch {
      return { ok: false, reason: "malformed JSON" };
    }
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: "response did not match the schema" };
    const checked = checkFollowUpText(parsed.data.followUp);
    return checked.ok ? { ok: true, prompt: checked.prompt, model: config.model } : checked;
  } catch (error) {
    return { ok: false, reason: describeError(error, timeoutMs) };
  }
}

/** What a follow-up writer needs: the question, the weak point, and who asks (for the LLM budget). */
export interface FollowUpWriterInput {
  userId: string;
  question: ScorableQuestion & { followUps: readonly string[] };
  weakest: WeakPoint;
}

/**
 * A writer for the interview service: claims one call from the user's hourly LLM budget (`claim`),
 * then asks the model. Null from it (budget spent, or any failure, logged) keeps the list's follow-up.
 */
export function llmFollowUpWriter({ config, claim, log = console.warn }: { config: LlmConfig; claim: (userId: string) => Promise<boolean>; log?: (message: string) => void }) {
  return async ({ userId, question, weakest }: FollowUpWriterInput): Promise<{ prompt: string; model: string } | null> => {
    if (!(await claim(userId).catch(() => false))) return null;
    const outcome = await writeFollowUpWithLlm({ question, weakest, config: { ...config, timeoutMs: config.timeoutMs ?? FOLLOW_UP_TIMEOUT_MS } });
    if (!outcome.ok) {
      log(`[interview] the model could not write a follow-up (${outcome.reason}); asking one from the question's list`);
      return null;
    }
    return { prompt: outcome.prompt, model: outcome.model };
  };
}
