"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      {...props}
      title="Something went wrong"
      message="This page could not load. If our database is restarting, it will be back in a few seconds, and nothing you saved is lost; anything you typed is still in your browser. Try again, or go back to the question bank."
      link={{ href: "/questions", label: "Question bank" }}
    />
  );
}
