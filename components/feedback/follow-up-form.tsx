"use client";

import { useState, useTransition } from "react";
import { saveFollowUpAction } from "@/app/(practice)/attempts/[id]/actions";
import { Button } from "@/components/ui/button";

export function FollowUpForm({ attemptId, index, promptHtml, saved }: { attemptId: string; index: number; promptHtml: string; saved?: string }) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <li className="rounded-xl border border-border p-4" data-testid="follow-up">
      <p className="prose-offset font-medium" dangerouslySetInnerHTML={{ __html: promptHtml }} />
      {saved ? (
        <blockquote className="mt-2 border-l-2 border-accent pl-3 text-sm whitespace-pre-wrap text-muted">{saved}</blockquote>
      ) : (
        <form
          className="mt-3 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const result = await saveFollowUpAction({ attemptId, index, answer: text });
              setMessage(result.ok ? null : result.message);
            });
          }}
        >
          <label className="sr-only" htmlFor={`follow-up-${index}`}>
            Your answer to this follow-up
          </label>
          <textarea
            id={`follow-up-${index}`}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Two or three sentences, as you would say them."
            className="w-full rounded-lg border border-border bg-bg/40 p-3 text-sm"
          />
          <div className="flex items-center gap-3">
            <Button type="submit" size="sm" variant="secondary" disabled={pending || !text.trim()}>
              {pending ? "Saving…" : "Save answer"}
            </Button>
            <p aria-live="polite" className="text-sm text-bad">
              {message}
            </p>
          </div>
        </form>
      )}
    </li>
  );
}
