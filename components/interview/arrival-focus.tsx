"use client";

import { useEffect } from "react";

// After an interview action (submit, skip, a follow-up) the server redraws the page on the next step
// and the button that was pressed is gone, so focus would fall back to the document. The control marks
// the move before it calls the action (and takes the mark back when the action fails); the next step's
// heading takes focus when it mounts (the page keys ArrivalFocus by step). A reload or a later visit
// leaves focus alone.
let pending = false;

export function requestArrivalFocus() {
  pending = true;
}

export function cancelArrivalFocus() {
  pending = false;
}

/**
 * Focuses the element with `targetId` (a heading with tabIndex -1) when the step arrives after an
 * action, and scrolls the step (`scrollId`, which starts with any notice above the heading) into view.
 */
export function ArrivalFocus({ targetId, scrollId }: { targetId: string; scrollId?: string }) {
  useEffect(() => {
    if (!pending) return;
    const target = document.getElementById(targetId);
    if (!target) return;
    pending = false;
    target.focus({ preventScroll: true });
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    (document.getElementById(scrollId ?? targetId) ?? target).scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
  }, [targetId, scrollId]);
  return null;
}
