"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function InstructorQuestionError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      testId="instructor-question-error"
      title="This rubric could not load"
      message="Its versions and statistics are safe; something went wrong while reading them. Try again in a moment."
      link={{ href: "/instructor", label: "All questions" }}
    />
  );
}
