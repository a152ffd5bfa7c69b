// Bringing something that just appeared inside the editor's side panel into view. At desktop widths
// the panel is sticky and scrolls on its own, so there are two scroll positions to set: the page's
// (the whole panel on screen, clear of the site header and above the fold) and the panel's (the
// element near its top). One scrollIntoView would do both, but it aligns the element with the top
// of the page too, which pushes the panel under the header when the page cannot scroll the panel
// into its sticky place (a short form column). Narrower, the panel is part of the page and one
// scroll does it.

/** The nearest ancestor that scrolls vertically on its own, if any (not the page). */
export function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === "auto" || overflowY === "scroll") && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/**
 * Scrolls `element` into view (its scroll-margin-top is the room left above it, on top of the page's
 * scroll-padding for the sticky header) and focuses it
 * without a second jump. Motion follows the reader's prefers-reduced-motion.
 */
export function revealAndFocus(element: HTMLElement | null) {
  if (!element) return;
  const behavior: ScrollBehavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  const panel = scrollParent(element);
  if (panel) {
    // A small, instant nudge of the page (the page's scroll-padding keeps the panel below the site
    // header); a smooth one can be cut short when the panel's own smooth scroll starts.
    panel.scrollIntoView({ block: "nearest", behavior: "auto" });
    const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    const top = panel.scrollTop + element.getBoundingClientRect().top - panel.getBoundingClientRect().top - margin;
    panel.scrollTo({ top, behavior });
  } else {
    element.scrollIntoView({ block: "start", behavior });
  }
  element.focus({ preventScroll: true });
}
