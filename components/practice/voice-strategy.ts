// The decisions behind the voice control, as plain functions (tested in tests/unit/voice): which way
// to turn speech into text in this browser, where a transcript goes in the answer, when an answer
// counts as spoken, and what to say when the microphone or the speech service fails.

export type VoiceStrategy =
  /** Record with MediaRecorder and send the audio to /api/transcribe (OpenAI transcription). */
  | { kind: "server" }
  /** The browser's own speech recognition (Web Speech API), with words appearing as they are heard. */
  | { kind: "browser" }
  /** Neither is possible here; `reason` says why and what to do instead. */
  | { kind: "none"; reason: string };

export interface VoiceCapabilities {
  /** The server has a transcription key and the user is signed in (the route needs a session). */
  serverTranscription: boolean;
  /** A key is configured but the user is signed out: signing in would unlock recording. */
  signInForTranscription?: boolean;
  mediaRecorder: boolean;
  getUserMedia: boolean;
  speechRecognition: boolean;
  /** Microphones are only offered on https and localhost. */
  secureContext: boolean;
}

export function chooseVoiceStrategy(capabilities: VoiceCapabilities): VoiceStrategy {
  if (!capabilities.secureContext) {
    return { kind: "none", reason: "Voice answers need a secure connection (https or localhost). Type your answer instead." };
  }
  if (capabilities.serverTranscription && capabilities.mediaRecorder && capabilities.getUserMedia) return { kind: "server" };
  if (capabilities.speechRecognition) return { kind: "browser" };
  if (capabilities.serverTranscription) {
    return { kind: "none", reason: "This browser cannot record audio. Type your answer, or use a recent Chrome, Edge, Firefox or Safari." };
  }
  if (capabilities.signInForTranscription) {
    return { kind: "none", reason: "This browser has no speech recognition. Sign in to record your answer and have Offset transcribe it, or type it." };
  }
  return { kind: "none", reason: "This browser has no speech recognition (Firefox, for one). Type your answer, or use Chrome, Edge or Safari." };
}

const SENTENCE_END = /(?:^|[.!?]["')\]]?|\n)\s*$/;

/**
 * Puts a transcript into the answer at the selection (replacing any selected text), with a space
 * on either side where words would otherwise run together, and a capital letter where a sentence
 * starts. Returns the new text and where the caret goes (just after the inserted words).
 */
export function insertTranscript(value: string, transcript: string, selection?: { start: number; end: number } | null): { value: string; cursor: number; inserted: string } {
  let words = transcript.replace(/\s+/g, " ").trim();
  if (!words) {
    const at = selection ? Math.min(Math.max(0, selection.start), value.length) : value.length;
    return { value, cursor: at, inserted: "" };
  }
  const start = selection ? Math.min(Math.max(0, selection.start), value.length) : value.length;
  const end = selection ? Math.min(Math.max(start, selection.end), value.length) : value.length;
  const before = value.slice(0, start);
  const after = value.slice(end);
  if (SENTENCE_END.test(before)) words = words.charAt(0).toUpperCase() + words.slice(1);
  const lead = before && !/\s$/.test(before) ? " " : "";
  const trail = after && !/^[\s.,;:!?)\]]/.test(after) ? " " : "";
  const inserted = `${lead}${words}${trail}`;
  return { value: `${before}${inserted}${after}`, cursor: before.length + lead.length + words.length, inserted: words };
}

/** An answer counts as spoken when at least half of its text came from voice. */
export function answerSourceFor(answer: string, voiceCharacters: number): "typed" | "voice" {
  const length = answer.trim().length;
  if (length === 0 || voiceCharacters <= 0) return "typed";
  return voiceCharacters / length >= 0.5 ? "voice" : "typed";
}

/** The recording clock, m:ss (lib/format/time.ts). */
export { formatMinutesSeconds as formatClock } from "@/lib/format/time";

/** What to say when getUserMedia or MediaRecorder fails (DOMException names). */
export function describeMicrophoneError(name: string | undefined): string {
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Microphone access is blocked. Allow it from the icon in the address bar, then try again — or type your answer.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Connect one and try again, or type your answer.";
    case "NotReadableError":
    case "AbortError":
      return "The microphone is busy or unavailable (another app may be using it). Close that app and try again, or type your answer.";
    default:
      return "The microphone could not be started. Try again, or type your answer.";
  }
}

/**
 * What to say for a Web Speech API error code; null for codes that are not worth a message
 * ("aborted" follows our own stop). `fatal` errors end listening; the others let it carry on.
 */
export function describeSpeechError(code: string): { message: string; fatal: boolean } | null {
  switch (code) {
    case "aborted":
      return null;
    case "no-speech":
      return { message: "No speech heard yet — speak up, or press Stop when you are done.", fatal: false };
    case "not-allowed":
    case "service-not-allowed":
      return { message: "Microphone or speech recognition is blocked. Allow it from the icon in the address bar, then try again — or type your answer.", fatal: true };
    case "audio-capture":
      return { message: "No microphone was found. Connect one and try again, or type your answer.", fatal: true };
    case "network":
      return { message: "Your browser's speech recognition needs its online service and could not reach it. Try again, or type your answer.", fatal: true };
    case "language-not-supported":
      return { message: "Your browser's speech recognition does not support this language. Type your answer instead.", fatal: true };
    default:
      return { message: "Speech recognition stopped unexpectedly. Try again, or type your answer.", fatal: true };
  }
}

/** A user-facing message for a failed POST /api/transcribe, from its JSON error body when there is one. */
export function describeTranscribeFailure(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === "string" && message.trim()) return message;
  if (status === 401) return "Your session has ended. Sign in again to record, or type your answer.";
  if (status === 413) return "The recording is too large. Record a shorter answer, or type it.";
  if (status === 429) return "You have reached this hour's limit for AI calls. Type your answer, or try again later.";
  return "Transcription is unavailable right now — type your answer or try again.";
}
