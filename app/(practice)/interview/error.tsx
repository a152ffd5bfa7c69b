"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function InterviewError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      title="The interview hit a snag"
      message="Nothing you submitted is lost: answers are saved as soon as you send them, and your draft is kept in this browser. Try again, or come back to the interview later to resume it."
      link={{ href: "/interview", label: "Mock interviews" }}
    />
  );
}
