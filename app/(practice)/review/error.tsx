"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ReviewError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      title="The review queue could not load"
      message="Your schedule is safe in the database, and any answer you were typing is kept in this browser. Try again in a moment."
      link={{ href: "/questions", label: "Question bank" }}
    />
  );
}
