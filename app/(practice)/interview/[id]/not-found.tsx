import { LinkButton } from "@/components/ui/button";

export default function InterviewNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="font-mono text-sm text-accent">404 · no such interview</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">We could not find that interview</h1>
      <p className="mt-3 text-muted">It may belong to another account, or the link may be mistyped. Your own interviews are listed on the mock interview page.</p>
      <div className="mt-8 flex justify-center gap-3">
        <LinkButton href="/interview">Mock interviews</LinkButton>
        <LinkButton href="/questions" variant="secondary">
          Question bank
        </LinkButton>
      </div>
    </div>
  );
}
