"use client";

// The server engine of the voice control: MediaRecorder (webm/opus where supported) records the answer;
// when it stops, the audio goes to POST /api/transcribe and the transcript is inserted once. A failed
// upload can be retried without recording again.
import { useCallback, useEffect, useRef, useState } from "react";
import { AUDIO_LIMITS, FORMAT_EXTENSION, formatFromMime, pickRecorderMimeType } from "@/lib/voice/audio";
import type { VoiceSession } from "./voice-session";
import { describeMicrophoneError, describeTranscribeFailure } from "./voice-strategy";

export interface ServerRecorder {
  /** Asks for the microphone and starts recording. */
  start(): Promise<void>;
  /** Stops recording; transcription follows. */
  stop(): void;
  /** A recording whose transcription failed in a way worth retrying. */
  retry: { blob: Blob; durationMs: number } | null;
  /** Sends the failed recording again. */
  retryTranscription(): void;
  clearRetry(): void;
}

export function useServerRecorder(session: VoiceSession): ServerRecorder {
  const { setPhase, setError, setNotice, unmounted } = session;
  const [retry, setRetry] = useState<{ blob: Blob; durationMs: number } | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const upload = useRef<AbortController | null>(null);

  const releaseMicrophone = () => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  };

  // Stop everything if the answer box goes away mid-recording.
  useEffect(
    () => () => {
      if (recorder.current && recorder.current.state !== "inactive") recorder.current.stop();
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      upload.current?.abort();
    },
    [],
  );

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== "inactive") recorder.current.stop();
  }, []);

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
    session.deliver(text);
    setNotice("Added to your answer — edit it as you like before you submit.");
  };

  const start = async () => {
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
      void transcribe(blob, session.sinceStart());
    };
    active.onerror = () => {
      releaseMicrophone();
      setError("Recording failed. Try again, or type your answer.");
    };
    recorder.current = active;
    session.resetClock();
    active.start(1000);
    setPhase("listening");
  };

  const retryTranscription = () => {
    if (!retry) return;
    setError(null);
    void transcribe(retry.blob, retry.durationMs);
  };

  return { start, stop, retry, retryTranscription, clearRetry: () => setRetry(null) };
}
