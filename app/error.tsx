"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      title="Something went wrong"
      message="This page hit an error on our side. Anything you typed is still saved in your browser. Try again, or go back to the question bank."
      link={{ href: "/questions", label: "Question bank" }}
    />
  );
}
