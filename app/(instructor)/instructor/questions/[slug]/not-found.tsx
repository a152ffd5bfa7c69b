import { NotFoundLinks } from "@/components/ui/not-found-links";

export default function InstructorQuestionNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="instructor-question-missing">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">No such question</h1>
      <p className="mt-3 text-muted">There is no live question at this address. It may have been renamed or archived.</p>
      <NotFoundLinks primary={{ href: "/instructor", label: "All questions" }} />
    </div>
  );
}
