"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { formatMinutesSeconds } from "@/lib/format/time";
import { readDraft, subscribeToDrafts, writeDraft } from "./draft-store";
import { VoiceInput } from "./voice-input";
import { insertTranscript } from "./voice-strategy";

/** Seconds since the first keystroke, ticking once a second. */
export function useAnswerTimer(started: boolean) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!started) return;
    const timer = setInterval(() => setElapsed((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, [started]);
  return elapsed;
}

export function useDraft(slug: string) {
  const text = useSyncExternalStore(subscribeToDrafts, () => readDraft(slug), () => "");
  return [text, (value: string) => writeDraft(slug, value)] as const;
}

export interface AnswerBoxVoice {
  /** OPENAI_API_KEY is configured and the user is signed in: record and transcribe on the server. */
  serverTranscription: boolean;
  /** A key is configured but the user is signed out. */
  signInForTranscription?: boolean;
}

// Where the candidate writes. The draft lives in this browser until it is submitted; the timer is
// a gentle guide against the question's budget. With `voice`, a microphone button in the toolbar
// inserts what was said at the caret (or the end), where it can be edited like typed text.
export function AnswerBox({
  slug,
  timeBudgetMinutes,
  elapsed,
  onFirstInput,
  disabled,
  toolbar,
  children,
  voice,
  showTimer = true,
  onTranscript,
  onVoiceBusyChange,
  label = "Your answer",
  rows = 10,
  testId = "answer-input",
  placeholder = "Answer as you would out loud in the interview: the idea, the mechanism, the config that matters, the trade-off.",
}: {
  slug: string;
  timeBudgetMinutes: number;
  elapsed: number;
  onFirstInput?: () => void;
  disabled?: boolean;
  toolbar?: ReactNode;
  children?: ReactNode;
  voice?: AnswerBoxVoice;
  /** Off where the page shows its own clock (the mock interview). */
  showTimer?: boolean;
  /** Called with each piece of transcript after it has been inserted into the answer. */
  onTranscript?: (text: string) => void;
  /** True while the microphone is recording or a recording is being transcribed. */
  onVoiceBusyChange?: (busy: boolean) => void;
  /** The box's visible label (a follow-up's reply is shorter than an answer). */
  label?: string;
  rows?: number;
  placeholder?: string;
  /** The textarea's data-testid ("answer-input" by default). */
  testId?: string;
}) {
  const id = useId();
  const [text, setText] = useDraft(slug);
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const over = elapsed > timeBudgetMinutes * 60;
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the caret was last seen; null until the candidate has put it somewhere (then: the end).
  const selection = useRef<{ start: number; end: number } | null>(null);
  // A fresh object per insertion, so the caret is placed even when it lands on the same index twice.
  const [caret, setCaret] = useState<{ at: number } | null>(null);

  useLayoutEffect(() => {
    if (caret === null || !textarea.current) return;
    textarea.current.setSelectionRange(caret.at, caret.at);
  }, [caret]);

  const insertSpoken = useCallback(
    (transcript: string) => {
      const current = textarea.current?.value ?? readDraft(slug);
      const result = insertTranscript(current, transcript, selection.current);
      if (!result.inserted) return;
      writeDraft(slug, result.value);
      selection.current = { start: result.cursor, end: result.cursor };
      setCaret({ at: result.cursor });
      onFirstInput?.();
      onTranscript?.(result.inserted);
    },
    [slug, onFirstInput, onTranscript],
  );

  return (
    <section aria-labelledby={`${id}-label`} className="rounded-2xl border border-border bg-surface p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-lg font-semibold">
          {label}
        </label>
        <p className="text-sm text-muted tabular-nums">
          {showTimer ? (
            <>
              <span className={over ? "font-medium text-warn" : undefined} data-testid="answer-timer">
                {formatMinutesSeconds(elapsed)}
              </span>{" "}
              / {timeBudgetMinutes}:00 ·{" "}
            </>
          ) : null}
          {words} {words === 1 ? "word" : "words"}
        </p>
      </div>
      <textarea
        ref={textarea}
        id={id}
        name="answer"
        value={text}
        disabled={disabled}
        onSelect={(event) => {
          selection.current = { start: event.currentTarget.selectionStart, end: event.currentTarget.selectionEnd };
        }}
        onChange={(event) => {
          setText(event.target.value);
          onFirstInput?.();
        }}
        rows={rows}
        placeholder={placeholder}
        className="w-full resize-y rounded-xl border border-border bg-bg/40 p-4 text-[0.98rem] leading-relaxed text-text placeholder:text-muted/70 disabled:opacity-70"
        data-testid={testId}
      />
      {toolbar || voice ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {voice ? (
            <VoiceInput
              serverTranscription={voice.serverTranscription}
              signInForTranscription={voice.signInForTranscription}
              disabled={disabled}
              onTranscript={insertSpoken}
              onBusyChange={onVoiceBusyChange}
            />
          ) : null}
          {toolbar}
        </div>
      ) : null}
      {children}
    </section>
  );
}
