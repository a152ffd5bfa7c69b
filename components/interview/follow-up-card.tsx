"use client";

import { useState, useTransition, type ReactNode } from "react";
import { answerFollowUpAction, skipFollowUpAction } from "@/app/(practice)/interview/actions";
import { AnswerBox, useAnswerTimer, useDraft } from "@/components/practice/answer-box";
import { answerSourceFor } from "@/components/practice/voice-strategy";
import { followUpDraftSlug } from "@/lib/practice/interview-plan";
import { cancelArrivalFocus, requestArrivalFocus } from "./arrival-focus";
import { ReplyStatus, ReplyToolbar } from "./reply-toolbar";

const OFFLINE = "We could not reach Offset — check your connection and try again. Your reply is still here.";

// The interviewer's follow-up on the answer just given, and the box for the reply: typed or spoken,
// with the same voice control as the answer itself. The reply's draft is kept in this browser per
// interview and question. "Skip follow-up" moves on without a reply.
export function FollowUpCard({
  sessionId,
  position,
  promptHtml,
  context,
  headingId,
  transcriptionAvailable = false,
}: {
  sessionId: string;
  position: number;
  /** The follow-up, rendered from inline markdown on the server. */
  promptHtml: string;
  /** A line above the reply box: how the main answer went, or that feedback waits until the end. */
  context: ReactNode;
  /** The id of the follow-up's heading (the page moves focus to it on arrival). */
  headingId: string;
  transcriptionAvailable?: boolean;
}) {
  const draftSlug = followUpDraftSlug(sessionId, position);
  const [text, setText] = useDraft(draftSlug);
  const [started, setStarted] = useState(false);
  const elapsed = useAnswerTimer(started);
  const [error, setError] = useState<string | null>(null);
  const [answering, startAnswer] = useTransition();
  const [skipping, startSkip] = useTransition();
  const [voiceCharacters, setVoiceCharacters] = useState(0);
  const [voiceBusy, setVoiceBusy] = useState(false);
  const busy = answering || skipping;

  const run = (action: () => Promise<{ ok: true } | { ok: false; message: string }>, onSuccess?: () => void) => async () => {
    setError(null);
    requestArrivalFocus();
    try {
      const result = await action();
      if (result.ok) onSuccess?.();
      else {
        cancelArrivalFocus();
        setError(result.message);
      }
    } catch {
      cancelArrivalFocus();
      setError(OFFLINE);
    }
  };

  const answer = () =>
    startAnswer(
      run(
        () => answerFollowUpAction({ sessionId, position, answer: text, timeSpentMs: elapsed * 1000, answerSource: answerSourceFor(text, voiceCharacters) }),
        () => {
          setText("");
          setVoiceCharacters(0);
        },
      ),
    );
  const skip = () => startSkip(run(() => skipFollowUpAction({ sessionId, position })));

  return (
    <section aria-labelledby={headingId} className="flex scroll-mt-24 flex-col gap-4" data-testid="follow-up" data-status="asked">
      <div className="rounded-2xl border border-accent/30 bg-accent-soft/50 p-5 sm:p-6">
        <p className="flex items-center gap-2 text-sm font-medium text-accent-strong">
          <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
            <path d="M3.5 4.5h13v8h-7l-4 3v-3h-2z" />
          </svg>
          The interviewer follows up
        </p>
        <h2 id={headingId} tabIndex={-1} className="mt-2 scroll-mt-24 text-lg font-semibold text-balance outline-none sm:text-xl" data-testid="follow-up-prompt">
          <span dangerouslySetInnerHTML={{ __html: promptHtml }} />
        </h2>
        <div className="mt-2 text-sm text-muted">{context}</div>
      </div>
      <AnswerBox
        slug={draftSlug}
        timeBudgetMinutes={3}
        elapsed={elapsed}
        showTimer={false}
        onFirstInput={() => setStarted(true)}
        disabled={busy}
        label="Your reply"
        rows={5}
        testId="follow-up-input"
        placeholder="Two or three sentences, as you would say them: go straight to the point the question presses on."
        voice={{ serverTranscription: transcriptionAvailable }}
        onTranscript={(spoken) => setVoiceCharacters((count) => count + spoken.length)}
        onVoiceBusyChange={setVoiceBusy}
        toolbar={
          <ReplyToolbar
            submit={{ label: answering ? "Scoring…" : "Answer follow-up", onClick: answer, ready: !!text.trim(), testId: "answer-follow-up" }}
            note="Scored on the point it presses on."
            skip={{
              label: skipping ? "Skipping…" : "Skip follow-up",
              onClick: skip,
              testId: "skip-follow-up",
              consequence: "Moves on without a reply. The follow-up does not count in your average either way.",
            }}
            disabled={busy || voiceBusy}
          />
        }
      >
        <ReplyStatus testId="follow-up-status" error={error} />
      </AnswerBox>
    </section>
  );
}
