// Speech to text for recorded answers: one call to an OpenAI-compatible transcription endpoint
// (`audio.transcriptions.create`) with a timeout and exactly one retry when the failure may be
// passing (timeout, connection, 429, 5xx). Never throws: the caller gets the text or a reason it
// can log, and decides what the user sees. Knows nothing about HTTP requests or the database.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, toFile } from "openai";
import { plural } from "@/lib/format/text";
import { FORMAT_EXTENSION, type AudioFormat } from "./audio";

export const DEFAULT_TRANSCRIBE_MODEL = "whisper-1";
export const DEFAULT_TRANSCRIBE_TIMEOUT_MS = 60_000;
/** Attempts in total: the first request and at most one retry. */
export const TRANSCRIBE_ATTEMPTS = 2;

/**
 * Spellings the model should prefer: interview answers are full of jargon that general speech
 * models mishear ("cough-ka", "in sync replicas"). Kept well under the prompt's 224-token budget.
 */
export const VOCABULARY_PROMPT =
  "A spoken answer in a technical interview about Apache Kafka and stream processing: Kafka, KRaft, ZooKeeper, broker, topic, partition, " +
  "offset, consumer group, rebalance, ISR, min.insync.replicas, acks=all, idempotent producer, exactly-once, transactions, " +
  "Kafka Streams, Flink, Spark, watermark, event time, windowing, backpressure, checkpoint, RocksDB, compaction, retention, lag.";

export interface TranscribeConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
}

export type TranscribeFailure =
  /** Every attempt timed out or could not connect: the service is away. */
  | "unavailable"
  /** The service answered with an error (5xx, 429, auth) or something that is not a transcript. */
  | "upstream_error"
  /** The service read the request and refused the audio itself (4xx): retrying will not help. */
  | "rejected_audio";

export type TranscribeOutcome =
  | { ok: true; text: string; attempts: number }
  | { ok: false; failure: TranscribeFailure; reason: string; attempts: number };

class TranscriptResponseError extends Error {}

function classify(error: unknown, timeoutMs: number): { failure: TranscribeFailure; reason: string; retry: boolean } {
  if (error instanceof APIConnectionTimeoutError) return { failure: "unavailable", reason: `timed out after ${timeoutMs} ms`, retry: true };
  if (error instanceof APIConnectionError) return { failure: "unavailable", reason: "could not connect", retry: true };
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined || status >= 500 || status === 429 || status === 408) return { failure: "upstream_error", reason: `HTTP ${status ?? "error"}`, retry: true };
    // 401/403/404: our key or model is wrong — the user's audio is fine, the service is not usable.
    if (status === 401 || status === 403 || status === 404) return { failure: "upstream_error", reason: `HTTP ${status}`, retry: false };
    return { failure: "rejected_audio", reason: `HTTP ${status}`, retry: false };
  }
  if (error instanceof TranscriptResponseError) return { failure: "upstream_error", reason: error.message, retry: true };
  return { failure: "upstream_error", reason: error instanceof Error ? error.message : "unknown error", retry: true };
}

/** The text of one recording, or why there is none. */
export async function transcribeAudio(args: {
  audio: Uint8Array;
  format: AudioFormat;
  config: TranscribeConfig;
  /** Defaults to VOCABULARY_PROMPT; pass "" to send none. */
  prompt?: string;
}): Promise<TranscribeOutcome> {
  const { config } = args;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TRANSCRIBE_TIMEOUT_MS;
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: timeoutMs, maxRetries: 0 });
  const prompt = args.prompt ?? VOCABULARY_PROMPT;
  let last: ReturnType<typeof classify> = { failure: "upstream_error", reason: "unknown error", retry: false };
  let attempts = 0;
  for (let attempt = 1; attempt <= TRANSCRIBE_ATTEMPTS; attempt++) {
    attempts = attempt;
    try {
      // A fresh file each attempt: the SDK consumes the body as it sends it.
      const file = await toFile(args.audio, `answer.${FORMAT_EXTENSION[args.format]}`);
      const transcription = await client.audio.transcriptions.create(
        { file, model: config.model, response_format: "json", ...(prompt ? { prompt } : {}) },
        { timeout: timeoutMs, maxRetries: 0 },
      );
      const text: unknown = (transcription as { text?: unknown }).text;
      if (typeof text !== "string") throw new TranscriptResponseError("response had no text");
      return { ok: true, text: text.trim(), attempts };
    } catch (error) {
      last = classify(error, timeoutMs);
      if (!last.retry) break;
    }
  }
  return { ok: false, failure: last.failure, reason: `${last.reason} (after ${plural(attempts, "attempt")})`, attempts };
}
