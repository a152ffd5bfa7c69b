"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { callApi, describeIssue } from "./api-client";
import { StatusMessage, type StatusNote } from "./status-message";

const MAX_BYTES = 200_000;

/**
 * Import a rubric from a question markdown file (pasted or uploaded): it becomes a new, unpublished
 * version on top of the latest one. Problems come back with the line they are on.
 */
export function ImportForm({ slug, latestVersion }: { slug: string; latestVersion: number }) {
  const router = useRouter();
  const id = useId();
  const [markdown, setMarkdown] = useState("");
  const [changeNote, setChangeNote] = useState("");
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<StatusNote | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFieldError(`That file is ${Math.round(file.size / 1000)} kB; a question file is at most ${MAX_BYTES / 1000} kB.`);
      return;
    }
    setMarkdown(await file.text());
    setFieldError(null);
    setNote({ tone: "info", text: `Loaded ${file.name}. Check it below, then import.` });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!markdown.trim()) {
      setFieldError("Paste the question file or choose one to upload first.");
      return;
    }
    setFieldError(null);
    setPending(true);
    setNote({ tone: "info", text: "Importing…" });
    const result = await callApi<{ version: { version: number } }>(`/api/instructor/questions/${encodeURIComponent(slug)}/import`, {
      body: { markdown, baseVersion: latestVersion, ...(changeNote.trim() ? { note: changeNote.trim() } : {}) },
    });
    setPending(false);
    if (!result.ok) {
      const issues = result.error.issues.map(describeIssue);
      setNote({
        tone: "bad",
        text: issues.length > 0 ? `The file was not imported. Fix ${issues.length === 1 ? "this problem" : `these ${issues.length} problems`} and try again:` : result.error.message,
        list: issues,
      });
      if (result.error.field === "markdown" && issues.length === 0) setFieldError(result.error.message);
      router.refresh();
      return;
    }
    setMarkdown("");
    setChangeNote("");
    setNote({ tone: "good", text: `Imported as v${result.data.version.version}. It is not live yet: publish it to make it the active rubric.` });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby={`${id}-help`} data-testid="import-form" noValidate>
      <p id={`${id}-help`} className="text-sm text-muted">
        Upload or paste a whole question file (frontmatter and body, as exported). Only its rubric is taken; it is saved as v{latestVersion + 1} and not published.
      </p>
      <div>
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          Question file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          onChange={onFile}
          className="mt-1 block w-full text-sm text-muted file:mr-3 file:rounded-lg file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-text hover:file:bg-surface-2"
          data-testid="import-file"
        />
      </div>
      <div>
        <label htmlFor={`${id}-markdown`} className="text-sm font-medium">
          Markdown
        </label>
        <textarea
          id={`${id}-markdown`}
          value={markdown}
          onChange={(event) => setMarkdown(event.target.value)}
          rows={10}
          spellCheck={false}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-markdown-error` : undefined}
          placeholder={"---\nslug: " + slug + "\n…\nrubric:\n  items:\n    - id: …\n---"}
          className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 font-mono text-[0.8rem] leading-relaxed text-text placeholder:text-muted/60"
          data-testid="import-markdown"
        />
        {fieldError ? (
          <p id={`${id}-markdown-error`} className="mt-1 text-sm text-bad">
            {fieldError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="text-sm font-medium">
          Note <span className="font-normal text-muted">(optional)</span>
        </label>
        <input
          id={`${id}-note`}
          value={changeNote}
          onChange={(event) => setChangeNote(event.target.value)}
          maxLength={500}
          placeholder="What changed, for the version list"
          className="mt-1 block h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-text placeholder:text-muted/60"
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending} data-testid="import-submit">
          {pending ? "Importing…" : "Import as a new version"}
        </Button>
      </div>
      <StatusMessage note={note} testId="import-status" />
    </form>
  );
}
