"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The model answer stays hidden until asked for: reading it first spoils the practice.
export function ModelAnswerReveal({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <section aria-labelledby={`${regionId}-title`} className="rounded-2xl border border-border bg-surface">
      <div className="flex flex-wrap items-center justify-between gap-3 p-5">
        <div>
          <h2 id={`${regionId}-title`} className="text-lg font-semibold">
            Model answer
          </h2>
          <p className="text-sm text-muted">{open ? "Compare it with yours: structure, specifics, trade-offs." : "Try answering first — then compare."}</p>
        </div>
        <Button variant={open ? "secondary" : "primary"} aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)} data-testid="reveal-model-answer">
          {open ? "Hide model answer" : "Reveal model answer"}
        </Button>
      </div>
      <div id={regionId} hidden={!open} className="border-t border-border p-5" data-testid="model-answer">
        {children}
      </div>
    </section>
  );
}
