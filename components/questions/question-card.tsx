import Link from "next/link";
import type { Question } from "@/lib/content/load";
import { LevelBadge } from "./level-badge";

/** The prompt's first sentence, stripped of markdown, for a one-line preview. */
function preview(prompt: string): string {
  const plain = prompt.replace(/[*_`#>[\]]/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 180 ? `${plain.slice(0, 177).trimEnd()}…` : plain;
}

export function QuestionCard({ question, trackTitle }: { question: Question; trackTitle: string }) {
  return (
    <li>
      <Link
        href={`/questions/${question.slug}`}
        className="group block rounded-2xl border border-border bg-surface p-5 transition-colors hover:border-accent/60 hover:bg-surface-2/40"
        data-testid="question-card"
      >
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <LevelBadge level={question.level} />
          <span>{trackTitle}</span>
          <span aria-hidden="true">·</span>
          <span>{question.timeBudgetMinutes} min</span>
        </div>
        <h2 className="mt-3 text-[1.05rem] leading-snug font-semibold group-hover:text-accent-strong">{question.title}</h2>
        <p className="mt-1.5 line-clamp-2 text-sm leading-relaxed text-muted">{preview(question.prompt)}</p>
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {question.tags.map((tag) => (
            <li key={tag} className="rounded-md bg-surface-2 px-2 py-0.5 font-mono text-[0.72rem] text-muted">
              {tag}
            </li>
          ))}
        </ul>
      </Link>
    </li>
  );
}
