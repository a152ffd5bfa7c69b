"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every few seconds while the AI refinement is running, for up to 3 minutes. */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > 180_000) clearInterval(timer);
      else router.refresh();
    }, 2500);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
