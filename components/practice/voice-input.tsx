"use client";

// The microphone button in the answer box. Two engines behind one control:
//   server  — MediaRecorder (webm/opus where supported) → POST /api/transcribe → the transcript is
//             inserted once, when the recording stops. Needs a signed-in user and OPENAI_API_KEY.
//   browser — the Web Speech API: words in progress are shown as they are heard, finished phrases go
//             straight into the answer.
// Either way the text lands in the normal textarea, so it can be edited before submitting. States:
// idle → starting → listening → (transcribing) → idle, with errors and notices in an aria-live region.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { AUDIO_LIMITS, FORMAT_EXTENSION, formatFromMime, pickRecorderMimeType } from "@/lib/voice/audio";
import { getSpeechRecognition, readSpeechResults, type SpeechRecognitionLike } from "./voice-speech";
import {
  chooseVoiceStrategy,
  describeMicrophoneError,
  describeSpeechError,
  describeTranscribeFailure,
  formatClock,
  type VoiceCapabilities,
  type VoiceStrategy,
} from "./voice-strategy";

type Phase = "idle" | "starting" | "listening" | "transcribing";
type DeviceCapabilities = Omit<VoiceCapabilities, "serverTranscription" | "signInForTranscription">;

let detected: DeviceCapabilities | undefined;
function detectCapabilities(): DeviceCapabilities {
  detected ??= {
    mediaRecorder: typeof window.MediaRecorder === "function",
    getUserMedia: typeof navigator.mediaDevices?.getUserMedia === "function",
    speechRecognition: getSpeechRecognition(window) !== null,
    secureContext: window.isSecureContext,
  };
  return detected;
}
const subscribeNever = () => () => {};

/** Speech recognition works best told the language; answers are in English. */
function recognitionLanguage(): string {
  const language = typeof navigator === "undefined" ? "" : navigator.language;
  return language.toLowerCase().startsWith("en") ? language : "en-US";
}

function MicIcon({ off }: { off?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
      <rect x="7" y="2.5" width="6" height="10" rx="3" />
      <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v2.5" />
      {off ? <path d="M3 3l14 14" /> : null}
    </svg>
  );
}

function Spinner() {
  return <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}

export interface VoiceInputProps {
  /** OPENAI_API_KEY is configured and the user is signed in: record and transcribe on the server. */
  serverTranscription: boolean;
  /** A key is configured but the user is signed out (used to explain what signing in unlocks). */
  signInForTranscription?: boolean;
  disabled?: boolean;
  /** A finished piece of transcript, to insert into the answer. */
  onTranscript: (text: string) => void;
  /** True while listening or transcribing, so the form can hold its submit button. */
  onBusyChange?: (busy: boolean) => void;
}

export function VoiceInput({ serverTranscription, signInForTranscription, disabled, onTranscript, onBusyChange }: VoiceInputProps) {
  const id = useId();
  const device = useSyncExternalStore(subscribeNever, detectCapabilities, () => null);
  const strategy: VoiceStrategy | null = device ? chooseVoiceStrategy({ ...device, serverTranscription, signInForTranscription }) : null;

  const [phase, setPhase] = useState<Phase>("idle");
  const [elapsed, setElapsed] = useState(0);
  const [interim, setInterim] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [retry, setRetry] = useState<{ blob: Blob; durationMs: number } | null>(null);

  const startedAt = useRef(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const recognition = useRef<SpeechRecognitionLike | null>(null);
  const keepListening = useRef(false);
  const upload = useRef<AbortController | null>(null);
  const unmounted = useRef(false);
  const transcriptSink = useRef(onTranscript);
  useLayoutEffect(() => {
    transcriptSink.current = onTranscript;
  }, [onTranscript]);

  const busy = phase !== "idle";
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const releaseMicrophone = () => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  };

  // Stop everything if the answer box goes away mid-recording.
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
      keepListening.current = false;
      recognition.current?.abort();
      if (recorder.current && recorder.current.state !== "inactive") recorder.current.stop();
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      upload.current?.abort();
    };
  }, []);

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== "inactive") recorder.current.stop();
    if (recognition.current) {
      keepListening.current = false;
      recognition.current.stop();
    }
  }, []);

  // The visible clock, and the ten-minute cap.
  useEffect(() => {
    if (phase !== "listening") return;
    const timer = setInterval(() => {
      const seconds = Math.floor((Date.now() - startedAt.current) / 1000);
      setElapsed(seconds);
      if (seconds >= AUDIO_LIMITS.maxSeconds) {
        setNotice(`Stopped at the ${AUDIO_LIMITS.maxSeconds / 60}-minute limit.`);
        stop();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [phase, stop]);

  const transcribe = async (blob: Blob, durationMs: number) => {
    setRetry(null);
    if (blob.size === 0) {
      setPhase("idle");
      setError("Nothing was recorded — check the microphone and try again.");
      return;
    }
    if (blob.size > AUDIO_LIMITS.maxBytes) {
      setPhase("idle");
      setError(`The recording is too large to transcribe (over ${AUDIO_LIMITS.maxBytes / (1024 * 1024)} MB). Record a shorter answer, or type it.`);
      return;
    }
    setPhase("transcribing");
    const format = formatFromMime(blob.type) ?? "webm";
    const form = new FormData();
    form.append("audio", blob, `answer.${FORMAT_EXTENSION[format]}`);
    form.append("durationMs", String(Math.round(durationMs)));
    const controller = new AbortController();
    upload.current = controller;
    let response: Response;
    let body: unknown = null;
    try {
      response = await fetch("/api/transcribe", { method: "POST", body: form, signal: controller.signal, headers: { accept: "application/json" } });
      body = await response.json().catch(() => null);
    } catch {
      if (controller.signal.aborted || unmounted.current) return;
      setPhase("idle");
      setError("Could not reach Offset to transcribe the recording — check your connection and try again, or type your answer.");
      setRetry({ blob, durationMs });
      return;
    } finally {
      if (upload.current === controller) upload.current = null;
    }
    if (unmounted.current) return;
    setPhase("idle");
    if (!response.ok) {
      setError(describeTranscribeFailure(response.status, body));
      if (response.status >= 500 || response.status === 429) setRetry({ blob, durationMs });
      return;
    }
    const text = (body as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || !text.trim()) {
      setError("No speech was heard in the recording. Try again, a little closer to the microphone.");
      return;
    }
    transcriptSink.current(text);
    setNotice("Added to your answer — edit it as you like before you submit.");
  };

  const startRecording = async () => {
    setPhase("starting");
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 } });
    } catch (cause) {
      setPhase("idle");
      setError(describeMicrophoneError((cause as { name?: string } | null)?.name));
      return;
    }
    if (unmounted.current) {
      for (const track of media.getTracks()) track.stop();
      return;
    }
    stream.current = media;
    const mimeType = pickRecorderMimeType((mime) => MediaRecorder.isTypeSupported(mime));
    let active: MediaRecorder;
    try {
      active = new MediaRecorder(media, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 32_000 });
    } catch {
      releaseMicrophone();
      setPhase("idle");
      setError(describeMicrophoneError(undefined));
      return;
    }
    const chunks: Blob[] = [];
    active.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    active.onstop = () => {
      releaseMicrophone();
      recorder.current = null;
      if (unmounted.current) return;
      const blob = new Blob(chunks, { type: active.mimeType || mimeType || "audio/webm" });
      void transcribe(blob, Date.now() - startedAt.current);
    };
    active.onerror = () => {
      releaseMicrophone();
      setError("Recording failed. Try again, or type your answer.");
    };
    recorder.current = active;
    startedAt.current = Date.now();
    setElapsed(0);
    active.start(1000);
    setPhase("listening");
  };

  const startListening = () => {
    const Recognition = getSpeechRecognition(window);
    if (!Recognition) return;
    const engine = new Recognition();
    engine.continuous = true;
    engine.interimResults = true;
    engine.maxAlternatives = 1;
    engine.lang = recognitionLanguage();
    let quickEnds = 0;
    let lastStart = Date.now();
    engine.onresult = (event) => {
      const { finals, interim: hearing } = readSpeechResults(event);
      for (const text of finals) transcriptSink.current(text);
      if (finals.length) setNotice(null);
      setInterim(hearing);
    };
    engine.onerror = (event) => {
      const described = describeSpeechError(event.error);
      if (!described) return;
      if (described.fatal) {
        keepListening.current = false;
        setError(described.message);
      } else setNotice(described.message);
    };
    engine.onend = () => {
      // Browsers end continuous recognition after a pause; carry on until the user presses Stop,
      // but give up if it keeps ending straight away.
      if (keepListening.current && !unmounted.current) {
        quickEnds = Date.now() - lastStart < 1500 ? quickEnds + 1 : 0;
        if (quickEnds < 3) {
          try {
            lastStart = Date.now();
            engine.start();
            return;
          } catch {
            // fall through to idle
          }
        }
      }
      keepListening.current = false;
      recognition.current = null;
      if (unmounted.current) return;
      setInterim("");
      setPhase("idle");
    };
    try {
      keepListening.current = true;
      engine.start();
    } catch {
      keepListening.current = false;
      setError("Speech recognition could not start. Try again, or type your answer.");
      return;
    }
    recognition.current = engine;
    startedAt.current = Date.now();
    setElapsed(0);
    setPhase("listening");
  };

  const unavailable = strategy?.kind === "none" ? strategy.reason : null;
  const onClick = () => {
    if (phase === "listening") return stop();
    if (busy || disabled || !strategy) return;
    if (strategy.kind === "none") {
      setError(strategy.reason);
      return;
    }
    setError(null);
    setNotice(null);
    setRetry(null);
    setInterim("");
    if (strategy.kind === "server") void startRecording();
    else startListening();
  };

  const listening = phase === "listening";
  const label = listening ? "Stop" : phase === "starting" ? "Starting…" : phase === "transcribing" ? "Transcribing…" : "Record";
  const hint =
    strategy?.kind === "server"
      ? "Record your answer; when you stop, Offset transcribes it into the box for you to edit."
      : strategy?.kind === "browser"
        ? "Dictate with your browser's speech recognition; words appear in the box as you speak."
        : (unavailable ?? "Voice input");

  let status: ReactNode = null;
  if (phase === "starting") status = <span className="text-muted">Waiting for the microphone — allow access if your browser asks.</span>;
  else if (listening && strategy?.kind === "server")
    status = <span className="text-muted">Recording. Press Stop when you are done; the transcript goes into your answer, ready to edit.</span>;
  else if (listening) status = <span className="text-muted">Listening. Your words go into the answer as you speak; press Stop when you are done.</span>;
  else if (phase === "transcribing") status = <span className="text-muted">Transcribing your recording…</span>;
  else if (error) status = <span className="text-bad">{error}</span>;
  else if (notice) status = <span className="text-good">{notice}</span>;

  return (
    <>
      <span className="group relative inline-flex">
        <button
          type="button"
          onClick={onClick}
          // Not `disabled` while starting or transcribing: a disabled button drops keyboard focus.
          disabled={!listening && (Boolean(disabled) || !strategy)}
          aria-disabled={unavailable || phase === "starting" || phase === "transcribing" ? true : undefined}
          aria-describedby={`${id}-hint`}
          className={cn(
            "inline-flex h-10 items-center justify-center gap-2 rounded-lg border px-4 text-[0.95rem] font-medium transition-colors select-none disabled:cursor-not-allowed disabled:opacity-55",
            listening
              ? "border-bad/50 bg-bad-soft text-bad hover:bg-bad-soft/70"
              : unavailable || busy
                ? "cursor-not-allowed border-border bg-surface text-muted"
                : "border-border bg-surface text-text hover:bg-surface-2",
          )}
          data-testid="voice-button"
          data-voice-phase={phase}
          data-voice-strategy={strategy?.kind ?? "unknown"}
        >
          {listening ? (
            <span aria-hidden="true" className="h-3 w-3 rounded-[3px] bg-current" />
          ) : phase === "starting" || phase === "transcribing" ? (
            <Spinner />
          ) : (
            <MicIcon off={Boolean(unavailable)} />
          )}
          {label}
          {listening ? <span className="sr-only"> recording</span> : null}
        </button>
        <span
          role="tooltip"
          id={`${id}-hint`}
          className={cn(
            "pointer-events-none absolute bottom-full left-0 z-20 mb-2 w-72 max-w-[80vw] rounded-lg border border-border bg-surface px-3 py-2 text-xs leading-relaxed text-text shadow-lg",
            unavailable ? "hidden group-focus-within:block group-hover:block" : "sr-only",
          )}
        >
          {hint}
        </span>
      </span>
      {listening ? (
        <span className="inline-flex items-center gap-2 text-sm font-medium text-bad tabular-nums" data-testid="voice-recording">
          <span aria-hidden="true" className="h-2.5 w-2.5 animate-pulse rounded-full bg-bad" />
          <span>
            {strategy?.kind === "server" ? "Rec" : "Live"} {formatClock(elapsed)}
            <span className="font-normal text-muted"> / {formatClock(AUDIO_LIMITS.maxSeconds)}</span>
          </span>
        </span>
      ) : null}
      <div className="order-last flex basis-full flex-col gap-1.5 text-sm">
        {interim ? (
          <p className="rounded-lg border border-dashed border-border bg-bg/40 px-3 py-2 text-muted italic" data-testid="voice-interim">
            <span className="not-italic font-medium text-text">Hearing: </span>
            {interim}
          </p>
        ) : null}
        <div role="status" aria-live="polite" className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="voice-status">
          {status}
          {retry && !busy ? (
            <button
              type="button"
              onClick={() => {
                setError(null);
                void transcribe(retry.blob, retry.durationMs);
              }}
              className="font-medium text-accent underline-offset-2 hover:underline"
              data-testid="voice-retry"
            >
              Retry transcription
            </button>
          ) : null}
        </div>
      </div>
    </>
  );
}
