import { LinkButton } from "@/components/ui/button";

export default function QuestionTimelineNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="timeline-not-found">
      <h1 className="text-2xl font-semibold tracking-tight">No such question</h1>
      <p className="mt-3 leading-relaxed text-muted">There is no question at this address, so there is no timeline to show. Pick one from your history or the question bank.</p>
      <div className="mt-8 flex justify-center gap-3">
        <LinkButton href="/history">Your history</LinkButton>
        <LinkButton href="/questions" variant="secondary">
          Question bank
        </LinkButton>
      </div>
    </div>
  );
}
