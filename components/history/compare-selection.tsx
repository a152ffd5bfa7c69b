"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * Wraps the attempts table in a GET form to /history/compare. Ticking a third attempt unticks the
 * first of the two already chosen, so exactly two are compared. Without JavaScript the form still
 * submits and the compare page explains if the count is wrong.
 */
export function CompareSelection({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const form = useRef<HTMLFormElement>(null);
  const order = useRef<string[]>([]);
  const [count, setCount] = useState(0);

  const onChange = (event: React.ChangeEvent<HTMLFormElement>) => {
    const input = event.target as unknown as HTMLInputElement;
    if (input.name !== "pick" || input.type !== "checkbox") return;
    order.current = order.current.filter((value) => value !== input.value);
    if (input.checked) order.current.push(input.value);
    while (order.current.length > 2) {
      const dropped = order.current.shift();
      const box = form.current?.querySelector<HTMLInputElement>(`input[name="pick"][value="${dropped}"]`);
      if (box) box.checked = false;
    }
    setCount(order.current.length);
  };

  return (
    <form ref={form} action="/history/compare" method="get" onChange={onChange} data-testid="compare-form">
      {children}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
        <p className="text-sm text-muted" aria-live="polite">
          {count === 0 ? "Tick two attempts to compare what changed between them." : count === 1 ? "1 attempt ticked — tick one more." : "2 attempts ticked."}
        </p>
        <div className="flex items-center gap-3">
          {footer}
          <Button type="submit" size="sm" disabled={count !== 2} data-testid="compare-submit">
            Compare
          </Button>
        </div>
      </div>
    </form>
  );
}
