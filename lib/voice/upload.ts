// Reads and checks a recorded answer sent as multipart/form-data (field `audio`, optional
// `durationMs`), before any of it reaches the transcription API. Every refusal is an AppError that
// names the field and says what to do.
import { AppError } from "@/lib/errors";
import { formatMinutesSeconds } from "@/lib/format/time";
import { ACCEPTED_FORMATS_TEXT, AUDIO_LIMITS, formatBytes, formatFromMime, isGenericMime, sniffAudioFormat, type AudioFormat } from "./audio";

/** Room for the multipart envelope and the small fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(bytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The recording is ${formatBytes(bytes)}; the limit is ${formatBytes(AUDIO_LIMITS.maxBytes)}. Record a shorter answer (at most ${AUDIO_LIMITS.maxSeconds / 60} minutes) or type it.`,
    { field: "audio" },
  );
}

/** Refuses an oversized body from its Content-Length, before reading it. */
export function assertUploadSize(contentLength: string | null) {
  const length = Number(contentLength);
  if (contentLength && Number.isFinite(length) && length > AUDIO_LIMITS.maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(length);
}

export interface AudioUpload {
  bytes: Uint8Array;
  format: AudioFormat;
  durationMs?: number;
}

export async function readAudioUpload(request: Request): Promise<AudioUpload> {
  assertUploadSize(request.headers.get("content-length"));
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("bad_request", 'Send the recording as multipart/form-data, with the file in a field named "audio".', { field: "audio" });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", 'The upload could not be read. Send the recording as multipart/form-data, with the file in a field named "audio".', {
      field: "audio",
    });
  }
  const audio = form.get("audio");
  if (audio === null || typeof audio === "string") {
    throw new AppError("bad_request", 'audio: attach the recording as a file in the form field named "audio".', { field: "audio" });
  }
  if (audio.size === 0) throw new AppError("bad_request", "audio: the recording is empty — record again, a little closer to the microphone.", { field: "audio" });
  if (audio.size > AUDIO_LIMITS.maxBytes) throw tooLarge(audio.size);

  let durationMs: number | undefined;
  const rawDuration = form.get("durationMs");
  if (typeof rawDuration === "string" && rawDuration.trim() !== "") {
    durationMs = Number(rawDuration);
    if (!Number.isFinite(durationMs) || durationMs < 0) throw new AppError("bad_request", "durationMs: must be a number of milliseconds.", { field: "durationMs" });
    if (durationMs > AUDIO_LIMITS.maxSeconds * 1000 + 2000) {
      throw new AppError(
        "bad_request",
        `audio: the recording is ${formatMinutesSeconds(Math.round(durationMs / 1000))} long; the limit is ${AUDIO_LIMITS.maxSeconds / 60} minutes. Record a shorter answer or type it.`,
        { field: "audio" },
      );
    }
  }

  const declared = formatFromMime(audio.type);
  if (!declared && !isGenericMime(audio.type)) {
    throw new AppError("bad_request", `audio: "${audio.type}" is not a recording format we accept; send ${ACCEPTED_FORMATS_TEXT}.`, { field: "audio" });
  }
  const bytes = new Uint8Array(await audio.arrayBuffer());
  const sniffed = sniffAudioFormat(bytes);
  if (!sniffed) throw new AppError("bad_request", `audio: the file does not look like an audio recording; send ${ACCEPTED_FORMATS_TEXT}.`, { field: "audio" });
  return { bytes, format: sniffed, ...(durationMs !== undefined ? { durationMs } : {}) };
}
