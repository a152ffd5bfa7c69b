import { NotFoundLinks } from "@/components/ui/not-found-links";

export default function QuestionTimelineNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="timeline-not-found">
      <h1 className="text-2xl font-semibold tracking-tight">No such question</h1>
      <p className="mt-3 leading-relaxed text-muted">There is no question at this address, so there is no timeline to show. Pick one from your history or the question bank.</p>
      <NotFoundLinks primary={{ href: "/history", label: "Your history" }} secondary={{ href: "/questions", label: "Question bank" }} />
    </div>
  );
}
