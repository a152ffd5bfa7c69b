import { LinkButton } from "@/components/ui/button";

export default function InstructorQuestionNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="instructor-question-missing">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">No such question</h1>
      <p className="mt-3 text-muted">There is no live question at this address. It may have been renamed or archived.</p>
      <div className="mt-8 flex justify-center">
        <LinkButton href="/instructor">All questions</LinkButton>
      </div>
    </div>
  );
}
