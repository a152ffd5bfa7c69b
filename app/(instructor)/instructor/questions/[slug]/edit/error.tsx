"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function EditRubricError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      testId="rubric-editor-error"
      title="The rubric editor could not open"
      message="Nothing was changed, and an unsaved draft you had in this browser is still stored. Try again in a moment."
      link={{ href: "/instructor", label: "All questions" }}
    />
  );
}
