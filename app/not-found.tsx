import { NotFoundLinks } from "@/components/ui/not-found-links";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="font-mono text-sm text-accent">404 · offset out of range</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">We could not find that page</h1>
      <p className="mt-3 text-muted">The link may be old, or the question may have been renamed. The question bank has everything that exists today.</p>
      <NotFoundLinks primary={{ href: "/questions", label: "Browse questions" }} secondary={{ href: "/", label: "Home" }} />
    </div>
  );
}
