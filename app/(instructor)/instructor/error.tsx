"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function InstructorError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      testId="instructor-error"
      title="The rubric studio could not load"
      message="No rubric or score was changed. Something went wrong while reading them; try again in a moment."
      link={{ href: "/questions", label: "Question bank" }}
    />
  );
}
