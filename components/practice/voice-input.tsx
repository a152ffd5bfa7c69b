"use client";

// The microphone button in the answer box. Two engines behind one control:
//   server  — MediaRecorder (webm/opus where supported) → POST /api/transcribe → the transcript is
//             inserted once, when the recording stops. Needs a signed-in user and OPENAI_API_KEY.
//             (use-server-recorder.ts)
//   browser — the Web Speech API: words in progress are shown as they are heard, finished phrases go
//             straight into the answer. (use-speech-recognition.ts)
// Either way the text lands in the normal textarea, so it can be edited before submitting. States:
// idle → starting → listening → (transcribing) → idle, with errors and notices in an aria-live region.
import { useCallback, useEffect, useId, useSyncExternalStore, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { AUDIO_LIMITS } from "@/lib/voice/audio";
import { useServerRecorder } from "./use-server-recorder";
import { useSpeechRecognition } from "./use-speech-recognition";
import { useVoiceSession } from "./voice-session";
import { getSpeechRecognition } from "./voice-speech";
import { chooseVoiceStrategy, formatClock, type VoiceCapabilities, type VoiceStrategy } from "./voice-strategy";

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

  const session = useVoiceSession(onTranscript);
  const { phase, elapsed, error, notice, setError, setNotice, setElapsed, sinceStart } = session;
  const recorder = useServerRecorder(session);
  const speech = useSpeechRecognition(session);
  const { retry } = recorder;
  const interim = speech.interim;

  const busy = phase !== "idle";
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const { stop: stopRecording } = recorder;
  const { stop: stopListening } = speech;
  const stop = useCallback(() => {
    stopRecording();
    stopListening();
  }, [stopRecording, stopListening]);

  // The visible clock, and the ten-minute cap.
  useEffect(() => {
    if (phase !== "listening") return;
    const timer = setInterval(() => {
      const seconds = Math.floor(sinceStart() / 1000);
      setElapsed(seconds);
      if (seconds >= AUDIO_LIMITS.maxSeconds) {
        setNotice(`Stopped at the ${AUDIO_LIMITS.maxSeconds / 60}-minute limit.`);
        stop();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [phase, stop, sinceStart, setElapsed, setNotice]);

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
    recorder.clearRetry();
    speech.clearInterim();
    if (strategy.kind === "server") void recorder.start();
    else speech.start();
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
              onClick={recorder.retryTranscription}
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
