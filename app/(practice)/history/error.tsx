"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function HistoryError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      testId="history-error"
      title="Your history could not load"
      message="Your attempts are safe; something went wrong while fetching them. Try again in a moment, or practise a question meanwhile."
      link={{ href: "/questions", label: "Question bank" }}
    />
  );
}
