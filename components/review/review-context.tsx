"use client";

import { useState } from "react";
import { describeReviewContext, type ReviewContextFacts } from "./review-text";

// The line under a review's title, as it stood when the review began. Scoring an answer re-renders
// the page on the server (the action revalidates the queue), and by then the schedule's last score is
// the answer just given; keeping the first render's facts keeps "last time" the try before this one.
export function ReviewContext(facts: ReviewContextFacts) {
  const [atStart] = useState(facts);
  return (
    <p className="text-sm text-muted" data-testid="review-context">
      {describeReviewContext(atStart)}
    </p>
  );
}
