import { NotFoundLinks } from "@/components/ui/not-found-links";

export default function EditRubricNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="rubric-editor-not-found">
      <h1 className="text-3xl font-semibold tracking-tight">No rubric to edit here</h1>
      <p className="mt-3 leading-relaxed text-muted">
        Either the question does not exist (or was archived), or the version in the address is not one of its versions.
      </p>
      <NotFoundLinks primary={{ href: "/instructor", label: "All questions" }} />
    </div>
  );
}
