// The model-written follow-up (OPENAI_API_KEY set), against a fake OpenAI-compatible server on
// loopback: what it is sent (the question and the weak point, never the candidate's answer), what it
// accepts back, and that every failure ends in a reason the service turns into the list's follow-up.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { chooseFollowUp } from "@/lib/practice/follow-up";
import { checkFollowUpText, FOLLOW_UP_PROMPT_VERSION, llmFollowUpWriter, writeFollowUpWithLlm } from "@/lib/practice/follow-up-llm";
import type { LlmConfig } from "@/lib/scoring";
import { startFakeOpenAI, type FakeOpenAI, type RouteHandler } from "../../support/fake-openai";

const bank = loadContentBank();
const question = bank.questions.find((candidate) => candidate.slug === "kafka-what-and-why")!;
const weakest = chooseFollowUp({
  followUps: question.followUps,
  rubric: question.rubric,
  standings: question.rubric.items.map((item) => ({ id: item.id, met: item.id !== "retention-not-deletion" })),
})!.weakest!;
const WRITTEN = "A consumer group reads a topic once and shuts down: a week later, is the data still there, and what decides that?";

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function reply(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
const completion = (content: string | null, refusal: string | null = null) => ({
  id: "chatcmpl-fake",
  object: "chat.completion",
  created: 0,
  model: "fake-model",
  choices: [{ index: 0, message: { role: "assistant", content, refusal }, finish_reason: "stop", logprobs: null }],
});

/** A fake whose chat endpoint answers with `handler`. */
async function fakeWith(handler: RouteHandler): Promise<LlmConfig> {
  fake = await startFakeOpenAI({ routes: { "/v1/chat/completions": handler } });
  return { apiKey: "test-key", baseURL: fake.url, model: "fake-model", timeoutMs: 500 };
}
const answering = (content: string | null, refusal: string | null = null): RouteHandler => (_req, _body, res) => reply(res, 200, completion(content, refusal));

describe("writeFollowUpWithLlm", () => {
  it("asks the model for one follow-up on the weak point and returns it", async () => {
    const config = await fakeWith(answering(JSON.stringify({ followUp: WRITTEN })));
    expect(await writeFollowUpWithLlm({ question, weakest, config })).toEqual({ ok: true, prompt: WRITTEN, model: "fake-model" });
    expect(fake!.requests).toHaveLength(1);
    const body = fake!.requests[0]!.body as { model: string; messages: { role: string; content: string }[]; response_format: { type: string; json_schema: { strict: boolean; name: string } } };
    expect(body.model).toBe("fake-model");
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { strict: true, name: "interview_follow_up" } });
    const system = body.messages.find((message) => message.role === "system")!.content;
    expect(system).toContain(question.prompt);
    expect(system).toContain(`Checklist point: ${weakest.label}`);
    expect(system).toContain("left out entirely");
    for (const example of question.followUps) expect(system).toContain(example);
    expect(system).toContain("do not reveal it");
    expect(FOLLOW_UP_PROMPT_VERSION).toMatch(/^follow-up-v\d+$/);
  });

  it("never sends the candidate's answer: the call takes none, and the only user message is the fixed request", async () => {
    const config = await fakeWith(answering(JSON.stringify({ followUp: WRITTEN })));
    await writeFollowUpWithLlm({ question, weakest, config });
    const body = fake!.requests[0]!.body as { messages: { role: string; content: string }[] };
    expect(body.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(body.messages[1]!.content).toBe("Write the follow-up question.");
    expect(JSON.stringify(body)).not.toContain("CANDIDATE_ANSWER");
  });

  it.each([
    ["an HTTP error", ((_req, _body, res) => reply(res, 500, { error: { message: "boom", type: "server_error", code: null } })) as RouteHandler, /HTTP 500/],
    ["a timeout", (() => undefined) as RouteHandler, /timed out after 500 ms/],
    ["malformed JSON", answering('{"followUp": "Why'), /malformed JSON/],
    ["the wrong shape", answering(JSON.stringify({ question: WRITTEN })), /did not match the schema/],
    ["a refusal", answering(null, "I can't help with that."), /refused/],
    ["an empty message", answering(""), /empty response/],
    ["a statement, not a question", answering(JSON.stringify({ followUp: "Retention removes records after seven days." })), /not a question/],
    ["several lines", answering(JSON.stringify({ followUp: "Two things.\nWhat removes them and when?" })), /more than one line/],
    ["a run of questions", answering(JSON.stringify({ followUp: "What? Why? When? How long is retention?" })), /several questions/],
  ])("reports %s instead of throwing", async (_name, handler, reason) => {
    const config = await fakeWith(handler);
    const outcome = await writeFollowUpWithLlm({ question, weakest, config });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
  });

  it("reports an unreachable server", async () => {
    const outcome = await writeFollowUpWithLlm({ question, weakest, config: { apiKey: "k", baseURL: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 500 } });
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/connect|timed out/) });
  });
});

describe("checkFollowUpText", () => {
  it("tidies spacing and surrounding quotes, and holds the length between bounds", () => {
    expect(checkFollowUpText(`  “${WRITTEN}”  `)).toEqual({ ok: true, prompt: WRITTEN });
    expect(checkFollowUpText("Why?")).toEqual({ ok: false, reason: "the follow-up was too short" });
    expect(checkFollowUpText(`${"Why would that be so ".repeat(15)}?`)).toMatchObject({ ok: false, reason: expect.stringContaining("longer than") });
    expect(checkFollowUpText("What does <b>retention</b> do here?")).toMatchObject({ ok: false, reason: "the follow-up held markup" });
  });
});

describe("llmFollowUpWriter", () => {
  it("claims one call from the user's budget, then writes", async () => {
    const config = await fakeWith(answering(JSON.stringify({ followUp: WRITTEN })));
    const claims: string[] = [];
    const write = llmFollowUpWriter({ config, claim: async (userId) => (claims.push(userId), true) });
    expect(await write({ userId: "user-1", question, weakest })).toEqual({ prompt: WRITTEN, model: "fake-model" });
    expect(claims).toEqual(["user-1"]);
  });

  it("writes nothing, and asks nothing, when the budget is spent", async () => {
    const config = await fakeWith(answering(JSON.stringify({ followUp: WRITTEN })));
    const write = llmFollowUpWriter({ config, claim: async () => false });
    expect(await write({ userId: "user-1", question, weakest })).toBeNull();
    expect(fake!.requests).toHaveLength(0);
  });

  it("turns any failure into null (the list's follow-up), and says why in the log", async () => {
    const config = await fakeWith((_req, _body, res) => reply(res, 503, { error: { message: "overloaded", type: "server_error", code: null } }));
    const logged: string[] = [];
    const write = llmFollowUpWriter({ config, claim: async () => true, log: (line) => logged.push(line) });
    expect(await write({ userId: "user-1", question, weakest })).toBeNull();
    expect(logged).toEqual([expect.stringContaining("HTTP 503")]);
    const failingClaim = llmFollowUpWriter({ config, claim: async () => Promise.reject(new Error("database down")) });
    expect(await failingClaim({ userId: "user-1", question, weakest })).toBeNull();
  });
});
