import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "History" };

export default function HistoryPage() {
  return (
    <ComingSoon
      eyebrow="Your progress"
      title="History"
      description="Every attempt you save, with its score and the evidence behind it."
      points={[
        "Every attempt with filters by question, track, date and score.",
        "A score trend per question and a heat map of the rubric points you miss most.",
        "Compare two attempts and export everything as CSV or JSON.",
      ]}
    />
  );
}
