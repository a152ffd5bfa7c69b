"use client";

import { useState, useTransition } from "react";
import { skipQuestionAction, submitInterviewAnswerAction } from "@/app/(practice)/interview/actions";
import { AnswerBox, useDraft } from "@/components/practice/answer-box";
import { answerSourceFor } from "@/components/practice/voice-strategy";
import { interviewDraftSlug } from "@/lib/practice/interview-plan";
import { cancelArrivalFocus, requestArrivalFocus } from "./arrival-focus";
import { clearQuestionClock, QuestionClock, useQuestionClock } from "./question-clock";
import { ReplyStatus, ReplyToolbar } from "./reply-toolbar";

const OFFLINE = "We could not reach Offset — check your connection and try again. Your answer is still here.";

// The answer box for the current interview question, with the same voice control as practice. Its
// draft is kept per interview and position (never mixed with a practice draft of the same question);
// the clock survives a reload. "Skip this question" moves on without an answer; the draft stays in
// this browser, so undoing the skip brings it back.
export function QuestionStage({
  sessionId,
  position,
  total,
  timeBudgetMinutes,
  feedbackTiming,
  transcriptionAvailable = false,
}: {
  sessionId: string;
  position: number;
  total: number;
  timeBudgetMinutes: number;
  feedbackTiming: "after_each" | "at_end";
  /** The server has OPENAI_API_KEY: recordings are transcribed by /api/transcribe. */
  transcriptionAvailable?: boolean;
}) {
  const draftSlug = interviewDraftSlug(sessionId, position);
  const [text, setText] = useDraft(draftSlug);
  const elapsed = useQuestionClock(sessionId, position);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [skipping, startSkip] = useTransition();
  // Characters that arrived by voice: an answer mostly spoken is stored with answerSource "voice".
  const [voiceCharacters, setVoiceCharacters] = useState(0);
  const [voiceBusy, setVoiceBusy] = useState(false);
  const last = position === total - 1;
  const busy = pending || skipping;

  const submit = () =>
    startTransition(async () => {
      setError(null);
      requestArrivalFocus();
      try {
        const result = await submitInterviewAnswerAction({
          sessionId,
          position,
          answer: text,
          timeSpentMs: elapsed * 1000,
          answerSource: answerSourceFor(text, voiceCharacters),
        });
        if (result.ok) {
          setText("");
          setVoiceCharacters(0);
          clearQuestionClock(sessionId, position);
        } else {
          cancelArrivalFocus();
          setError(result.message);
        }
      } catch {
        cancelArrivalFocus();
        setError(OFFLINE);
      }
    });

  const skip = () =>
    startSkip(async () => {
      setError(null);
      requestArrivalFocus();
      try {
        const result = await skipQuestionAction({ sessionId, position });
        if (!result.ok) {
          cancelArrivalFocus();
          setError(result.message);
        }
      } catch {
        cancelArrivalFocus();
        setError("We could not reach Offset — check your connection and try again.");
      }
    });

  const label = pending ? "Scoring…" : feedbackTiming === "after_each" ? "Submit and see feedback" : last ? "Submit and see results" : "Submit and continue";

  return (
    <div className="flex flex-col gap-4">
      <QuestionClock elapsed={elapsed} budgetMinutes={timeBudgetMinutes} />
      <AnswerBox
        slug={draftSlug}
        timeBudgetMinutes={timeBudgetMinutes}
        elapsed={elapsed}
        showTimer={false}
        disabled={busy}
        voice={{ serverTranscription: transcriptionAvailable }}
        onTranscript={(spoken) => setVoiceCharacters((count) => count + spoken.length)}
        onVoiceBusyChange={setVoiceBusy}
        toolbar={
          <ReplyToolbar
            submit={{ label, onClick: submit, ready: !!text.trim(), testId: "submit-interview-answer" }}
            note={`${feedbackTiming === "after_each" ? "Feedback comes straight after you submit." : "Feedback waits until the end, like a real loop."} Your draft is saved in this browser.`}
            skip={{
              label: skipping ? "Skipping…" : "Skip this question",
              onClick: skip,
              testId: "skip-question",
              consequence: "Moves on without an answer. A skipped question counts as 0, and you can undo the skip until you answer the next one.",
            }}
            disabled={busy || voiceBusy}
          />
        }
      >
        <ReplyStatus testId="interview-status" error={error} />
      </AnswerBox>
    </div>
  );
}
