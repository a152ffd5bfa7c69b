import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Mock interview" };

export default function InterviewPage() {
  return (
    <ComingSoon
      eyebrow="Mock interview"
      title="A full five-question interview"
      description="Five questions of rising difficulty on one track, each against the clock, scored like a real interviewer would."
      points={[
        "Choose a track; questions climb from warm-up to final boss.",
        "A timer per question; feedback after each answer or all at the end.",
        "A summary table with your average and an overall assessment of strengths and the consistent gap.",
      ]}
    />
  );
}
