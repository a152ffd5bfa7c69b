// A fake OpenAI-compatible HTTP server for tests: real HTTP on 127.0.0.1, a random free port, no network.
//
//   const fake = await startFakeOpenAI({ behaviour: "good" });
//   scoreAnswer({ ..., llm: { apiKey: "test", baseURL: fake.url, model: "fake-model", timeoutMs: 500 } });
//   fake.requests  // every request received (path, headers, parsed body)
//   await fake.close();
//
// Routes are looked up by path so more endpoints can be added: pass `routes` to add or override handlers.
//
// Voice answers: POST /v1/audio/transcriptions (multipart, like the real API) returns {text}. Choose
// what it does with `transcription` (and `transcript` for the text), or switch it mid-test with
// `fake.setTranscription(...)`; multipart requests are recorded as { fields, files } (see MultipartBody).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ANSWER_CLOSE as CLOSE, ANSWER_OPEN as OPEN } from "@/lib/scoring/llm";

export type FakeBehaviour =
  /** Judges every item from the request: quotes are genuine sentences of the answer. */
  | "good"
  /** Never answers (the client's timeout fires). */
  | "hang"
  /** HTTP 500 with an OpenAI-style error body. */
  | "http-500"
  /** A 200 whose message content is not JSON. */
  | "malformed-json"
  /** A 200 with valid JSON that leaves items out. */
  | "incomplete"
  /** Marks every required/bonus item met with quotes that are not in the answer. */
  | "fabricated-quotes"
  /** HTTP 500 on the first request, then "good". */
  | "fail-once";

export type TranscriptionBehaviour =
  /** 200 {text: transcript}. */
  | "good"
  /** HTTP 500 with an OpenAI-style error body, every time. */
  | "http-500"
  /** Never answers (the client's timeout fires). */
  | "hang"
  /** HTTP 500 on the first transcription request, then "good". */
  | "fail-once"
  /** HTTP 400 "could not be decoded", as the real API says for a damaged file. */
  | "bad-audio";

export const DEFAULT_TRANSCRIPT = "Kafka keeps an ordered log per partition, and consumers track their own offsets.";

/** A multipart/form-data body as the fake server records it. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Array<{ field: string; filename: string; contentType: string; size: number; bytes: Buffer }>;
}

export interface ChatRequestContext {
  /** Rubric item ids, from the response_format schema. */
  itemIds: string[];
  /** Misconception item ids, read from the system prompt ("kind: misconception"). */
  misconceptionIds: string[];
  /** The candidate's answer, read from between the markers in the last user message. */
  answer: string;
  body: ChatBody;
}

export interface FakeJudgement {
  id: string;
  met: boolean;
  explained?: boolean;
  quote: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { json_schema?: { schema?: { properties?: { items?: { items?: { properties?: { id?: { enum?: string[] } } } } } } } };
}

export type RouteHandler = (req: IncomingMessage, body: unknown, res: ServerResponse, requestNumber: number) => void;

export interface FakeOpenAIOptions {
  behaviour?: FakeBehaviour;
  /** Custom judge for "good" (and "fail-once" after the failure). Default: see defaultJudge. */
  judge?: (ctx: ChatRequestContext) => FakeJudgement[];
  /** Catalogue claims the "good" judge reports, with their quotes. Default: none. */
  falseClaims?: (ctx: ChatRequestContext) => Array<{ id: string; quote: string }>;
  /** Extra routes by path, e.g. { "/v1/audio/transcriptions": handler }. */
  routes?: Record<string, RouteHandler>;
  /** What POST /v1/audio/transcriptions does. Default "good". */
  transcription?: TranscriptionBehaviour;
  /** The text a "good" transcription returns. Default DEFAULT_TRANSCRIPT. */
  transcript?: string;
}

export interface FakeOpenAI {
  /** Base URL to hand to the SDK, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** Changes what /v1/audio/transcriptions does from the next request on (and resets "fail-once"). */
  setTranscription(behaviour: TranscriptionBehaviour, transcript?: string): void;
  close(): Promise<void>;
}

export function requestContext(body: ChatBody): ChatRequestContext {
  const itemIds = body.response_format?.json_schema?.schema?.properties?.items?.items?.properties?.id?.enum ?? [];
  const system = body.messages?.find((message) => message.role === "system")?.content ?? "";
  const misconceptionIds = [...system.matchAll(/- id: ([a-z0-9-]+)\n\s+kind: misconception/g)].map((m) => m[1]!);
  const user = [...(body.messages ?? [])].reverse().find((message) => message.role === "user")?.content ?? "";
  const start = user.lastIndexOf(OPEN);
  const end = user.lastIndexOf(CLOSE);
  const answer = start >= 0 && end > start ? user.slice(start + OPEN.length, end).trim() : "";
  return { itemIds, misconceptionIds, answer, body };
}

/** Required/bonus items met, each quoting a real sentence of the answer in turn; misconceptions not met. */
export function defaultJudge(ctx: ChatRequestContext): FakeJudgement[] {
  const sentences = ctx.answer
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 2 && !sentence.includes("[removed"));
  return ctx.itemIds.map((id, index) => {
    if (ctx.misconceptionIds.includes(id) || sentences.length === 0) return { id, met: false, explained: false, quote: "" };
    return { id, met: true, explained: true, quote: sentences[index % sentences.length]! };
  });
}

function completion(content: string, model = "fake-model") {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function multipartBoundary(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? "").trim() || null : null;
}

/** Splits a multipart/form-data body into text fields and files (enough for the SDK's uploads). */
export function parseMultipart(raw: Buffer, boundary: string): MultipartBody {
  const result: MultipartBody = { fields: {}, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  let position = raw.indexOf(delimiter);
  while (position !== -1) {
    const afterDelimiter = position + delimiter.length;
    if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString("latin1") === "--") break;
    const start = afterDelimiter + 2; // CRLF
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start, next - 2); // the CRLF before the next delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "";
      if (filename !== undefined) result.files.push({ field: name, filename, contentType, size: content.length, bytes: Buffer.from(content) });
      else result.fields[name] = content.toString("utf8");
    }
    position = next;
  }
  return result;
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const behaviour = options.behaviour ?? "good";
  const judge = options.judge ?? defaultJudge;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let chatCount = 0;
  let transcription: TranscriptionBehaviour = options.transcription ?? "good";
  let transcript = options.transcript ?? DEFAULT_TRANSCRIPT;
  let transcriptionCount = 0;

  const transcribe: RouteHandler = (req, _body, res) => {
    transcriptionCount++;
    if (req.method !== "POST") return sendJson(res, 405, { error: { message: "use POST", type: "invalid_request_error", code: null } });
    switch (transcription) {
      case "good":
        return sendJson(res, 200, { text: transcript });
      case "hang":
        return; // never respond
      case "http-500":
        return sendJson(res, 500, { error: { message: "fake server error", type: "server_error", code: null } });
      case "fail-once":
        if (transcriptionCount === 1) return sendJson(res, 500, { error: { message: "first request fails", type: "server_error", code: null } });
        return sendJson(res, 200, { text: transcript });
      case "bad-audio":
        return sendJson(res, 400, { error: { message: "Audio file could not be decoded or its format is not supported.", type: "invalid_request_error", code: null } });
    }
  };

  const chat: RouteHandler = (_req, rawBody, res, requestNumber) => {
    const body = (rawBody ?? {}) as ChatBody;
    const ctx = requestContext(body);
    const good = () => sendJson(res, 200, completion(JSON.stringify({ items: judge(ctx), falseClaims: options.falseClaims?.(ctx) ?? [] }), body.model));
    switch (behaviour) {
      case "good":
        return good();
      case "hang":
        return; // never respond
      case "http-500":
        return sendJson(res, 500, { error: { message: "fake server error", type: "server_error", code: null } });
      case "malformed-json":
        return sendJson(res, 200, completion('{"items": [{"id": "oops", "met": tru', body.model));
      case "incomplete":
        return sendJson(res, 200, completion(JSON.stringify({ items: [] }), body.model));
      case "fabricated-quotes":
        return sendJson(
          res,
          200,
          completion(
            JSON.stringify({
              items: ctx.itemIds.map((id) => ({
                id,
                met: !ctx.misconceptionIds.includes(id),
                quote: ctx.misconceptionIds.includes(id) ? "" : `The candidate clearly explained ${id} in depth with excellent detail.`,
              })),
            }),
            body.model,
          ),
        );
      case "fail-once":
        if (requestNumber === 1) return sendJson(res, 500, { error: { message: "first request fails", type: "server_error", code: null } });
        return good();
    }
  };

  const routes: Record<string, RouteHandler> = {
    "/v1/chat/completions": (req, body, res) => chat(req, body, res, ++chatCount),
    "/chat/completions": (req, body, res) => chat(req, body, res, ++chatCount),
    "/v1/audio/transcriptions": transcribe,
    "/audio/transcriptions": transcribe,
    ...options.routes,
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const raw = Buffer.concat(chunks);
      const text = raw.toString("utf8");
      let body: unknown = text;
      const contentType = req.headers["content-type"] ?? "";
      if (contentType.includes("application/json")) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      } else if (contentType.includes("multipart/form-data")) {
        const boundary = multipartBoundary(contentType);
        if (boundary) body = parseMultipart(raw, boundary);
      }
      requests.push({ method: req.method ?? "GET", path, headers: req.headers, body });
      const handler = routes[path];
      if (!handler) return sendJson(res, 404, { error: { message: `no fake route for ${path}`, type: "not_found", code: null } });
      handler(req, body, res, requests.length);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setTranscription(behaviour, text) {
      transcription = behaviour;
      if (text !== undefined) transcript = text;
      transcriptionCount = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
