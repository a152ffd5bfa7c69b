"use client";

// The browser engine of the voice control: the Web Speech API. Words in progress are shown as they are
// heard; finished phrases go straight into the answer. Browsers end continuous recognition after a pause,
// so it restarts until the user presses Stop (or it keeps ending straight away).
import { useCallback, useEffect, useRef, useState } from "react";
import { getSpeechRecognition, readSpeechResults, type SpeechRecognitionLike } from "./voice-speech";
import type { VoiceSession } from "./voice-session";
import { describeSpeechError } from "./voice-strategy";

/** Speech recognition works best told the language; answers are in English. */
function recognitionLanguage(): string {
  const language = typeof navigator === "undefined" ? "" : navigator.language;
  return language.toLowerCase().startsWith("en") ? language : "en-US";
}

export interface SpeechDictation {
  start(): void;
  stop(): void;
  /** The words being heard, not final yet. */
  interim: string;
  clearInterim(): void;
}

export function useSpeechRecognition(session: VoiceSession): SpeechDictation {
  const { setPhase, setError, setNotice, unmounted } = session;
  const [interim, setInterim] = useState("");
  const recognition = useRef<SpeechRecognitionLike | null>(null);
  const keepListening = useRef(false);

  useEffect(
    () => () => {
      keepListening.current = false;
      recognition.current?.abort();
    },
    [],
  );

  const stop = useCallback(() => {
    if (recognition.current) {
      keepListening.current = false;
      recognition.current.stop();
    }
  }, []);

  const start = () => {
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
      for (const text of finals) session.deliver(text);
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
    session.began();
  };

  return { start, stop, interim, clearInterim: () => setInterim("") };
}
