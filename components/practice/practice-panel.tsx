"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { submitAnswerAction, type SubmitState } from "@/app/(practice)/questions/[slug]/actions";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { markJustSubmitted } from "@/components/feedback/just-submitted";
import { Button } from "@/components/ui/button";
import { AnswerBox, useAnswerTimer, useDraft } from "./answer-box";
import { answerSourceFor } from "./voice-strategy";

export function PracticePanel({
  slug,
  timeBudgetMinutes,
  signedIn,
  transcriptionAvailable = false,
}: {
  slug: string;
  timeBudgetMinutes: number;
  signedIn: boolean;
  /** The server has OPENAI_API_KEY: signed-in users' recordings are transcribed by /api/transcribe. */
  transcriptionAvailable?: boolean;
}) {
  const router = useRouter();
  const [text, setText] = useDraft(slug);
  const [started, setStarted] = useState(false);
  const elapsed = useAnswerTimer(started);
  const [state, setState] = useState<SubmitState | null>(null);
  const [pending, startTransition] = useTransition();
  // One key per answer: a double click or a retry after a network error reuses it, so the server
  // stores one attempt. A new key is drawn once an answer has gone through.
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  // Characters that arrived by voice: an answer mostly spoken is stored with answerSource "voice".
  const [voiceCharacters, setVoiceCharacters] = useState(0);
  const [voiceBusy, setVoiceBusy] = useState(false);

  const submit = () =>
    startTransition(async () => {
      let outcome: SubmitState;
      try {
        outcome = await submitAnswerAction({
          question: slug,
          answer: text,
          idempotencyKey: idempotencyKey.current,
          timeSpentMs: elapsed * 1000,
          answerSource: answerSourceFor(text, voiceCharacters),
        });
      } catch {
        outcome = { status: "error", message: "We could not reach Offset — check your connection and try again. Your answer is still here." };
      }
      setState(outcome);
      if (outcome.status === "saved") {
        idempotencyKey.current = crypto.randomUUID();
        setVoiceCharacters(0);
        setText("");
        markJustSubmitted(outcome.attemptId);
        router.push(`/attempts/${outcome.attemptId}`);
      }
    });

  return (
    <div className="flex flex-col gap-6">
      <AnswerBox
        slug={slug}
        timeBudgetMinutes={timeBudgetMinutes}
        elapsed={elapsed}
        onFirstInput={() => setStarted(true)}
        disabled={pending}
        voice={{ serverTranscription: transcriptionAvailable && signedIn, signInForTranscription: transcriptionAvailable && !signedIn }}
        onTranscript={(spoken) => setVoiceCharacters((count) => count + spoken.length)}
        onVoiceBusyChange={setVoiceBusy}
        toolbar={
          <>
            <Button onClick={submit} disabled={pending || voiceBusy || !text.trim()} data-testid="submit-answer">
              {pending ? "Scoring…" : "Get feedback"}
            </Button>
            {!signedIn ? (
              <p className="text-sm text-muted">
                Feedback works without an account.{" "}
                <Link href={`/sign-in?next=${encodeURIComponent(`/questions/${slug}`)}`} className="font-medium text-accent hover:underline">
                  Sign in
                </Link>{" "}
                to save attempts and track progress — your answer is kept while you do.
              </p>
            ) : null}
          </>
        }
      >
        <div aria-live="polite" className="mt-2 text-sm" data-testid="submit-status">
          {state?.status === "error" ? <p className="text-bad">{state.message}</p> : null}
        </div>
      </AnswerBox>
      {state?.status === "scored" ? (
        <div className="flex flex-col gap-3">
          <p className="rounded-xl border border-accent/30 bg-accent-soft/50 px-4 py-3 text-sm" data-testid="unsaved-note">
            This feedback is not saved.{" "}
            <Link href={`/sign-up?next=${encodeURIComponent(`/questions/${slug}`)}`} className="font-medium text-accent hover:underline">
              Create a free account
            </Link>{" "}
            to keep your attempts, see your trend and get a review queue — your answer will still be here.
          </p>
          <FeedbackView data={state.feedback} focusOnArrival />
        </div>
      ) : null}
    </div>
  );
}
