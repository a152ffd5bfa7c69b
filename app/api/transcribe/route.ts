import { requireRequestUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/api";
import { claimTranscription } from "@/lib/voice/limits";
import { transcribeAudio } from "@/lib/voice/transcribe";
import { readAudioUpload } from "@/lib/voice/upload";

const UNAVAILABLE = "Transcription is unavailable right now — type your answer or try again.";

/**
 * POST /api/transcribe (multipart/form-data: `audio` file ≤ 25 MB, optional `durationMs` ≤ 10 min)
 * → 200 {text}. Signed-in users only; each call counts against the hourly AI budget (429 with
 * Retry-After when it is spent). Failures of the transcription service become 502/503 with a
 * message a candidate can act on; the reason goes to the server log only.
 */
export const POST = route(async (request) => {
  const user = await requireRequestUser(request);
  const config = env();
  if (!config.OPENAI_API_KEY) {
    throw new AppError("upstream_unavailable", "Transcription is not set up on this server — use your browser's speech recognition or type your answer.");
  }
  const upload = await readAudioUpload(request);

  const claim = await claimTranscription(db(), user.id);
  if (!claim.ok) throw new AppError("rate_limited", claim.message, { retryAfterSeconds: claim.retryAfterSeconds });

  const outcome = await transcribeAudio({
    audio: upload.bytes,
    format: upload.format,
    config: { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_TRANSCRIBE_MODEL, timeoutMs: config.OPENAI_TRANSCRIBE_TIMEOUT_MS },
  });
  if (outcome.ok) return json({ text: outcome.text });

  console.warn(`[transcribe] ${outcome.failure}: ${outcome.reason}`);
  if (outcome.failure === "rejected_audio") {
    throw new AppError("bad_request", "The recording could not be transcribed — it may be silent or damaged. Record again or type your answer.", { field: "audio" });
  }
  throw new AppError(outcome.failure === "unavailable" ? "upstream_unavailable" : "upstream_failed", UNAVAILABLE);
});
