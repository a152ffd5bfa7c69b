"use client";

// What the voice control shares with its two engines (use-server-recorder.ts, use-speech-recognition.ts):
// one status — the phase, the recording clock, an error or a notice — and where finished text goes.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

export type VoicePhase = "idle" | "starting" | "listening" | "transcribing";

export interface VoiceSession {
  phase: VoicePhase;
  /** Whole seconds since listening began. */
  elapsed: number;
  error: string | null;
  notice: string | null;
  setPhase(phase: VoicePhase): void;
  setElapsed(seconds: number): void;
  setError(message: string | null): void;
  setNotice(message: string | null): void;
  /** Starts the clock at 0 (without changing the phase). */
  resetClock(): void;
  /** Listening has begun: the clock starts at 0 and the phase is "listening". */
  began(): void;
  /** Milliseconds since the clock started. */
  sinceStart(): number;
  /** True once the control is gone: engines then stop reporting. */
  unmounted: RefObject<boolean>;
  /** Inserts a finished piece of transcript into the answer. */
  deliver(text: string): void;
}

export function useVoiceSession(onTranscript: (text: string) => void): VoiceSession {
  const [phase, setPhase] = useState<VoicePhase>("idle");
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const startedAt = useRef(0);
  const unmounted = useRef(false);
  const transcriptSink = useRef(onTranscript);
  useLayoutEffect(() => {
    transcriptSink.current = onTranscript;
  }, [onTranscript]);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  const resetClock = () => {
    startedAt.current = Date.now();
    setElapsed(0);
  };
  const began = () => {
    resetClock();
    setPhase("listening");
  };
  const sinceStart = useCallback(() => Date.now() - startedAt.current, []);
  const deliver = (text: string) => transcriptSink.current(text);
  return { phase, elapsed, error, notice, setPhase, setElapsed, setError, setNotice, resetClock, began, sinceStart, unmounted, deliver };
}
