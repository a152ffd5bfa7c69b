import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Instructor" };

export default function InstructorPage() {
  return (
    <ComingSoon
      eyebrow="Instructors"
      title="Rubric studio"
      description="Edit the rubrics that score every answer — versioned, diffable and tested before they go live."
      points={[
        "Edit rubric items, their concepts and hints with a live preview against sample answers.",
        "Every change is a new version: compare versions side by side.",
        "Re-score past attempts with a new version while keeping the original scores.",
      ]}
    />
  );
}
