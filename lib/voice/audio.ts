// What a recorded answer may be: the formats the transcription API accepts, the size and length
// limits, and a look at the file's first bytes so a renamed text file never costs an API call.
// Pure TypeScript: the browser recorder and the /api/transcribe route both import it.

export const AUDIO_LIMITS = {
  /** The OpenAI transcription API refuses files over 25 MB. */
  maxBytes: 25 * 1024 * 1024,
  /** Interview answers are short; ten minutes is generous and keeps each call cheap. */
  maxSeconds: 10 * 60,
} as const;

export type AudioFormat = "webm" | "ogg" | "mp4" | "mp3" | "wav" | "flac";

/** MIME types (without parameters) accepted for each format, as browsers and tools label them. */
const MIME_FORMATS: Record<string, AudioFormat> = {
  "audio/webm": "webm",
  "video/webm": "webm",
  "audio/ogg": "ogg",
  "audio/opus": "ogg",
  "application/ogg": "ogg",
  "audio/mp4": "mp4",
  "audio/m4a": "mp4",
  "audio/x-m4a": "mp4",
  "audio/aac": "mp4",
  "video/mp4": "mp4",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/mpga": "mp3",
  "audio/wav": "wav",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  "audio/vnd.wave": "wav",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
};

/** The file name extension the API infers the format from. */
export const FORMAT_EXTENSION: Record<AudioFormat, string> = { webm: "webm", ogg: "ogg", mp4: "m4a", mp3: "mp3", wav: "wav", flac: "flac" };

export const ACCEPTED_FORMATS_TEXT = "webm, ogg, mp4/m4a, mp3, wav or flac";

/** The format a MIME type names, ignoring parameters such as `;codecs=opus`; null when not audio we accept. */
export function formatFromMime(mime: string | null | undefined): AudioFormat | null {
  const base = (mime ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME_FORMATS[base] ?? null;
}

/** A MIME type that says nothing (empty, octet-stream): decide by content alone. */
export function isGenericMime(mime: string | null | undefined): boolean {
  const base = (mime ?? "").split(";")[0]!.trim().toLowerCase();
  return base === "" || base === "application/octet-stream";
}

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The container the first bytes announce, or null when they are not audio we know. */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm"; // EBML
  if (ascii(bytes, 0, "OggS")) return "ogg";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return "wav";
  if (ascii(bytes, 0, "fLaC")) return "flac";
  if (ascii(bytes, 4, "ftyp")) return "mp4";
  if (ascii(bytes, 0, "ID3")) return "mp3";
  // An MPEG audio frame sync: 11 set bits.
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return "mp3";
  return null;
}

/** The recording formats MediaRecorder is asked for, best first (webm/opus in Chromium and Firefox, mp4 in Safari). */
export const RECORDER_MIME_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4", "audio/mp4;codecs=mp4a.40.2"] as const;

/** The first recorder format this browser supports, or "" to let it choose. */
export function pickRecorderMimeType(isTypeSupported: (mime: string) => boolean): string {
  for (const mime of RECORDER_MIME_TYPES) {
    try {
      if (isTypeSupported(mime)) return mime;
    } catch {
      // Some browsers throw on unknown parameters; try the next one.
    }
  }
  return "";
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
